// Picking an object: projects with a submitted self-evaluation (§B.1) and each department's whole expenditure,
// then the evaluator — an in-house finance reviewer or a registered 第三方机构.
import { App, Button, Form, Modal, Radio, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { GradeTag } from '../../ui/grade-tag.tsx';
import type { Candidate, Evaluators, ExtEvalDetail } from './ext-eval-api.ts';

interface EvaluatorForm {
  evaluatorKind: 'inhouse' | 'thirdParty';
  evaluatorUsername?: string;
  agencyId?: string;
}

function EvaluatorDialog({
  target,
  year,
  onClose,
  onCreated,
}: {
  target: Candidate | null;
  year: number;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EvaluatorForm>();
  const evaluators = useApi<Evaluators>(target ? '/api/external-evaluations/evaluators' : null);
  const kind = Form.useWatch('evaluatorKind', form) ?? 'inhouse';
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const created = await api.post<ExtEvalDetail>('/api/external-evaluations', {
        year,
        departmentCode: target!.departmentCode,
        projectId: target!.projectId,
        evaluatorKind: v.evaluatorKind,
        ...(v.evaluatorKind === 'inhouse'
          ? { evaluatorUsername: v.evaluatorUsername }
          : { agencyId: v.agencyId }),
      });
      void message.success('已选取，评价处于「待启动」');
      onCreated(created.id);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open={target !== null}
      title={`指定评价人：${target?.name ?? ''}`}
      okText="确定选取"
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="ext-eval-evaluator-dialog"
    >
      <Form form={form} layout="vertical" initialValues={{ evaluatorKind: 'inhouse' }}>
        <Form.Item name="evaluatorKind" label="评价方式">
          <Radio.Group
            options={[
              { value: 'inhouse', label: '财政自行评价' },
              { value: 'thirdParty', label: '委托第三方机构' },
            ]}
          />
        </Form.Item>
        {kind === 'inhouse' ? (
          <Form.Item name="evaluatorUsername" label="评价人（财政审核人员）">
            <Select
              allowClear
              placeholder="默认：本人"
              options={(evaluators.data?.reviewers ?? []).map((r) => ({
                value: r.username,
                label: r.displayName,
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="agencyId"
            label="第三方机构"
            rules={[{ required: true, message: '请选择第三方机构' }]}
          >
            <Select
              data-testid="ext-eval-agency"
              options={(evaluators.data?.agencies ?? []).map((a) => ({
                value: a.id,
                label: a.name,
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function PickDialog({
  open,
  year,
  onClose,
  onCreated,
}: {
  open: boolean;
  year: number;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const candidates = useApi<Candidate[]>(open ? '/api/external-evaluations/candidates' : null, {
    year,
  });
  const [target, setTarget] = useState<Candidate | null>(null);
  return (
    <>
      <Modal
        open={open}
        destroyOnHidden
        title={`选取评价对象（${year} 年度）`}
        footer={null}
        onCancel={onClose}
        width={900}
        data-testid="ext-eval-pick-dialog"
      >
        <p className="jx-muted">只能选取已提交单位自评的项目，或部门整体支出（部门评价）。</p>
        <Table<Candidate>
          size="small"
          rowKey={(r) => `${r.departmentCode}:${r.projectId ?? 'dept'}`}
          loading={candidates.loading}
          dataSource={candidates.data ?? []}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: '部门', dataIndex: 'departmentName' },
            {
              title: '评价对象',
              render: (_, r) => (
                <span>
                  {r.name}
                  {r.kind === 'department' && <Tag style={{ marginLeft: 6 }}>部门整体</Tag>}
                </span>
              ),
            },
            {
              title: '单位自评',
              render: (_, r) =>
                r.selfEvaluation ? (
                  <span>
                    {r.selfEvaluation.total ?? '—'} <GradeTag grade={r.selfEvaluation.grade} />
                  </span>
                ) : (
                  '—'
                ),
            },
            {
              title: '',
              render: (_, r) =>
                r.evaluationId ? (
                  <Tag>已选取</Tag>
                ) : (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setTarget(r)}
                    data-testid={`ext-eval-pick-${r.projectCode ?? r.departmentCode}`}
                  >
                    选取
                  </Button>
                ),
            },
          ]}
        />
      </Modal>
      <EvaluatorDialog
        target={target}
        year={year}
        onClose={() => setTarget(null)}
        onCreated={(id) => {
          setTarget(null);
          candidates.reload();
          onCreated(id);
        }}
      />
    </>
  );
}

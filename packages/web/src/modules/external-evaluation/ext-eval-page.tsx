// 财政重点评价: the bureau's list of the region's external evaluations (pick an object, open its score sheet), and a
// third party's list of the evaluations assigned to its agency.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import { useWorkspace } from '../../app/workspace.tsx';
import { GradeTag } from '../../ui/grade-tag.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { STATUS_COLOR, type ExtEval } from './ext-eval-api.ts';
import { PickDialog } from './ext-eval-pick.tsx';
import { ExtEvalSheetDrawer } from './ext-eval-sheet.tsx';

function EvalTable({ rows, onOpen }: { rows: ExtEval[]; onOpen: (id: string) => void }) {
  return (
    <Table<ExtEval>
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={false}
      data-testid="ext-eval-list"
      onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: '部门', dataIndex: 'departmentName' },
        {
          title: '评价对象',
          render: (_, r) => (
            <span>
              {r.objectName}
              {r.projectCode ? <span className="jx-muted">（{r.projectCode}）</span> : null}
              {r.objectKind === 'department' && <Tag style={{ marginLeft: 6 }}>部门评价</Tag>}
            </span>
          ),
        },
        {
          title: '评价人',
          render: (_, r) =>
            `${r.evaluatorKind === 'thirdParty' ? '第三方：' : '财政：'}${r.evaluatorName}`,
        },
        {
          title: '状态',
          render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{r.statusText}</Tag>,
        },
        {
          title: '得分',
          dataIndex: 'total',
          align: 'right',
          render: (v: string | null) => v ?? '—',
        },
        { title: '等级', render: (_, r) => <GradeTag grade={r.grade} /> },
        { title: '问题数', dataIndex: 'findingCount', align: 'right' },
      ]}
    />
  );
}

/** /bureau/external-evaluation (the region's) and /admin/external-evaluation (a third party's assignments). */
export function ExternalEvaluationPage() {
  const user = useUser();
  const { year } = useWorkspace();
  const bureau = user.role === 'financeReviewer';
  const list = useApi<ExtEval[]>('/api/external-evaluations', {
    year: user.role === 'thirdParty' ? undefined : year,
  });
  const [open, setOpen] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  return (
    <div>
      <PageHeader
        title="财政重点评价"
        sub={`${year} 年度（被评价年度）`}
        extra={
          bureau && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setPicking(true)}
              data-testid="ext-eval-pick"
            >
              选取评价对象
            </Button>
          )
        }
      />
      <Card size="small">
        <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
          <EvalTable rows={list.data ?? []} onOpen={setOpen} />
        </LoadState>
      </Card>
      {bureau && (
        <PickDialog
          open={picking}
          year={year}
          onClose={() => setPicking(false)}
          onCreated={(id) => {
            setPicking(false);
            list.reload();
            setOpen(id);
          }}
        />
      )}
      <ExtEvalSheetDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />
    </div>
  );
}

// 事前绩效评估: the department's items needing an assessment (register, score live, submit, revise), the bureau's
// region-wide review list, and a third-party account's list of the items assigned to its agency.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import { useDeptCode } from '../../app/dept-code.ts';
import { canEditDepartment } from '../../app/home-path.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ExAnteDetailDrawer } from './exante-detail.tsx';
import { ExAnteList } from './exante-list.tsx';
import { AgencyRegisterButton } from './agency-register.tsx';
import type { ExAnteItem } from './exante-api.ts';

interface RegisterForm {
  projectCode: string;
  projectName: string;
  type: 'PROJECT' | 'POLICY';
  isNew: boolean;
  amount: string;
  goalText?: string;
}

function RegisterDialog({
  open,
  code,
  year,
  onClose,
  onSaved,
}: {
  open: boolean;
  code: string;
  year: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterForm>();
  return (
    <Modal
      open={open}
      title={t('exante.register')}
      onCancel={onClose}
      onOk={() =>
        void form.validateFields().then((v) =>
          api
            .post('/api/exante/items', { ...v, departmentCode: code, year })
            .then(onSaved)
            .catch((e: unknown) => void message.error((e as Error).message)),
        )
      }
      data-testid="exante-register-dialog"
    >
      <Form form={form} layout="vertical" initialValues={{ type: 'PROJECT', isNew: true }}>
        <Form.Item name="projectCode" label={t('exante.projectCode')} rules={[{ required: true }]}>
          <Input data-testid="exante-code" />
        </Form.Item>
        <Form.Item name="projectName" label={t('exante.projectName')} rules={[{ required: true }]}>
          <Input data-testid="exante-name" />
        </Form.Item>
        <Form.Item name="type" label={t('exante.type')}>
          <Select
            options={[
              { value: 'PROJECT', label: '项目' },
              { value: 'POLICY', label: '政策' },
            ]}
          />
        </Form.Item>
        <Form.Item name="isNew" label={t('exante.isNew')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('exante.amountYuan')}
          rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/ }]}
        >
          <Input data-testid="exante-amount" />
        </Form.Item>
        <Form.Item name="goalText" label={t('exante.goalText')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Page({ deptCode }: { deptCode: string | null }) {
  const user = useUser();
  const { year, departmentName } = useWorkspace();
  const { t } = useI18n();
  // A third party sees every item assigned to its agency, whatever the year (it has no fiscal-year list).
  const list = useApi<ExAnteItem[]>('/api/exante', {
    department: deptCode ?? undefined,
    year: user.role === 'thirdParty' ? undefined : year,
  });
  const [open, setOpen] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const canEdit = deptCode !== null && canEditDepartment(user, deptCode);
  return (
    <div>
      <PageHeader
        title={t('exante.title')}
        sub={`${deptCode ? departmentName(deptCode) : ''} · ${year}${t('app.yearSuffix')}`}
        extra={
          user.role === 'financeReviewer' && deptCode === null ? (
            <AgencyRegisterButton year={year} />
          ) : (
            canEdit && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setRegistering(true)}
                data-testid="exante-register"
              >
                {t('exante.register')}
              </Button>
            )
          )
        }
      />
      <Card size="small">
        <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
          <ExAnteList rows={list.data ?? []} onOpen={setOpen} showDept={deptCode === null} />
        </LoadState>
      </Card>
      <ExAnteDetailDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />
      {deptCode && (
        <RegisterDialog
          open={registering}
          code={deptCode}
          year={year}
          onClose={() => setRegistering(false)}
          onSaved={() => {
            setRegistering(false);
            list.reload();
          }}
        />
      )}
    </div>
  );
}

/** /dept/:code/exante. */
export function ExAntePage() {
  return <Page deptCode={useDeptCode()} />;
}

/** /bureau/exante (the region's items) and /admin/exante (a third party's assigned items). */
export function BureauExAntePage() {
  return <Page deptCode={null} />;
}

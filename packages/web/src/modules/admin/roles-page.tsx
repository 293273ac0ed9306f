// 角色与权限 (system and security administrator): each role's duty and how many accounts hold it, the permission
// table the server enforces (GET /api/roles/permissions: each permission in words, a mark under each role granted
// it); the security administrator also sets the password and lock policy here (only stricter than the baseline).
import { App, Button, Card, Form, InputNumber, Table } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import type { Schema } from '../../api/schema.ts';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import type { Role } from '../../app/roles.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import type { Account } from './account-duties.ts';

type Policy = Schema<'PasswordPolicy'>;
type PermissionRow = Schema<'PermissionRow'>;

const DUTIES: { role: Role; zh: string; en: string }[] = [
  {
    role: 'clerk',
    zh: '填报本部门的绩效目标、实际值、自评和报告',
    en: "Enters the department's goals, actuals, self-evaluation and report",
  },
  {
    role: 'deptHead',
    zh: '审核本部门的目标和自评，扣分，审批调整申请',
    en: "Approves the department's goals and self-evaluation, deducts, decides change requests",
  },
  {
    role: 'financeReviewer',
    zh: '财政局：审核全地区的目标、自评和报告，开启年度',
    en: 'Finance bureau: reviews the region’s goals, evaluations and reports; opens years',
  },
  {
    role: 'thirdParty',
    zh: '只看到委托给本机构的评估项目并评分',
    en: 'Sees and scores only the items assigned to its agency',
  },
  {
    role: 'systemAdmin',
    zh: '账户的新建、停用、重置密码；地区与单位；不接触业务数据',
    en: 'Accounts (create, disable, reset); regions and units; no business data',
  },
  {
    role: 'securityAdmin',
    zh: '授予业务角色、锁定与解锁账户、密码策略；不接触业务数据',
    en: 'Grants business roles, locks and unlocks, password policy; no business data',
  },
  {
    role: 'auditAdmin',
    zh: '只读审计日志：检索、导出、校验',
    en: 'Reads the audit log only: search, export, verify',
  },
];

function PolicyCard() {
  const { pick, lang } = useI18n();
  const { message } = App.useApp();
  const policy = useApi<Policy>('/api/security/password-policy');
  const [form] = Form.useForm<Policy>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (policy.data) {
      form.setFieldsValue(policy.data);
    }
  }, [policy.data, form]);
  const save = async (v: Policy) => {
    setBusy(true);
    try {
      await api.put('/api/security/password-policy', v);
      void message.success(pick({ zh: '密码策略已保存', en: 'Password policy saved' }));
      policy.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: keyof Policy, zh: string, en: string) => (
    <Form.Item name={name} label={pick({ zh, en })} rules={[{ required: true }]}>
      <InputNumber precision={0} style={{ width: 120 }} />
    </Form.Item>
  );
  return (
    <Card
      size="small"
      title={pick({ zh: '密码与锁定策略', en: 'Password and lock policy' })}
      className="jx-section"
    >
      <LoadState
        loading={policy.loading && !policy.data}
        error={policy.error}
        reload={policy.reload}
      >
        <Form form={form} layout="inline" onFinish={(v) => void save(v)} data-testid="policy-form">
          {field('minLength', '密码最小长度', 'Minimum length')}
          {field('minClasses', '字符类别数', 'Character classes')}
          {field('maxFailedAttempts', '失败几次后锁定', 'Failures before lock')}
          {field('lockMinutes', '锁定分钟数', 'Lock minutes')}
          <Button type="primary" htmlType="submit" loading={busy}>
            {pick({ zh: '保存', en: 'Save' })}
          </Button>
        </Form>
      </LoadState>
    </Card>
  );
}

/** The server's rule table: one row per permission (grouped by area), one column per role, ✓ where granted. */
function PermissionsCard() {
  const { t, pick } = useI18n();
  const table = useApi<PermissionRow[]>('/api/roles/permissions');
  const roles = DUTIES.map((d) => d.role);
  return (
    <Card
      size="small"
      title={pick({
        zh: '权限表（服务器实际执行的规则）',
        en: 'Permissions (as the server enforces them)',
      })}
      className="jx-section"
    >
      <LoadState loading={table.loading && !table.data} error={table.error} reload={table.reload}>
        <Table
          size="small"
          rowKey={(r) => `${r.area.zh}-${r.name.zh}`}
          pagination={false}
          data-testid="permissions-table"
          dataSource={table.data ?? []}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: pick({ zh: '领域', en: 'Area' }),
              key: 'area',
              width: 140,
              render: (_v, r, i) => {
                const prev = (table.data ?? [])[i - 1];
                return prev && prev.area.zh === r.area.zh ? '' : pick(r.area);
              },
            },
            {
              title: pick({ zh: '权限', en: 'Permission' }),
              key: 'name',
              render: (_v, r) => pick(r.name),
            },
            ...roles.map((role) => ({
              title: t(`role.${role}` as MessageKey),
              key: role,
              width: 92,
              align: 'center' as const,
              render: (_v: unknown, r: PermissionRow) =>
                r.roles.includes(role) ? (
                  <span aria-label={pick({ zh: '有', en: 'yes' })}>✓</span>
                ) : (
                  ''
                ),
            })),
          ]}
        />
      </LoadState>
    </Card>
  );
}

export function RolesPage() {
  const user = useUser();
  const { t, pick } = useI18n();
  const accounts = useApi<Account[]>('/api/users');
  const count = (r: Role) =>
    (accounts.data ?? []).filter((a) => a.role === r && !a.disabled).length;
  return (
    <div>
      <PageHeader title={pick({ zh: '角色与权限', en: 'Roles and permissions' })} />
      <Card size="small">
        <Table
          size="small"
          rowKey="role"
          pagination={false}
          data-testid="roles-table"
          dataSource={DUTIES}
          columns={[
            {
              title: pick({ zh: '角色', en: 'Role' }),
              dataIndex: 'role',
              width: 180,
              render: (r: Role) => t(`role.${r}` as MessageKey),
            },
            { title: pick({ zh: '职责', en: 'Duty' }), key: 'duty', render: (_v, d) => pick(d) },
            {
              title: pick({ zh: '在用账户', en: 'Active accounts' }),
              key: 'n',
              width: 110,
              align: 'right',
              render: (_v, d) => (accounts.data ? count(d.role) : '…'),
            },
          ]}
        />
        <p className="jx-muted" style={{ marginTop: 8 }}>
          {pick({
            zh: '三员分立：管理员角色（系统、安全、审计管理员）只能在服务器命令行授予，界面不提供；业务角色由安全管理员在「账户管理」中授予。',
            en: 'Separation of duties: administrator roles are granted only on the server’s command line; business roles are granted by the security administrator under Accounts.',
          })}
        </p>
      </Card>
      <PermissionsCard />
      {user.role === 'securityAdmin' && <PolicyCard />}
    </div>
  );
}

// 第三方机构账户 (system administrator, 三员分立): the 第三方机构 the finance bureau registered, their evaluator
// accounts, and a form that creates one (role thirdParty, bound to the agency; the password is shown once and
// must be changed at the first sign-in). The account then sees only the items assigned to its agency.
import { App, Alert, Button, Card, Form, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import type { AgencyAccountCreated, AgencyAccounts } from './exante-api.ts';

const TEXT = {
  zh: {
    title: '第三方机构账户',
    hint: '第三方机构由财政局在「事前绩效评估」中登记；此处为其评估人员创建账户。账户只能看到委托给本机构的评估项目。',
    agency: '第三方机构',
    code: '机构编码',
    accounts: '评估人员账户',
    none: '尚无账户',
    create: '创建账户',
    username: '用户名',
    name: '姓名',
    created: '已创建账户 {user}。初始密码（仅显示这一次，首次登录须修改）：',
    empty: '财政局尚未登记第三方机构',
  },
  en: {
    title: 'Third-party accounts',
    hint: 'The finance bureau registers agencies under Ex-ante assessment; create their evaluators’ accounts here. An account sees only the items assigned to its agency.',
    agency: 'Agency',
    code: 'Code',
    accounts: 'Evaluator accounts',
    none: 'No accounts yet',
    create: 'Create account',
    username: 'Username',
    name: 'Name',
    created: 'Created {user}. Initial password (shown once, to be changed at the first sign-in):',
    empty: 'The finance bureau has not registered an agency yet',
  },
} as const;

interface NewAccount {
  agencyCode: string;
  username: string;
  displayName: string;
}

export function AgencyAccountsPage() {
  const { lang } = useI18n();
  const txt = TEXT[lang];
  const { message } = App.useApp();
  const [form] = Form.useForm<NewAccount>();
  const [created, setCreated] = useState<AgencyAccountCreated | null>(null);
  const list = useApi<AgencyAccounts>('/api/exante/agency-accounts');
  const submit = (v: NewAccount) =>
    api
      .post<AgencyAccountCreated>('/api/exante/agency-accounts', v)
      .then((r) => {
        setCreated(r);
        form.resetFields(['username', 'displayName']);
        list.reload();
      })
      .catch((e: unknown) => void message.error((e as Error).message));
  return (
    <div>
      <PageHeader title={txt.title} />
      <Alert type="info" showIcon message={txt.hint} style={{ marginBottom: 16 }} />
      <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
        <Card title={txt.create} style={{ marginBottom: 16 }}>
          {(list.data ?? []).length === 0 ? (
            <Alert type="warning" message={txt.empty} />
          ) : (
            <Form form={form} layout="inline" onFinish={(v) => void submit(v)}>
              <Form.Item name="agencyCode" label={txt.agency} rules={[{ required: true }]}>
                <Select
                  style={{ width: 260 }}
                  options={(list.data ?? []).map((a) => ({ value: a.code, label: a.name }))}
                  data-testid="agency-account-agency"
                />
              </Form.Item>
              <Form.Item name="username" label={txt.username} rules={[{ required: true, min: 3 }]}>
                <Input data-testid="agency-account-username" autoComplete="off" />
              </Form.Item>
              <Form.Item name="displayName" label={txt.name} rules={[{ required: true }]}>
                <Input data-testid="agency-account-name" autoComplete="off" />
              </Form.Item>
              <Button type="primary" htmlType="submit" data-testid="agency-account-create">
                {txt.create}
              </Button>
            </Form>
          )}
          {created && (
            <Alert
              type="success"
              style={{ marginTop: 16 }}
              data-testid="agency-account-created"
              message={
                <span>
                  {txt.created.replace('{user}', created.username)}{' '}
                  <Typography.Text code copyable data-testid="agency-account-password">
                    {created.generatedPassword ?? ''}
                  </Typography.Text>
                </span>
              }
            />
          )}
        </Card>
        <Table
          rowKey="id"
          pagination={false}
          dataSource={list.data ?? []}
          data-testid="agency-accounts"
          columns={[
            { title: txt.code, dataIndex: 'code', width: 140 },
            { title: txt.agency, dataIndex: 'name' },
            {
              title: txt.accounts,
              dataIndex: 'accounts',
              render: (a: AgencyAccounts[number]['accounts']) =>
                a.length === 0
                  ? txt.none
                  : a.map((u) => `${u.displayName}（${u.username}）`).join('、'),
            },
          ]}
        />
      </LoadState>
    </div>
  );
}

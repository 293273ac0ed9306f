// 账户管理 (system and security administrator, 三员分立): list and search accounts; the system administrator
// creates, edits, disables/enables and resets passwords; the security administrator grants business roles, locks
// and unlocks. Each row offers only what the server allows this administrator (account-duties.ts).
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import type { Schema } from '../../api/schema.ts';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import type { Role } from '../../app/roles.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import {
  accountState,
  CREATABLE_ROLES,
  GRANTABLE_ROLES,
  mayAct,
  mayCreate,
  type Account,
  type AccountAction,
} from './account-duties.ts';
import {
  AccountDialog,
  PasswordShown,
  type AccountValues,
  type DialogKind,
} from './account-dialogs.tsx';

const STATE_TAG = {
  active: { color: 'green', zh: '正常', en: 'Active' },
  mustChange: { color: 'gold', zh: '待改密码', en: 'Must change password' },
  locked: { color: 'orange', zh: '已锁定', en: 'Locked' },
  disabled: { color: 'default', zh: '已停用', en: 'Disabled' },
} as const;

const ACTION_TEXT: Record<AccountAction, { zh: string; en: string }> = {
  edit: { zh: '编辑', en: 'Edit' },
  disable: { zh: '停用', en: 'Disable' },
  resetPassword: { zh: '重置密码', en: 'Reset password' },
  setRole: { zh: '授予角色', en: 'Grant role' },
  lock: { zh: '锁定', en: 'Lock' },
  unlock: { zh: '解锁', en: 'Unlock' },
};

function useAccountFilter(all: Account[]) {
  const [text, setText] = useState('');
  const [role, setRole] = useState<Role | undefined>(undefined);
  const rows = useMemo(() => {
    const q = text.trim().toLowerCase();
    return all.filter(
      (a) =>
        (!role || a.role === role) &&
        (!q ||
          a.username.includes(q) ||
          a.displayName.toLowerCase().includes(q) ||
          (a.departmentName ?? '').includes(q)),
    );
  }, [all, text, role]);
  return { rows, text, setText, role, setRole };
}

export function AccountsPage() {
  const user = useUser();
  const { t, pick, lang } = useI18n();
  const { message, modal } = App.useApp();
  const list = useApi<Account[]>('/api/users');
  const placements = useApi<Schema<'AccountPlacement'>[]>('/api/users/placements');
  const filter = useAccountFilter(list.data ?? []);
  const [dialog, setDialog] = useState<{ kind: DialogKind; account: Account | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState<{ user: string; password: string } | null>(null);
  const fail = (e: unknown) =>
    void message.error(e instanceof ApiError ? e.localized(lang) : String(e));
  const done = (text: { zh: string; en: string }) => {
    void message.success(pick(text));
    list.reload();
  };

  const run = async (fn: () => Promise<unknown>, text: { zh: string; en: string }) => {
    setBusy(true);
    try {
      await fn();
      setDialog(null);
      done(text);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = (v: AccountValues) => {
    const a = dialog?.account;
    switch (dialog?.kind) {
      case 'create':
        return void run(
          async () => {
            const r = await api.post<Schema<'UserWithPassword'>>('/api/users', {
              username: v.username,
              displayName: v.displayName,
              role: v.role,
              departmentCode: v.departmentCode ?? null,
            });
            if (r.generatedPassword) {
              setPassword({ user: r.user.username, password: r.generatedPassword });
            }
          },
          { zh: '账户已创建', en: 'Account created' },
        );
      case 'edit':
        return void run(
          () =>
            api.patch(`/api/users/${a!.id}`, {
              displayName: v.displayName,
              ...(v.departmentCode ? { departmentCode: v.departmentCode } : {}),
            }),
          { zh: '已保存', en: 'Saved' },
        );
      case 'role':
        return void run(
          () =>
            api.put(`/api/users/${a!.id}/role`, {
              role: v.role,
              departmentCode: v.departmentCode ?? null,
            }),
          { zh: '角色已授予', en: 'Role granted' },
        );
      case 'lock':
        return void run(() => api.post(`/api/users/${a!.id}/lock`, { minutes: v.minutes }), {
          zh: '账户已锁定',
          en: 'Account locked',
        });
      default:
        return undefined;
    }
  };

  const act = (action: AccountAction, a: Account) => {
    if (action === 'edit' || action === 'setRole' || action === 'lock') {
      setDialog({ kind: action === 'setRole' ? 'role' : action, account: a });
      return;
    }
    const confirm = {
      disable: a.disabled
        ? { zh: `启用账户「${a.displayName}」？`, en: `Enable ${a.displayName}?` }
        : {
            zh: `停用账户「${a.displayName}」？其会话随之失效，可随时再启用。`,
            en: `Disable ${a.displayName}? Their sessions end; it can be enabled again.`,
          },
      resetPassword: {
        zh: `重置「${a.displayName}」的密码？将生成新密码（仅显示一次），其会话随之失效。`,
        en: `Reset the password of ${a.displayName}? A new one is generated (shown once); their sessions end.`,
      },
      unlock: { zh: `解除「${a.displayName}」的锁定？`, en: `Unlock ${a.displayName}?` },
    }[action];
    modal.confirm({
      title: pick(confirm),
      onOk: () =>
        action === 'disable'
          ? run(() => api.patch(`/api/users/${a.id}`, { disabled: !a.disabled }), {
              zh: a.disabled ? '已启用' : '已停用',
              en: a.disabled ? 'Enabled' : 'Disabled',
            })
          : action === 'unlock'
            ? run(() => api.post(`/api/users/${a.id}/unlock`, {}), { zh: '已解锁', en: 'Unlocked' })
            : run(
                async () => {
                  const r = await api.post<Schema<'UserWithPassword'>>(
                    `/api/users/${a.id}/reset-password`,
                    {},
                  );
                  setPassword({ user: r.user.username, password: r.generatedPassword ?? '' });
                },
                { zh: '密码已重置', en: 'Password reset' },
              ),
    });
  };

  const actionsOf = (a: Account): AccountAction[] =>
    (['edit', 'disable', 'resetPassword', 'setRole', 'lock', 'unlock'] as const).filter(
      (x) =>
        mayAct(user, x, a) &&
        !(x === 'unlock' && accountState(a, new Date()) !== 'locked') &&
        !(x === 'lock' && accountState(a, new Date()) === 'locked'),
    );

  return (
    <div>
      <PageHeader
        title={pick({ zh: '账户管理', en: 'Accounts' })}
        sub={pick(
          user.role === 'systemAdmin'
            ? {
                zh: '新建、编辑、停用账户，重置密码',
                en: 'Create, edit, disable accounts; reset passwords',
              }
            : { zh: '授予角色，锁定与解锁账户', en: 'Grant roles; lock and unlock accounts' },
        )}
        extra={
          mayCreate(user.role) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="account-create"
              onClick={() => setDialog({ kind: 'create', account: null })}
            >
              {pick({ zh: '新建账户', en: 'New account' })}
            </Button>
          )
        }
      />
      <Card size="small">
        <div className="jx-table-tools">
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={pick({ zh: '用户名、姓名或部门', en: 'Username, name or department' })}
              aria-label={pick({ zh: '搜索账户', en: 'Search accounts' })}
              data-testid="account-search"
              value={filter.text}
              onChange={(e) => filter.setText(e.target.value)}
              style={{ width: 260 }}
            />
            <Select
              allowClear
              aria-label={pick({ zh: '角色', en: 'Role' })}
              placeholder={pick({ zh: '全部角色', en: 'All roles' })}
              value={filter.role}
              onChange={filter.setRole}
              style={{ width: 180 }}
              options={(
                [
                  'clerk',
                  'deptHead',
                  'financeReviewer',
                  'thirdParty',
                  'systemAdmin',
                  'securityAdmin',
                  'auditAdmin',
                ] as Role[]
              ).map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))}
            />
          </Space>
        </div>
        <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
          <Table<Account>
            size="small"
            rowKey="id"
            data-testid="accounts-table"
            dataSource={filter.rows}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              { title: pick({ zh: '用户名', en: 'Username' }), dataIndex: 'username', width: 150 },
              { title: pick({ zh: '姓名', en: 'Name' }), dataIndex: 'displayName', width: 150 },
              {
                title: pick({ zh: '角色', en: 'Role' }),
                dataIndex: 'role',
                width: 150,
                render: (r: Role) => t(`role.${r}` as MessageKey),
              },
              {
                title: pick({ zh: '所属部门', en: 'Department' }),
                key: 'dept',
                render: (_v, a) => a.departmentName ?? '—',
              },
              {
                title: pick({ zh: '状态', en: 'State' }),
                key: 'state',
                width: 120,
                render: (_v, a) => {
                  const s = STATE_TAG[accountState(a, new Date())];
                  return <Tag color={s.color}>{pick(s)}</Tag>;
                },
              },
              {
                title: pick({ zh: '最近登录', en: 'Last sign-in' }),
                dataIndex: 'lastLoginAt',
                width: 170,
                render: (v: string | null) =>
                  v ? new Date(v).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN') : '—',
              },
              {
                title: pick({ zh: '操作', en: 'Actions' }),
                key: 'actions',
                width: 250,
                render: (_v, a) => (
                  <Space size={0} wrap>
                    {actionsOf(a).map((x) => (
                      <Button
                        key={x}
                        type="link"
                        size="small"
                        data-testid={`account-${x}-${a.username}`}
                        onClick={() => act(x, a)}
                      >
                        {x === 'disable' && a.disabled
                          ? pick({ zh: '启用', en: 'Enable' })
                          : pick(ACTION_TEXT[x])}
                      </Button>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </LoadState>
      </Card>
      <AccountDialog
        kind={dialog?.kind ?? null}
        account={dialog?.account ?? null}
        roles={dialog?.kind === 'create' ? CREATABLE_ROLES : GRANTABLE_ROLES}
        placements={placements.data ?? []}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={submit}
      />
      <PasswordShown shown={password} onClose={() => setPassword(null)} />
    </div>
  );
}

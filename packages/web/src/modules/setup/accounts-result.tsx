// The accounts an upload will create (preview) or created, with each generated password shown this once and a
// CSV to hand them out; every account must change its password at the first sign-in.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Table, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ImportedAccount, ImportUsersResult } from './organisation-types.ts';

function downloadCsv(r: ImportUsersResult): void {
  const lines = [
    '用户名,姓名,角色,单位代码,初始密码',
    ...r.accounts.map((a) =>
      [a.username, a.displayName, a.roleText, a.departmentCode ?? '', a.password ?? ''].join(','),
    ),
  ];
  const blob = new Blob([`\ufeff${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = '初始密码.csv';
  a.click();
  URL.revokeObjectURL(url);
}

export function AccountsResult({ r }: { r: ImportUsersResult }) {
  const { t } = useI18n();
  return (
    <>
      <Alert
        type={r.dryRun ? 'info' : 'warning'}
        showIcon
        message={t(r.dryRun ? 'setup.usersPreview' : 'setup.usersDone', { n: r.accounts.length })}
        description={r.dryRun ? undefined : t('setup.passwordsOnce')}
        action={
          r.dryRun ? undefined : (
            <Button icon={<DownloadOutlined />} onClick={() => downloadCsv(r)}>
              {t('setup.downloadPasswords')}
            </Button>
          )
        }
      />
      <Table<ImportedAccount>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="username"
        pagination={false}
        dataSource={r.accounts}
        columns={[
          { title: t('setup.username'), dataIndex: 'username' },
          { title: t('setup.displayName'), dataIndex: 'displayName' },
          { title: t('setup.role'), dataIndex: 'roleText' },
          { title: t('org.code'), render: (_: unknown, a) => a.departmentCode ?? '—' },
          ...(r.dryRun
            ? []
            : [
                {
                  title: t('setup.password'),
                  render: (_: unknown, a: ImportedAccount) => (
                    <Typography.Text code copyable data-testid={`password-${a.username}`}>
                      {a.password}
                    </Typography.Text>
                  ),
                },
              ]),
        ]}
      />
    </>
  );
}

// 批量导入账户 (system administrator): the accounts file (用户名 · 姓名 · 单位代码 · 角色) with a preview; the generated
// passwords are shown once after the import.
import { Card } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { AccountsResult } from './accounts-result.tsx';
import { FileImportStep } from './file-import-step.tsx';
import type { ImportUsersResult } from './organisation-types.ts';

export function AccountImportPage() {
  const { t } = useI18n();
  return (
    <div>
      <PageHeader title={t('setup.usersTitle')} />
      <Card>
        <FileImportStep<ImportUsersResult>
          path="/api/users/import"
          hint={t('setup.usersHint')}
          testId="users-upload"
          preview={(r) => <AccountsResult r={r} />}
          done={(r) => <AccountsResult r={r} />}
        />
      </Card>
    </div>
  );
}

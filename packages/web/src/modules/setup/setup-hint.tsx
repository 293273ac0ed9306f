// On the system administrator's start page: an empty install (no department yet) points to the 初始化向导.
import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { SetupStatus } from './organisation-types.ts';

export function SetupHint({ role }: { role: string }) {
  const { t } = useI18n();
  const status = useApi<SetupStatus>(role === 'systemAdmin' ? '/api/organisation/setup' : null);
  if (!status.data?.needsSetup) {
    return null;
  }
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('setup.hint')}
      action={<Link to="/admin/setup">{t('setup.start')} →</Link>}
    />
  );
}

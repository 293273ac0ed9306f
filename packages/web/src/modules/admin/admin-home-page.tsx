// 系统管理 start page for the three administrators (三员分立): what each role does here.
import { AuditOutlined, SafetyOutlined, SettingOutlined } from '@ant-design/icons';
import { Card, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useUser } from '../../app/auth.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { SetupHint } from '../setup/setup-hint.tsx';

export function AdminHomePage() {
  const user = useUser();
  const { t } = useI18n();
  const icon =
    user.role === 'auditAdmin' ? (
      <AuditOutlined />
    ) : user.role === 'securityAdmin' ? (
      <SafetyOutlined />
    ) : (
      <SettingOutlined />
    );
  return (
    <div>
      <PageHeader title={t('admin.title')} />
      <SetupHint role={user.role} />
      <Card>
        <Result
          icon={icon}
          title={`${user.displayName} · ${t(`role.${user.role}` as MessageKey)}`}
          subTitle={t('admin.hint')}
          extra={
            user.role === 'auditAdmin' ? (
              <Link to="/admin/audit">{t('menu.audit')} →</Link>
            ) : (
              <span className="jx-muted">
                {t(
                  `admin.duty.${user.role === 'securityAdmin' ? 'security' : 'system'}` as MessageKey,
                )}
              </span>
            )
          }
        />
      </Card>
    </div>
  );
}

// 系统管理 start page for the three administrators (三员分立): the role's duty and a card per screen it may open.
import { AuditOutlined, SafetyOutlined, SettingOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useUser } from '../../app/auth.tsx';
import { useNavScreens } from '../../app/nav-screens.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { SetupHint } from '../setup/setup-hint.tsx';

/** What each screen is for, by module key. */
const PURPOSE: Record<string, { zh: string; en: string }> = {
  accounts: {
    zh: '账户的新建、停用、重置密码、授予角色、锁定与解锁',
    en: 'Accounts: create, disable, reset, grant roles, lock, unlock',
  },
  roles: {
    zh: '各角色的职责与权限，密码与锁定策略',
    en: 'What each role may do; the password and lock policy',
  },
  setup: { zh: '空安装时建立地区、导入单位与账户', en: 'Set up an empty installation' },
  'admin-organisation': {
    zh: '地区、部门、所属单位与内设机构',
    en: 'Regions, departments, units and offices',
  },
  'account-import': { zh: '从表格批量创建账户', en: 'Create accounts from a spreadsheet' },
  'agency-accounts': { zh: '第三方机构评估人员的账户', en: 'Accounts of third-party evaluators' },
  audit: { zh: '检索、导出、校验审计日志', en: 'Search, export and verify the audit log' },
};

export function AdminHomePage() {
  const user = useUser();
  const { t, pick } = useI18n();
  const icon =
    user.role === 'auditAdmin' ? (
      <AuditOutlined />
    ) : user.role === 'securityAdmin' ? (
      <SafetyOutlined />
    ) : (
      <SettingOutlined />
    );
  const duty =
    user.role === 'auditAdmin'
      ? pick({
          zh: '审计管理员：检索、导出、校验审计日志。',
          en: 'Audit administrator: searches, exports and verifies the audit log.',
        })
      : t(`admin.duty.${user.role === 'securityAdmin' ? 'security' : 'system'}` as MessageKey);
  const screens = useNavScreens().filter((m) => m.key !== 'admin-home');
  return (
    <div>
      <PageHeader
        title={t('admin.title')}
        sub={`${user.displayName} · ${t(`role.${user.role}` as MessageKey)}`}
      />
      <SetupHint role={user.role} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          <span aria-hidden style={{ marginRight: 8 }}>
            {icon}
          </span>
          {duty} {t('admin.hint')}
        </Typography.Paragraph>
      </Card>
      <div className="jx-grid jx-grid-3" data-testid="admin-screens">
        {screens.map((m) => (
          <Link key={m.key} to={m.path}>
            <Card
              hoverable
              size="small"
              title={
                <span>
                  {m.icon} {m.label}
                </span>
              }
            >
              <span className="jx-muted">{pick(PURPOSE[m.key] ?? { zh: '', en: '' })}</span>
            </Card>
          </Link>
        ))}
      </div>
    </div>
  );
}

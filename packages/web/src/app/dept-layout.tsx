// /dept/:code/*: checks the user may open the department; a reviewer drilling down gets a header with tabs.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Result, Tabs } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { moduleLabel } from './app-layout.tsx';
import { useUser } from './auth.tsx';
import { useDeptCode } from './dept-code.ts';
import { canOpenDepartment, homePath } from './home-path.ts';
import { modulePath, modulesFor } from './modules.tsx';
import { useWorkspace } from './workspace.tsx';

export function DeptLayout() {
  const user = useUser();
  const code = useDeptCode();
  const { t, pick } = useI18n();
  const { departmentName } = useWorkspace();
  const location = useLocation();
  const navigate = useNavigate();

  if (!canOpenDepartment(user, code)) {
    return (
      <Result
        status="403"
        title={t('app.forbidden')}
        extra={
          <Button type="primary" onClick={() => navigate(homePath(user))}>
            {t('app.home')}
          </Button>
        }
      />
    );
  }
  if (user.role !== 'financeReviewer') {
    return <Outlet />;
  }
  const tabs = modulesFor('department', user.role).filter((m) => m.menu !== false);
  const active = tabs.find((m) => location.pathname.startsWith(modulePath(m, code)));
  return (
    <div className="jx-drill">
      <div className="jx-drill-head">
        <Link to="/bureau/overview" className="jx-drill-back">
          <ArrowLeftOutlined /> {t('menu.bureauOverview')}
        </Link>
        <span className="jx-drill-name">{departmentName(code)}</span>
      </div>
      <Tabs
        className="jx-drill-tabs"
        activeKey={active?.key}
        onChange={(key) => {
          const m = tabs.find((x) => x.key === key);
          if (m) {
            void navigate(modulePath(m, code));
          }
        }}
        items={tabs.map((m) => ({ key: m.key, label: moduleLabel(m, t, pick) }))}
      />
      <Outlet />
    </div>
  );
}

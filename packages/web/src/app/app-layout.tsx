// The signed-in frame: header (title, year, language, user), side menu from the module registry, page area.
import {
  DownOutlined,
  GlobalOutlined,
  LockOutlined,
  LogoutOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Select, Space, Typography } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { useAuth, useUser } from './auth.tsx';
import { ErrorBoundary } from './error-boundary.tsx';
import { PageFallback } from './page-fallback.tsx';
import { modulePath, modulesFor, type AppModule, type ModuleScope } from './modules.tsx';
import { NavScreensContext, type NavScreen } from './nav-screens.tsx';
import { PasswordDialog } from './password-dialog.tsx';
import { useRegionName, useWorkspace } from './workspace.tsx';

const { Header, Sider, Content } = Layout;

export function moduleLabel(
  m: AppModule,
  t: (k: MessageKey) => string,
  pick: (x: { zh: string; en: string }) => string,
): string {
  return typeof m.label === 'string' ? t(m.label) : pick(m.label);
}

export function AppLayout() {
  const user = useUser();
  const { logout } = useAuth();
  const { t, pick, lang, setLang } = useI18n();
  const { year, years, setYear, departmentName } = useWorkspace();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [pwOpen, setPwOpen] = useState(false);

  const scope: ModuleScope =
    user.role === 'clerk' || user.role === 'deptHead'
      ? 'department'
      : user.role === 'financeReviewer'
        ? 'bureau'
        : 'admin';
  const items = useMemo(() => modulesFor(scope, user.role), [scope, user.role]);
  const screens: NavScreen[] = items.map((m) => ({
    key: m.key,
    path: modulePath(m, user.departmentCode),
    icon: m.icon,
    label: moduleLabel(m, t, pick),
  }));
  const menuItems = items
    .filter((m) => m.menu !== false)
    .map((m) => {
      const to = modulePath(m, user.departmentCode);
      return { key: to, icon: m.icon, label: <Link to={to}>{moduleLabel(m, t, pick)}</Link> };
    });
  const selected = menuItems.filter((i) => location.pathname.startsWith(i.key)).map((i) => i.key);
  if (scope === 'bureau' && location.pathname.startsWith('/dept/')) {
    selected.push('/bureau/overview'); // a drill-down into a department belongs to the overview
  }

  const regionName = useRegionName(scope === 'bureau');
  const context =
    scope === 'department' && user.departmentCode
      ? departmentName(user.departmentCode)
      : scope === 'bureau'
        ? `${regionName ?? `${t('app.region')} ${user.regionCode}`}${lang === 'en' ? ' finance bureau' : '财政局'}`
        : t('admin.title');

  return (
    <Layout className="jx-shell">
      <a className="jx-skip" href="#jx-main">
        {t('app.skipToContent')}
      </a>
      <Header className="jx-header">
        <Link to="/" className="jx-brand">
          <span className="jx-logo" aria-hidden>
            绩
          </span>
          <span className="jx-brand-text">
            <span className="jx-brand-title">{t('app.title')}</span>
            <span className="jx-brand-sub">{context}</span>
          </span>
        </Link>
        <Space size={12} className="jx-header-tools">
          {scope !== 'admin' && (
            <label className="jx-year">
              <span>{t('app.year')}</span>
              <Select
                aria-label={t('app.year')}
                size="small"
                value={year}
                onChange={(v: number) => setYear(v)}
                options={years.map((y) => ({ value: y, label: `${y}${t('app.yearSuffix')}` }))}
                style={{ width: 104 }}
                data-testid="year-select"
              />
            </label>
          )}
          <Button
            size="small"
            icon={<GlobalOutlined />}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
          >
            {t('app.lang')}
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'password', icon: <LockOutlined />, label: t('app.changePassword') },
                { type: 'divider' },
                { key: 'logout', icon: <LogoutOutlined />, label: t('app.logout') },
              ],
              onClick: ({ key }) => {
                if (key === 'logout') {
                  void logout().then(() => navigate('/login'));
                } else {
                  setPwOpen(true);
                }
              },
            }}
          >
            <Button size="small" type="text" className="jx-user" data-testid="user-menu">
              <UserOutlined />
              <span>{user.displayName}</span>
              <Typography.Text className="jx-user-role">
                {t(`role.${user.role}` as MessageKey)}
              </Typography.Text>
              <DownOutlined />
            </Button>
          </Dropdown>
        </Space>
      </Header>
      <Layout>
        <Sider
          width={200}
          collapsedWidth={56}
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          className="jx-sider"
        >
          <nav aria-label={t('app.title')}>
            <Menu mode="inline" selectedKeys={selected} items={menuItems} />
          </nav>
        </Sider>
        <Content id="jx-main" className="jx-content" tabIndex={-1}>
          <ErrorBoundary key={location.pathname} title={t('app.loadFailed')} retry={t('app.retry')}>
            <Suspense fallback={<PageFallback />}>
              <NavScreensContext.Provider value={screens}>
                <Outlet />
              </NavScreensContext.Provider>
            </Suspense>
          </ErrorBoundary>
        </Content>
      </Layout>
      <PasswordDialog open={pwOpen} onClose={() => setPwOpen(false)} />
    </Layout>
  );
}

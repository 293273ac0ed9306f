// The module registry: every page of the app is one entry here (route + menu + roles), loaded lazily.
// To add a feature, add ONE entry: its page file lives under modules/<feature>/ and exports a named component.
//
//   scope 'department' → /dept/:code/<path>   (a department's data; useDeptCode() gives :code)
//   scope 'bureau'     → /bureau/<path>       (the finance bureau's region-wide views)
//   scope 'admin'      → /admin/<path>
//
// Example (investment pipeline):
//   { key: 'investment', scope: 'department', path: 'investment', order: 35, label: { zh: '招商项目', en: 'Investment pipeline' },
//     icon: <FundProjectionScreenOutlined />, roles: ['clerk', 'deptHead', 'financeReviewer'],
//     page: lazyPage(() => import('../modules/investment/investment-page.tsx'), 'InvestmentPage') },
import {
  AimOutlined,
  AlertOutlined,
  AppstoreOutlined,
  ApartmentOutlined,
  AuditOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  FundOutlined,
  FundProjectionScreenOutlined,
  GlobalOutlined,
  SettingOutlined,
  TableOutlined,
  TeamOutlined,
  ToolOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { MessageKey } from '../i18n/i18n.tsx';
import { lazyPage } from './lazy-page.ts';
import type { Role } from './roles.ts';

export type ModuleScope = 'department' | 'bureau' | 'admin';

export interface AppModule {
  key: string;
  scope: ModuleScope;
  /** Path below the scope's prefix, without a leading slash. */
  path: string;
  /** A dictionary key, or the text itself in both languages. */
  label: MessageKey | { zh: string; en: string };
  icon?: ReactNode;
  /** Roles that may open the page (the server still checks every request). */
  roles: readonly Role[];
  /** Menu position (ascending). */
  order: number;
  /** false: routed but not in the menu (e.g. a detail page). */
  menu?: boolean;
  page: LazyExoticComponent<ComponentType>;
}

const DEPT: readonly Role[] = ['clerk', 'deptHead'];
const DEPT_AND_BUREAU: readonly Role[] = ['clerk', 'deptHead', 'financeReviewer'];
const BUREAU: readonly Role[] = ['financeReviewer'];

export const appModules: AppModule[] = [
  {
    key: 'exante',
    scope: 'department',
    path: 'exante',
    order: 15,
    label: 'exante.title',
    icon: <FileSearchOutlined />,
    roles: DEPT_AND_BUREAU,
    page: lazyPage(() => import('../modules/exante/exante-page.tsx'), 'ExAntePage'),
  },
  {
    key: 'bureau-exante',
    scope: 'bureau',
    path: 'exante',
    order: 25,
    label: 'exante.title',
    icon: <FileSearchOutlined />,
    roles: BUREAU,
    page: lazyPage(() => import('../modules/exante/exante-page.tsx'), 'BureauExAntePage'),
  },
  {
    key: 'exante-assigned',
    scope: 'admin',
    path: 'exante',
    order: 5,
    label: 'exante.title',
    icon: <FileSearchOutlined />,
    roles: ['thirdParty'],
    page: lazyPage(() => import('../modules/exante/exante-page.tsx'), 'BureauExAntePage'),
  },
  {
    key: 'dashboard',
    scope: 'department',
    path: 'dashboard',
    order: 10,
    label: 'menu.dashboard',
    icon: <DashboardOutlined />,
    roles: DEPT_AND_BUREAU,
    page: lazyPage(() => import('../modules/dashboard/dashboard-page.tsx'), 'DashboardPage'),
  },
  {
    key: 'goals',
    scope: 'department',
    path: 'goals',
    order: 20,
    label: 'menu.goals',
    icon: <AimOutlined />,
    roles: DEPT_AND_BUREAU,
    page: lazyPage(() => import('../modules/goals/goals-page.tsx'), 'GoalsPage'),
  },
  {
    key: 'projects',
    scope: 'department',
    path: 'projects',
    order: 25,
    label: 'menu.projects',
    icon: <AppstoreOutlined />,
    roles: DEPT_AND_BUREAU,
    page: lazyPage(() => import('../modules/projects/projects-page.tsx'), 'ProjectsPage'),
  },
  {
    key: 'execution',
    scope: 'department',
    path: 'execution',
    order: 30,
    label: 'menu.execution',
    icon: <TableOutlined />,
    roles: DEPT_AND_BUREAU,
    page: lazyPage(() => import('../modules/execution/execution-page.tsx'), 'ExecutionPage'),
  },
  {
    key: 'investment',
    scope: 'department',
    path: 'investment',
    order: 35,
    label: { zh: '招商项目', en: 'Investment pipeline' },
    icon: <FundProjectionScreenOutlined />,
    roles: DEPT_AND_BUREAU,
    page: lazyPage(() => import('../modules/investment/investment-page.tsx'), 'InvestmentPage'),
  },
  {
    key: 'monitoring',
    scope: 'department',
    path: 'monitoring',
    order: 40,
    label: 'menu.monitoring',
    icon: <AlertOutlined />,
    roles: DEPT_AND_BUREAU,
    page: lazyPage(() => import('../modules/monitoring/monitoring-page.tsx'), 'MonitoringPage'),
  },
  {
    key: 'evaluation',
    scope: 'department',
    path: 'evaluation',
    order: 50,
    label: 'menu.evaluation',
    icon: <FormOutlined />,
    roles: DEPT_AND_BUREAU,
    page: lazyPage(() => import('../modules/evaluation/evaluation-page.tsx'), 'EvaluationPage'),
  },
  {
    key: 'report',
    scope: 'department',
    path: 'report',
    order: 60,
    label: 'menu.report',
    icon: <FileTextOutlined />,
    roles: DEPT_AND_BUREAU,
    page: lazyPage(() => import('../modules/report/report-page.tsx'), 'ReportPage'),
  },
  {
    key: 'bureau-overview',
    scope: 'bureau',
    path: 'overview',
    order: 10,
    label: 'menu.bureauOverview',
    icon: <FundOutlined />,
    roles: BUREAU,
    page: lazyPage(() => import('../modules/bureau/overview-page.tsx'), 'BureauOverviewPage'),
  },
  {
    key: 'bureau-monitoring',
    scope: 'bureau',
    path: 'monitoring',
    order: 20,
    label: 'menu.bureauMonitoring',
    icon: <AlertOutlined />,
    roles: BUREAU,
    page: lazyPage(
      () => import('../modules/bureau/bureau-monitoring-page.tsx'),
      'BureauMonitoringPage',
    ),
  },
  {
    key: 'bureau-review',
    scope: 'bureau',
    path: 'review',
    order: 30,
    label: 'menu.bureauReview',
    icon: <FileSearchOutlined />,
    roles: BUREAU,
    page: lazyPage(() => import('../modules/bureau/review-page.tsx'), 'ReviewPage'),
  },
  {
    key: 'bureau-external-evaluation',
    scope: 'bureau',
    path: 'external-evaluation',
    order: 32,
    label: { zh: '财政重点评价', en: 'External evaluation' },
    icon: <AuditOutlined />,
    roles: BUREAU,
    page: lazyPage(
      () => import('../modules/external-evaluation/ext-eval-page.tsx'),
      'ExternalEvaluationPage',
    ),
  },
  {
    key: 'external-evaluation-assigned',
    scope: 'admin',
    path: 'external-evaluation',
    order: 6,
    label: { zh: '财政重点评价', en: 'External evaluation' },
    icon: <AuditOutlined />,
    roles: ['thirdParty'],
    page: lazyPage(
      () => import('../modules/external-evaluation/ext-eval-page.tsx'),
      'ExternalEvaluationPage',
    ),
  },
  {
    key: 'bureau-linkage',
    scope: 'bureau',
    path: 'linkage',
    order: 35,
    label: { zh: '结果应用', en: 'Budget linkage' },
    icon: <FundOutlined />,
    roles: BUREAU,
    page: lazyPage(() => import('../modules/linkage/linkage-page.tsx'), 'BureauLinkagePage'),
  },
  {
    key: 'rectification',
    scope: 'department',
    path: 'rectification',
    order: 62,
    label: { zh: '整改清单', en: 'Rectification' },
    icon: <ToolOutlined />,
    roles: DEPT_AND_BUREAU,
    page: lazyPage(
      () => import('../modules/rectification/rectification-page.tsx'),
      'RectificationPage',
    ),
  },
  {
    key: 'bureau-rectification',
    scope: 'bureau',
    path: 'rectification',
    order: 33,
    label: { zh: '整改清单', en: 'Rectification' },
    icon: <ToolOutlined />,
    roles: BUREAU,
    page: lazyPage(
      () => import('../modules/rectification/rectification-page.tsx'),
      'BureauRectificationPage',
    ),
  },
  {
    key: 'publication',
    scope: 'department',
    path: 'publication',
    order: 65,
    label: { zh: '绩效公开', en: 'Publication' },
    icon: <GlobalOutlined />,
    roles: DEPT_AND_BUREAU,
    page: lazyPage(() => import('../modules/publication/publication-page.tsx'), 'PublicationPage'),
  },
  {
    key: 'bureau-publication',
    scope: 'bureau',
    path: 'publication',
    order: 37,
    label: { zh: '公开与人大', en: 'Publication & congress' },
    icon: <GlobalOutlined />,
    roles: BUREAU,
    page: lazyPage(
      () => import('../modules/publication/bureau-publication-page.tsx'),
      'BureauPublicationPage',
    ),
  },
  {
    key: 'admin-home',
    scope: 'admin',
    path: 'home',
    order: 10,
    label: 'menu.adminHome',
    icon: <SettingOutlined />,
    roles: ['systemAdmin', 'securityAdmin', 'auditAdmin'],
    page: lazyPage(() => import('../modules/admin/admin-home-page.tsx'), 'AdminHomePage'),
  },
  {
    key: 'accounts',
    scope: 'admin',
    path: 'accounts',
    order: 11,
    label: { zh: '账户管理', en: 'Accounts' },
    icon: <UserOutlined />,
    roles: ['systemAdmin', 'securityAdmin'],
    page: lazyPage(() => import('../modules/admin/accounts-page.tsx'), 'AccountsPage'),
  },
  {
    key: 'roles',
    scope: 'admin',
    path: 'roles',
    order: 13,
    label: { zh: '角色与权限', en: 'Roles & permissions' },
    icon: <SafetyOutlined />,
    roles: ['systemAdmin', 'securityAdmin'],
    page: lazyPage(() => import('../modules/admin/roles-page.tsx'), 'RolesPage'),
  },
  {
    key: 'audit',
    scope: 'admin',
    path: 'audit',
    order: 20,
    label: 'menu.audit',
    icon: <AuditOutlined />,
    roles: ['auditAdmin'],
    page: lazyPage(() => import('../modules/admin/audit-page.tsx'), 'AuditPage'),
  },
  {
    key: 'bureau-organisation',
    scope: 'bureau',
    path: 'organisation',
    order: 40,
    label: 'menu.organisation',
    icon: <ApartmentOutlined />,
    roles: BUREAU,
    page: lazyPage(
      () => import('../modules/organisation/organisation-page.tsx'),
      'OrganisationPage',
    ),
  },
  {
    key: 'setup',
    scope: 'admin',
    path: 'setup',
    order: 12,
    label: 'menu.setup',
    icon: <ToolOutlined />,
    roles: ['systemAdmin'],
    page: lazyPage(() => import('../modules/setup/setup-wizard-page.tsx'), 'SetupWizardPage'),
  },
  {
    key: 'admin-organisation',
    scope: 'admin',
    path: 'organisation',
    order: 14,
    label: 'menu.organisation',
    icon: <ApartmentOutlined />,
    roles: ['systemAdmin'],
    page: lazyPage(
      () => import('../modules/organisation/organisation-page.tsx'),
      'OrganisationPage',
    ),
  },
  {
    key: 'agency-accounts',
    scope: 'admin',
    path: 'agency-accounts',
    order: 17,
    label: { zh: '第三方机构账户', en: 'Third-party accounts' },
    icon: <TeamOutlined />,
    roles: ['systemAdmin'],
    page: lazyPage(
      () => import('../modules/exante/agency-accounts-page.tsx'),
      'AgencyAccountsPage',
    ),
  },
  {
    key: 'account-import',
    scope: 'admin',
    path: 'account-import',
    order: 16,
    label: 'menu.accountImport',
    icon: <TeamOutlined />,
    roles: ['systemAdmin'],
    page: lazyPage(() => import('../modules/setup/account-import-page.tsx'), 'AccountImportPage'),
  },
];

export const SCOPE_PREFIX: Record<ModuleScope, string> = {
  department: '/dept/:code',
  bureau: '/bureau',
  admin: '/admin',
};

/** Where a module lives for this department (department scope) or globally. */
export function modulePath(m: AppModule, departmentCode?: string | null): string {
  if (m.scope === 'department') {
    return `/dept/${departmentCode ?? ''}/${m.path}`;
  }
  return `/${m.scope}/${m.path}`;
}

export function modulesFor(scope: ModuleScope, role: Role): AppModule[] {
  return appModules
    .filter((m) => m.scope === scope && m.roles.includes(role))
    .sort((a, b) => a.order - b.order);
}

export const DEPT_ROLES = DEPT;

// 角色与权限 in words: every permission of policies.ts named in Chinese and English, grouped by the work it belongs
// to, so the administrators' 角色与权限 page shows the server's own rule table — never a code, never a copy that
// can drift from what the server enforces. A permission added to PERMISSIONS without a name fails the type-check.
import type { Role } from './actor.ts';
import { PERMISSIONS, type Permission } from './policies.ts';

interface Words {
  zh: string;
  en: string;
}

const AREAS = {
  goals: { zh: '绩效目标', en: 'Performance goals' },
  monitoring: { zh: '运行监控与自评', en: 'Monitoring and self-evaluation' },
  projects: { zh: '项目与年度', en: 'Projects and years' },
  exante: { zh: '事前评估', en: 'Ex-ante assessment' },
  results: { zh: '结果应用', en: 'Use of results' },
  external: { zh: '财政重点评价', en: 'External evaluation' },
  accounts: { zh: '账户与安全', en: 'Accounts and security' },
  audit: { zh: '审计与运维', en: 'Audit and operations' },
} as const satisfies Record<string, Words>;

type Area = keyof typeof AREAS;

export const PERMISSION_LABELS: Record<Permission, Words & { area: Area }> = {
  'goal.read': { area: 'goals', zh: '查看绩效目标与指标', en: 'See goals and indicators' },
  'goal.edit': {
    area: 'goals',
    zh: '编制、修改、提交绩效目标',
    en: 'Draft, edit and submit goals',
  },
  'goal.approve.dept': { area: 'goals', zh: '部门审核绩效目标', en: 'Approve goals (department)' },
  'goal.approve.finance': {
    area: 'goals',
    zh: '财政审核绩效目标',
    en: 'Approve goals (finance bureau)',
  },
  'changeRequest.create': { area: 'goals', zh: '提出目标调整申请', en: 'Request a goal change' },
  'changeRequest.decide.dept': {
    area: 'goals',
    zh: '部门审批目标调整',
    en: 'Decide goal changes (department)',
  },
  'changeRequest.decide.finance': {
    area: 'goals',
    zh: '财政审批目标调整',
    en: 'Decide goal changes (finance bureau)',
  },
  'library.read': { area: 'goals', zh: '查看指标库', en: 'See the indicator library' },
  'library.manage': { area: 'goals', zh: '维护指标库', en: 'Maintain the indicator library' },
  'indicator.actual': { area: 'monitoring', zh: '填报指标实际值', en: 'Enter actual values' },
  'indicator.deduction': {
    area: 'monitoring',
    zh: '自评扣分（须写理由）',
    en: 'Deduct points (with a reason)',
  },
  'project.edit': { area: 'projects', zh: '新建和维护项目', en: 'Create and maintain projects' },
  'fiscalYear.read': {
    area: 'projects',
    zh: '查看已开启的预算年度',
    en: 'See opened fiscal years',
  },
  'fiscalYear.open': { area: 'projects', zh: '开启预算年度', en: 'Open a fiscal year' },
  'exante.read': { area: 'exante', zh: '查看事前评估', en: 'See ex-ante assessments' },
  'exante.edit': {
    area: 'exante',
    zh: '登记、自评并提交事前评估',
    en: 'Register, score and submit assessments',
  },
  'exante.review': {
    area: 'exante',
    zh: '审核事前评估、委托第三方',
    en: 'Review assessments, assign third parties',
  },
  'exante.thirdParty': {
    area: 'exante',
    zh: '对委托给本机构的项目评分',
    en: 'Score the items assigned to the agency',
  },
  'rectification.read': { area: 'results', zh: '查看整改事项', en: 'See rectification items' },
  'rectification.edit': {
    area: 'results',
    zh: '落实整改、上传佐证、提交复核',
    en: 'Work on rectification, submit for checking',
  },
  'rectification.review': {
    area: 'results',
    zh: '下达整改、复核与销号',
    en: 'Raise, check and close rectification',
  },
  'publication.read': { area: 'results', zh: '查看公开材料', en: 'See publication packages' },
  'publication.prepare': {
    area: 'results',
    zh: '准备公开材料并登记公开',
    en: 'Prepare and record publication',
  },
  'npc.manage': {
    area: 'results',
    zh: '报送人大与年度汇总',
    en: 'Reports to the people’s congress',
  },
  'linkage.read': { area: 'results', zh: '查看预算安排建议', en: 'See budget proposals' },
  'linkage.decide': {
    area: 'results',
    zh: '确定预算安排建议与挂钩规则',
    en: 'Decide budget proposals and rules',
  },
  'externalEvaluation.read': {
    area: 'external',
    zh: '查看重点评价',
    en: 'See external evaluations',
  },
  'externalEvaluation.manage': {
    area: 'external',
    zh: '组织重点评价（选题、委托、办结）',
    en: 'Run external evaluations',
  },
  'externalEvaluation.score': {
    area: 'external',
    zh: '重点评价评分',
    en: 'Score external evaluations',
  },
  'user.read': { area: 'accounts', zh: '查看账户', en: 'See accounts' },
  'user.manage': {
    area: 'accounts',
    zh: '新建、修改、停用账户，重置密码',
    en: 'Create, edit, disable accounts; reset passwords',
  },
  'user.security': {
    area: 'accounts',
    zh: '授予业务角色、锁定与解锁',
    en: 'Grant business roles, lock and unlock',
  },
  'security.policy': { area: 'accounts', zh: '设置密码与锁定策略', en: 'Set the password policy' },
  'audit.read': {
    area: 'audit',
    zh: '检索、导出、校验审计日志',
    en: 'Search, export, verify the audit log',
  },
  'system.backup': { area: 'audit', zh: '下载数据库备份', en: 'Download a backup' },
};

export interface PermissionRow {
  area: Words;
  name: Words;
  roles: Role[];
}

/** The rule table, grouped by area in the order above: who may do what, as the server checks it. */
export function permissionMatrix(): PermissionRow[] {
  const order = Object.keys(AREAS) as Area[];
  return (Object.keys(PERMISSIONS) as Permission[])
    .map((p) => ({ p, label: PERMISSION_LABELS[p] }))
    .sort((a, b) => order.indexOf(a.label.area) - order.indexOf(b.label.area))
    .map(({ p, label }) => ({
      area: AREAS[label.area],
      name: { zh: label.zh, en: label.en },
      roles: [...PERMISSIONS[p]],
    }));
}

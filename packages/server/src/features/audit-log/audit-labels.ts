// Audit log in words: every action code, object kind and snapshot field gets a zh-CN and an English label, so the
// audit administrator reads 「提交自评」, never "selfEvaluation.submit". An action without its own label is named
// from its parts (domain + verb); a code never reaches the screen or the export.

export interface Label {
  zh: string;
  en: string;
}

/** Whole action codes with a label of their own. */
const ACTIONS: Record<string, Label> = {
  'access.denied': { zh: '越权访问被拒绝', en: 'Access refused' },
  'agencies.import': { zh: '导入预算单位', en: 'Budget units imported' },
  'agency.create': { zh: '新建第三方机构', en: 'Agency created' },
  'audit.export': { zh: '导出审计日志', en: 'Audit log exported' },
  'audit.verify': { zh: '校验审计日志', en: 'Audit log verified' },
  'auth.login': { zh: '登录', en: 'Signed in' },
  'auth.login.failed': { zh: '登录失败', en: 'Sign-in failed' },
  'auth.login.throttled': { zh: '登录过于频繁被拒', en: 'Sign-in throttled' },
  'auth.login.locked': { zh: '登录被拒（账户已锁定）', en: 'Sign-in refused (locked)' },
  'auth.login.disabled': { zh: '登录被拒（账户已停用）', en: 'Sign-in refused (disabled)' },
  'auth.logout': { zh: '退出登录', en: 'Signed out' },
  'auth.logout.all': { zh: '退出全部会话', en: 'Signed out everywhere' },
  'auth.password.change': { zh: '修改密码', en: 'Password changed' },
  'auth.password.change.failed': { zh: '修改密码失败', en: 'Password change failed' },
  'budget.import': { zh: '导入预算', en: 'Budget imported' },
  'changeRequest.approve': { zh: '同意调整申请', en: 'Change request approved' },
  'changeRequest.create': { zh: '提出调整申请', en: 'Change request filed' },
  'changeRequest.reject': { zh: '驳回调整申请', en: 'Change request rejected' },
  'database.backup': { zh: '备份数据库', en: 'Database backed up' },
  'database.restore': { zh: '恢复数据库', en: 'Database restored' },
  'demo.load': { zh: '载入演示数据', en: 'Demo data loaded' },
  'exante.adoptGoals': { zh: '采用事前评估目标', en: 'Ex-ante goals adopted' },
  'exante.agency.account': { zh: '开设第三方机构账户', en: 'Agency account opened' },
  'exante.agency.member': { zh: '调整第三方机构成员', en: 'Agency member changed' },
  'exante.agency.register': { zh: '登记第三方机构', en: 'Agency registered' },
  'exante.evidence.download': { zh: '下载事前评估材料', en: 'Ex-ante evidence downloaded' },
  'exante.evidence.upload': { zh: '上传事前评估材料', en: 'Ex-ante evidence uploaded' },
  'exante.rules': { zh: '修改事前评估规则', en: 'Ex-ante rules changed' },
  'fiscalYear.open': { zh: '开启预算年度', en: 'Fiscal year opened' },
  'goal.grade': { zh: '绩效目标审核评级', en: 'Goal set graded' },
  'goal.lock': { zh: '锁定绩效目标', en: 'Goal set locked' },
  'import.mapping.save': { zh: '保存导入列对应', en: 'Import column mapping saved' },
  'indicator.actual.set': { zh: '填报实际值', en: 'Actual value entered' },
  'indicator.change.apply': { zh: '执行指标调整', en: 'Indicator change applied' },
  'indicator.metric.bind': { zh: '绑定指标数据来源', en: 'Indicator data source bound' },
  'indicatorTemplate.seed': { zh: '载入指标库', en: 'Indicator library loaded' },
  'investmentTarget.save': { zh: '保存招商目标', en: 'Investment targets saved' },
  'investmentProject.moveStage': { zh: '推进招商项目阶段', en: 'Investment project moved' },
  'linkage.rules': { zh: '修改结果应用规则', en: 'Linkage rules changed' },
  'monitoring.respond': { zh: '答复运行监控', en: 'Monitoring answered' },
  'rectification.config': { zh: '设置整改期限', en: 'Rectification deadlines set' },
  'region.rename': { zh: '修改地区名称', en: 'Region renamed' },
  'report.district.export': { zh: '打包下载全区自评报告', en: 'District reports downloaded' },
  'report.paragraph.clear': { zh: '恢复报告段落为自动生成', en: 'Report paragraph reset' },
  'report.paragraph.set': { zh: '修改报告段落', en: 'Report paragraph edited' },
  'ledger.restoreReplaced': { zh: '撤销替换已导入月份', en: 'Replaced ledger months restored' },
  'selfEvaluation.submitToHead': {
    zh: '提交绩效自评至部门负责人',
    en: 'Self-evaluation sent to the head',
  },
  'selfEvaluation.headApprove': {
    zh: '部门负责人审核通过绩效自评（报送财政局）',
    en: 'Self-evaluation signed off by the head',
  },
  'selfEvaluation.headReturn': {
    zh: '部门负责人退回绩效自评',
    en: 'Self-evaluation returned by the head',
  },
  'security.passwordPolicy.set': { zh: '修改密码策略', en: 'Password policy changed' },
  'user.create': { zh: '新建账户', en: 'Account created' },
  'user.disable': { zh: '停用账户', en: 'Account disabled' },
  'user.enable': { zh: '启用账户', en: 'Account enabled' },
  'user.lock': { zh: '锁定账户', en: 'Account locked' },
  'user.password.reset': { zh: '重置密码', en: 'Password reset' },
  'user.role.set': { zh: '授予角色', en: 'Role granted' },
  'user.unlock': { zh: '解除锁定', en: 'Account unlocked' },
  'user.update': { zh: '修改账户', en: 'Account edited' },
};

/** The first part of a code: what the action is about. */
const DOMAINS: Record<string, Label> = {
  access: { zh: '访问', en: 'Access' },
  agencies: { zh: '预算单位', en: 'Budget units' },
  agency: { zh: '第三方机构', en: 'Agency' },
  audit: { zh: '审计日志', en: 'Audit log' },
  auth: { zh: '登录', en: 'Sign-in' },
  budget: { zh: '预算', en: 'Budget' },
  changeRequest: { zh: '调整申请', en: 'Change request' },
  database: { zh: '数据库', en: 'Database' },
  demo: { zh: '演示数据', en: 'Demo data' },
  department: { zh: '部门', en: 'Department' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  enterpriseRequest: { zh: '企业诉求', en: 'Enterprise request' },
  evaluation: { zh: '绩效自评', en: 'Self-evaluation' },
  exante: { zh: '事前评估', en: 'Ex-ante assessment' },
  externalEvaluation: { zh: '财政重点评价', en: 'External evaluation' },
  fiscalYear: { zh: '预算年度', en: 'Fiscal year' },
  goal: { zh: '绩效目标', en: 'Goal set' },
  import: { zh: '导入', en: 'Import' },
  indicator: { zh: '绩效指标', en: 'Indicator' },
  indicatorTemplate: { zh: '指标库', en: 'Indicator library' },
  investmentProject: { zh: '招商项目', en: 'Investment project' },
  investmentTarget: { zh: '招商目标', en: 'Investment target' },
  ledger: { zh: '支出台账', en: 'Ledger' },
  linkage: { zh: '结果应用', en: 'Budget linkage' },
  monitoring: { zh: '运行监控', en: 'Monitoring' },
  npc: { zh: '人大报送', en: 'Congress report' },
  organisation: { zh: '组织机构', en: 'Organisation' },
  policyGrant: { zh: '政策兑现', en: 'Policy grant' },
  policyPackage: { zh: '政策包', en: 'Policy package' },
  progress: { zh: '进度', en: 'Progress' },
  project: { zh: '项目', en: 'Project' },
  publication: { zh: '绩效公开', en: 'Publication' },
  rectification: { zh: '整改', en: 'Rectification' },
  region: { zh: '地区', en: 'Region' },
  report: { zh: '评价报告', en: 'Report' },
  review: { zh: '报告审核', en: 'Report review' },
  satisfactionSurvey: { zh: '满意度调查', en: 'Satisfaction survey' },
  security: { zh: '安全设置', en: 'Security' },
  selfEvaluation: { zh: '绩效自评', en: 'Self-evaluation' },
  signOff: { zh: '部门审核', en: 'Department sign-off' },
  user: { zh: '账户', en: 'Account' },
};

/** The last part of a code: what was done. */
const VERBS: Record<string, Label> = {
  accept: { zh: '通过', en: 'accepted' },
  approve: { zh: '审核通过', en: 'approved' },
  assign: { zh: '指派', en: 'assigned' },
  close: { zh: '办结', en: 'closed' },
  conclude: { zh: '出具结论', en: 'concluded' },
  confirm: { zh: '确认', en: 'confirmed' },
  create: { zh: '新建', en: 'created' },
  cut: { zh: '核减', en: 'cut' },
  decide: { zh: '决定', en: 'decided' },
  deduct: { zh: '扣分', en: 'deducted' },
  delete: { zh: '删除', en: 'deleted' },
  edit: { zh: '修改', en: 'edited' },
  evidence: { zh: '上传佐证', en: 'evidence added' },
  flag: { zh: '标记', en: 'flagged' },
  grade: { zh: '评级', en: 'graded' },
  import: { zh: '导入', en: 'imported' },
  increase: { zh: '增加', en: 'increased' },
  maintain: { zh: '维持', en: 'maintained' },
  override: { zh: '改判', en: 'overridden' },
  prepare: { zh: '准备', en: 'prepared' },
  publish: { zh: '公开', en: 'published' },
  raise: { zh: '发起', en: 'raised' },
  register: { zh: '登记', en: 'registered' },
  reject: { zh: '驳回', en: 'rejected' },
  replace: { zh: '替换', en: 'replaced' },
  rescore: { zh: '重新评分', en: 'rescored' },
  restore: { zh: '恢复', en: 'restored' },
  return: { zh: '退回', en: 'returned' },
  review: { zh: '审核', en: 'reviewed' },
  save: { zh: '保存', en: 'saved' },
  score: { zh: '评分', en: 'scored' },
  sendBack: { zh: '退回重改', en: 'sent back' },
  start: { zh: '开始', en: 'started' },
  submit: { zh: '提交', en: 'submitted' },
  template: { zh: '修改模板', en: 'template changed' },
  update: { zh: '修改', en: 'updated' },
  withdraw: { zh: '撤回', en: 'withdrawn' },
};

const CJK = /[\u4e00-\u9fff]/;

/** The label of an action code: its own, or domain + verb, or (unknown) the domain's 「…操作」. */
export function actionLabel(code: string): Label {
  const own = ACTIONS[code];
  if (own) {
    return own;
  }
  if (CJK.test(code)) {
    return { zh: code, en: code };
  }
  const parts = code.split('.');
  const domain = DOMAINS[parts[0] ?? ''];
  const verbKey = parts.length > 1 ? (parts[parts.length - 1] ?? '') : (parts[0] ?? '');
  const verb = VERBS[verbKey] ?? VERBS[verbKey.toLowerCase()];
  if (domain && verb) {
    return { zh: `${verb.zh}${domain.zh}`, en: `${domain.en} ${verb.en}` };
  }
  if (domain) {
    return { zh: `${domain.zh}操作`, en: `${domain.en} action` };
  }
  if (verb) {
    return { zh: verb.zh, en: verb.en.charAt(0).toUpperCase() + verb.en.slice(1) };
  }
  return { zh: '其他操作', en: 'Other action' };
}

/** Object kinds (the audit entry's table). */
const ENTITIES: Record<string, Label> = {
  audit_log: { zh: '审计日志', en: 'Audit log' },
  change_requests: { zh: '调整申请', en: 'Change request' },
  database: { zh: '数据库', en: 'Database' },
  demo: { zh: '演示数据', en: 'Demo data' },
  departments: { zh: '部门', en: 'Department' },
  enterprise_requests: { zh: '企业诉求', en: 'Enterprise request' },
  enterprises: { zh: '企业', en: 'Enterprise' },
  exante_agencies: { zh: '第三方机构', en: 'Agency' },
  exante_agency_members: { zh: '第三方机构成员', en: 'Agency member' },
  exante_configs: { zh: '事前评估规则', en: 'Ex-ante rules' },
  exante_evidence: { zh: '事前评估材料', en: 'Ex-ante evidence' },
  exante_items: { zh: '事前评估事项', en: 'Ex-ante item' },
  exante_versions: { zh: '事前评估版本', en: 'Ex-ante version' },
  external_evaluation_templates: { zh: '重点评价指标模板', en: 'Evaluation template' },
  external_evaluations: { zh: '财政重点评价', en: 'External evaluation' },
  fiscal_years: { zh: '预算年度', en: 'Fiscal year' },
  goal_review_grades: { zh: '目标审核评级', en: 'Goal grade' },
  goals: { zh: '绩效目标', en: 'Goal set' },
  http: { zh: '访问请求', en: 'Request' },
  import_batches: { zh: '导入批次', en: 'Import batch' },
  import_column_mappings: { zh: '导入列对应', en: 'Column mapping' },
  indicator_templates: { zh: '指标库', en: 'Indicator library' },
  indicators: { zh: '绩效指标', en: 'Indicator' },
  investment_projects: { zh: '招商项目', en: 'Investment project' },
  investment_targets: { zh: '招商目标', en: 'Investment target' },
  linkage_decisions: { zh: '预算安排建议', en: 'Linkage decision' },
  linkage_rules: { zh: '结果应用规则', en: 'Linkage rules' },
  monitoring_rounds: { zh: '运行监控', en: 'Monitoring round' },
  npc_report_flags: { zh: '拟报人大标记', en: 'Congress flag' },
  policy_grants: { zh: '政策兑现', en: 'Policy grant' },
  policy_packages: { zh: '政策包', en: 'Policy package' },
  projects: { zh: '项目', en: 'Project' },
  publications: { zh: '绩效公开', en: 'Publication' },
  rectification_configs: { zh: '整改期限', en: 'Rectification deadlines' },
  rectification_evidence: { zh: '整改佐证', en: 'Rectification evidence' },
  rectification_items: { zh: '整改事项', en: 'Rectification item' },
  regions: { zh: '地区', en: 'Region' },
  report_overrides: { zh: '报告段落', en: 'Report paragraph' },
  satisfaction_surveys: { zh: '满意度调查', en: 'Satisfaction survey' },
  self_evaluations: { zh: '绩效自评', en: 'Self-evaluation' },
  sessions: { zh: '会话', en: 'Session' },
  system_settings: { zh: '系统设置', en: 'System settings' },
  users: { zh: '账户', en: 'Account' },
};

export function entityLabel(entity: string): Label {
  return ENTITIES[entity] ?? { zh: '其他对象', en: 'Other object' };
}

/** Snapshot fields shown in the before/after view. */
const FIELDS: Record<string, Label> = {
  name: { zh: '名称', en: 'Name' },
  title: { zh: '标题', en: 'Title' },
  code: { zh: '编码', en: 'Code' },
  username: { zh: '用户名', en: 'Username' },
  displayName: { zh: '姓名', en: 'Name' },
  role: { zh: '角色', en: 'Role' },
  disabled: { zh: '已停用', en: 'Disabled' },
  lockedUntil: { zh: '锁定至', en: 'Locked until' },
  mustChangePassword: { zh: '须修改密码', en: 'Must change password' },
  departmentCode: { zh: '部门', en: 'Department' },
  regionCode: { zh: '地区', en: 'Region' },
  status: { zh: '状态', en: 'Status' },
  year: { zh: '年度', en: 'Year' },
  fiscalYear: { zh: '年度', en: 'Year' },
  kind: { zh: '类型', en: 'Kind' },
  target: { zh: '目标值', en: 'Target' },
  targetValue: { zh: '目标值', en: 'Target' },
  actual: { zh: '实际值', en: 'Actual' },
  actualValue: { zh: '实际值', en: 'Actual' },
  unit: { zh: '计量单位', en: 'Unit' },
  weight: { zh: '分值', en: 'Weight' },
  reason: { zh: '原因', en: 'Reason' },
  comment: { zh: '意见', en: 'Comment' },
  text: { zh: '内容', en: 'Text' },
  count: { zh: '条数', en: 'Count' },
  rows: { zh: '行数', en: 'Rows' },
  month: { zh: '月份', en: 'Month' },
  months: { zh: '月份', en: 'Months' },
  amountYuan: { zh: '金额（元）', en: 'Amount (yuan)' },
  budgetYuan: { zh: '预算（元）', en: 'Budget (yuan)' },
  score: { zh: '得分', en: 'Score' },
  grade: { zh: '等级', en: 'Grade' },
  deduction: { zh: '扣分', en: 'Deduction' },
  minutes: { zh: '分钟', en: 'Minutes' },
  entries: { zh: '条目数', en: 'Entries' },
  intact: { zh: '链完整', en: 'Chain intact' },
  filter: { zh: '筛选条件', en: 'Filter' },
  ip: { zh: 'IP 地址', en: 'IP address' },
  path: { zh: '访问地址', en: 'Address' },
  method: { zh: '请求方式', en: 'Method' },
  permission: { zh: '所需权限', en: 'Permission' },
  minLength: { zh: '密码最小长度', en: 'Minimum length' },
  minClasses: { zh: '字符类别数', en: 'Character classes' },
  maxFailedAttempts: { zh: '失败次数上限', en: 'Failed attempts' },
  lockMinutes: { zh: '锁定分钟数', en: 'Lock minutes' },
};

/** A field's label; an unknown field is shown by its name split into words ("reviewNote" → "review note"). */
export function fieldLabel(field: string): Label {
  const own = FIELDS[field];
  if (own) {
    return own;
  }
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .toLowerCase()
    .trim();
  return { zh: words, en: words };
}

/** The codes (from those present in the log) whose label or code contains the query. */
export function actionsMatching(query: string, present: readonly string[]): string[] {
  const q = query.trim().toLowerCase();
  return present.filter((code) => {
    const l = actionLabel(code);
    return (
      code.toLowerCase().startsWith(q) ||
      l.zh.includes(query.trim()) ||
      l.en.toLowerCase().includes(q)
    );
  });
}

// The closed value lists shared by the database columns, the API schemas, the server and the web — defined
// once here (values are stored as text: changing one needs a data migration, so keep them stable).

/** 一级指标: 产出 / 效益 / 满意度, and 成本 when a template lists it at level 1 (财预〔2021〕101号). */
export const LEVEL1S = ['OUTPUT', 'BENEFIT', 'SATISFACTION', 'COST'] as const;
export type Level1 = (typeof LEVEL1S)[number];

/** 二级指标 (MOF common indicator framework). */
export const LEVEL2S = [
  'QUANTITY',
  'QUALITY',
  'TIMELINESS',
  'COST',
  'ECONOMIC',
  'SOCIAL',
  'ECOLOGICAL',
  'SUSTAINABLE',
  'SERVICE_SATISFACTION',
] as const;
export type Level2 = (typeof LEVEL2S)[number];

/** 计算符号: ≥ ＞ ＝ ＜ ≤ 定性 (MOF enum PMKPIZBXS 1..6). */
export const OPERATORS = ['GE', 'GT', 'EQ', 'LT', 'LE', 'QUAL'] as const;
export type Operator = (typeof OPERATORS)[number];

/** 指标值来源: 计划标准 / 行业标准 / 历史标准 / 其他. */
export const TARGET_BASES = ['PLAN', 'INDUSTRY', 'HISTORY', 'OTHER'] as const;
export type TargetBasis = (typeof TARGET_BASES)[number];

/** The roles (三员分立 + business roles + the third-party evaluator). */
export const ROLES = [
  'clerk', // 部门填报
  'deptHead', // 部门审核
  'financeReviewer', // 财政审核
  'systemAdmin', // 系统管理员
  'securityAdmin', // 安全管理员
  'auditAdmin', // 审计管理员
  'thirdParty', // 第三方机构评估人员 (ex-ante assessments assigned to its agency)
] as const;
export type Role = (typeof ROLES)[number];

/** 红 / 黄 / 绿 / 蓝 预警 (glossary). */
export const WARNING_LEVELS = ['RED', 'YELLOW', 'GREEN', 'BLUE'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** Goal lifecycle: draft → submitted → deptApproved → approved → locked (returned goes back to draft). */
export const GOAL_STATUSES = [
  'draft',
  'submitted',
  'deptApproved',
  'approved',
  'locked',
  'returned',
] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** A stored self-evaluation's status ('live' in a response: not yet frozen, scored on the fly). */
export const EVALUATION_STATUSES = [
  'draft',
  'headReview',
  'submitted',
  'returned',
  'accepted',
] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** 资金来源: 一般公共预算 / 政府性基金 / 国有资本经营 / 财政专户 / 其他. */
export const FUND_SOURCES = [
  'general',
  'governmentFund',
  'stateCapital',
  'fiscalSpecial',
  'other',
] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

/** 支出类型: 基本支出 / 项目支出. */
export const EXPENDITURE_TYPES = ['basic', 'project'] as const;
export type ExpenditureType = (typeof EXPENDITURE_TYPES)[number];

/** A monitoring round (运行监控) of a department and cut-off month. */
export const MONITORING_ROUND_STATUSES = ['draft', 'submitted'] as const;
export type MonitoringRoundStatus = (typeof MONITORING_ROUND_STATUSES)[number];

/** 审核发现 severity. */
export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Scoring-contract error codes (an invalid input: no total). */
export const SCORING_ERROR_CODES = [
  'WEIGHT_SUM',
  'BUDGET_ZERO',
  'NOT_A_NUMBER',
  'QUAL_LEVEL',
  'QUAL_SCORE_MISSING',
  'QUAL_SCORE_OUT_OF_BAND',
  'DUPLICATE_ID',
  'SCHEMA',
] as const;
export type ScoringErrorCode = (typeof SCORING_ERROR_CODES)[number];

/** Scoring-contract findings (things a reviewer should look at; the score stands). */
export const FINDING_CODES = [
  'BELOW_TARGET',
  'OVER_TARGET',
  'EXECUTION_LOW',
  'BUDGET_ADJUSTED',
  'DEVIATION_NOTE_MISSING',
  'LEVEL1_SPLIT',
  'NO_SATISFACTION',
  'DEDUCTION_WITHOUT_REASON',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

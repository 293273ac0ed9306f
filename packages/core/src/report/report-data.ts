// Everything the self-evaluation report needs, as plain data loaded from the database.
// Money is integer 分 (Fen); rates and scores come from the scoring engine as 2-decimal strings.
import type { Fen } from '../money.ts';
import type { PreviousRectifications } from '../rectification/report-carry-types.ts';
import type { YearComparison } from '../linkage/year-comparison.ts';

export type Level1Code = 'OUTPUT' | 'BENEFIT' | 'SATISFACTION' | 'COST';
export type OperatorSymbol = '≥' | '＞' | '＝' | '＜' | '≤' | '定性';

/** A figure's provenance, so the UI can show where every number came from. */
export interface SourceRef {
  table: string; // e.g. 'budgets', 'ledger', 'indicators', 'investment_projects'
  id?: string; // record id when one record backs the figure
  note?: string; // e.g. 'sum of 1,234 ledger rows'
}

export interface ReportIndicator {
  id: string;
  level1: string; // 产出指标 | 效益指标 | 满意度指标 (Chinese label as on the form)
  level2: string; // 数量指标 …
  name: string; // 三级指标
  operator: OperatorSymbol;
  target: string; // decimal string, or free text for 定性
  unit: string;
  actual: string | null; // decimal string or one of the three 定性 levels
  weight: string; // 2-decimal string
  score: string | null; // from the scoring engine
  deviationNote: string | null;
  targetBasis: string | null; // 计划标准 / 行业标准 / 历史标准 / 其他
  dataSource: string | null; // 指标数据来源
  illustrative: boolean; // 示例数据: value invented for the demo where the seed is silent
  /** Target changed after locking (change request) — shown in the table and the report. */
  targetChange: {
    originalTarget: string;
    newTarget: string;
    reason: string;
    approvedAt: string;
  } | null;
  source: SourceRef;
}

export interface ReportBudgetBlock {
  initialBudget: Fen; // 年初预算数
  adjustedBudget: Fen; // 全年预算数 (调整后)
  executed: Fen; // 全年执行数
  /** Breakdown rows of the 项目资金 block; amounts in Fen. */
  rows: { label: string; initialBudget: Fen; adjustedBudget: Fen; executed: Fen }[];
  weight: string;
  rate: string | null; // "95.34" (percent, 2dp) from the scoring engine
  score: string | null; // "9.53"
  adjustmentNote: string | null;
  source: SourceRef;
}

export interface ReportScore {
  total: string; // "93.52"
  grade: string; // 优 | 良 | 中 | 差
  preset: string; // rule preset used, e.g. 'mof-2020'
  findings: { code: string; indicator: string | null; message: string }[];
}

export interface ReportProject {
  code: string;
  name: string;
  level: 1 | 2;
  parentCode: string | null;
  fundSource: string; // 一般公共预算 …
  expenditureType: 'basic' | 'project'; // 基本支出 / 项目支出
  implementingUnit: string; // 实施单位
  goal: { target: string; actual: string }; // 年度总体目标: 预期目标 / 实际完成情况
  budget: ReportBudgetBlock;
  indicators: ReportIndicator[];
  score: ReportScore | null;
  illustrative: boolean;
}

export interface ReportDepartment {
  code: string; // 440105-TZCJ
  name: string; // 广州市海珠区投资促进局
  shortName: string; // 区投资促进局
  regionCode: string; // 440105
  regionName: string; // 广州市海珠区
  functions: string[]; // 主要职能, one duty per item
  units: { name: string; kind: string }[]; // 机构设置 (kind: 内设机构 / 下属事业单位)
  staffing: { authorized: number; active: number; retired: number; illustrative: boolean };
}

export interface ReportNarrative {
  /** Paragraph key → text overridden by the user (kept across regenerations). */
  overrides: Record<string, string>;
  /** Free inputs the clerk writes (work summary, achievements, problems, measures). */
  keyTasks: string[]; // 年度总体工作和重点工作任务
  achievements: string[]; // 主要工作成效 items
  problems: { text: string; measure: string; owner: string; deadline: string }[]; // 问题 ↔ 措施 mapped
  managementPractice: string[]; // 部门整体绩效管理情况 (target setting, monitoring, self-evaluation, result use)
  basisNotice: string | null; // 《关于开展2023年度…绩效自评工作的通知》(海财绩〔2024〕X号)
}

export interface DepartmentReportData {
  fiscalYear: number;
  department: ReportDepartment;
  /** Department income side (收入): 财政拨款收入, 上年结转 …, in Fen. */
  income: { label: string; amount: Fen }[];
  /** Department totals; basicExpenditure + Σ project budgets reconcile with the totals. */
  budget: ReportBudgetBlock;
  basicExpenditure: { adjustedBudget: Fen; executed: Fen };
  projectExpenditure: { adjustedBudget: Fen; executed: Fen };
  carryover: Fen; // 结转结余
  departmentGoal: { target: string; actual: string };
  departmentIndicators: ReportIndicator[];
  departmentScore: ReportScore | null;
  projects: ReportProject[];
  narrative: ReportNarrative;
  /** Monitoring (绩效运行监控) summary lines, if a monitoring round exists. */
  monitoring: { cutoffMonth: number; budgetWarning: string; indicatorWarnings: number } | null;
  /** The previous year's 整改 items and their status, stated in 四、下一步改进措施 (absent: none). */
  previousRectifications?: PreviousRectifications | null;
  /** 同比: this year beside the year before (absent or null: no data for the year before). */
  yearComparison?: YearComparison | null;
  generatedAt: string; // ISO date, passed in (core has no clock)
  illustrativeNote: string | null; // e.g. 本报告含示例数据 … (demo only)
}

// 财政重点评价 / 部门评价 (external evaluation, full-cycle-rules §B): the shared vocabulary.

/** 一级 indicators of the 10号 framework: 决策 / 过程 / 产出 / 效益. */
export type ExtEvalDimension = 'decision' | 'process' | 'output' | 'benefit';

export const EXT_EVAL_DIMENSIONS: readonly ExtEvalDimension[] = [
  'decision',
  'process',
  'output',
  'benefit',
];

export const EXT_EVAL_DIMENSION_TEXT: Readonly<Record<ExtEvalDimension, string>> = {
  decision: '决策',
  process: '过程',
  output: '产出',
  benefit: '效益',
};

/** 项目 (a project with a submitted self-evaluation) or 部门整体 (a department's whole expenditure). */
export type ExtEvalObjectKind = 'project' | 'department';

export type ExtEvalEvaluatorKind = 'inhouse' | 'thirdParty';

export type ExtEvalStatus = 'draft' | 'scoring' | 'submitted' | 'concluded';

export type ExtEvalGrade = '优' | '良' | '中' | '差';

/**
 * 预算执行率: 10号 divides by 实际到位资金 (`byAvailable`); the self-evaluation table divides by 调整后预算数
 * (`byAdjustedBudget`). Both are computed; the evaluation records the one it uses.
 */
export type ExecutionRateFormula = 'byAvailable' | 'byAdjustedBudget';

export const EXECUTION_RATE_FORMULA_TEXT: Readonly<Record<ExecutionRateFormula, string>> = {
  byAvailable: '实际支出资金 / 实际到位资金 × 100%',
  byAdjustedBudget: '实际支出资金 / 调整后预算数 × 100%',
};

/**
 * The 评分标准 of a 三级 indicator, one of the rule types of §B.4. Decimal values are strings.
 * - proportional: score = 分值 × min(rate, cap) / 100 (rate = numerator / denominator × 100; cap 100 by default).
 * - deductPerPoint: per percentage point below `fullAt` (unit 'percentPoint') or per occurrence (unit
 *   'occurrence'), deduct `deduct` points, never below 0 ("每减少1个百分点扣1分，扣完为止").
 * - tiered: the evaluator picks one tier (e.g. 相符 10 / 基本相符 6 / 不符 0).
 * - checklist: n 评价要点, `pointsEach` per point met (capped at 分值).
 * - manual: the evaluator gives the score; a note is required.
 */
export type ExtEvalRule =
  | { type: 'proportional'; cap?: string }
  | { type: 'deductPerPoint'; unit: 'percentPoint' | 'occurrence'; deduct: string; fullAt?: string }
  | { type: 'tiered'; tiers: { label: string; score: string }[] }
  | { type: 'checklist'; items: string[]; pointsEach: string }
  | { type: 'manual' };

export type ExtEvalRuleType = ExtEvalRule['type'];

export const EXT_EVAL_RULE_TEXT: Readonly<Record<ExtEvalRuleType, string>> = {
  proportional: '按比例得分',
  deductPerPoint: '按点扣分',
  tiered: '分档计分',
  checklist: '要点计分',
  manual: '酌情评分',
};

/**
 * What the evaluator enters for one indicator. `execution` is the 预算执行率 input (amounts in 元): both formulas
 * are computed from it, the evaluation's formula is used.
 */
export type ExtEvalInput =
  | { kind: 'ratio'; numerator: string; denominator: string }
  | { kind: 'rate'; percent: string }
  | { kind: 'execution'; spent: string; available: string; adjustedBudget: string }
  | { kind: 'count'; count: number }
  | { kind: 'tier'; index: number }
  | { kind: 'checklist'; met: boolean[] }
  | { kind: 'manual'; score: string; note: string };

/** One 三级 indicator of a template (or of an evaluation's sheet). */
export interface ExtEvalIndicatorDef {
  dimension: ExtEvalDimension;
  /** 二级 indicator, e.g. 项目立项. */
  level2: string;
  /** 三级 indicator, e.g. 立项依据充分性. */
  name: string;
  /** 指标解释. */
  explanation: string;
  /** 评价要点. */
  points: string;
  /** 评分标准 in words. */
  criterion: string;
  /** 分值 (decimal string, ≤ 2 decimals). */
  maxScore: string;
  rule: ExtEvalRule;
  /** Marks the 预算执行率 indicator (its input is `execution`). */
  metric?: 'budgetExecution';
}

export type ExtEvalWeights = Readonly<Record<ExtEvalDimension, string>>;

/** The editable indicator template of a region, year and object kind. */
export interface ExtEvalTemplate {
  weights: ExtEvalWeights;
  /** A warning when 产出 + 效益 is below this (10号: ≥ 60 in principle). */
  resultWeightWarnBelow: string;
  indicators: ExtEvalIndicatorDef[];
}

/** §B.5 bands: the lowest total of each grade (90 / 80 / 60; below 60 差). */
export interface ExtEvalGradeBands {
  excellent: string;
  good: string;
  fair: string;
}

export const DEFAULT_EXT_EVAL_GRADE_BANDS: ExtEvalGradeBands = {
  excellent: '90',
  good: '80',
  fair: '60',
};

/** A problem found (存在的问题) with its recommendation (有关建议); each becomes a 整改 item when concluded. */
export interface ExtEvalFinding {
  problem: string;
  recommendation: string;
  dimension: ExtEvalDimension | 'management';
  /** The 三级 indicator it refers to, when any. */
  indicatorName?: string;
}

/** The report's narrative chapters written by the evaluator (§B.6); every figure comes from data. */
export interface ExtEvalNarrative {
  /** 一、基本情况: 项目概况. */
  overview: string;
  /** 一、基本情况: 绩效目标. */
  goals: string;
  /** 二、绩效评价工作开展情况: 工作过程. */
  workProcess: string;
  /** 五、主要经验及做法. */
  experience: string;
  /** 七、其他需要说明的问题. */
  other: string;
}

export const EMPTY_EXT_EVAL_NARRATIVE: ExtEvalNarrative = {
  overview: '',
  goals: '',
  workProcess: '',
  experience: '',
  other: '',
};

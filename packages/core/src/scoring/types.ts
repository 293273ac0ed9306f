// The scoring contract (shared/spec/scoring-contract.md v1) as types: input, rules, errors, findings, output.

import type { FindingCode, Level1, Operator, ScoringErrorCode } from '../vocabulary.ts';

/** 计算符号 and 一级指标: the shared vocabulary (vocabulary.ts). */
export type { Level1, Operator };

/** 定性指标三档: 达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差. */
export type QualLevel = 'ACHIEVED' | 'PARTIAL' | 'NOT_ACHIEVED';

export type ReverseFormula = 'mof-linear' | 'ratio';

export type Grade = '优' | '良' | '中' | '差';

/** Fully resolved rules: a preset with the input's overrides applied. Decimals are strings. */
export interface ScoringRules {
  preset: string;
  reverseFormula: ReverseFormula;
  /** [achievedMin, partialMin] as fractions of the weight: 达成 [0.8w, w], 部分达成 [0.6w, 0.8w), 未达成 [0, 0.6w). */
  qualitativeBands: readonly [string, string];
  /** A ≥ ratio × T on ≥/＞ needs an explanation (T > 0). */
  overTargetRatio: string;
  /** When T = 0 on ≥/＞, A ≥ this value needs an explanation (pmkpi 广西 rule: 30). */
  overTargetWhenZeroTarget: string;
  /** 执行率 (%, 2 dp) below this needs an explanation. */
  executionExplainBelow: string;
  /** Default budget weight when `budget.weight` is absent. */
  budgetWeight: string;
  /** Expected level-1 weight split; a level 1 not listed here (e.g. COST) counts towards OUTPUT. */
  level1Weights: Readonly<Partial<Record<Level1, string>>>;
  /** Lower bounds of 优 / 良 / 中 (half-open, on the 2-dp total). */
  gradeBands: Readonly<{ excellent: string; good: string; fair: string }>;
}

/** The optional `rules` object of an input: a preset name plus any field to override. */
export type RulesOverride = Partial<Omit<ScoringRules, 'preset'>> & { preset?: string };

export interface SubjectInput {
  kind: 'project' | 'department';
  name: string;
  year?: number;
  unit?: string;
}

/** 项目资金 (万元), decimal strings. */
export interface BudgetInput {
  initial?: string;
  /** 全年预算数 (调整后): the basis of 执行率. */
  adjusted: string;
  executed: string;
  /** 分值; the preset's budgetWeight when absent. */
  weight?: string;
  note?: string | null;
}

export interface IndicatorInput {
  id: string;
  level1: Level1;
  level2?: string | null;
  name: string;
  operator: Operator;
  /** Decimal string; free text for QUAL; '' allowed when not applicable. */
  target: string;
  /** Decimal string; for QUAL a QualLevel code or its Chinese text; '' allowed when not applicable. */
  actual: string;
  unit?: string | null;
  weight: string;
  /** QUAL only: the evaluator's score, inside the band of the chosen level. */
  score?: string | null;
  deduction?: string | null;
  deductionReason?: string | null;
  /** 偏差原因分析及改进措施. */
  deviationNote?: string | null;
  /** false: not assessed, the total is rescaled to 100. Default true. */
  applicable?: boolean;
}

/** A validated input (what `parseScoringInput` returns): codes instead of symbols, numbers as decimal strings. */
export interface ScoringInput {
  version: 1;
  rules?: RulesOverride;
  subject: SubjectInput;
  budget: BudgetInput;
  indicators: IndicatorInput[];
}

export type { FindingCode, ScoringErrorCode };

/** A coded message; `indicator` is the indicator id, or null for the budget or the whole input. */
export interface CodedMessage<C extends string> {
  code: C;
  indicator: string | null;
  message: string;
  messageEn: string;
}

export type ScoringError = CodedMessage<ScoringErrorCode>;
export type Finding = CodedMessage<FindingCode>;

export interface BudgetScore {
  /** 执行率, percent, 2 dp. */
  rate: string;
  score: string;
}

export interface IndicatorScore {
  id: string;
  score: string;
  findings: FindingCode[];
  /** Not in the contract's example: false when the indicator is not assessed (its score is then "0.00"). */
  applicable: boolean;
}

/** The contract's output when the input is valid (exit 0). */
export interface ScoredOutput {
  budget: BudgetScore;
  indicators: IndicatorScore[];
  total: string;
  grade: Grade;
  findings: Finding[];
  errors: [];
}

/** The contract's output when the input is invalid (exit 2): errors and no total. */
export interface InvalidScoringOutput {
  errors: ScoringError[];
}

export type ScoringOutput = ScoredOutput | InvalidScoringOutput;

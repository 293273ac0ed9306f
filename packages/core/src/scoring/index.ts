// Public surface of the scoring engine (shared/spec/scoring-contract.md): pure, browser-safe, decimal only.
export type {
  BudgetInput,
  BudgetScore,
  CodedMessage,
  Finding,
  FindingCode,
  Grade,
  IndicatorInput,
  IndicatorScore,
  InvalidScoringOutput,
  Level1,
  Operator,
  QualLevel,
  ReverseFormula,
  RulesOverride,
  ScoredOutput,
  ScoringError,
  ScoringErrorCode,
  ScoringInput,
  ScoringOutput,
  ScoringRules,
  SubjectInput,
} from './types.ts';
export { parseScoringInput, type ParseOptions } from './parse-input.ts';
export { scoreEvaluation, scoreFromJson, isScored, isInvalid } from './score-evaluation.ts';
export { scoreBudget, type BudgetResult } from './score-budget.ts';
export {
  formulaScore,
  finalScore,
  missedTarget,
  overTarget,
  type QuantOperator,
} from './score-indicator.ts';
export { gradeFor, gradeLabel, GRADES, GRADE_LABEL_EN } from './grade.ts';
export { qualitativeBand, type QualBand } from './qualitative-band.ts';
export {
  DEFAULT_PRESET_NAME,
  defaultPreset,
  getPreset,
  listPresets,
  presetFor,
  resolveRules,
  type ScoringPreset,
} from './presets.ts';
export {
  LEVEL1_TEXT,
  LEVEL1_TEXT_EN,
  OPERATOR_SYMBOL,
  QUAL_LEVELS,
  QUAL_LEVEL_TEXT,
  QUAL_LEVEL_TEXT_EN,
  parseLevel1,
  parseOperator,
  parseQualLevel,
} from './vocabulary.ts';

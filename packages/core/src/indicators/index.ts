// Public surface of the indicator tree: vocabulary and the goal-set checks run before submission.
export {
  LEVEL1_CODES,
  LEVEL2_CODES,
  LEVEL2_OF_LEVEL1,
  LEVEL2_TEXT,
  LEVEL2_TEXT_EN,
  OPERATOR_CODES,
  TARGET_BASIS_CODES,
  TARGET_BASIS_TEXT,
  isQuantitative,
  level2Allowed,
  type IndicatorLevel2,
  type TargetBasisCode,
} from './vocabulary.ts';
export {
  goalSetRulesFrom,
  hasErrors,
  validateGoalSet,
  type GoalSetIndicator,
  type GoalSetInput,
  type GoalSetIssue,
  type GoalSetIssueCode,
  type GoalSetRules,
} from './validate-tree.ts';

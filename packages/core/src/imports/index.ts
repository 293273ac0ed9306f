// Public surface of the import rules: money columns, header rows, budget rows and files, goal declarations.
export { MONEY_UNIT_TEXT, parseMoney, parseMoneyUnit, type MoneyUnit } from './money-column.ts';
export {
  BUDGET_FILE_ALIASES,
  BUDGET_ANNUAL_REQUIRED,
  BUDGET_FILE_FIELDS,
  BUDGET_FILE_HEADERS,
  BUDGET_LINE_REQUIRED,
  BUDGET_MONEY_FIELDS,
  type BudgetField,
} from './budget-columns.ts';
export {
  parseBudgetLineKind,
  parseExpenditureType,
  parseFundSource,
  type BudgetLineKind,
  type ExpenditureTypeCode,
  type FundSourceCode,
} from './budget-words.ts';
export {
  checkBudgetRow,
  type BudgetLineIn,
  type BudgetRowContext,
  type BudgetRowIn,
} from './budget-rows.ts';
export {
  planBudgetImport,
  type BudgetPlan,
  type ExistingProject,
  type NewProject,
} from './budget-file.ts';
export {
  parseLevel2,
  parseOperatorWord,
  parseTargetBasis,
  parseTargetCell,
  spreadWeights,
  type TargetCell,
} from './goal-cells.ts';
export {
  DEPARTMENT_SET_WORDS,
  GOAL_ALIASES,
  GOAL_FIELDS,
  GOAL_HEADERS,
  GOAL_REQUIRED,
  type GoalField,
} from './goal-columns.ts';
export {
  checkIndicatorRow,
  settleWeights,
  type GoalSetDraft,
  type IndicatorDraft,
} from './goal-rows.ts';
export { readGoalSheet, type GoalHeader, type SheetGrid, type SheetResult } from './goal-sheet.ts';

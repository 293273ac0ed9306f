// The words of a budget file: line kinds (年初/调整), expenditure types (基本支出/项目支出, with the 一体化 project
// categories 人员类 / 运转类 counting as 基本支出), fund sources (资金性质).
export type BudgetLineKind = 'initial' | 'adjustment';
export type ExpenditureTypeCode = 'basic' | 'project';
export type FundSourceCode =
  'general' | 'governmentFund' | 'stateCapital' | 'fiscalSpecial' | 'other';

function table<T>(t: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(t));
}

const KIND_WORDS = table<BudgetLineKind>({
  年初: 'initial',
  年初预算: 'initial',
  年初预算数: 'initial',
  年初批复数: 'initial',
  initial: 'initial',
  调整: 'adjustment',
  预算调整: 'adjustment',
  调整预算: 'adjustment',
  追加: 'adjustment',
  调减: 'adjustment',
  调剂: 'adjustment',
  adjustment: 'adjustment',
});

const EXPENDITURE_WORDS = table<ExpenditureTypeCode>({
  基本支出: 'basic',
  人员类: 'basic',
  人员类项目: 'basic',
  运转类: 'basic',
  运转类项目: 'basic',
  公用经费: 'basic',
  公用经费项目: 'basic',
  其他运转类项目: 'basic',
  项目支出: 'project',
  特定目标类: 'project',
  特定目标类项目: 'project',
  其他特定目标类项目: 'project',
  basic: 'basic',
  project: 'project',
});

const FUND_WORDS = table<FundSourceCode>({
  一般公共预算: 'general',
  一般公共预算拨款: 'general',
  一般公共预算资金: 'general',
  政府性基金预算: 'governmentFund',
  政府性基金: 'governmentFund',
  政府性基金预算拨款: 'governmentFund',
  国有资本经营预算: 'stateCapital',
  财政专户: 'fiscalSpecial',
  财政专户管理资金: 'fiscalSpecial',
  其他: 'other',
  其他资金: 'other',
  general: 'general',
  governmentFund: 'governmentFund',
  stateCapital: 'stateCapital',
  fiscalSpecial: 'fiscalSpecial',
  other: 'other',
});

export function parseBudgetLineKind(text: string): BudgetLineKind | null {
  return KIND_WORDS.get(text.trim()) ?? null;
}

/** 基本支出 / 项目支出, or an 一体化 category (人员类, 运转类 → 基本支出; 特定目标类 → 项目支出). */
export function parseExpenditureType(text: string): ExpenditureTypeCode | null {
  return EXPENDITURE_WORDS.get(text.trim()) ?? null;
}

export function parseFundSource(text: string): FundSourceCode | null {
  return FUND_WORDS.get(text.trim()) ?? null;
}

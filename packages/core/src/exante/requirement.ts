// Which items need which assessment (§A.1, configuration per region and year): a new item with funds ≥ the
// department threshold (100万元) needs the department's own assessment; ≥ the finance threshold (500万元), or
// flagged 延续/敏感/重大, also the finance bureau's. A continuing item whose funds grow by more than the configured
// share (none by default) is treated like a new one.
import { d } from '../decimal.ts';

export interface ExAnteThresholds {
  /** 元. */
  departmentThreshold: string;
  /** 元. */
  financeThreshold: string;
  /** Growth share (e.g. "0.3" = 30 %) above which a continuing item is assessed; null = never. */
  growthShare: string | null;
}

export const DEFAULT_EXANTE_THRESHOLDS: ExAnteThresholds = {
  departmentThreshold: '1000000',
  financeThreshold: '5000000',
  growthShare: null,
};

export interface ExAnteItemFacts {
  isNew: boolean;
  /** 本年度项目资金, 元. */
  amount: string;
  /** 上年度资金, 元 (continuing items). */
  previousAmount?: string | null;
  continuing?: boolean;
  sensitive?: boolean;
  major?: boolean;
}

export type RequirementReason =
  'NEW_OVER_DEPARTMENT_THRESHOLD' | 'NEW_OVER_FINANCE_THRESHOLD' | 'GROWTH_OVER_SHARE' | 'FLAGGED';

export interface ExAnteRequirement {
  /** 部门自评估 required. */
  department: boolean;
  /** 财政评估 (in-house or by a third party) required. */
  finance: boolean;
  reasons: RequirementReason[];
}

export const REQUIREMENT_REASON_TEXT: Readonly<Record<RequirementReason, string>> = {
  NEW_OVER_DEPARTMENT_THRESHOLD: '新增项目资金达到部门事前评估标准',
  NEW_OVER_FINANCE_THRESHOLD: '新增项目资金达到财政评估标准',
  GROWTH_OVER_SHARE: '延续项目资金增幅超过规定比例',
  FLAGGED: '延续性、敏感性或影响重大的项目',
};

function grewTooMuch(facts: ExAnteItemFacts, share: string | null): boolean {
  if (share === null || facts.isNew || !facts.previousAmount || d(facts.previousAmount).lte(0)) {
    return false;
  }
  const prev = d(facts.previousAmount);
  return d(facts.amount)
    .minus(prev)
    .gt(prev.times(d(share)));
}

export function requiredAssessments(
  facts: ExAnteItemFacts,
  thresholds: ExAnteThresholds = DEFAULT_EXANTE_THRESHOLDS,
): ExAnteRequirement {
  const amount = d(facts.amount);
  const treatedAsNew = facts.isNew || grewTooMuch(facts, thresholds.growthShare);
  const reasons: RequirementReason[] = [];
  if (treatedAsNew && amount.gte(d(thresholds.departmentThreshold))) {
    reasons.push(facts.isNew ? 'NEW_OVER_DEPARTMENT_THRESHOLD' : 'GROWTH_OVER_SHARE');
  }
  if (treatedAsNew && amount.gte(d(thresholds.financeThreshold))) {
    reasons.push('NEW_OVER_FINANCE_THRESHOLD');
  }
  const flagged = Boolean(facts.continuing || facts.sensitive || facts.major);
  if (flagged) {
    reasons.push('FLAGGED');
  }
  const finance = reasons.includes('NEW_OVER_FINANCE_THRESHOLD') || flagged;
  return { department: reasons.length > 0, finance, reasons };
}

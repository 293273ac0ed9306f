// One 三级 indicator scored by its rule (§B.4), exactly: decimals through core/decimal.ts, the score rounded half-up
// to 2 decimals. A wrong or missing input is a coded issue, never an exception.
import Big from 'big.js';
import { d, dMax, dMin, divExact, isDecimalString, roundHalfUp2 } from '../decimal.ts';
import { err, ok, type Result } from '../result.ts';
import type {
  ExecutionRateFormula,
  ExtEvalIndicatorDef,
  ExtEvalInput,
  ExtEvalRule,
} from './types.ts';

export type ExtEvalIssueCode =
  | 'INPUT_MISSING'
  | 'INPUT_KIND'
  | 'NUMBER_INVALID'
  | 'DENOMINATOR_ZERO'
  | 'TIER_UNKNOWN'
  | 'CHECKLIST_LENGTH'
  | 'NOTE_REQUIRED'
  | 'SCORE_OUT_OF_RANGE';

export interface ExtEvalIndicatorScore {
  /** 得分, 2 decimals. */
  score: Big;
  /** What the score was computed from: rate (%), both 预算执行率 figures and the formula used, tier … */
  detail: Record<string, string>;
}

type Scored = Result<ExtEvalIndicatorScore, ExtEvalIssueCode>;

const TWO_DP = /^\d+(\.\d{1,2})?$/;

function nonNegative(s: string): Big | null {
  return isDecimalString(s) && !d(s).lt(0) ? d(s) : null;
}

/** The 预算执行率 by both formulas (percent, unrounded); null where the divisor is 0. */
export function executionRates(input: {
  spent: string;
  available: string;
  adjustedBudget: string;
}): { byAvailable: Big | null; byAdjustedBudget: Big | null } {
  const spent = d(input.spent);
  const pct = (den: Big) => (den.eq(0) ? null : divExact(spent.times(100), den));
  return { byAvailable: pct(d(input.available)), byAdjustedBudget: pct(d(input.adjustedBudget)) };
}

const fmt = (x: Big) => roundHalfUp2(x).toFixed(2);

/** 预算执行率 by both formulas; the evaluation's formula gives the rate. */
function executionRate(
  input: Extract<ExtEvalInput, { kind: 'execution' }>,
  formula: ExecutionRateFormula,
): Result<{ rate: Big; detail: Record<string, string> }, ExtEvalIssueCode> {
  const { spent, available, adjustedBudget } = input;
  if (![spent, available, adjustedBudget].every((s) => nonNegative(s) !== null)) {
    return err('NUMBER_INVALID');
  }
  const rates = executionRates(input);
  const rate = rates[formula];
  if (!rate) {
    return err('DENOMINATOR_ZERO');
  }
  const detail: Record<string, string> = { rate: fmt(rate), formula };
  if (rates.byAvailable) {
    detail.rateByAvailable = fmt(rates.byAvailable);
  }
  if (rates.byAdjustedBudget) {
    detail.rateByAdjustedBudget = fmt(rates.byAdjustedBudget);
  }
  return ok({ rate, detail });
}

/** The rate (%) of a ratio, rate or execution input, with its detail. */
function rateOf(
  input: ExtEvalInput,
  formula: ExecutionRateFormula,
): Result<{ rate: Big; detail: Record<string, string> }, ExtEvalIssueCode> {
  if (input.kind === 'rate') {
    const rate = nonNegative(input.percent);
    return rate ? ok({ rate, detail: { rate: fmt(rate) } }) : err('NUMBER_INVALID');
  }
  if (input.kind === 'ratio') {
    const num = nonNegative(input.numerator);
    const den = nonNegative(input.denominator);
    if (!num || !den) {
      return err('NUMBER_INVALID');
    }
    if (den.eq(0)) {
      return err('DENOMINATOR_ZERO');
    }
    const rate = divExact(num.times(100), den);
    return ok({ rate, detail: { rate: fmt(rate) } });
  }
  if (input.kind === 'execution') {
    return executionRate(input, formula);
  }
  return err('INPUT_KIND');
}

function proportional(
  max: Big,
  cap: string | undefined,
  r: { rate: Big; detail: Record<string, string> },
): Scored {
  const capped = dMin(r.rate, d(cap ?? '100'));
  return ok({ score: roundHalfUp2(divExact(max.times(capped), d(100))), detail: r.detail });
}

function deductPerPoint(
  max: Big,
  rule: Extract<ExtEvalRule, { type: 'deductPerPoint' }>,
  input: ExtEvalInput,
  formula: ExecutionRateFormula,
): Scored {
  const per = d(rule.deduct);
  if (rule.unit === 'occurrence') {
    if (input.kind !== 'count') {
      return err('INPUT_KIND');
    }
    if (!Number.isSafeInteger(input.count) || input.count < 0) {
      return err('NUMBER_INVALID');
    }
    const score = dMax(d(0), max.minus(per.times(input.count)));
    return ok({ score: roundHalfUp2(score), detail: { count: String(input.count) } });
  }
  const r = rateOf(input, formula);
  if (!r.ok) {
    return r;
  }
  const shortfall = dMax(d(0), d(rule.fullAt ?? '100').minus(r.value.rate));
  const score = dMax(d(0), max.minus(shortfall.times(per)));
  return ok({
    score: roundHalfUp2(score),
    detail: { ...r.value.detail, shortfall: fmt(shortfall) },
  });
}

function byChoice(max: Big, rule: ExtEvalRule, input: ExtEvalInput): Scored {
  if (rule.type === 'tiered') {
    if (input.kind !== 'tier') {
      return err('INPUT_KIND');
    }
    const tier = rule.tiers[input.index];
    if (!tier) {
      return err('TIER_UNKNOWN');
    }
    return ok({ score: roundHalfUp2(dMin(max, d(tier.score))), detail: { tier: tier.label } });
  }
  if (rule.type === 'checklist') {
    if (input.kind !== 'checklist') {
      return err('INPUT_KIND');
    }
    if (input.met.length !== rule.items.length) {
      return err('CHECKLIST_LENGTH');
    }
    const met = input.met.filter(Boolean).length;
    const score = dMin(max, d(rule.pointsEach).times(met));
    return ok({
      score: roundHalfUp2(score),
      detail: { met: String(met), of: String(rule.items.length) },
    });
  }
  // manual
  if (input.kind !== 'manual') {
    return err('INPUT_KIND');
  }
  if (input.note.trim() === '') {
    return err('NOTE_REQUIRED');
  }
  if (!TWO_DP.test(input.score.trim())) {
    return err('NUMBER_INVALID');
  }
  const score = d(input.score);
  if (score.gt(max)) {
    return err('SCORE_OUT_OF_RANGE');
  }
  return ok({ score, detail: {} });
}

/** Score one indicator. `formula` is the evaluation's 预算执行率 formula (used by `execution` inputs). */
export function scoreExtIndicator(
  def: Pick<ExtEvalIndicatorDef, 'maxScore' | 'rule' | 'metric'>,
  input: ExtEvalInput | null | undefined,
  formula: ExecutionRateFormula,
): Scored {
  if (!input) {
    return err('INPUT_MISSING');
  }
  if (def.metric === 'budgetExecution' && input.kind !== 'execution') {
    return err('INPUT_KIND');
  }
  const max = d(def.maxScore);
  const { rule } = def;
  switch (rule.type) {
    case 'proportional': {
      const r = rateOf(input, formula);
      return r.ok ? proportional(max, rule.cap, r.value) : r;
    }
    case 'deductPerPoint':
      return deductPerPoint(max, rule, input, formula);
    case 'tiered':
    case 'checklist':
    case 'manual':
      return byChoice(max, rule, input);
  }
}

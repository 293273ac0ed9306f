// One indicator's score: the formula of its operator, then max(0, min(w, score − deduction)) rounded half-up.
import Big from 'big.js';
import { dMax, dMin, roundHalfUp2, type Decimal } from '../decimal.ts';
import { divExact } from './exact.ts';
import type { Operator, ReverseFormula, ScoringRules } from './types.ts';

export type QuantOperator = Exclude<Operator, 'QUAL'>;

const ZERO = new Big(0);

/**
 * The formula score before deduction, unrounded, in [0, w]. Negative actuals count as 0.
 * ≥ ＞: A ≥ T → w, else A/T·w.  ＝: T = 0 → (A ≤ 0 ? w : 0), else as ≥.
 * ≤ ＜: A ≤ T → w; mof-linear: A < 2T → (1 − (A−T)/T)·w, else 0; ratio: T/A·w.
 */
export function formulaScore(
  operator: QuantOperator,
  target: Decimal,
  actual: Decimal,
  weight: Decimal,
  reverseFormula: ReverseFormula,
): Decimal {
  const a = dMax(actual, ZERO);
  const t = target;
  switch (operator) {
    case 'GE':
    case 'GT':
      return a.gte(t) ? weight : divExact(a.times(weight), t); // a < t implies t > 0
    case 'EQ':
      if (t.eq(0)) {
        return a.lte(0) ? weight : ZERO;
      }
      return a.gte(t) ? weight : divExact(a.times(weight), t);
    case 'LE':
    case 'LT':
      if (a.lte(t)) {
        return weight;
      }
      if (reverseFormula === 'mof-linear') {
        // (1 − (A − T)/T)·w = (2T − A)·w/T; A > T and A < 2T imply T > 0.
        return a.lt(t.times(2)) ? divExact(t.times(2).minus(a).times(weight), t) : ZERO;
      }
      // T/A·w; A > T ≥ … so A = 0 only when T < 0, which no actual can meet.
      return a.eq(0) ? ZERO : dMax(divExact(t.times(weight), a), ZERO);
  }
}

/** max(0, min(w, score − deduction)), rounded half-up to 2 dp. */
export function finalScore(score: Decimal, weight: Decimal, deduction: Decimal): Decimal {
  return roundHalfUp2(dMax(ZERO, dMin(weight, score.minus(deduction))));
}

/** Did a quantitative indicator miss its target (the formula did not give full marks for the value)? */
export function missedTarget(operator: QuantOperator, target: Decimal, actual: Decimal): boolean {
  const a = dMax(actual, ZERO);
  switch (operator) {
    case 'GE':
    case 'GT':
      return a.lt(target);
    case 'EQ':
      return target.eq(0) ? a.gt(0) : a.lt(target);
    case 'LE':
    case 'LT':
      return a.gt(target);
  }
}

/** ≥/＞ only: A ≥ overTargetRatio·T when T > 0; A ≥ overTargetWhenZeroTarget when T = 0; never when T < 0. */
export function overTarget(
  operator: QuantOperator,
  target: Decimal,
  actual: Decimal,
  rules: Pick<ScoringRules, 'overTargetRatio' | 'overTargetWhenZeroTarget'>,
): boolean {
  if (operator !== 'GE' && operator !== 'GT') {
    return false;
  }
  if (target.gt(0)) {
    return actual.gte(target.times(rules.overTargetRatio));
  }
  return target.eq(0) && actual.gte(rules.overTargetWhenZeroTarget);
}

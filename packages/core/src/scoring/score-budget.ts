// 预算执行率 and its score: rate = executed / adjusted × 100; score = min(rate, 100%) × weight, from the unrounded rate.
import { roundHalfUp2, type Decimal } from '../decimal.ts';
import { divExact } from './exact.ts';

export interface BudgetResult {
  /** 执行率 in percent, rounded half-up to 2 dp (what is shown and compared with the explanation threshold). */
  rate: Decimal;
  /** Rounded half-up to 2 dp; computed from the unrounded rate. */
  score: Decimal;
}

/** `adjusted` must be > 0 and `executed` ≥ 0 (parseScoringInput guarantees both). */
export function scoreBudget(adjusted: Decimal, executed: Decimal, weight: Decimal): BudgetResult {
  const rate = roundHalfUp2(divExact(executed.times(100), adjusted));
  const score = executed.gte(adjusted)
    ? weight
    : roundHalfUp2(divExact(executed.times(weight), adjusted));
  return { rate, score };
}

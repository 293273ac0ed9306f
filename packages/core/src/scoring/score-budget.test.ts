// 预算执行率 and score, from the seed project and the contract's 8.075 example.
import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { toFixed2 } from '../decimal.ts';
import { scoreBudget } from './score-budget.ts';

function budget(
  adjusted: string,
  executed: string,
  weight = '10',
): { rate: string; score: string } {
  const r = scoreBudget(new Big(adjusted), new Big(executed), new Big(weight));
  return { rate: toFixed2(r.rate), score: toFixed2(r.score) };
}

describe('scoreBudget', () => {
  it('114 / 120 → 95.00%, 9.50', () => {
    expect(budget('120', '114')).toEqual({ rate: '95.00', score: '9.50' });
  });
  it('76.27 / 80 → 95.34%, 9.53 (the seed project)', () => {
    expect(budget('80', '76.27')).toEqual({ rate: '95.34', score: '9.53' });
  });
  it('32.3 / 40 × 10 = 8.075 → 8.08', () => {
    expect(budget('40', '32.3')).toEqual({ rate: '80.75', score: '8.08' });
  });
  it('uses the unrounded rate: 80.745% shows as 80.75% but scores 8.0745 → 8.07, not 8.075 → 8.08', () => {
    expect(budget('100000', '80745')).toEqual({ rate: '80.75', score: '8.07' });
  });
  it('caps the score at the weight when executed > adjusted, shows the real rate', () => {
    expect(budget('100', '120')).toEqual({ rate: '120.00', score: '10.00' });
  });
  it('nothing executed → 0', () => {
    expect(budget('50', '0', '20')).toEqual({ rate: '0.00', score: '0.00' });
  });
});

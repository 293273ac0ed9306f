// Indicator formulas per operator, with the domain's numbers.
import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { toFixed2 } from '../decimal.ts';
import {
  finalScore,
  formulaScore,
  missedTarget,
  overTarget,
  type QuantOperator,
} from './score-indicator.ts';
import type { ReverseFormula } from './types.ts';

function score(
  op: QuantOperator,
  t: string,
  a: string,
  w: string,
  f: ReverseFormula = 'mof-linear',
): string {
  return toFixed2(
    finalScore(formulaScore(op, new Big(t), new Big(a), new Big(w), f), new Big(w), new Big(0)),
  );
}

describe('≥ and ＞ (more is better)', () => {
  it('A ≥ T → full weight; else A/T·w: 10/12 × 20 = 16.67', () => {
    expect(score('GE', '12', '10', '20')).toBe('16.67');
    expect(score('GE', '12', '12', '20')).toBe('20.00');
    expect(score('GT', '95', '98', '10')).toBe('10.00');
    expect(score('GT', '3', '1', '10')).toBe('3.33');
  });
  it('negative actuals count as 0', () => {
    expect(score('GE', '12', '-5', '20')).toBe('0.00');
  });
  it('T = 0 is met by any actual', () => {
    expect(score('GE', '0', '0', '5')).toBe('5.00');
  });
  it('rounds half-up on exact decimals: 1.005 style ties go up', () => {
    // 0.4025 × 10 / 1 … : A/T·w = 8.075 exactly
    expect(score('GE', '40', '32.3', '10')).toBe('8.08');
  });
});

describe('＝', () => {
  it('T = 100, A = 100 → w; A = 90 → 9.00 of 10; over-shoot not penalised', () => {
    expect(score('EQ', '100', '100', '10')).toBe('10.00');
    expect(score('EQ', '100', '90', '10')).toBe('9.00');
    expect(score('EQ', '100', '120', '10')).toBe('10.00');
  });
  it('T = 0: A ≤ 0 → w, else 0', () => {
    expect(score('EQ', '0', '0', '10')).toBe('10.00');
    expect(score('EQ', '0', '-3', '10')).toBe('10.00');
    expect(score('EQ', '0', '0.01', '10')).toBe('0.00');
  });
});

describe('≤ and ＜ (less is better)', () => {
  it('mof-linear: T = 10, A = 11.4 → (1 − 1.4/10) × 10 = 8.60', () => {
    expect(score('LE', '10', '11.4', '10')).toBe('8.60');
    expect(score('LT', '10', '9', '10')).toBe('10.00');
  });
  it('mof-linear: A ≥ 2T → 0', () => {
    expect(score('LE', '10', '20', '10')).toBe('0.00');
    expect(score('LE', '10', '19.99', '10')).toBe('0.01');
  });
  it('ratio: T/A·w = 10/11.4 × 10 = 8.77, never 0 for a finite A', () => {
    expect(score('LE', '10', '11.4', '10', 'ratio')).toBe('8.77');
    expect(score('LE', '10', '40', '10', 'ratio')).toBe('2.50');
  });
  it('T = 0: any positive actual scores 0 under both formulas', () => {
    expect(score('LE', '0', '0', '10')).toBe('10.00');
    expect(score('LE', '0', '1', '10')).toBe('0.00');
    expect(score('LE', '0', '1', '10', 'ratio')).toBe('0.00');
  });
  it('a negative target cannot be met by a non-negative actual', () => {
    expect(score('LE', '-5', '0', '10', 'ratio')).toBe('0.00');
    expect(score('LE', '-5', '3', '10')).toBe('0.00');
  });
});

describe('finalScore', () => {
  it('max(0, min(w, score − deduction)), rounded', () => {
    const w = new Big(15);
    expect(toFixed2(finalScore(new Big(15), w, new Big(3)))).toBe('12.00');
    expect(toFixed2(finalScore(new Big(2), w, new Big(3)))).toBe('0.00');
    expect(toFixed2(finalScore(new Big(16), w, new Big(0)))).toBe('15.00');
    expect(toFixed2(finalScore(new Big('10.005'), w, new Big(0)))).toBe('10.01');
  });
});

describe('missedTarget and overTarget', () => {
  const rules = { overTargetRatio: '1.3', overTargetWhenZeroTarget: '30' };
  it('misses: ≥ below, ≤ above, ＝ with T = 0 above 0', () => {
    expect(missedTarget('GE', new Big(12), new Big(10))).toBe(true);
    expect(missedTarget('GE', new Big(12), new Big(12))).toBe(false);
    expect(missedTarget('LE', new Big(10), new Big('11.4'))).toBe(true);
    expect(missedTarget('LT', new Big(10), new Big(10))).toBe(false);
    expect(missedTarget('EQ', new Big(0), new Big(1))).toBe(true);
  });
  it('over: ≥/＞ at 130% of T; at 30 when T = 0; never for ≤ or ＝', () => {
    expect(overTarget('GE', new Big(50), new Big(70), rules)).toBe(true);
    expect(overTarget('GT', new Big(50), new Big('64.99'), rules)).toBe(false);
    expect(overTarget('GE', new Big(0), new Big(30), rules)).toBe(true);
    expect(overTarget('GE', new Big(0), new Big(29), rules)).toBe(false);
    expect(overTarget('GE', new Big(-5), new Big(100), rules)).toBe(false);
    expect(overTarget('EQ', new Big(50), new Big(100), rules)).toBe(false);
    expect(overTarget('LE', new Big(50), new Big(100), rules)).toBe(false);
  });
});

// Strict decimal parsing and division that never double-rounds.
import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { roundHalfUp2 } from '../decimal.ts';
import { divExact, jsonNumberToDecimalString, parseDecimal } from './exact.ts';

describe('parseDecimal', () => {
  it('accepts plain decimals, trims, drops a leading +', () => {
    expect(parseDecimal(' 12 ')?.toFixed()).toBe('12');
    expect(parseDecimal('+0.75')?.toFixed()).toBe('0.75');
    expect(parseDecimal('-3.5')?.toFixed()).toBe('-3.5');
  });
  it('rejects exponents, percent signs, separators, blanks', () => {
    for (const s of ['1e3', '95%', '1,200', '', ' ', 'NaN', 'Infinity', '0x10', '１２']) {
      expect(parseDecimal(s)).toBeNull();
    }
  });
});

describe('jsonNumberToDecimalString', () => {
  it('goes through the number text', () => {
    expect(jsonNumberToDecimalString(12.5)).toBe('12.5');
    expect(jsonNumberToDecimalString(1e-7)).toBe('0.0000001');
    expect(jsonNumberToDecimalString(1e21)).toBe('1000000000000000000000');
    expect(jsonNumberToDecimalString(Number.NaN)).toBeNull();
  });
});

describe('divExact', () => {
  it('truncates, so a later half-up rounding is exact', () => {
    // 0.004999…9 (25 nines) 7 / 1: a quotient rounded half-up at 20 dp would become 0.005 and then round up.
    const a = new Big(`0.00${'9'.repeat(0)}4${'9'.repeat(25)}7`);
    expect(roundHalfUp2(divExact(a, new Big(1))).toFixed(2)).toBe('0.00');
    expect(roundHalfUp2(a.div(1)).toFixed(2)).toBe('0.01'); // the shared Big rounds at 20 dp first
  });
  it('leaves the shared Big settings alone', () => {
    divExact(new Big(1), new Big(3));
    expect(new Big(2).div(3).toFixed()).toBe('0.66666666666666666667');
  });
});

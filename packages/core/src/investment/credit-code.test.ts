// 统一社会信用代码 check character (GB 32100-2015).
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isCreditCode } from './credit-code.ts';

describe('credit code', () => {
  it('accepts the standard example 91350100M000100Y43', () => {
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
  it('rejects a wrong check character, a bad length and letters outside the set (I, O, S, V, Z)', () => {
    expect(isCreditCode('91350100M000100Y44')).toBe(false);
    expect(isCreditCode('91350100M000100Y4')).toBe(false);
    expect(creditCodeCheckChar('91350100M000100I4')).toBeNull();
  });
});

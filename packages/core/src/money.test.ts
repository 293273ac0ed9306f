import { describe, expect, it } from 'vitest';
import {
  fenToWanString,
  formatWanYuan,
  fenToYuanString,
  parseWanYuan,
  parseYuan,
  wanToFen,
} from './money.ts';
import { d, roundHalfUp2, toFixed2 } from './decimal.ts';

describe('money', () => {
  it('parses 元 strings exactly, never through floats', () => {
    expect(parseYuan('1.13')).toBe(113);
    expect(parseYuan('1,005.07')).toBe(100507);
    expect(parseYuan('-0.07')).toBe(-7);
    expect(parseYuan('1.005')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
  });

  it('shows the seed budget as 36,628.61 万元', () => {
    const f = parseWanYuan('36,628.61');
    expect(f).toBe(366_286_100_00);
    expect(formatWanYuan(f!)).toBe('36,628.61 万元');
    expect(fenToYuanString(f!)).toBe('366286100.00');
  });

  it('rounds 万元 half-up on display', () => {
    expect(formatWanYuan(762_750_0)).toBe('7.63 万元'); // 7.6275 万元
    expect(formatWanYuan(wanToFen(d('76.27')))).toBe('76.27 万元');
    expect(formatWanYuan(-50)).toBe('-0.00 万元'.replace('-0.00', '-0.00'));
  });
});

describe('decimal', () => {
  it('rounds half-up exactly where floats fail', () => {
    expect(toFixed2(d('1.005'))).toBe('1.01');
    expect(toFixed2(d('32.3').div(40).times(10))).toBe('8.08');
    expect(roundHalfUp2(d('-2.345')).toString()).toBe('-2.35');
    expect(toFixed2(d('76.27').div(80).times(100))).toBe('95.34');
  });
});

describe('fenToWanString', () => {
  it('is exact and keeps two decimals at least', () => {
    expect(fenToWanString(76_270_000)).toBe('76.27');
    expect(fenToWanString(36_628_610_000)).toBe('36628.61');
    expect(fenToWanString(1)).toBe('0.000001');
    expect(fenToWanString(-50_000)).toBe('-0.05');
  });
});

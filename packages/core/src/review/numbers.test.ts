import { describe, expect, it } from 'vitest';
import { findQuantities, parseQuantity, toYuan } from './numbers.ts';

describe('numbers', () => {
  it.each([
    ['36,628.61万元', '36628.61', '万元', 2],
    ['36,628.61 万元', '36628.61', '万元', 2],
    ['1.8万家', '1.8', '万家', 1],
    ['95%', '95', '%', 0],
    ['95.34％', '95.34', '%', 2],
    ['2.3个百分点', '2.3', '个百分点', 1],
    ['0.9百分点', '0.9', '个百分点', 1],
    ['336个', '336', '个', 0],
    ['93.52分', '93.52', '分', 2],
    ['48.60亿元', '48.60', '亿元', 2],
  ])('reads %s', (s, value, unit, decimals) => {
    const q = parseQuantity(s);
    expect(q).toMatchObject({ value, unit, decimals });
  });

  it('reads comparison operators printed before a target', () => {
    const [a, b, c] = findQuantities('年度指标值≥300个，不少于1.5万家，≤15个工作日');
    expect([a?.operator, b?.operator, c?.operator]).toEqual(['≥', '≥', '≤']);
    expect(findQuantities('实际完成336个')[0]?.operator).toBeNull();
  });

  it('does not take 分 of 分别 or 分析 as a score unit', () => {
    expect(findQuantities('3.6%，分别拉动')[0]?.unit).toBe('%');
    expect(findQuantities('共2分析')[0]?.unit).toBe('');
  });

  it('converts money to 元 exactly', () => {
    const q = parseQuantity('36,628.61万元');
    expect(q === null ? null : toYuan(q)?.toString()).toBe('366286100');
    expect(parseQuantity('76.27 元 多余')).toBeNull();
  });

  it('keeps 10+1 and a year apart from figures', () => {
    expect(findQuantities('“10+1”政策体系，2023年').map((q) => [q.value, q.unit])).toEqual([
      ['10', ''],
      ['1', ''],
      ['2023', '年'],
    ]);
  });
});

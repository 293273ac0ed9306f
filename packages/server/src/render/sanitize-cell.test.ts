// Formula injection: triggers are neutralised with an apostrophe; our own operator values are left alone.
import { describe, expect, it } from 'vitest';
import { isFormulaLike, sanitizeCell } from './sanitize-cell.ts';

describe('sanitizeCell', () => {
  it.each([
    ['=HYPERLINK("http://x","点击")', `'=HYPERLINK("http://x","点击")`],
    ['+cmd|/C calc!A0', `'+cmd|/C calc!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1', `'\t=1`],
    ['＝SUM(A1)', `'＝SUM(A1)`],
    ['＋1+1', `'＋1+1`],
    ['－A1', `'－A1`],
    ['＠x', `'＠x`],
    ['- 原因：活动合并', `'- 原因：活动合并`],
  ])('neutralises %j', (input, expected) => {
    expect(sanitizeCell(input)).toBe(expected);
    expect(isFormulaLike(input)).toBe(true);
  });

  it.each([
    '≥300个',
    '≤3.50万元/场',
    '＞90%',
    '＜5%',
    '＝100%',
    '=0次',
    '-3.50',
    '+5个',
    '336个',
    '达成年度指标',
    '“三公”经费控制率',
    '',
  ])('leaves %j unchanged', (input) => {
    expect(sanitizeCell(input)).toBe(input);
  });
});

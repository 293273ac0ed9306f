// The shared header matcher: normalising, aliases, units from the suffix, the header row found below title rows.
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../http/service-error.ts';
import {
  cellOf,
  findHeaderRow,
  headerMoneyUnit,
  headersMissingError,
  matchHeaderCells,
  normaliseHeader,
} from './header-match.ts';

const ALIASES = {
  code: ['单位代码', '单位编码', 'agency_code'],
  name: ['单位名称', '单位全称'],
  amount: ['年初批复数'],
  parent: ['上级单位代码', '父节点'],
} as const;
type Field = keyof typeof ALIASES;

describe('normaliseHeader', () => {
  it('strips spaces, the leading *, and makes brackets half-width', () => {
    expect(normaliseHeader(' *单位 代码 ')).toBe('单位代码');
    expect(normaliseHeader('年初批复数（万元）')).toBe('年初批复数(万元)');
    expect(normaliseHeader('＊ 金额【元】')).toBe('金额[元]');
    expect(normaliseHeader('Agency_Code')).toBe('agency_code');
  });
});

describe('headerMoneyUnit', () => {
  it('reads 万元 and 元 from the suffix, null without one', () => {
    expect(headerMoneyUnit('年初批复数（万元）')).toBe('wanYuan');
    expect(headerMoneyUnit('年初批复数(元)')).toBe('yuan');
    expect(headerMoneyUnit('年初批复数')).toBeNull();
  });
});

describe('matchHeaderCells', () => {
  it('matches aliases, ignores a trailing unit or hint, and records the unit', () => {
    const m = matchHeaderCells(['*单位编码', '单位全称 ', '年初批复数（万元）', '备注'], ALIASES);
    expect(m.columns).toEqual({ code: 0, name: 1, amount: 2 });
    expect(m.units).toEqual({ amount: 'wanYuan' });
  });
  it('an exact match wins over one found after dropping brackets', () => {
    const m = matchHeaderCells(['单位名称(简称)', '单位名称'], ALIASES);
    expect(m.columns.name).toBe(1);
  });
});

describe('findHeaderRow', () => {
  const rows = [
    { row: 1, cells: ['广州市白云区预算单位名录（示例数据）', '', ''] },
    { row: 2, cells: ['', '', ''] },
    { row: 3, cells: ['单位代码', '单位名称', '上级单位代码'] },
    { row: 4, cells: ['A01', '甲局', ''] },
  ];
  it('skips title and blank rows: the header row is the first holding every required field', () => {
    const r = findHeaderRow<Field>(rows, ALIASES, ['code', 'name']);
    expect(r.header?.row).toBe(3);
    expect(r.body.map((x) => x.row)).toEqual([4]);
    expect(cellOf(r.body[0]!.cells, r.header!.columns, 'name')).toBe('甲局');
    expect(cellOf(r.body[0]!.cells, r.header!.columns, 'amount')).toBe('');
  });
  it('when none matches, names the expected headers and the ones found', () => {
    const r = findHeaderRow<Field>(rows, ALIASES, ['code', 'amount']);
    expect(r.header).toBeNull();
    expect(r.best).toEqual({
      row: 3,
      headers: ['单位代码', '单位名称', '上级单位代码'],
      missing: ['amount'],
    });
    const e = headersMissingError<Field>('x.csv', r, ALIASES, ['code', 'amount']);
    expect(e).toBeInstanceOf(ServiceError);
    expect(e.code).toBe('IMPORT_HEADERS_MISSING');
    expect(e.messageZh).toContain('缺少 年初批复数');
    expect(e.messageZh).toContain('单位代码、单位名称、上级单位代码');
  });
});

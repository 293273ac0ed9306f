import { describe, expect, it } from 'vitest';
import { checkProjectSheet, type ProjectSheet } from './project-import-rows.ts';
import {
  excelSerialToIso,
  parseDateCell,
  PROJECT_SHEET_COLUMNS,
  unitLookup,
} from './project-sheet.ts';
import type { SheetCell } from './project-sheet.ts';

const UNITS = [
  { code: 'JD-PAZHOU', name: '琶洲街道' },
  { code: '440105-TZCJ', name: '区投资促进局' },
];
const HEADERS = PROJECT_SHEET_COLUMNS.map((c) => c.header);
const cell = (v: string | number): SheetCell =>
  typeof v === 'number' ? { text: String(v), serial: v } : { text: v, serial: null };

function sheet(rows: Record<string, string | number>[]): ProjectSheet {
  return {
    headers: HEADERS,
    rows: rows.map((r, i) => ({
      row: i + 2,
      cells: PROJECT_SHEET_COLUMNS.map((c) => cell(r[c.key] ?? '')),
    })),
    lastRow: rows.length + 1,
  };
}

const GOOD = {
  code: 'ZS-I-0001',
  name: '示例项目',
  investor: '示例公司',
  industryCode: '6513',
  industryName: '应用软件开发',
  plannedInvestmentWan: '10',
  isKeyProject: '否',
  responsibleUnit: '琶洲',
  source: '以商招商',
  LEAD: '2023-05-06',
};
const ctx = { units: UNITS, today: '2024-01-15' };

describe('checkProjectSheet', () => {
  it('reads a good row: unit by short name, source by Chinese name, stage from the dates', () => {
    const r = checkProjectSheet(sheet([{ ...GOOD, SIGNED: 45_231 }]), ctx);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({
      row: 2,
      stage: 'SIGNED',
      fields: { code: 'ZS-I-0001', responsibleUnitCode: 'JD-PAZHOU', source: 'BUSINESS_REFERRAL' },
      dates: { LEAD: '2023-05-06', NEGOTIATING: '2023-11-01', SIGNED: '2023-11-01' },
    });
  });

  it('lists every error by row and column, and says when a date was implied', () => {
    const r = checkProjectSheet(
      sheet([
        GOOD,
        {
          ...GOOD,
          code: 'ZS-I-0002',
          responsibleUnit: '火星街道',
          isKeyProject: '也许',
          SIGNED: '2023-04-01',
        },
        { ...GOOD, name: '重复' },
      ]),
      ctx,
    );
    expect(r.rows.map((x) => x.row)).toEqual([2]);
    expect(r.errors.map((e) => e.message)).toEqual([
      '第 3 行「责任单位」：「火星街道」不是本区的部门或街道',
      '第 3 行「重点项目」：「也许」应填「是」或「否」',
      '第 3 行「签约日期」：「洽谈」日期 2023-04-01 早于「线索」日期 2023-05-06（「洽谈日期」未填，按「签约日期」推定）',
      '第 4 行「项目编号」：「ZS-I-0001」与第 2 行重复',
    ]);
  });

  it('refuses a sheet without the required columns, too many rows, or no data', () => {
    expect(
      checkProjectSheet({ headers: ['项目编号'], rows: [], lastRow: 1 }, ctx).errors[0]!.message,
    ).toMatch(/^缺少列：「项目名称」/);
    expect(
      checkProjectSheet({ headers: HEADERS, rows: [], lastRow: 5002 }, ctx).errors[0]!.message,
    ).toBe('一次最多导入 5000 行，请分批导入');
    expect(checkProjectSheet(sheet([{}]), ctx).errors[0]).toMatchObject({
      row: 2,
      message: '表中没有数据行',
    });
  });
});

describe('sheet cells', () => {
  it('reads dates typed or as Excel day numbers, and units by code or name', () => {
    expect(excelSerialToIso(45_231)).toBe('2023-11-01');
    expect(excelSerialToIso(0)).toBeNull();
    expect(parseDateCell(cell('2023年5月6日'))).toBe('2023-05-06');
    expect(parseDateCell(cell('2023-02-30'))).toBeNull();
    expect(parseDateCell(cell(''))).toBeNull();
    const find = unitLookup(UNITS);
    expect([find('琶洲街'), find('jd-pazhou'), find('区投资促进局'), find('海珠')]).toEqual([
      'JD-PAZHOU',
      'JD-PAZHOU',
      '440105-TZCJ',
      null,
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseLedgerDate, validateLedgerRow } from './ledger-row.ts';
import { matchHeaders } from './headers.ts';

const ctx = { fiscalYear: 2023, projectCodes: new Set(['TZCJ-XM-001', 'TZCJ-JB-2023']) };
const good = {
  payDate: '2023-06-30',
  projectCode: 'TZCJ-XM-001',
  projectName: '招商引资业务工作经费',
  economicClass: '30201 办公费',
  amount: '1,234.50',
  summary: '支付印刷费',
  voucherNo: 'GK2023-00001',
};

describe('ledger row', () => {
  it('parses a good row into 分 and its month', () => {
    const r = validateLedgerRow(good, 2, ctx);
    expect(r).toEqual({
      ok: true,
      row: {
        payDate: '2023-06-30',
        month: 6,
        projectCode: 'TZCJ-XM-001',
        economicClass: '30201 办公费',
        amountFen: 123450,
        summary: '支付印刷费',
        voucherNo: 'GK2023-00001',
      },
    });
  });
  it('lists every problem of a row, each with column, value and both languages', () => {
    const r = validateLedgerRow(
      {
        payDate: '2022-12-31',
        projectCode: 'NOPE',
        economicClass: '办公费',
        amount: '12.345',
        voucherNo: '',
      },
      7,
      ctx,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
        [7, '支付日期', 'DATE_OUTSIDE_YEAR'],
        [7, '项目编码', 'UNKNOWN_PROJECT'],
        [7, '经济分类科目', 'BAD_ECONOMIC_CLASS'],
        [7, '金额(元)', 'BAD_AMOUNT'],
        [7, '凭证号', 'REQUIRED'],
      ]);
      expect(r.errors[3]).toMatchObject({
        value: '12.345',
        message: expect.stringContaining('两位小数'),
        messageEn: expect.stringContaining('2 decimals'),
      });
    }
  });
  it('accepts the date forms clerks type, refuses impossible dates', () => {
    expect(parseLedgerDate('2023/6/5')).toBe('2023-06-05');
    expect(parseLedgerDate('2023年6月5日')).toBe('2023-06-05');
    expect(parseLedgerDate('20230605')).toBe('2023-06-05');
    expect(parseLedgerDate('45082')).toBe('2023-06-05');
    expect(parseLedgerDate('2023-02-29')).toBeNull();
    expect(parseLedgerDate('2023-13-01')).toBeNull();
    expect(parseLedgerDate('六月')).toBeNull();
  });
  it('refuses a zero amount and accepts a red-ink reversal (negative)', () => {
    expect(validateLedgerRow({ ...good, amount: '0.00' }, 2, ctx).ok).toBe(false);
    expect(validateLedgerRow({ ...good, amount: '-120.00' }, 2, ctx)).toMatchObject({
      ok: true,
      row: { amountFen: -12000 },
    });
  });
});

describe('header matching', () => {
  it('accepts full-width brackets, spaces and * marks; reports missing required columns', () => {
    const m = matchHeaders(
      ['支付日期*', '项目编码', ' 金额（元）', '凭证号'],
      {
        payDate: ['支付日期'],
        projectCode: ['项目编码'],
        amount: ['金额(元)', '金额'],
        voucherNo: ['凭证号'],
        economicClass: ['经济分类科目'],
      },
      ['payDate', 'projectCode', 'amount', 'voucherNo', 'economicClass'],
    );
    expect(m.columns).toEqual({ payDate: 0, projectCode: 1, amount: 2, voucherNo: 3 });
    expect(m.missing).toEqual(['economicClass']);
  });
});

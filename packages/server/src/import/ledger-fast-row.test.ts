// The fast path never disagrees with core: every row it takes, validateLedgerRow accepts as the same row, and
// every row of another shape falls through to it (null). Pure functions: no database.
import { describe, expect, it } from 'vitest';
import { cellsOf, validateLedgerRow, type Fen, type LedgerRowContext } from '@jixiao/core';
import {
  fastLedgerRow,
  isoMonthIn,
  plainYuanToFen,
  type LedgerColumns,
} from './ledger-fast-row.ts';
import { LedgerLineGroups } from './ledger-line-groups.ts';
import { ledgerLine } from './ledger-batches.ts';

const columns: LedgerColumns = {
  payDate: 0,
  projectCode: 1,
  projectName: 2,
  economicClass: 3,
  amount: 4,
  summary: 5,
  voucherNo: 6,
};
const ctx: LedgerRowContext = { fiscalYear: 2024, projectCodes: new Set(['P-1', ' P-2']) };
const plain = ['2024-02-29', 'P-1', '项目', '30201 办公费', '1234.5', '会议 "A"', 'V-1'];

function variant(i: number, v: string): string[] {
  const cells = [...plain];
  cells[i] = v;
  return cells;
}

describe('fastLedgerRow', () => {
  // Rows core accepts in another spelling, and rows it refuses: the fast path must not take any of them.
  const others: string[][] = [
    variant(0, '2024/2/29'),
    variant(0, ' 2024-02-29'),
    variant(0, '2023-02-29'),
    variant(0, '2024-02-30'),
    variant(0, '2024-13-01'),
    variant(0, '2024-00-10'),
    variant(0, '20240229'),
    variant(0, ''),
    variant(1, 'P-9'),
    variant(1, ' P-2'),
    variant(1, 'P-1 '),
    variant(3, '3020 '),
    variant(3, '12 办公费'),
    variant(3, '12345678 x'),
    variant(3, '30201\u3000办公费'),
    variant(3, '30201办公费 '),
    variant(4, '0'),
    variant(4, '0.00'),
    variant(4, '1,234.50'),
    variant(4, '-5'),
    variant(4, '1.'),
    variant(4, '.5'),
    variant(4, '1.234'),
    variant(4, '12345678901234567'),
    variant(4, ' 12'),
    variant(5, 'x'.repeat(501)),
    variant(5, ' 摘要'),
    variant(6, ''),
    variant(6, 'V 1 '),
  ];
  it('takes plain rows exactly as core accepts them', () => {
    const accepted = [
      plain,
      variant(3, '30201'.concat('(办公费)')),
      variant(3, '3020101'),
      variant(3, '30201'),
      variant(3, '302 x'),
      variant(4, '7'),
      variant(4, '007.05'),
      variant(4, '9999999999999.99'),
      variant(5, ''),
      variant(0, '2024-12-31'),
    ];
    for (const cells of accepted) {
      const fast = fastLedgerRow(cells, columns, ctx);
      const core = validateLedgerRow(cellsOf(cells, columns), 2, ctx);
      expect(core.ok, cells.join('|')).toBe(true);
      expect(fast, cells.join('|')).toEqual(core.ok ? core.row : null);
    }
  });
  it('leaves every other row to core (null)', () => {
    for (const cells of others) {
      expect(fastLedgerRow(cells, columns, ctx), cells.join('|')).toBeNull();
    }
  });
  it('reads dates and amounts by hand as core does', () => {
    expect(isoMonthIn('2024-02-29', 2024)).toBe(2);
    expect(isoMonthIn('2023-02-29', 2023)).toBe(0);
    expect(isoMonthIn('2000-02-29', 2000)).toBe(2);
    expect(isoMonthIn('1900-02-29', 1900)).toBe(0);
    expect(plainYuanToFen('12.3')).toBe(1230);
    expect(plainYuanToFen('0.01')).toBe(1);
    expect(plainYuanToFen('1a')).toBe(0);
  });
});

describe('LedgerLineGroups', () => {
  it('writes the bytes ledgerLine() spells, grouped by project code in code order', () => {
    const line = { regionCode: '440105', departmentCode: '440105-"X"', year: 2024, batchId: 'b-1' };
    const groups = new LedgerLineGroups(line, 10);
    const rows = [
      { ...validRow(), projectCode: 'P-2', summary: '' },
      { ...validRow(), projectCode: 'P-1', economicClass: '30201 "办公"费', voucherNo: 'V"1' },
      { ...validRow(), projectCode: 'P-2', amountFen: 5 as Fen },
    ];
    for (const r of rows) {
      expect(groups.add(r)).toBeNull();
    }
    const batch = groups.take()!;
    expect(batch.rows).toBe(3);
    const expected = [rows[1]!, rows[0]!, rows[2]!].map((r) => `${ledgerLine(line, r)}\n`).join('');
    expect(Buffer.from(batch.bytes).toString('utf8')).toBe(expected);
    expect(batch.bytes.byteOffset).toBe(0);
    expect(batch.bytes.buffer.byteLength).toBe(batch.bytes.byteLength);
  });
});

function validRow() {
  const v = validateLedgerRow(cellsOf(plain, columns), 2, ctx);
  if (!v.ok) {
    throw new Error('plain row refused');
  }
  return v.row;
}

// Budget and ledger imports on both databases, one after the other: the demo department's 2025 budget, then
// ledger files in GBK and UTF-8 (BOM); a file with errors, a duplicate and a month replacement leave nothing
// half-done. Each suite runs twice (ledger parsed on the importing thread, and in a worker thread).
import iconv from 'iconv-lite';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/open-db.ts';
import { bufferSource } from '../../import/import-source.ts';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { importBudgets, importLedger, listImports } from './imports.service.ts';
import {
  budgetCsv,
  DEPT,
  describeImports,
  expectServiceError,
  ledgerFebMar,
  ledgerJanCorrected,
  ledgerJanFeb,
  ledgerTotal,
  YEAR,
} from './imports-test-harness.ts';

describeImports('imports (budgets, then ledger files)', (s) => {
  const { use, hooks, lastAudit } = s;
  it('imports the 2025 budget, creating the projects (全年预算数 = 年初 + 调整)', async () => {
    const r = await importBudgets(use(), CLI_ACTOR, {
      departmentCode: DEPT,
      year: YEAR,
      source: bufferSource('budget-2025.csv', Buffer.from(budgetCsv, 'utf8')),
    });
    expect(r).toMatchObject({
      kind: 'budget',
      rows: 3,
      totalYuan: '1800000.00',
      createdProjects: ['TZCJ-XM-101', 'TZCJ-XM-102'],
    });
    const rows = await queryRows<{ code: string; total: string }>(
      use().db,
      sql`select p.code, sum(b.amount)::text as total from projects p join budget_lines b on b.project_id = p.id where p.department_code = ${DEPT} and p.fiscal_year = ${YEAR} group by p.code order by 1`,
    );
    expect(rows).toEqual([
      { code: 'TZCJ-XM-101', total: '800000.00' },
      { code: 'TZCJ-XM-102', total: '1000000.00' },
    ]);
    expect(await lastAudit()).toMatchObject({ action: 'budget.import', departmentCode: DEPT });
  });

  it('a second initial line for a project is refused (use replace to replace the year’s budget)', async () => {
    const again = budgetCsv.replace('800000.00', '800001.00');
    const e = await expectServiceError(
      importBudgets(use(), CLI_ACTOR, {
        departmentCode: DEPT,
        year: YEAR,
        source: bufferSource('b2.csv', Buffer.from(again)),
      }),
      'IMPORT_ROWS_INVALID',
    );
    expect((e.details as { errors: { code: string }[] }).errors.map((x) => x.code)).toEqual([
      'DUPLICATE_INITIAL',
      'DUPLICATE_INITIAL',
    ]);
  });

  it('imports a GBK CSV ledger (detected), all rows in one batch', async () => {
    const gbk = iconv.encode(ledgerJanFeb, 'gbk');
    expect(gbk.includes(Buffer.from('项目', 'utf8'))).toBe(false); // really GBK bytes
    const r = await importLedger(
      use(),
      CLI_ACTOR,
      { departmentCode: DEPT, year: YEAR, source: bufferSource('台账-1-2月.csv', gbk) },
      hooks(),
    );
    expect(r).toMatchObject({
      format: 'csv',
      encoding: 'gb18030',
      rows: 3,
      months: [1, 2],
      totalYuan: '62345.67',
      replaced: null,
    });
    expect(await ledgerTotal(use().db)).toEqual({ n: 3, total: '62345.67' });
    const [summary] = await queryRows<{ summary: string }>(
      use().db,
      sql`select summary from ledger_entries where voucher_no = 'GK2025-00001'`,
    );
    expect(summary!.summary).toBe('招商推介会场地费,含布展');
    expect(await lastAudit()).toMatchObject({
      action: 'ledger.import',
      entity: 'import_batches',
      entityId: r.batchId,
      after: { rows: 3, months: [1, 2], totalYuan: '62345.67' },
    });
  });

  it('re-importing the same file is detected and counts nothing twice', async () => {
    const gbk = iconv.encode(ledgerJanFeb, 'gbk');
    const e = await expectServiceError(
      importLedger(
        use(),
        CLI_ACTOR,
        { departmentCode: DEPT, year: YEAR, source: bufferSource('copy.csv', gbk) },
        hooks(),
      ),
      'IMPORT_DUPLICATE_FILE',
    );
    expect(e.messageZh).toContain('已导入过');
    expect(e.messageZh).toContain('台账-1-2月.csv');
    expect(await ledgerTotal(use().db)).toEqual({ n: 3, total: '62345.67' });
  });

  it('a file with errors is refused whole, listing every bad row (row, column, value, zh + en)', async () => {
    const bad = [
      '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号',
      '2025-03-01,TZCJ-XM-101,,30201 办公费,100.00,ok,GK2025-00010',
      '2025-02-30,TZCJ-XM-101,,30201 办公费,100.00,bad date,GK2025-00011',
      '2024-12-31,TZCJ-XM-101,,30201 办公费,100.00,last year,GK2025-00012',
      '2025-03-02,TZCJ-XM-999,,30201 办公费,100.00,unknown,GK2025-00013',
      '2025-03-03,TZCJ-XM-101,,30201 办公费,100.005,3 decimals,GK2025-00014',
      '2025-03-04,TZCJ-XM-101,,30201 办公费,一百元,not a number,GK2025-00015',
      '2025-03-05,TZCJ-XM-101,,30201 办公费,100.00,no voucher,',
      '2025-03-06,TZCJ-XM-102,,30201 办公费,100.00,ok,GK2025-00016',
    ].join('\n');
    const e = await expectServiceError(
      importLedger(
        use(),
        CLI_ACTOR,
        {
          departmentCode: DEPT,
          year: YEAR,
          source: bufferSource('bad.csv', Buffer.from(`\uFEFF${bad}`, 'utf8')),
        },
        hooks(),
      ),
      'IMPORT_ROWS_INVALID',
    );
    const d = e.details as {
      errorCount: number;
      badRows: number;
      errors: {
        row: number;
        column: string;
        value: string;
        code: string;
        message: string;
        messageEn: string;
      }[];
    };
    expect(d.errors.map((x) => [x.row, x.column, x.value, x.code])).toEqual([
      [3, '支付日期', '2025-02-30', 'BAD_DATE'],
      [4, '支付日期', '2024-12-31', 'DATE_OUTSIDE_YEAR'],
      [5, '项目编码', 'TZCJ-XM-999', 'UNKNOWN_PROJECT'],
      [6, '金额(元)', '100.005', 'BAD_AMOUNT'],
      [7, '金额(元)', '一百元', 'BAD_AMOUNT'],
      [8, '凭证号', '', 'REQUIRED'],
    ]);
    expect(d).toMatchObject({ errorCount: 6, badRows: 6 });
    expect(
      d.errors.every((x) => /[\u4e00-\u9fff]/.test(x.message) && /[a-z]/.test(x.messageEn)),
    ).toBe(true);
    expect(e.messageZh).toContain('未导入任何数据');
    expect(await ledgerTotal(use().db)).toEqual({ n: 3, total: '62345.67' });
  });

  it('a later file covering an imported month is refused; with replace it replaces exactly those months', async () => {
    // Months 2–3: February again (a corrected export) and March.
    const source = () => bufferSource('台账-2-3月.csv', Buffer.from(ledgerFebMar, 'utf8'));
    const e = await expectServiceError(
      importLedger(
        use(),
        CLI_ACTOR,
        { departmentCode: DEPT, year: YEAR, source: source() },
        hooks(),
      ),
      'IMPORT_MONTHS_TAKEN',
    );
    expect(e.details).toEqual({ months: [2] });
    expect(e.messageZh).toContain('2月');
    expect(await ledgerTotal(use().db)).toEqual({ n: 3, total: '62345.67' });

    const r = await importLedger(
      use(),
      CLI_ACTOR,
      { departmentCode: DEPT, year: YEAR, source: source(), replace: true },
      hooks(),
    );
    expect(r).toMatchObject({
      encoding: 'utf-8',
      months: [2, 3],
      replaced: { months: [2], deletedRows: 2 },
    });
    // January 10,000.00 stays; February is now 2,345.60; March 888.88 → 13,234.48.
    expect(await ledgerTotal(use().db)).toEqual({ n: 3, total: '13234.48' });
    const batches = await listImports(use(), CLI_ACTOR, DEPT, YEAR);
    const first = batches.find((b) => b.fileName === '台账-1-2月.csv')!;
    expect(first).toMatchObject({
      status: 'active',
      months: [1],
      rows: 1,
      totalYuan: '10000.00',
    });
  });

  it('replacing every month of a batch marks it replaced', async () => {
    const jan = ledgerJanCorrected;
    const r = await importLedger(
      use(),
      CLI_ACTOR,
      {
        departmentCode: DEPT,
        year: YEAR,
        source: bufferSource('台账-1月更正.csv', Buffer.from(jan)),
        replace: true,
      },
      hooks(),
    );
    expect(r.replaced).toMatchObject({ months: [1], deletedRows: 1 });
    const batches = await listImports(use(), CLI_ACTOR, DEPT, YEAR);
    expect(batches.find((b) => b.fileName === '台账-1-2月.csv')?.status).toBe('replaced');
    expect(await ledgerTotal(use().db)).toEqual({ n: 3, total: '13234.47' });
  });
});

// Ledger imports that must leave nothing half-done, on both databases, after the state ledger-import.test.ts ends
// in: an .xlsx file, a crash after COPY, the demo loader's path, an error after rows were COPYed, empty / header-less
// / legacy and unreadable files, another department's clerk — and where each file was parsed.
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { bufferSource } from '../../import/import-source.ts';
import { CLI_ACTOR, type Actor } from '../../auth/actor.ts';
import { importLedger, importLedgerRows, listImports } from './imports.service.ts';
import type { Fen } from '@jixiao/core';
import {
  DEPT,
  describeImports,
  expectServiceError,
  importFirstLedgers,
  ledgerJanFeb,
  ledgerTotal,
  YEAR,
} from './imports-test-harness.ts';

describeImports('imports (refusals and failures)', (s) => {
  const { use, hooks, readers } = s;
  beforeAll(() => importFirstLedgers(s));

  it('imports an .xlsx ledger (date cells, numeric amounts)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('支出台账');
    ws.addRow(['支付日期', '项目编码', '项目名称', '经济分类科目', '金额（元）', '摘要', '凭证号']);
    ws.addRow([
      new Date(Date.UTC(2025, 3, 8)),
      'TZCJ-XM-101',
      '招商引资业务工作经费',
      '30215 会议费',
      1234.5,
      '推介会',
      'GK2025-00030',
    ]);
    ws.addRow([
      '2025/4/28',
      'TZCJ-XM-102',
      '产业扶持专项资金',
      '39999 其他支出',
      100000,
      '第二批兑现',
      'GK2025-00031',
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await importLedger(
      use(),
      CLI_ACTOR,
      { departmentCode: DEPT, year: YEAR, source: bufferSource('台账-4月.xlsx', bytes) },
      hooks(),
    );
    expect(r).toMatchObject({ format: 'xlsx', rows: 2, months: [4], totalYuan: '101234.50' });
    expect(await ledgerTotal(use().db)).toEqual({ n: 5, total: '114468.97' });
  });

  it('a crash after COPY inside the transaction leaves the previous state intact', async () => {
    const may = [
      '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号',
      '2025-05-10,TZCJ-XM-101,,30215 会议费,500.00,x,GK2025-00040',
    ].join('\n');
    const before = await listImports(use(), CLI_ACTOR, DEPT, YEAR);
    const crash = importLedger(
      use(),
      CLI_ACTOR,
      {
        departmentCode: DEPT,
        year: YEAR,
        source: bufferSource('台账-5月.csv', Buffer.from(may)),
      },
      hooks({
        afterCopy: async () => {
          throw new Error('injected failure after COPY');
        },
      }),
    );
    await expect(crash).rejects.toThrow('injected failure after COPY');
    expect(await ledgerTotal(use().db)).toEqual({ n: 5, total: '114468.97' });
    expect(await listImports(use(), CLI_ACTOR, DEPT, YEAR)).toEqual(before);
    // The same file imports fine afterwards (nothing of the failed attempt remains).
    const ok = await importLedger(
      use(),
      CLI_ACTOR,
      {
        departmentCode: DEPT,
        year: YEAR,
        source: bufferSource('台账-5月.csv', Buffer.from(may)),
      },
      hooks(),
    );
    expect(ok.rows).toBe(1);
  });

  it('importLedgerRows (the demo loader’s path) checks, COPYs and records a batch inside the caller’s transaction', async () => {
    const rows = [
      {
        payDate: '2025-06-10',
        month: 6,
        projectCode: 'TZCJ-XM-101',
        economicClass: '30215 会议费',
        amountFen: 1_000_00 as Fen,
        summary: '',
        voucherNo: 'D-1',
      },
    ];
    const r = await use().db.transaction((tx) =>
      importLedgerRows(tx, CLI_ACTOR, {
        regionCode: '440105',
        departmentCode: DEPT,
        year: YEAR,
        fileName: 'demo.csv',
        sha256: 'demo-2025-06',
        rows,
      }),
    );
    expect(r).toMatchObject({ rows: 1, months: [6], totalYuan: '1000.00' });
    expect(await ledgerTotal(use().db)).toEqual({ n: 7, total: '115968.97' });
    const bad = use().db.transaction((tx) =>
      importLedgerRows(tx, CLI_ACTOR, {
        regionCode: '440105',
        departmentCode: DEPT,
        year: YEAR,
        fileName: 'x.csv',
        sha256: 'x',
        rows: [{ ...rows[0]!, projectCode: 'NOPE' }],
      }),
    );
    await expectServiceError(bad, 'IMPORT_ROWS_INVALID');
  });

  it('an error after rows were already COPYed (small chunks) still refuses the whole file', async () => {
    const head = '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号';
    const good = Array.from(
      { length: 7 },
      (_, i) => `2025-07-0${i + 1},TZCJ-XM-101,,30201 办公费,10.00,x,GK2025-07${i}`,
    );
    const csv = [head, ...good, '2025-07-31,TZCJ-XM-101,,30201 办公费,abc,x,GK2025-0799'].join(
      '\n',
    );
    const before = await ledgerTotal(use().db);
    const e = await expectServiceError(
      importLedger(
        use(),
        CLI_ACTOR,
        {
          departmentCode: DEPT,
          year: YEAR,
          source: bufferSource('台账-7月.csv', Buffer.from(csv)),
        },
        hooks({ copyBatchRows: 2 }),
      ),
      'IMPORT_ROWS_INVALID',
    );
    expect((e.details as { errors: { row: number }[] }).errors.map((x) => x.row)).toEqual([9]);
    expect(await ledgerTotal(use().db)).toEqual(before);
    // The connection is healthy afterwards, and the fixed file imports.
    const fixed = await importLedger(
      use(),
      CLI_ACTOR,
      {
        departmentCode: DEPT,
        year: YEAR,
        source: bufferSource('台账-7月.csv', Buffer.from(csv.replace('abc', '10.00'))),
      },
      hooks({ copyBatchRows: 2 }),
    );
    expect(fixed).toMatchObject({ rows: 8, months: [7], totalYuan: '80.00' });
  });

  it('refuses an empty file, a file without the required columns, and a legacy .xls', async () => {
    await expectServiceError(
      importLedger(
        use(),
        CLI_ACTOR,
        {
          departmentCode: DEPT,
          year: YEAR,
          source: bufferSource('empty.csv', new Uint8Array()),
        },
        hooks(),
      ),
      'IMPORT_FILE_UNREADABLE',
    );
    const noCols = await expectServiceError(
      importLedger(
        use(),
        CLI_ACTOR,
        {
          departmentCode: DEPT,
          year: YEAR,
          source: bufferSource('x.csv', Buffer.from('日期,金额\n2025-01-01,1.00\n')),
        },
        hooks(),
      ),
      'IMPORT_HEADERS_MISSING',
    );
    expect((noCols.details as { expected: string[] }).expected).toEqual([
      '项目编码',
      '经济分类科目',
      '凭证号',
    ]);
    expect((noCols.details as { found: string[] }).found).toEqual(['日期', '金额']);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    const e = await expectServiceError(
      importLedger(
        use(),
        CLI_ACTOR,
        { departmentCode: DEPT, year: YEAR, source: bufferSource('old.xls', xls) },
        hooks(),
      ),
      'IMPORT_FILE_UNREADABLE',
    );
    expect(e.messageZh).toContain('.xls');
  });

  it('a clerk of another department may not import', async () => {
    const other: Actor = {
      userId: 'u',
      username: 'x',
      displayName: 'x',
      role: 'clerk',
      departmentCode: '440105-KJJ',
      regionCode: '440105',
      ip: null,
    };
    await expectServiceError(
      importLedger(use(), other, {
        departmentCode: DEPT,
        year: YEAR,
        source: bufferSource('a.csv', Buffer.from(ledgerJanFeb)),
      }),
      'DEPARTMENT_FORBIDDEN',
    );
  });

  it('refuses unreadable files: a quote never closed, an .xlsx that is not a workbook, a broken workbook', async () => {
    const before = await ledgerTotal(use().db);
    const head = '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号';
    const unclosed = `${head}\n2025-08-01,TZCJ-XM-101,,30201 办公费,10.00,"会议,GK2025-0800\n2025-08-02,TZCJ-XM-101,,30201 办公费,10.00,x,GK2025-0801\n`;
    const quote = await expectServiceError(
      importLedger(
        use(),
        CLI_ACTOR,
        {
          departmentCode: DEPT,
          year: YEAR,
          source: bufferSource('引号.csv', Buffer.from(unclosed)),
        },
        hooks(),
      ),
      'IMPORT_FILE_UNREADABLE',
    );
    expect(quote.messageZh).toContain('引号没有闭合');
    const notXlsx = await expectServiceError(
      importLedger(
        use(),
        CLI_ACTOR,
        {
          departmentCode: DEPT,
          year: YEAR,
          source: bufferSource('台账.xlsx', Buffer.from(`${head}\n`)),
        },
        hooks(),
      ),
      'IMPORT_FILE_UNREADABLE',
    );
    expect(notXlsx.messageZh).toContain('不是有效的 Excel 文件');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const broken = await expectServiceError(
      importLedger(
        use(),
        CLI_ACTOR,
        { departmentCode: DEPT, year: YEAR, source: bufferSource('坏.xlsx', zip) },
        hooks(),
      ),
      'IMPORT_FILE_UNREADABLE',
    );
    expect(broken.messageZh).toContain('无法读取 Excel 文件');
    expect(await ledgerTotal(use().db)).toEqual(before);
  });

  it('every ledger file, however small, is read on a pooled thread (no size threshold)', async () => {
    const jan = [
      '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号',
      '2025-01-05,TZCJ-XM-101,,30201 办公费,1.00,x,GK2025-0105',
    ].join('\n');
    const n = readers.length;
    await expectServiceError(
      importLedger(
        use(),
        CLI_ACTOR,
        {
          departmentCode: DEPT,
          year: YEAR,
          source: bufferSource('台账-1月补.csv', Buffer.from(jan)),
        },
        hooks(),
      ),
      'IMPORT_MONTHS_TAKEN',
    );
    expect(readers).toHaveLength(n + 1);
  });
});

// Imports on both databases: a 2024 budget for the demo department, then ledger files in GBK, UTF-8 (BOM) and
// .xlsx; a file with errors, a duplicate, a month replacement and a crash after COPY must leave nothing half-done.
// The whole suite runs twice: ledger files parsed on the importing thread, and in a worker thread (forced by the
// hook; large files take that path) — where no thread may outlive its import.
import type { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { bufferSource } from '../../import/import-source.ts';
import { LEDGER_WORKER_MIN_BYTES } from '../../import/ledger-batches-thread.ts';
import { CLI_ACTOR, type Actor } from '../../auth/actor.ts';
import { ServiceError } from '../../http/service-error.ts';
import {
  importBudgets,
  importLedger,
  importLedgerRows,
  importProgress,
  listImports,
  type ImportHooks,
} from './imports.service.ts';
import type { Fen } from '@jixiao/core';

const DEPT = '440105-TZCJ';
const YEAR = 2024;

const budgetCsv = [
  '项目编码,项目名称,类型(年初/调整),金额(元),日期,文号,原因',
  'TZCJ-XM-101,招商引资业务工作经费,年初,800000.00,2024-01-10,海财预〔2024〕1号,',
  'TZCJ-XM-102,产业扶持专项资金,年初,"1,200,000.00",2024-01-10,海财预〔2024〕1号,',
  'TZCJ-XM-102,产业扶持专项资金,调整,-200000.00,2024-09-15,海财预〔2024〕41号,政策兑现批次减少',
].join('\r\n');

// Months 1–2: 10,000.00 + 2,345.67 + 50,000.00 = 62,345.67 元.
const ledgerJanFeb = [
  '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号',
  '2024-01-15,TZCJ-XM-101,招商引资业务工作经费,30215 会议费,10000.00,"招商推介会场地费,含布展",GK2024-00001',
  '2024-02-03,TZCJ-XM-101,招商引资业务工作经费,30201 办公费,2345.67,购置宣传资料,GK2024-00002',
  '2024-02-20,TZCJ-XM-102,产业扶持专项资金,39999 其他支出,50000.00,第一批政策兑现,GK2024-00003',
].join('\r\n');

async function ledgerTotal(
  db: Parameters<typeof queryRows>[0],
): Promise<{ n: number; total: string }> {
  const [r] = await queryRows<{ n: string; total: string }>(
    db,
    sql`select count(*)::text as n, coalesce(sum(amount),0)::numeric(18,2)::text as total from ledger_entries where department_code = ${DEPT} and fiscal_year = ${YEAR}`,
  );
  return { n: Number(r!.n), total: r!.total };
}

async function expectServiceError(p: Promise<unknown>, code: string): Promise<ServiceError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ServiceError);
  expect((e as ServiceError).code).toBe(code);
  return e as ServiceError;
}

for (const parse of ['thread', 'worker'] as const) {
  describeEachDb(
    `imports (ledger, budgets, progress; ledger parsed in ${parse === 'worker' ? 'a worker thread' : 'the importing thread'})`,
    (use) => {
      const workers: Worker[] = [];
      const exited = new Set<Worker>();
      const watch = (w: Worker) => {
        workers.push(w);
        w.once('exit', () => exited.add(w));
      };
      const hooks = (h: ImportHooks = {}): ImportHooks => ({
        ...h,
        parseInWorker: parse === 'worker',
        onWorker: watch,
      });
      afterEach(() => {
        // Whatever the outcome, no worker thread outlives its import.
        expect(workers.filter((w) => !exited.has(w) || w.threadId !== -1)).toEqual([]);
      });

      /** The newest entry of the real audit log, as the service wrote it. */
      const lastAudit = async (): Promise<Record<string, unknown>> => {
        const [row] = await queryRows<{
          action: string;
          entity: string;
          entity_id: string;
          department_code: string | null;
          after: unknown;
        }>(
          use().db,
          sql`select action, entity, entity_id, department_code, after from audit_log order by seq desc limit 1`,
        );
        return {
          action: row?.action,
          entity: row?.entity,
          entityId: row?.entity_id,
          departmentCode: row?.department_code,
          after: row?.after,
        };
      };

      it('imports the 2024 budget, creating the projects (全年预算数 = 年初 + 调整)', async () => {
        const r = await importBudgets(use(), CLI_ACTOR, {
          departmentCode: DEPT,
          year: YEAR,
          source: bufferSource('budget-2024.csv', Buffer.from(budgetCsv, 'utf8')),
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
          sql`select summary from ledger_entries where voucher_no = 'GK2024-00001'`,
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
          '2024-03-01,TZCJ-XM-101,,30201 办公费,100.00,ok,GK2024-00010',
          '2024-02-30,TZCJ-XM-101,,30201 办公费,100.00,bad date,GK2024-00011',
          '2023-12-31,TZCJ-XM-101,,30201 办公费,100.00,last year,GK2024-00012',
          '2024-03-02,TZCJ-XM-999,,30201 办公费,100.00,unknown,GK2024-00013',
          '2024-03-03,TZCJ-XM-101,,30201 办公费,100.005,3 decimals,GK2024-00014',
          '2024-03-04,TZCJ-XM-101,,30201 办公费,一百元,not a number,GK2024-00015',
          '2024-03-05,TZCJ-XM-101,,30201 办公费,100.00,no voucher,',
          '2024-03-06,TZCJ-XM-102,,30201 办公费,100.00,ok,GK2024-00016',
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
          [3, '支付日期', '2024-02-30', 'BAD_DATE'],
          [4, '支付日期', '2023-12-31', 'DATE_OUTSIDE_YEAR'],
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
        const febMar = [
          '\uFEFF支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号',
          '2024-02-03,TZCJ-XM-101,招商引资业务工作经费,30201 办公费,2345.60,购置宣传资料（更正）,GK2024-00002',
          '2024-03-12,TZCJ-XM-101,招商引资业务工作经费,30211 差旅费,888.88,赴深圳招商,GK2024-00020',
        ].join('\n');
        const source = () => bufferSource('台账-2-3月.csv', Buffer.from(febMar, 'utf8'));
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
        const jan = [
          '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号',
          '2024-01-31,TZCJ-XM-101,,30215 会议费,9999.99,更正,GK2024-00001',
        ].join('\n');
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

      it('imports an .xlsx ledger (date cells, numeric amounts)', async () => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('支出台账');
        ws.addRow([
          '支付日期',
          '项目编码',
          '项目名称',
          '经济分类科目',
          '金额（元）',
          '摘要',
          '凭证号',
        ]);
        ws.addRow([
          new Date(Date.UTC(2024, 3, 8)),
          'TZCJ-XM-101',
          '招商引资业务工作经费',
          '30215 会议费',
          1234.5,
          '推介会',
          'GK2024-00030',
        ]);
        ws.addRow([
          '2024/4/28',
          'TZCJ-XM-102',
          '产业扶持专项资金',
          '39999 其他支出',
          100000,
          '第二批兑现',
          'GK2024-00031',
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
          '2024-05-10,TZCJ-XM-101,,30215 会议费,500.00,x,GK2024-00040',
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
            payDate: '2024-06-10',
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
            sha256: 'demo-2024-06',
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
          (_, i) => `2024-07-0${i + 1},TZCJ-XM-101,,30201 办公费,10.00,x,GK2024-07${i}`,
        );
        const csv = [head, ...good, '2024-07-31,TZCJ-XM-101,,30201 办公费,abc,x,GK2024-0799'].join(
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
              source: bufferSource('x.csv', Buffer.from('日期,金额\n2024-01-01,1.00\n')),
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

      it('imports indicator progress by 项目编码 + 指标名称 (and 定性 options); bad values are listed', async () => {
        const csv = [
          '指标ID,项目编码,指标名称,月份,累计完成值,说明',
          ',TZCJ-XM-001,举办和参加招商推介活动场次,7,7,7月新增2场',
          ',TZCJ-XM-001,海珠招商品牌影响力,7,达成,',
          ',部门整体,企业满意度,7,92.0%,',
        ].join('\n');
        const r = await importProgress(use(), CLI_ACTOR, {
          departmentCode: DEPT,
          year: 2023,
          source: bufferSource('进度-7月.csv', Buffer.from(csv)),
        });
        expect(r).toMatchObject({ kind: 'progress', rows: 3, months: [7] });
        const rows = await queryRows<{ name: string; value: string }>(
          use().db,
          sql`select i.name, p.value from indicator_progress p join indicators i on i.id = p.indicator_id where p.month = 7 and p.department_code = ${DEPT} order by i.name`,
        );
        expect(rows).toEqual([
          { name: '举办和参加招商推介活动场次', value: '7' },
          { name: '企业满意度', value: '92.0' },
          { name: '海珠招商品牌影响力', value: 'ACHIEVED' },
        ]);
        const bad = [
          '项目编码,指标名称,月份,累计完成值',
          'TZCJ-XM-001,海珠招商品牌影响力,13,还行',
          'TZCJ-XM-001,不存在的指标,7,1',
        ].join('\n');
        const e = await expectServiceError(
          importProgress(use(), CLI_ACTOR, {
            departmentCode: DEPT,
            year: 2023,
            source: bufferSource('bad-progress.csv', Buffer.from(bad)),
          }),
          'IMPORT_ROWS_INVALID',
        );
        expect(
          (e.details as { errors: { row: number; code: string }[] }).errors.map((x) => [
            x.row,
            x.code,
          ]),
        ).toEqual([
          [2, 'BAD_MONTH'],
          [2, 'BAD_VALUE'],
          [3, 'UNKNOWN_INDICATOR'],
        ]);
      });

      it('refuses unreadable files: a quote never closed, an .xlsx that is not a workbook, a broken workbook', async () => {
        const before = await ledgerTotal(use().db);
        const head = '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号';
        const unclosed = `${head}\n2024-08-01,TZCJ-XM-101,,30201 办公费,10.00,"会议,GK2024-0800\n2024-08-02,TZCJ-XM-101,,30201 办公费,10.00,x,GK2024-0801\n`;
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

      if (parse === 'worker') {
        it('the worker thread is gone after an import and after a refused one', async () => {
          const head = '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号';
          const n = workers.length;
          const before = await ledgerTotal(use().db);
          const aug = [
            head,
            '2024-08-15,TZCJ-XM-102,,39999 其他支出,3000.00,第三批兑现,GK2024-0810',
          ].join('\n');
          const ok = await importLedger(
            use(),
            CLI_ACTOR,
            {
              departmentCode: DEPT,
              year: YEAR,
              source: bufferSource('台账-8月.csv', iconv.encode(aug, 'gbk')),
            },
            hooks(),
          );
          expect(ok).toMatchObject({
            encoding: 'gb18030',
            rows: 1,
            months: [8],
            totalYuan: '3000.00',
          });
          expect(workers).toHaveLength(n + 1);
          expect(exited.has(workers[n]!)).toBe(true);
          expect(workers[n]!.threadId).toBe(-1);

          const sep = [
            head,
            '2024-09-01,TZCJ-XM-102,,39999 其他支出,1.00,x,GK2024-0900',
            '2024-09-31,TZCJ-XM-102,,39999 其他支出,1.00,x,GK2024-0901',
          ].join('\n');
          const e = await expectServiceError(
            importLedger(
              use(),
              CLI_ACTOR,
              {
                departmentCode: DEPT,
                year: YEAR,
                source: bufferSource('台账-9月.csv', Buffer.from(sep)),
              },
              hooks(),
            ),
            'IMPORT_ROWS_INVALID',
          );
          expect(
            (e.details as { errors: { row: number; code: string }[] }).errors.map((x) => [
              x.row,
              x.code,
            ]),
          ).toEqual([[3, 'BAD_DATE']]);
          expect(workers).toHaveLength(n + 2);
          expect(exited.has(workers[n + 1]!)).toBe(true);
          expect(workers[n + 1]!.threadId).toBe(-1);
          const after = await ledgerTotal(use().db);
          expect(after.n).toBe(before.n + 1);
        });

        it('a file of many batches crosses the thread in order under back-pressure (one transaction)', async () => {
          // 48,000 rows of 1.00 元 in months 10–12, in batches of 5,000 then 10,000.
          const head = '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号';
          const rows = Array.from(
            { length: 48_000 },
            (_, i) =>
              `2024-${10 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')},TZCJ-XM-10${1 + (i % 2)},招商引资业务工作经费,30201 办公费,1.00,第${i}笔,GK2024-L${String(i).padStart(6, '0')}`,
          );
          const n = workers.length;
          const before = await ledgerTotal(use().db);
          const r = await importLedger(
            use(),
            CLI_ACTOR,
            {
              departmentCode: DEPT,
              year: YEAR,
              source: bufferSource('台账-10-12月.csv', Buffer.from([head, ...rows].join('\r\n'))),
            },
            hooks({ copyBatchRows: 10_000 }),
          );
          expect(r).toMatchObject({ rows: 48_000, months: [10, 11, 12], totalYuan: '48000.00' });
          expect(workers).toHaveLength(n + 1);
          const after = await ledgerTotal(use().db);
          expect(after.n).toBe(before.n + 48_000);
          const [perMonth] = await queryRows<{ oct: string; dec: string }>(
            use().db,
            sql`select count(*) filter (where month = 10)::text as oct, count(*) filter (where month = 12)::text as dec from ledger_entries where department_code = ${DEPT} and fiscal_year = ${YEAR}`,
          );
          expect(perMonth).toEqual({ oct: '16000', dec: '16000' });
        });

        it(`a file of ${LEDGER_WORKER_MIN_BYTES / 1024 / 1024} MB or more is parsed in a worker without being asked`, async () => {
          // Big enough, and its first row is bad: every row is still checked (in the worker), nothing is copied.
          const head = '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号';
          const row = (i: number) =>
            `2024-11-${String(1 + (i % 28)).padStart(2, '0')},TZCJ-XM-101,招商引资业务工作经费,30201 办公费,${i === 0 ? 'abc' : '1.00'},第${i}笔 办公用品采购与会务保障支出,GK2024-B${String(i).padStart(6, '0')}`;
          const bytes = Buffer.from(
            [head, ...Array.from({ length: 120_000 }, (_, i) => row(i))].join('\n'),
          );
          expect(bytes.byteLength).toBeGreaterThanOrEqual(LEDGER_WORKER_MIN_BYTES);
          const n = workers.length;
          const before = await ledgerTotal(use().db);
          const e = await expectServiceError(
            importLedger(
              use(),
              CLI_ACTOR,
              { departmentCode: DEPT, year: YEAR, source: bufferSource('台账-11月.csv', bytes) },
              { onWorker: watch },
            ),
            'IMPORT_ROWS_INVALID',
          );
          expect(e.details).toMatchObject({
            errorCount: 1,
            errors: [{ row: 2, code: 'BAD_AMOUNT' }],
          });
          expect(workers).toHaveLength(n + 1);
          expect(await ledgerTotal(use().db)).toEqual(before);
        });
      }

      it('ledger files were parsed where asked (small files stay on the importing thread by default)', async () => {
        const jan = [
          '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号',
          '2024-01-05,TZCJ-XM-101,,30201 办公费,1.00,x,GK2024-0105',
        ].join('\n');
        const n = workers.length;
        await expectServiceError(
          importLedger(
            use(),
            CLI_ACTOR,
            {
              departmentCode: DEPT,
              year: YEAR,
              source: bufferSource('台账-1月补.csv', Buffer.from(jan)),
            },
            { onWorker: watch },
          ),
          'IMPORT_MONTHS_TAKEN',
        );
        expect(workers).toHaveLength(n);
        if (parse === 'worker') {
          expect(workers.length).toBeGreaterThanOrEqual(12);
        } else {
          expect(workers).toEqual([]);
        }
      });
    },
  );
}

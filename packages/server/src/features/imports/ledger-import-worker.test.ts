// Indicator progress by 项目编码 + 指标名称 (demo 2023), and the ledger's worker thread: gone after every import,
// batches crossing it in order under back-pressure, large files parsed there unasked — on both databases.
import iconv from 'iconv-lite';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/open-db.ts';
import { bufferSource } from '../../import/import-source.ts';
import { LEDGER_WORKER_MIN_BYTES } from '../../import/ledger-batches-thread.ts';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { importLedger, importProgress } from './imports.service.ts';
import {
  DEPT,
  describeImports,
  expectServiceError,
  importFirstLedgers,
  ledgerTotal,
  YEAR,
} from './imports-test-harness.ts';

describeImports('imports (progress, worker thread)', (s) => {
  const { use, hooks, workers, exited, watch, parse } = s;
  beforeAll(() => importFirstLedgers(s));

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
      (e.details as { errors: { row: number; code: string }[] }).errors.map((x) => [x.row, x.code]),
    ).toEqual([
      [2, 'BAD_MONTH'],
      [2, 'BAD_VALUE'],
      [3, 'UNKNOWN_INDICATOR'],
    ]);
  });

  if (parse === 'worker') {
    it('the worker thread is gone after an import and after a refused one', async () => {
      const head = '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号';
      const n = workers.length;
      const before = await ledgerTotal(use().db);
      const aug = [
        head,
        '2025-08-15,TZCJ-XM-102,,39999 其他支出,3000.00,第三批兑现,GK2025-0810',
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
        '2025-09-01,TZCJ-XM-102,,39999 其他支出,1.00,x,GK2025-0900',
        '2025-09-31,TZCJ-XM-102,,39999 其他支出,1.00,x,GK2025-0901',
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
          `2025-${10 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')},TZCJ-XM-10${1 + (i % 2)},招商引资业务工作经费,30201 办公费,1.00,第${i}笔,GK2025-L${String(i).padStart(6, '0')}`,
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
        `2025-11-${String(1 + (i % 28)).padStart(2, '0')},TZCJ-XM-101,招商引资业务工作经费,30201 办公费,${i === 0 ? 'abc' : '1.00'},第${i}笔 办公用品采购与会务保障支出,GK2025-B${String(i).padStart(6, '0')}`;
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
});

// Indicator progress by 项目编码 + 指标名称 (demo 2023), and the ledger's pooled thread: its reader ends with every
// import, a held parse leaves the request thread answering, batches cross in order under back-pressure, and the
// execution report (cached per data version) follows a ledger import and a budget change — on both databases.
import iconv from 'iconv-lite';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/open-db.ts';
import { bufferSource } from '../../import/import-source.ts';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { offloadPoolStats } from '../../offload/offload.ts';
import { getExecution } from '../execution/execution.service.ts';
import { importBudgets, importLedger, importProgress } from './imports.service.ts';
import {
  budgetCsv,
  DEPT,
  describeImports,
  expectServiceError,
  importFirstLedgers,
  ledgerTotal,
  YEAR,
} from './imports-test-harness.ts';

describeImports('imports (progress, pooled parsing thread, execution cache)', (s) => {
  const { use, hooks, readers } = s;
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

  const head = '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号';
  const ledgerInput = (fileName: string, csv: string) => ({
    departmentCode: DEPT,
    year: YEAR,
    source: bufferSource(fileName, Buffer.from(csv)),
  });

  it('the reader on its pooled thread ends with an import and with a refused one', async () => {
    const n = readers.length;
    const before = await ledgerTotal(use().db);
    const aug = [
      head,
      '2025-08-15,TZCJ-XM-102,,39999 其他支出,3000.00,第三批兑现,GK2025-0810',
    ].join('\n');
    const ok = await importLedger(
      use(),
      CLI_ACTOR,
      {
        ...ledgerInput('台账-8月.csv', ''),
        source: bufferSource('台账-8月.csv', iconv.encode(aug, 'gbk')),
      },
      hooks(),
    );
    expect(ok).toMatchObject({ encoding: 'gb18030', rows: 1, months: [8], totalYuan: '3000.00' });
    expect(readers).toHaveLength(n + 1);
    expect(readers[n]!.closed).toBe(true);
    expect(offloadPoolStats().busy).toBe(0);

    const sep = [
      head,
      '2025-09-01,TZCJ-XM-102,,39999 其他支出,1.00,x,GK2025-0900',
      '2025-09-31,TZCJ-XM-102,,39999 其他支出,1.00,x,GK2025-0901',
    ].join('\n');
    const e = await expectServiceError(
      importLedger(use(), CLI_ACTOR, ledgerInput('台账-9月.csv', sep), hooks()),
      'IMPORT_ROWS_INVALID',
    );
    expect(
      (e.details as { errors: { row: number; code: string }[] }).errors.map((x) => [x.row, x.code]),
    ).toEqual([[3, 'BAD_DATE']]);
    expect(readers).toHaveLength(n + 2);
    expect(readers[n + 1]!.closed).toBe(true);
    expect((await ledgerTotal(use().db)).n).toBe(before.n + 1);
  });

  it('a small file is parsed off the request thread: /api/health answers while the parse is held', async () => {
    // The gate blocks the parsing thread (Atomics.wait) until it is opened: were the parse on this thread, the
    // health request below could never be answered (the test would time out) — no clock involved.
    const gate = new SharedArrayBuffer(4);
    const jun = [head, '2025-06-08,TZCJ-XM-101,,30201 办公费,12.34,x,GK2025-0608'].join('\n');
    const importing = importLedger(
      use(),
      CLI_ACTOR,
      ledgerInput('台账-6月.csv', jun),
      hooks({ parseGate: gate }),
    );
    let done = false;
    void importing.then(
      () => (done = true),
      () => (done = true),
    );
    const app = createApp({ database: use(), config: loadConfig({}), now: () => new Date() });
    const health = await app.request('/api/health');
    expect(health.status).toBe(200);
    expect(done).toBe(false); // the parse is still held
    Atomics.store(new Int32Array(gate), 0, 1);
    Atomics.notify(new Int32Array(gate), 0);
    await expect(importing).resolves.toMatchObject({ rows: 1, months: [6], totalYuan: '12.34' });
  });

  it('a file of many batches crosses the thread in order under back-pressure (one transaction)', async () => {
    // 48,000 rows of 1.00 元 in months 10–12, in batches of 5,000 then 10,000.
    const rows = Array.from(
      { length: 48_000 },
      (_, i) =>
        `2025-${10 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')},TZCJ-XM-10${1 + (i % 2)},招商引资业务工作经费,30201 办公费,1.00,第${i}笔,GK2025-L${String(i).padStart(6, '0')}`,
    );
    const n = readers.length;
    const r = await importLedger(
      use(),
      CLI_ACTOR,
      ledgerInput('台账-10-12月.csv', [head, ...rows].join('\r\n')),
      hooks({ copyBatchRows: 10_000 }),
    );
    expect(r).toMatchObject({ rows: 48_000, months: [10, 11, 12], totalYuan: '48000.00' });
    expect(readers).toHaveLength(n + 1);
    const [perMonth] = await queryRows<{ oct: string; dec: string }>(
      use().db,
      sql`select count(*) filter (where month = 10)::text as oct, count(*) filter (where month = 12)::text as dec from ledger_entries where department_code = ${DEPT} and fiscal_year = ${YEAR}`,
    );
    expect(perMonth).toEqual({ oct: '16000', dec: '16000' });
  });

  it('execution is computed once per data version: a ledger import and a budget change each show at once', async () => {
    const first = await getExecution(use().db, CLI_ACTOR, DEPT, YEAR);
    expect(await getExecution(use().db, CLI_ACTOR, DEPT, YEAR)).toBe(first); // no write: the cached report
    const sep = [head, '2025-09-09,TZCJ-XM-101,,30201 办公费,100.00,x,GK2025-0909'].join('\n');
    await importLedger(use(), CLI_ACTOR, ledgerInput('台账-9月补.csv', sep), hooks());
    const afterLedger = await getExecution(use().db, CLI_ACTOR, DEPT, YEAR);
    expect(afterLedger).not.toBe(first);
    expect(Number(afterLedger.executedYuan) - Number(first.executedYuan)).toBeCloseTo(100, 2);
    const raised = budgetCsv.replace('800000.00', '900000.00');
    await importBudgets(use(), CLI_ACTOR, {
      ...ledgerInput('budget-2025-调整.csv', raised),
      replace: true,
    });
    const afterBudget = await getExecution(use().db, CLI_ACTOR, DEPT, YEAR);
    expect(Number(afterBudget.budgetYuan) - Number(afterLedger.budgetYuan)).toBeCloseTo(100000, 2);
    expect(afterBudget.executedYuan).toBe(afterLedger.executedYuan);
  });
});

// Shared by the import service tests (ledger-import*.test.ts): the demo department's 2025 budget and first ledger
// files, the totals and errors they check, and the suite (on both databases) that checks no ledger reader on a
// pooled thread outlives its import.
import iconv from 'iconv-lite';
import { sql } from 'drizzle-orm';
import { afterEach, expect } from 'vitest';
import { queryRows, type Database } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { bufferSource } from '../../import/import-source.ts';
import type { LedgerBatchesWorker } from '../../import/ledger-batches-thread.ts';
import { offloadPoolStats } from '../../offload/offload.ts';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { ServiceError } from '../../http/service-error.ts';
import { importBudgets, importLedger, type ImportHooks } from './imports.service.ts';

export const DEPT = '440105-TZCJ';
export const YEAR = 2025;

export const budgetCsv = [
  '项目编码,项目名称,类型(年初/调整),金额(元),日期,文号,原因',
  'TZCJ-XM-101,招商引资业务工作经费,年初,800000.00,2025-01-10,海财预〔2025〕1号,',
  'TZCJ-XM-102,产业扶持专项资金,年初,"1,200,000.00",2025-01-10,海财预〔2025〕1号,',
  'TZCJ-XM-102,产业扶持专项资金,调整,-200000.00,2025-09-15,海财预〔2025〕41号,政策兑现批次减少',
].join('\r\n');

// Months 1–2: 10,000.00 + 2,345.67 + 50,000.00 = 62,345.67 元.
export const ledgerJanFeb = [
  '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号',
  '2025-01-15,TZCJ-XM-101,招商引资业务工作经费,30215 会议费,10000.00,"招商推介会场地费,含布展",GK2025-00001',
  '2025-02-03,TZCJ-XM-101,招商引资业务工作经费,30201 办公费,2345.67,购置宣传资料,GK2025-00002',
  '2025-02-20,TZCJ-XM-102,产业扶持专项资金,39999 其他支出,50000.00,第一批政策兑现,GK2025-00003',
].join('\r\n');

// Months 2–3: February again (a corrected export) and March.
export const ledgerFebMar = [
  '\uFEFF支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号',
  '2025-02-03,TZCJ-XM-101,招商引资业务工作经费,30201 办公费,2345.60,购置宣传资料（更正）,GK2025-00002',
  '2025-03-12,TZCJ-XM-101,招商引资业务工作经费,30211 差旅费,888.88,赴深圳招商,GK2025-00020',
].join('\n');

// January corrected: replaces the last month of the first file's batch.
export const ledgerJanCorrected = [
  '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号',
  '2025-01-31,TZCJ-XM-101,,30215 会议费,9999.99,更正,GK2025-00001',
].join('\n');

export async function ledgerTotal(
  db: Parameters<typeof queryRows>[0],
): Promise<{ n: number; total: string }> {
  const [r] = await queryRows<{ n: string; total: string }>(
    db,
    sql`select count(*)::text as n, coalesce(sum(amount),0)::numeric(18,2)::text as total from ledger_entries where department_code = ${DEPT} and fiscal_year = ${YEAR}`,
  );
  return { n: Number(r!.n), total: r!.total };
}

export async function expectServiceError(p: Promise<unknown>, code: string): Promise<ServiceError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ServiceError);
  expect((e as ServiceError).code).toBe(code);
  return e as ServiceError;
}

export interface ImportSuite {
  use: () => Database;
  /** Every ledger reader started so far in this suite (each on a pooled worker thread). */
  readers: LedgerBatchesWorker[];
  /** The suite's hooks: watch the readers. */
  hooks: (h?: ImportHooks) => ImportHooks;
  /** The newest entry of the real audit log, as the service wrote it. */
  lastAudit: () => Promise<Record<string, unknown>>;
}

/**
 * `describeEachDb` for the import services. Every ledger file is parsed on a pooled worker thread (there is no
 * other way since the size threshold went); no reader may outlive its import, nor any task hold a pooled thread.
 */
export function describeImports(title: string, body: (s: ImportSuite) => void): void {
  describeEachDb(title, (use) => {
    const readers: LedgerBatchesWorker[] = [];
    afterEach(() => {
      // Whatever the outcome, every reader was closed and no parsing task still holds a thread.
      expect(readers.filter((r) => !r.closed)).toEqual([]);
      expect(offloadPoolStats().busy).toBe(0);
    });
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
    body({
      use,
      readers,
      hooks: (h = {}) => ({ ...h, onReader: (r) => readers.push(r) }),
      lastAudit,
    });
  });
}

/**
 * The state ledger-import.test.ts ends in, through the same services: the 2025 budget, the January–February GBK
 * file, February–March replacing February, January corrected — 3 rows, 13,234.47 元.
 */
export async function importFirstLedgers(s: ImportSuite): Promise<void> {
  const input = (fileName: string, bytes: Uint8Array, replace = false) => ({
    departmentCode: DEPT,
    year: YEAR,
    source: bufferSource(fileName, bytes),
    replace,
  });
  await importBudgets(s.use(), CLI_ACTOR, input('budget-2025.csv', Buffer.from(budgetCsv)));
  const gbk = iconv.encode(ledgerJanFeb, 'gbk');
  await importLedger(s.use(), CLI_ACTOR, input('台账-1-2月.csv', gbk), s.hooks());
  const febMar = Buffer.from(ledgerFebMar, 'utf8');
  await importLedger(s.use(), CLI_ACTOR, input('台账-2-3月.csv', febMar, true), s.hooks());
  const jan = Buffer.from(ledgerJanCorrected);
  await importLedger(s.use(), CLI_ACTOR, input('台账-1月更正.csv', jan, true), s.hooks());
}

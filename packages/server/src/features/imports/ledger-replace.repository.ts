// SQL of 替换已导入月份 beyond the replacement itself (execution/ledger.repository.ts replaceMonths, which keeps the rows
// it takes out in ledger_entries_replaced): what a month holds now (the preview), which imports replaced rows, and
// the undoing of a replacement (restore from the import history).
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/open-db.ts';
import * as s from '../../db/schema/index.ts';

/** Rows and Σ amount (元) per month of the department-year's ledger, for the months given. */
export async function monthTotals(
  db: Queryable,
  departmentCode: string,
  year: number,
  months: readonly number[],
): Promise<{ month: number; rows: number; amountYuan: string }[]> {
  if (months.length === 0) {
    return [];
  }
  const monthArray = sql.raw(`array[${months.map((m) => Number(m)).join(',')}]::smallint[]`);
  const rows = await queryRows<{ month: number; rows: string; amount: string }>(
    db,
    sql`select month, count(*)::text as rows, coalesce(sum(amount), 0)::numeric(18,2)::text as amount
        from ledger_entries
        where department_code = ${departmentCode} and fiscal_year = ${year} and month = any(${monthArray})
        group by month order by month`,
  );
  return rows.map((r) => ({ month: Number(r.month), rows: Number(r.rows), amountYuan: r.amount }));
}

/** Rows each import replaced (kept in ledger_entries_replaced), by the replacing batch. */
export async function replacedRowCounts(
  db: Queryable,
  batchIds: readonly string[],
): Promise<Map<string, number>> {
  if (batchIds.length === 0) {
    return new Map();
  }
  const ids = sql.join(
    batchIds.map((b) => sql`${b}`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string; n: string }>(
    db,
    sql`select replaced_by_batch as id, count(*)::text as n from ledger_entries_replaced
        where replaced_by_batch in (${ids}) group by replaced_by_batch`,
  );
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** Whether rows of this batch were themselves replaced by a later import (then it cannot be withdrawn). */
export async function batchRowsReplaced(db: Queryable, batchId: string): Promise<boolean> {
  const rows = await queryRows<{ n: string }>(
    db,
    sql`select count(*)::text as n from ledger_entries_replaced where import_batch_id = ${batchId}`,
  );
  return Number(rows[0]?.n ?? 0) > 0;
}

export async function findBatch(db: Queryable, id: string) {
  const [b] = await db.select().from(s.importBatches).where(eq(s.importBatches.id, id));
  return b ?? null;
}

/**
 * Undoes a month replacement: the replacing batch's rows leave (the batch 'withdrawn'), the rows it replaced come
 * back from ledger_entries_replaced, and the batches they belong to get their months, counts and totals again.
 */
export async function restoreReplaced(
  db: Queryable,
  batch: { id: string; departmentCode: string; fiscalYear: number },
): Promise<{ removedRows: number; restoredRows: number }> {
  const removed = await queryRows<{ n: string }>(
    db,
    sql`with d as (delete from ledger_entries where import_batch_id = ${batch.id} returning 1)
        select count(*)::text as n from d`,
  );
  await db
    .update(s.importBatches)
    .set({ status: 'withdrawn' })
    .where(eq(s.importBatches.id, batch.id));
  const back = await queryRows<{ n: string }>(
    db,
    sql`with r as (delete from ledger_entries_replaced where replaced_by_batch = ${batch.id}
                   returning region_code, fiscal_year, department_code, project_code, pay_date, month,
                             economic_class, amount, summary, voucher_no, import_batch_id),
             i as (insert into ledger_entries (region_code, fiscal_year, department_code, project_code, pay_date,
                     month, economic_class, amount, summary, voucher_no, import_batch_id)
                   select * from r returning 1)
        select count(*)::text as n from i`,
  );
  await db.execute(sql`update import_batches b set status = 'active',
      months = (select coalesce(array_agg(distinct l.month::integer order by l.month::integer), '{}')
                from ledger_entries l where l.import_batch_id = b.id),
      row_count = (select count(*) from ledger_entries l where l.import_batch_id = b.id),
      total_amount = (select coalesce(sum(l.amount), 0) from ledger_entries l where l.import_batch_id = b.id)
    where b.kind = 'ledger' and b.department_code = ${batch.departmentCode} and b.fiscal_year = ${batch.fiscalYear}
      and b.id <> ${batch.id}
      and exists (select 1 from ledger_entries l where l.import_batch_id = b.id)`);
  return { removedRows: Number(removed[0]?.n ?? 0), restoredRows: Number(back[0]?.n ?? 0) };
}

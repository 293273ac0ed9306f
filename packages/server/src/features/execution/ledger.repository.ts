// Ledger SQL: import batches (duplicates, months covered, replacement), ledger entries (paged), and the
// project codes an import checks against. Money stays numeric in SQL and comes back as strings.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/open-db.ts';
import * as s from '../../db/schema/index.ts';

export type ImportBatchRow = typeof s.importBatches.$inferSelect;
export type ImportKind = ImportBatchRow['kind'];

export interface ProjectRef {
  id: string;
  code: string;
  name: string;
}

export async function listProjectRefs(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<ProjectRef[]> {
  return db
    .select({ id: s.projects.id, code: s.projects.code, name: s.projects.name })
    .from(s.projects)
    .where(and(eq(s.projects.departmentCode, departmentCode), eq(s.projects.fiscalYear, year)))
    .orderBy(asc(s.projects.code));
}

/** An active batch of the same kind with the same file content, if any. */
export async function findActiveBatchBySha(
  db: Queryable,
  departmentCode: string,
  year: number,
  kind: ImportKind,
  sha256: string,
): Promise<ImportBatchRow | null> {
  const rows = await db
    .select()
    .from(s.importBatches)
    .where(
      and(
        eq(s.importBatches.departmentCode, departmentCode),
        eq(s.importBatches.fiscalYear, year),
        eq(s.importBatches.kind, kind),
        eq(s.importBatches.sha256, sha256),
        eq(s.importBatches.status, 'active'),
      ),
    );
  return rows[0] ?? null;
}

export async function insertBatch(
  db: Queryable,
  row: typeof s.importBatches.$inferInsert,
): Promise<void> {
  await db.insert(s.importBatches).values(row);
}

export async function listBatches(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<ImportBatchRow[]> {
  return db
    .select()
    .from(s.importBatches)
    .where(
      and(eq(s.importBatches.departmentCode, departmentCode), eq(s.importBatches.fiscalYear, year)),
    )
    .orderBy(desc(s.importBatches.createdAt));
}

/**
 * Serialises ledger imports of one department-year until the transaction ends: two uploads of the same months
 * at once would otherwise each miss the other's uncommitted rows and both land (the second check now waits for
 * the first to commit, then sees its months taken).
 */
export async function lockLedgerOfDepartmentYear(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<void> {
  await queryRows(
    db,
    sql`select pg_advisory_xact_lock(hashtext(${`ledger:${departmentCode}:${year}`}))::text as locked`,
  );
}

/** Months among `months` that already hold ledger entries of the department-year (outside `exceptBatch`). */
export async function monthsWithEntries(
  db: Queryable,
  departmentCode: string,
  year: number,
  months: readonly number[],
  exceptBatch: string,
): Promise<number[]> {
  if (months.length === 0) {
    return [];
  }
  const rows = await queryRows<{ month: number }>(
    db,
    sql`select m as month from unnest(${sql.raw(`array[${months.map((m) => Number(m)).join(',')}]::smallint[]`)}) as m
        where exists (select 1 from ledger_entries l
                      where l.department_code = ${departmentCode} and l.fiscal_year = ${year} and l.month = m
                        and l.import_batch_id is distinct from ${exceptBatch})
        order by 1`,
  );
  return rows.map((r) => Number(r.month));
}

/**
 * Deletes the department-year's entries of `months` (outside `exceptBatch`) and updates the batches they came
 * from: their months shrink, counts and totals are recomputed, and a batch left with no month is 'replaced'.
 * Returns the ids of batches fully replaced and the rows deleted.
 */
export async function replaceMonths(
  db: Queryable,
  departmentCode: string,
  year: number,
  months: readonly number[],
  exceptBatch: string,
): Promise<{ deletedRows: number; replacedBatches: string[]; shrunkBatches: string[] }> {
  const monthArray = sql.raw(`array[${months.map((m) => Number(m)).join(',')}]::smallint[]`);
  // The rows taken out are kept (ledger_entries_replaced) so the replacement can be undone from the import history.
  const deleted = await queryRows<{ n: string }>(
    db,
    sql`with d as (delete from ledger_entries
                   where department_code = ${departmentCode} and fiscal_year = ${year} and month = any(${monthArray})
                     and import_batch_id is distinct from ${exceptBatch}
                   returning region_code, fiscal_year, department_code, project_code, pay_date, month,
                             economic_class, amount, summary, voucher_no, import_batch_id),
             kept as (insert into ledger_entries_replaced (region_code, fiscal_year, department_code, project_code,
                        pay_date, month, economic_class, amount, summary, voucher_no, import_batch_id, replaced_by_batch)
                      select d.*, ${exceptBatch} from d returning 1)
        select count(*)::text as n from kept`,
  );
  const affected = await queryRows<{ id: string; months: number[] }>(
    db,
    sql`select id, months from import_batches
        where department_code = ${departmentCode} and fiscal_year = ${year} and kind = 'ledger' and status = 'active'
          and id <> ${exceptBatch} and months && ${sql.raw(`array[${months.map((m) => Number(m)).join(',')}]::integer[]`)}`,
  );
  const replacedBatches: string[] = [];
  const shrunkBatches: string[] = [];
  for (const b of affected) {
    const left = b.months.map(Number).filter((m) => !months.includes(m));
    if (left.length === 0) {
      replacedBatches.push(b.id);
      await db
        .update(s.importBatches)
        .set({ status: 'replaced' })
        .where(eq(s.importBatches.id, b.id));
    } else {
      shrunkBatches.push(b.id);
      await db.execute(sql`update import_batches set months = ${sql.raw(`array[${left.join(',')}]::integer[]`)},
          row_count = (select count(*) from ledger_entries where import_batch_id = ${b.id}),
          total_amount = (select coalesce(sum(amount), 0) from ledger_entries where import_batch_id = ${b.id})
        where id = ${b.id}`);
    }
  }
  return { deletedRows: Number(deleted[0]?.n ?? 0), replacedBatches, shrunkBatches };
}

export interface LedgerEntryOut {
  id: number;
  payDate: string;
  month: number;
  projectCode: string;
  economicClass: string;
  amountYuan: string;
  summary: string | null;
  voucherNo: string | null;
  importBatchId: string | null;
}

export async function listLedgerEntries(
  db: Queryable,
  q: {
    departmentCode: string;
    year: number;
    projectCode?: string;
    month?: number;
    limit: number;
    offset: number;
  },
): Promise<{ total: number; totalYuan: string; entries: LedgerEntryOut[] }> {
  const where = sql`department_code = ${q.departmentCode} and fiscal_year = ${q.year}
    ${q.projectCode ? sql`and project_code = ${q.projectCode}` : sql``}
    ${q.month ? sql`and month = ${q.month}` : sql``}`;
  const [agg] = await queryRows<{ n: string; total: string }>(
    db,
    sql`select count(*)::text as n, coalesce(sum(amount), 0)::numeric(18,2)::text as total from ledger_entries where ${where}`,
  );
  const entries = await queryRows<LedgerEntryOut>(
    db,
    sql`select id::int8 as id, pay_date::text as "payDate", month, project_code as "projectCode", economic_class as "economicClass",
          amount::text as "amountYuan", summary, voucher_no as "voucherNo", import_batch_id as "importBatchId"
        from ledger_entries where ${where}
        order by pay_date, id limit ${q.limit} offset ${q.offset}`,
  );
  return {
    total: Number(agg?.n ?? 0),
    totalYuan: agg?.total ?? '0.00',
    entries: entries.map((e) => ({ ...e, id: Number(e.id), month: Number(e.month) })),
  };
}

/** VACUUM (ANALYZE) of the ledger after a large import: outside any transaction (PGlite has no autovacuum). */
export async function vacuumLedger(db: Queryable): Promise<void> {
  await queryRows(db, sql`vacuum (analyze) ledger_entries`);
}

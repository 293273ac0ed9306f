// Fiscal years of a region (the rule preset and options the finance bureau set when opening the year).
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import { fiscalYears } from '../../db/schema/organizations.ts';

export type FiscalYearRow = typeof fiscalYears.$inferSelect;

export async function listFiscalYears(db: Queryable, regionCode: string): Promise<FiscalYearRow[]> {
  return db
    .select()
    .from(fiscalYears)
    .where(eq(fiscalYears.regionCode, regionCode))
    .orderBy(asc(fiscalYears.year));
}

/** Inserts the year; null when the region already has it (the primary key decides, also under concurrency). */
export async function insertFiscalYear(
  tx: Queryable,
  values: typeof fiscalYears.$inferInsert,
): Promise<FiscalYearRow | null> {
  const rows = await tx.insert(fiscalYears).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

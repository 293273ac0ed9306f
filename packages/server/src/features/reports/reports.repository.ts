// Report SQL: the department-year's narratives (文字材料) and the user's paragraph overrides.
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import * as s from '../../db/schema/index.ts';

export type ReportNarrativeRow = typeof s.reportNarratives.$inferSelect;
export type ReportOverrideRow = typeof s.reportOverrides.$inferSelect;
export type NewReportOverride = typeof s.reportOverrides.$inferInsert;

export async function listNarratives(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<ReportNarrativeRow[]> {
  return db
    .select()
    .from(s.reportNarratives)
    .where(
      and(
        eq(s.reportNarratives.departmentCode, departmentCode),
        eq(s.reportNarratives.fiscalYear, year),
      ),
    );
}

export async function listOverrides(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<ReportOverrideRow[]> {
  return db
    .select()
    .from(s.reportOverrides)
    .where(
      and(
        eq(s.reportOverrides.departmentCode, departmentCode),
        eq(s.reportOverrides.fiscalYear, year),
      ),
    );
}

const overrideOf = (departmentCode: string, year: number, key: string) =>
  and(
    eq(s.reportOverrides.departmentCode, departmentCode),
    eq(s.reportOverrides.fiscalYear, year),
    eq(s.reportOverrides.paragraphKey, key),
  );

export async function findOverride(
  tx: Queryable,
  departmentCode: string,
  year: number,
  key: string,
): Promise<ReportOverrideRow | null> {
  const [row] = await tx
    .select()
    .from(s.reportOverrides)
    .where(overrideOf(departmentCode, year, key));
  return row ?? null;
}

/** Insert the override, or replace its text when the paragraph already has one. */
export async function saveOverride(
  tx: Queryable,
  row: NewReportOverride,
  exists: boolean,
): Promise<void> {
  if (exists) {
    await tx
      .update(s.reportOverrides)
      .set({ text: row.text, updatedBy: row.updatedBy, updatedAt: row.updatedAt })
      .where(overrideOf(row.departmentCode, row.fiscalYear, row.paragraphKey));
  } else {
    await tx.insert(s.reportOverrides).values(row);
  }
}

export async function deleteOverride(
  tx: Queryable,
  departmentCode: string,
  year: number,
  key: string,
): Promise<void> {
  await tx.delete(s.reportOverrides).where(overrideOf(departmentCode, year, key));
}

// Organisation SQL: regions, agencies (finance bureau, departments, units), 内设机构 and staffing.
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import * as s from '../../db/schema/index.ts';

export type RegionRow = typeof s.regions.$inferSelect;
export type AgencyRow = typeof s.departments.$inferSelect;
export type StaffingRow = typeof s.staffing.$inferSelect;
export type OfficeRow = typeof s.departmentUnits.$inferSelect;

export async function findRegion(db: Queryable, code: string): Promise<RegionRow | null> {
  const rows = await db.select().from(s.regions).where(eq(s.regions.code, code));
  return rows[0] ?? null;
}

export async function listRegions(db: Queryable): Promise<RegionRow[]> {
  return db.select().from(s.regions).orderBy(asc(s.regions.code));
}

export async function insertRegion(db: Queryable, row: typeof s.regions.$inferInsert) {
  await db.insert(s.regions).values(row);
}

export async function findAgency(db: Queryable, code: string): Promise<AgencyRow | null> {
  const rows = await db.select().from(s.departments).where(eq(s.departments.code, code));
  return rows[0] ?? null;
}

export async function findAgencies(db: Queryable, codes: readonly string[]): Promise<AgencyRow[]> {
  if (codes.length === 0) {
    return [];
  }
  return db
    .select()
    .from(s.departments)
    .where(inArray(s.departments.code, [...codes]));
}

export async function listAgenciesOfRegion(
  db: Queryable,
  regionCode: string,
): Promise<AgencyRow[]> {
  return db
    .select()
    .from(s.departments)
    .where(eq(s.departments.regionCode, regionCode))
    .orderBy(asc(s.departments.code));
}

export async function insertAgency(db: Queryable, row: typeof s.departments.$inferInsert) {
  await db.insert(s.departments).values(row);
}

export async function updateAgency(
  db: Queryable,
  code: string,
  patch: Partial<typeof s.departments.$inferInsert>,
): Promise<void> {
  await db.update(s.departments).set(patch).where(eq(s.departments.code, code));
}

export async function listOfficesOfRegion(db: Queryable, regionCode: string) {
  return db
    .select()
    .from(s.departmentUnits)
    .where(eq(s.departmentUnits.regionCode, regionCode))
    .orderBy(asc(s.departmentUnits.departmentCode), asc(s.departmentUnits.sort));
}

export async function insertOffices(
  db: Queryable,
  rows: (typeof s.departmentUnits.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) {
    await db.insert(s.departmentUnits).values(rows);
  }
}

export async function listStaffingOfRegion(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<StaffingRow[]> {
  return db
    .select()
    .from(s.staffing)
    .where(and(eq(s.staffing.regionCode, regionCode), eq(s.staffing.fiscalYear, year)));
}

export async function upsertStaffing(db: Queryable, row: typeof s.staffing.$inferInsert) {
  await db
    .insert(s.staffing)
    .values(row)
    .onConflictDoUpdate({
      target: [s.staffing.regionCode, s.staffing.fiscalYear, s.staffing.departmentCode],
      set: {
        authorizedStaff: row.authorizedStaff,
        activeStaff: row.activeStaff,
        retiredStaff: row.retiredStaff,
        illustrative: false,
      },
    });
}

/** The latest year with staffing figures for the region, or null. */
export async function latestStaffingYear(
  db: Queryable,
  regionCode: string,
): Promise<number | null> {
  const rows = await db
    .select({ y: s.staffing.fiscalYear })
    .from(s.staffing)
    .where(eq(s.staffing.regionCode, regionCode))
    .orderBy(desc(s.staffing.fiscalYear))
    .limit(1);
  return rows[0]?.y ?? null;
}

/** The latest fiscal year opened for the region, or null. */
export async function latestFiscalYear(db: Queryable, regionCode: string): Promise<number | null> {
  const rows = await db
    .select({ y: s.fiscalYears.year })
    .from(s.fiscalYears)
    .where(eq(s.fiscalYears.regionCode, regionCode))
    .orderBy(desc(s.fiscalYears.year))
    .limit(1);
  return rows[0]?.y ?? null;
}

export async function countRegions(db: Queryable): Promise<number> {
  const rows = await db.select({ n: count() }).from(s.regions);
  return Number(rows[0]?.n ?? 0);
}

export async function countDepartments(db: Queryable): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(s.departments)
    .where(eq(s.departments.kind, 'department'));
  return Number(rows[0]?.n ?? 0);
}

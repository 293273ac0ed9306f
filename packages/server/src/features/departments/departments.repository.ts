// Department SQL: lookups and the per-year overview (budget, execution) used by lists.
import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/open-db.ts';
import * as s from '../../db/schema/index.ts';

export type DepartmentRow = typeof s.departments.$inferSelect;

export async function findDepartment(db: Queryable, code: string): Promise<DepartmentRow | null> {
  const rows = await db.select().from(s.departments).where(eq(s.departments.code, code));
  return rows[0] ?? null;
}

export async function listDepartmentsOfRegion(
  db: Queryable,
  regionCode: string | '*',
): Promise<DepartmentRow[]> {
  const where =
    regionCode === '*'
      ? eq(s.departments.kind, 'department')
      : and(eq(s.departments.kind, 'department'), eq(s.departments.regionCode, regionCode));
  return db.select().from(s.departments).where(where).orderBy(asc(s.departments.code));
}

export async function listUnits(db: Queryable, departmentCode: string) {
  return db
    .select()
    .from(s.departmentUnits)
    .where(eq(s.departmentUnits.departmentCode, departmentCode))
    .orderBy(asc(s.departmentUnits.sort));
}

export async function findStaffing(db: Queryable, departmentCode: string, year: number) {
  const rows = await db
    .select()
    .from(s.staffing)
    .where(and(eq(s.staffing.departmentCode, departmentCode), eq(s.staffing.fiscalYear, year)));
  return rows[0] ?? null;
}

export async function findFiscalYear(db: Queryable, regionCode: string, year: number) {
  const rows = await db
    .select()
    .from(s.fiscalYears)
    .where(and(eq(s.fiscalYears.regionCode, regionCode), eq(s.fiscalYears.year, year)));
  return rows[0] ?? null;
}

export async function findRegion(db: Queryable, code: string) {
  const rows = await db.select().from(s.regions).where(eq(s.regions.code, code));
  return rows[0] ?? null;
}

/** Years for which a department has projects. */
export async function listDepartmentYears(
  db: Queryable,
  departmentCode: string,
): Promise<number[]> {
  const r = await queryRows<{ y: number }>(
    db,
    sql`select distinct fiscal_year as y from projects where department_code = ${departmentCode} order by 1 desc`,
  );
  return r.map((x) => Number(x.y));
}

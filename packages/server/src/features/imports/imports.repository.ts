// Import SQL: the projects and 年初 lines a budget file meets, replacing a year's budget lines, the agencies a
// region-wide file names, indicators and progress values, goal sets replaced by a declaration, remembered
// column mappings. Money stays numeric in SQL (decimal strings).
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import * as s from '../../db/schema/index.ts';

export type ImportMappingKind = 'ledger' | 'budgets' | 'progress' | 'goals';

export interface ProjectOfYear {
  id: string;
  code: string;
  name: string;
  level: 1 | 2;
}

export async function listProjectsOfYear(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<ProjectOfYear[]> {
  return db
    .select({
      id: s.projects.id,
      code: s.projects.code,
      name: s.projects.name,
      level: s.projects.level,
    })
    .from(s.projects)
    .where(and(eq(s.projects.departmentCode, departmentCode), eq(s.projects.fiscalYear, year)));
}

/** Ids of the projects that already have a 年初 line in the department-year. */
export async function projectsWithInitial(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<Set<string>> {
  const rows = await db
    .select({ projectId: s.budgetLines.projectId })
    .from(s.budgetLines)
    .where(
      and(
        eq(s.budgetLines.departmentCode, departmentCode),
        eq(s.budgetLines.fiscalYear, year),
        eq(s.budgetLines.kind, 'initial'),
      ),
    );
  return new Set(rows.map((r) => r.projectId));
}

/** Deletes the department-year's budget lines and retires its budget batches. */
export async function replaceBudgetLines(db: Queryable, departmentCode: string, year: number) {
  const del = await db
    .delete(s.budgetLines)
    .where(
      and(eq(s.budgetLines.departmentCode, departmentCode), eq(s.budgetLines.fiscalYear, year)),
    )
    .returning({ id: s.budgetLines.id });
  const old = await db
    .update(s.importBatches)
    .set({ status: 'replaced' })
    .where(
      and(
        eq(s.importBatches.departmentCode, departmentCode),
        eq(s.importBatches.fiscalYear, year),
        eq(s.importBatches.kind, 'budget'),
        eq(s.importBatches.status, 'active'),
      ),
    )
    .returning({ id: s.importBatches.id });
  return { deletedRows: del.length, batches: old.map((b) => b.id) };
}

export async function insertProject(
  db: Queryable,
  values: typeof s.projects.$inferInsert,
): Promise<{ id: string; code: string }> {
  const [row] = await db
    .insert(s.projects)
    .values(values)
    .returning({ id: s.projects.id, code: s.projects.code });
  return row!;
}

export async function insertBudgetLines(
  db: Queryable,
  values: (typeof s.budgetLines.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < values.length; i += 1000) {
    await db.insert(s.budgetLines).values(values.slice(i, i + 1000));
  }
}

export type AgencyRow = Pick<
  typeof s.departments.$inferSelect,
  'code' | 'name' | 'kind' | 'parentCode' | 'regionCode' | 'active'
>;

/** The region's departments and units (what a region-wide file's 单位代码 may name). */
export async function listAgenciesOfRegion(
  db: Queryable,
  regionCode: string,
): Promise<AgencyRow[]> {
  return db
    .select({
      code: s.departments.code,
      name: s.departments.name,
      kind: s.departments.kind,
      parentCode: s.departments.parentCode,
      regionCode: s.departments.regionCode,
      active: s.departments.active,
    })
    .from(s.departments)
    .where(eq(s.departments.regionCode, regionCode));
}

export async function findRegion(db: Queryable, code: string) {
  return (await db.select().from(s.regions).where(eq(s.regions.code, code)))[0] ?? null;
}

export interface IndicatorRef {
  id: string;
  name: string;
  operator: string;
  projectCode: string | null;
}

export async function listIndicatorRefs(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<IndicatorRef[]> {
  return db
    .select({
      id: s.indicators.id,
      name: s.indicators.name,
      operator: s.indicators.operator,
      projectCode: s.projects.code,
    })
    .from(s.indicators)
    .innerJoin(s.goals, eq(s.goals.id, s.indicators.goalId))
    .leftJoin(s.projects, eq(s.projects.id, s.goals.projectId))
    .where(and(eq(s.indicators.departmentCode, departmentCode), eq(s.indicators.fiscalYear, year)));
}

/** The progress values of these indicators that the new ones replace (same indicator and month), deleted. */
export async function takeReplacedProgress(
  db: Queryable,
  values: readonly { indicatorId: string; month: number }[],
) {
  const ids = [...new Set(values.map((v) => v.indicatorId))];
  const before = await db
    .select()
    .from(s.indicatorProgress)
    .where(inArray(s.indicatorProgress.indicatorId, ids));
  const keys = new Set(values.map((v) => `${v.indicatorId}\u0001${v.month}`));
  const old = before.filter((b) => keys.has(`${b.indicatorId}\u0001${b.month}`));
  for (const o of old) {
    await db.delete(s.indicatorProgress).where(eq(s.indicatorProgress.id, o.id));
  }
  return old;
}

export async function insertProgress(
  db: Queryable,
  values: (typeof s.indicatorProgress.$inferInsert)[],
): Promise<void> {
  await db.insert(s.indicatorProgress).values(values);
}

export async function insertIndicators(
  db: Queryable,
  values: (typeof s.indicators.$inferInsert)[],
): Promise<void> {
  if (values.length > 0) {
    await db.insert(s.indicators).values(values);
  }
}

export async function findColumnMapping(
  db: Queryable,
  departmentCode: string,
  kind: ImportMappingKind,
): Promise<Record<string, string> | null> {
  const rows = await db
    .select({ mapping: s.importColumnMappings.mapping })
    .from(s.importColumnMappings)
    .where(
      and(
        eq(s.importColumnMappings.departmentCode, departmentCode),
        eq(s.importColumnMappings.kind, kind),
      ),
    );
  return rows[0]?.mapping ?? null;
}

export async function saveColumnMapping(
  db: Queryable,
  departmentCode: string,
  kind: ImportMappingKind,
  mapping: Record<string, string>,
  userId: string,
): Promise<void> {
  await db
    .insert(s.importColumnMappings)
    .values({ departmentCode, kind, mapping, updatedBy: userId, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [s.importColumnMappings.departmentCode, s.importColumnMappings.kind],
      set: { mapping, updatedBy: userId, updatedAt: new Date() },
    });
}

// 结果应用 SQL: the region's rules, the finance bureau's decisions, and what the 预算安排建议 reads from other
// features' tables (external evaluations concluded, open 整改 items) — the only SQL of the feature.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { LinkageRuleSet } from '@jixiao/core';
import { queryRows, type Queryable } from '../../db/open-db.ts';
import { linkageDecisions, linkageRules } from '../../db/schema/linkage.ts';

export type RulesRow = typeof linkageRules.$inferSelect;
export type DecisionRow = typeof linkageDecisions.$inferSelect;

export async function findRules(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<RulesRow | null> {
  const [row] = await db
    .select()
    .from(linkageRules)
    .where(and(eq(linkageRules.regionCode, regionCode), eq(linkageRules.fiscalYear, year)));
  return row ?? null;
}

export async function upsertRules(
  db: Queryable,
  v: { regionCode: string; fiscalYear: number; rules: LinkageRuleSet; updatedBy: string },
): Promise<RulesRow> {
  const [row] = await db
    .insert(linkageRules)
    .values(v)
    .onConflictDoUpdate({
      target: [linkageRules.regionCode, linkageRules.fiscalYear],
      set: { rules: v.rules, updatedBy: v.updatedBy, updatedAt: sql`now()` },
    })
    .returning();
  return row!;
}

/** Every decision of a region's budget year, newest first (the first of an object is the one in force). */
export async function listDecisions(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<DecisionRow[]> {
  return db
    .select()
    .from(linkageDecisions)
    .where(and(eq(linkageDecisions.regionCode, regionCode), eq(linkageDecisions.fiscalYear, year)))
    .orderBy(desc(linkageDecisions.createdAt), desc(linkageDecisions.id));
}

export async function insertDecision(
  db: Queryable,
  v: typeof linkageDecisions.$inferInsert,
): Promise<DecisionRow> {
  const [row] = await db.insert(linkageDecisions).values(v).returning();
  return row!;
}

async function tableExists(db: Queryable, table: string): Promise<boolean> {
  const [r] = await queryRows<{ t: string | null }>(
    db,
    sql`select to_regclass(${table})::text as t`,
  );
  return Boolean(r?.t);
}

export interface ExternalGradeRow {
  departmentCode: string;
  /** null = 部门整体 (部门评价). */
  projectCode: string | null;
  grade: string;
  total: string | null;
}

/** The latest concluded external evaluation of each object of a region-year (none before 15a's table exists). */
export async function concludedExternalGrades(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<ExternalGradeRow[]> {
  if (!(await tableExists(db, 'external_evaluations'))) {
    return [];
  }
  return queryRows<ExternalGradeRow>(
    db,
    sql`select distinct on (e.department_code, e.project_id)
          e.department_code as "departmentCode", p.code as "projectCode", e.grade, e.total::text as total
        from external_evaluations e left join projects p on p.id = e.project_id
        where e.region_code = ${regionCode} and e.fiscal_year = ${year}
          and e.status = 'concluded' and e.grade is not null
        order by e.department_code, e.project_id, e.concluded_at desc nulls last`,
  );
}

export interface OpenRectificationRow {
  departmentCode: string;
  projectCode: string | null;
  open: number;
}

/** Open (not 已销号) 整改 items found in evaluations of `year` or before, per department and project code. */
export async function openRectifications(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<OpenRectificationRow[]> {
  if (!(await tableExists(db, 'rectification_items'))) {
    return [];
  }
  const rows = await queryRows<OpenRectificationRow>(
    db,
    sql`select r.department_code as "departmentCode", p.code as "projectCode", count(*)::int as open
        from rectification_items r left join projects p on p.id = r.project_id
        where r.region_code = ${regionCode} and r.fiscal_year <= ${year} and r.status <> 'closed'
        group by r.department_code, p.code`,
  );
  return rows.map((r) => ({ ...r, open: Number(r.open) }));
}

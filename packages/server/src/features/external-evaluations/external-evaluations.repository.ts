// External evaluation SQL: templates, evaluations, their indicator rows, and the reads the feature needs from
// projects, self-evaluations, budget and ledger, agencies and accounts. The only SQL of the feature.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import { queryRows } from '../../db/open-db.ts';
import {
  externalEvaluationIndicators,
  externalEvaluationTemplates,
  externalEvaluations,
} from '../../db/schema/external-evaluations.ts';
import { exanteAgencies, exanteAgencyMembers } from '../../db/schema/exante.ts';
import { selfEvaluations } from '../../db/schema/evaluations.ts';
import { departments } from '../../db/schema/organizations.ts';
import { projects } from '../../db/schema/projects.ts';
import { users } from '../../db/schema/users.ts';

export type EvaluationRow = typeof externalEvaluations.$inferSelect;
export type NewEvaluationRow = typeof externalEvaluations.$inferInsert;
export type IndicatorRow = typeof externalEvaluationIndicators.$inferSelect;
export type NewIndicatorRow = typeof externalEvaluationIndicators.$inferInsert;
export type TemplateRow = typeof externalEvaluationTemplates.$inferSelect;
export type AgencyRow = typeof exanteAgencies.$inferSelect;

export async function findTemplate(
  db: Queryable,
  regionCode: string,
  year: number,
  kind: 'project' | 'department',
): Promise<TemplateRow | null> {
  const t = externalEvaluationTemplates;
  const rows = await db
    .select()
    .from(t)
    .where(and(eq(t.regionCode, regionCode), eq(t.fiscalYear, year), eq(t.objectKind, kind)));
  return rows[0] ?? null;
}

export async function upsertTemplate(
  tx: Queryable,
  values: typeof externalEvaluationTemplates.$inferInsert,
): Promise<TemplateRow> {
  const t = externalEvaluationTemplates;
  const [row] = await tx
    .insert(t)
    .values(values)
    .onConflictDoUpdate({
      target: [t.regionCode, t.fiscalYear, t.objectKind],
      set: { template: values.template, updatedBy: values.updatedBy, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

export async function listEvaluations(
  db: Queryable,
  filter: { regionCode?: string; departmentCode?: string; year?: number; agencyId?: string },
): Promise<EvaluationRow[]> {
  const e = externalEvaluations;
  const where = [
    filter.regionCode ? eq(e.regionCode, filter.regionCode) : undefined,
    filter.departmentCode ? eq(e.departmentCode, filter.departmentCode) : undefined,
    filter.year ? eq(e.fiscalYear, filter.year) : undefined,
    filter.agencyId ? eq(e.agencyId, filter.agencyId) : undefined,
  ];
  return db
    .select()
    .from(e)
    .where(and(...where))
    .orderBy(asc(e.fiscalYear), asc(e.departmentCode), asc(e.createdAt));
}

export async function findEvaluation(db: Queryable, id: string): Promise<EvaluationRow | null> {
  const rows = await db.select().from(externalEvaluations).where(eq(externalEvaluations.id, id));
  return rows[0] ?? null;
}

export async function lockEvaluation(tx: Queryable, id: string): Promise<EvaluationRow | null> {
  const rows = await tx
    .select()
    .from(externalEvaluations)
    .where(eq(externalEvaluations.id, id))
    .for('update');
  return rows[0] ?? null;
}

/** The evaluation of the same object and year, if any (project, or 部门整体 when projectId is null). */
export async function findSameObject(
  db: Queryable,
  departmentCode: string,
  year: number,
  projectId: string | null,
): Promise<EvaluationRow | null> {
  const e = externalEvaluations;
  const rows = await db
    .select()
    .from(e)
    .where(
      and(
        eq(e.departmentCode, departmentCode),
        eq(e.fiscalYear, year),
        projectId ? eq(e.projectId, projectId) : isNull(e.projectId),
      ),
    );
  return rows[0] ?? null;
}

export async function insertEvaluation(
  tx: Queryable,
  values: NewEvaluationRow,
): Promise<EvaluationRow> {
  const [row] = await tx.insert(externalEvaluations).values(values).returning();
  return row!;
}

export async function updateEvaluation(
  tx: Queryable,
  id: string,
  values: Partial<NewEvaluationRow>,
): Promise<EvaluationRow> {
  const [row] = await tx
    .update(externalEvaluations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(externalEvaluations.id, id))
    .returning();
  return row!;
}

export async function listIndicators(db: Queryable, evaluationId: string): Promise<IndicatorRow[]> {
  const i = externalEvaluationIndicators;
  return db.select().from(i).where(eq(i.evaluationId, evaluationId)).orderBy(asc(i.position));
}

export async function insertIndicators(tx: Queryable, rows: NewIndicatorRow[]): Promise<void> {
  if (rows.length > 0) {
    await tx.insert(externalEvaluationIndicators).values(rows);
  }
}

export async function deleteIndicators(tx: Queryable, evaluationId: string): Promise<void> {
  await tx
    .delete(externalEvaluationIndicators)
    .where(eq(externalEvaluationIndicators.evaluationId, evaluationId));
}

export async function updateIndicator(
  tx: Queryable,
  id: string,
  values: Partial<NewIndicatorRow>,
): Promise<void> {
  await tx
    .update(externalEvaluationIndicators)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(externalEvaluationIndicators.id, id));
}

export async function findProject(
  db: Queryable,
  id: string,
): Promise<typeof projects.$inferSelect | null> {
  return (await db.select().from(projects).where(eq(projects.id, id)))[0] ?? null;
}

/** Projects of a region-year whose self-evaluation was submitted (submitted or accepted) — §B.1. */
export async function selfEvaluatedProjects(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<{ projectId: string; status: string; total: string | null; grade: string | null }[]> {
  const s = selfEvaluations;
  const rows = await db
    .select({ projectId: s.projectId, status: s.status, total: s.total, grade: s.grade })
    .from(s)
    .where(
      and(
        eq(s.regionCode, regionCode),
        eq(s.fiscalYear, year),
        inArray(s.status, ['submitted', 'accepted']),
      ),
    );
  return rows.flatMap((r) => (r.projectId ? [{ ...r, projectId: r.projectId }] : []));
}

export async function projectsOf(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<(typeof projects.$inferSelect)[]> {
  return db
    .select()
    .from(projects)
    .where(and(eq(projects.regionCode, regionCode), eq(projects.fiscalYear, year)))
    .orderBy(asc(projects.departmentCode), asc(projects.code));
}

export async function departmentsOf(
  db: Queryable,
  regionCode: string,
): Promise<{ code: string; name: string }[]> {
  return db
    .select({ code: departments.code, name: departments.name })
    .from(departments)
    .where(and(eq(departments.regionCode, regionCode), eq(departments.kind, 'department')))
    .orderBy(asc(departments.code));
}

export async function departmentNames(
  db: Queryable,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (codes.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ code: departments.code, name: departments.name })
    .from(departments)
    .where(inArray(departments.code, [...codes]));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** 全年预算数 (Σ budget lines) and 实际支出 (Σ ledger) of a project, or of a department when projectId is null. */
export async function moneyOf(
  db: Queryable,
  departmentCode: string,
  year: number,
  projectId: string | null,
): Promise<{ budget: string; spent: string }> {
  const byProject = projectId ? sql`AND p.id = ${projectId}` : sql``;
  const rows = await queryRows<{ budget: string | null; spent: string | null }>(
    db,
    sql`SELECT
      (SELECT SUM(b.amount) FROM budget_lines b JOIN projects p ON p.id = b.project_id
        WHERE p.department_code = ${departmentCode} AND p.fiscal_year = ${year} ${byProject})::text AS budget,
      (SELECT SUM(l.amount) FROM ledger_entries l JOIN projects p
        ON p.code = l.project_code AND p.department_code = l.department_code AND p.fiscal_year = l.fiscal_year
        WHERE l.department_code = ${departmentCode} AND l.fiscal_year = ${year} ${byProject})::text AS spent`,
  );
  return { budget: rows[0]?.budget ?? '0', spent: rows[0]?.spent ?? '0' };
}

export async function findAgency(db: Queryable, id: string): Promise<AgencyRow | null> {
  return (await db.select().from(exanteAgencies).where(eq(exanteAgencies.id, id)))[0] ?? null;
}

export async function agencyOfUser(db: Queryable, userId: string): Promise<AgencyRow | null> {
  const rows = await db
    .select({ agency: exanteAgencies })
    .from(exanteAgencyMembers)
    .innerJoin(exanteAgencies, eq(exanteAgencies.id, exanteAgencyMembers.agencyId))
    .where(eq(exanteAgencyMembers.userId, userId));
  return rows[0]?.agency ?? null;
}

export async function findUser(
  db: Queryable,
  by: { id?: string; username?: string },
): Promise<{
  id: string;
  username: string;
  displayName: string;
  role: string;
  regionCode: string;
} | null> {
  const where = by.id ? eq(users.id, by.id) : eq(users.username, by.username ?? '');
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      regionCode: users.regionCode,
    })
    .from(users)
    .where(where);
  return rows[0] ?? null;
}

/** The finance reviewers of a region (in-house evaluators). */
export async function reviewersOf(
  db: Queryable,
  regionCode: string,
): Promise<{ id: string; username: string; displayName: string }[]> {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.regionCode, regionCode),
        eq(users.role, 'financeReviewer'),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(users.username));
}

export async function agenciesOf(db: Queryable, regionCode: string): Promise<AgencyRow[]> {
  return db
    .select()
    .from(exanteAgencies)
    .where(eq(exanteAgencies.regionCode, regionCode))
    .orderBy(asc(exanteAgencies.code));
}

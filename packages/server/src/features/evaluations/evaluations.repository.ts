// SQL for self-evaluations: budgets and execution per project, indicators per goal, stored evaluations.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/open-db.ts';
import * as s from '../../db/schema/index.ts';

export type ProjectRow = typeof s.projects.$inferSelect;
export type GoalRow = typeof s.goals.$inferSelect;
export type IndicatorRow = typeof s.indicators.$inferSelect;
export type SelfEvaluationRow = typeof s.selfEvaluations.$inferSelect;

export async function listProjects(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<ProjectRow[]> {
  return db
    .select()
    .from(s.projects)
    .where(and(eq(s.projects.departmentCode, departmentCode), eq(s.projects.fiscalYear, year)))
    .orderBy(asc(s.projects.code));
}

export interface ProjectMoneyRow {
  projectId: string;
  code: string;
  initialYuan: string;
  adjustedYuan: string;
  executedYuan: string;
}

/** Per project: Σ initial lines, Σ all lines (全年预算数), Σ ledger (执行数) — exact numeric sums as strings. */
export async function projectMoney(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<ProjectMoneyRow[]> {
  return queryRows<ProjectMoneyRow>(
    db,
    sql`select p.id as "projectId", p.code,
          coalesce((select sum(b.amount) from budget_lines b where b.project_id = p.id and b.kind = 'initial'), 0)::numeric(18,2)::text as "initialYuan",
          coalesce((select sum(b.amount) from budget_lines b where b.project_id = p.id), 0)::numeric(18,2)::text as "adjustedYuan",
          coalesce((select sum(l.amount) from ledger_entries l
                     where l.department_code = p.department_code and l.fiscal_year = p.fiscal_year and l.project_code = p.code), 0)::numeric(18,2)::text as "executedYuan"
        from projects p
        where p.department_code = ${departmentCode} and p.fiscal_year = ${year}
        order by p.code`,
  );
}

export async function listBudgetAdjustments(db: Queryable, departmentCode: string, year: number) {
  return db
    .select()
    .from(s.budgetLines)
    .where(
      and(
        eq(s.budgetLines.departmentCode, departmentCode),
        eq(s.budgetLines.fiscalYear, year),
        eq(s.budgetLines.kind, 'adjustment'),
      ),
    )
    .orderBy(asc(s.budgetLines.effectiveDate));
}

export async function listGoals(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<GoalRow[]> {
  return db
    .select()
    .from(s.goals)
    .where(and(eq(s.goals.departmentCode, departmentCode), eq(s.goals.fiscalYear, year)));
}

export async function findDepartmentGoal(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<GoalRow | null> {
  const rows = await db
    .select()
    .from(s.goals)
    .where(
      and(
        eq(s.goals.departmentCode, departmentCode),
        eq(s.goals.fiscalYear, year),
        isNull(s.goals.projectId),
      ),
    );
  return rows[0] ?? null;
}

export async function listIndicatorsOfDepartmentYear(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<IndicatorRow[]> {
  return db
    .select()
    .from(s.indicators)
    .where(and(eq(s.indicators.departmentCode, departmentCode), eq(s.indicators.fiscalYear, year)))
    .orderBy(asc(s.indicators.goalId), asc(s.indicators.sort));
}

export async function listSelfEvaluations(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<SelfEvaluationRow[]> {
  return db
    .select()
    .from(s.selfEvaluations)
    .where(
      and(
        eq(s.selfEvaluations.departmentCode, departmentCode),
        eq(s.selfEvaluations.fiscalYear, year),
      ),
    );
}

export async function deleteSelfEvaluations(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<void> {
  await db
    .delete(s.selfEvaluations)
    .where(
      and(
        eq(s.selfEvaluations.departmentCode, departmentCode),
        eq(s.selfEvaluations.fiscalYear, year),
      ),
    );
}

export async function insertSelfEvaluation(
  db: Queryable,
  row: typeof s.selfEvaluations.$inferInsert,
): Promise<SelfEvaluationRow> {
  const [r] = await db.insert(s.selfEvaluations).values(row).returning();
  return r!;
}

export async function setSelfEvaluationStatus(
  db: Queryable,
  departmentCode: string,
  year: number,
  patch: Partial<typeof s.selfEvaluations.$inferInsert>,
): Promise<void> {
  await db
    .update(s.selfEvaluations)
    .set({ ...patch, updatedAt: new Date() })
    .where(
      and(
        eq(s.selfEvaluations.departmentCode, departmentCode),
        eq(s.selfEvaluations.fiscalYear, year),
      ),
    );
}

export type EvaluationEventRow = typeof s.evaluationEvents.$inferSelect;

export async function insertEvaluationEvent(
  db: Queryable,
  row: typeof s.evaluationEvents.$inferInsert,
): Promise<void> {
  await db.insert(s.evaluationEvents).values(row);
}

/** The sign-off history of a department-year, oldest first. */
export async function listEvaluationEvents(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<EvaluationEventRow[]> {
  return db
    .select()
    .from(s.evaluationEvents)
    .where(
      and(
        eq(s.evaluationEvents.departmentCode, departmentCode),
        eq(s.evaluationEvents.fiscalYear, year),
      ),
    )
    .orderBy(asc(s.evaluationEvents.seq));
}

/** Whether the region's fiscal year has the head sign off the self-evaluation (default: yes). */
export async function headReviewRequired(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<boolean> {
  const [fy] = await db
    .select({ required: s.fiscalYears.evaluationHeadReviewRequired })
    .from(s.fiscalYears)
    .where(and(eq(s.fiscalYears.regionCode, regionCode), eq(s.fiscalYears.year, year)));
  return fy?.required ?? true;
}

/** headReviewRequired for the region of a department. */
export async function headReviewRequiredOf(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<boolean> {
  const [d] = await db
    .select({ region: s.departments.regionCode })
    .from(s.departments)
    .where(eq(s.departments.code, departmentCode));
  return d ? headReviewRequired(db, d.region, year) : true;
}

/** The statuses of a department-year's stored self-evaluations (empty while nothing was submitted). */
export async function evaluationStatuses(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ status: s.selfEvaluations.status })
    .from(s.selfEvaluations)
    .where(
      and(
        eq(s.selfEvaluations.departmentCode, departmentCode),
        eq(s.selfEvaluations.fiscalYear, year),
      ),
    );
  return new Set(rows.map((r) => r.status));
}

/** An account's display name (the history shows who did what), the username when unknown. */
export async function displayNameOf(db: Queryable, userId: string, fallback: string) {
  const [u] = await db
    .select({ name: s.users.displayName })
    .from(s.users)
    .where(eq(s.users.id, userId));
  return u?.name ?? fallback;
}

// SQL of the graded goal review: the grades of a goal set, and the latest grade of each project's goal set.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import { goalReviewGrades } from '../../db/schema/exante.ts';
import { goals } from '../../db/schema/goals.ts';
import { projects } from '../../db/schema/projects.ts';

export type GradeRow = typeof goalReviewGrades.$inferSelect;

export async function insertGrade(
  tx: Queryable,
  values: typeof goalReviewGrades.$inferInsert,
): Promise<GradeRow> {
  const [row] = await tx.insert(goalReviewGrades).values(values).returning();
  return row!;
}

export async function listGrades(db: Queryable, goalId: string): Promise<GradeRow[]> {
  return db
    .select()
    .from(goalReviewGrades)
    .where(eq(goalReviewGrades.goalId, goalId))
    .orderBy(asc(goalReviewGrades.createdAt), asc(goalReviewGrades.id));
}

export async function findGoalDept(
  db: Queryable,
  goalId: string,
): Promise<{ departmentCode: string; regionCode: string } | null> {
  const rows = await db
    .select({ departmentCode: goals.departmentCode, regionCode: goals.regionCode })
    .from(goals)
    .where(eq(goals.id, goalId));
  return rows[0] ?? null;
}

/** The latest grade of the goal set of each of these projects (department-year), by project code. */
export async function latestGradesOfProjects(
  db: Queryable,
  departmentCode: string,
  year: number,
  codes: readonly string[],
): Promise<Map<string, GradeRow['grade']>> {
  const out = new Map<string, GradeRow['grade']>();
  if (codes.length === 0) {
    return out;
  }
  const rows = await db
    .select({ code: projects.code, grade: goalReviewGrades.grade })
    .from(goalReviewGrades)
    .innerJoin(goals, eq(goals.id, goalReviewGrades.goalId))
    .innerJoin(projects, eq(projects.id, goals.projectId))
    .where(
      and(
        eq(projects.departmentCode, departmentCode),
        eq(projects.fiscalYear, year),
        inArray(projects.code, [...codes]),
      ),
    )
    .orderBy(desc(goalReviewGrades.createdAt), desc(goalReviewGrades.id));
  for (const r of rows) {
    if (!out.has(r.code)) {
      out.set(r.code, r.grade);
    }
  }
  return out;
}

/** The latest grade of every graded goal set of a region-year, with its department. */
export async function latestGradesOfRegion(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<{ departmentCode: string; goalId: string; grade: GradeRow['grade'] }[]> {
  const rows = await db
    .select({
      departmentCode: goalReviewGrades.departmentCode,
      goalId: goalReviewGrades.goalId,
      grade: goalReviewGrades.grade,
    })
    .from(goalReviewGrades)
    .where(and(eq(goalReviewGrades.regionCode, regionCode), eq(goalReviewGrades.fiscalYear, year)))
    .orderBy(desc(goalReviewGrades.createdAt), desc(goalReviewGrades.id));
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.goalId) && seen.add(r.goalId));
}

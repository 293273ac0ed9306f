// Goal SQL: goal sets of a department and year (with their project), one goal, status changes, workflow events.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import { goalEvents } from '../../db/schema/change-requests.ts';
import { goals } from '../../db/schema/goals.ts';
import { projects } from '../../db/schema/projects.ts';

export type GoalRow = typeof goals.$inferSelect;
export type GoalEventRow = typeof goalEvents.$inferSelect;

export interface GoalWithProject extends GoalRow {
  projectCode: string | null;
  projectName: string | null;
}

export async function listGoals(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<GoalWithProject[]> {
  const rows = await db
    .select({ g: goals, projectCode: projects.code, projectName: projects.name })
    .from(goals)
    .leftJoin(projects, eq(projects.id, goals.projectId))
    .where(and(eq(goals.departmentCode, departmentCode), eq(goals.fiscalYear, year)))
    .orderBy(asc(projects.code), asc(goals.createdAt));
  return rows
    .map((r) => ({ ...r.g, projectCode: r.projectCode, projectName: r.projectName }))
    .sort((a, b) =>
      a.projectId === null
        ? -1
        : b.projectId === null
          ? 1
          : (a.projectCode ?? '').localeCompare(b.projectCode ?? ''),
    );
}

export async function findGoal(db: Queryable, id: string): Promise<GoalWithProject | null> {
  const rows = await db
    .select({ g: goals, projectCode: projects.code, projectName: projects.name })
    .from(goals)
    .leftJoin(projects, eq(projects.id, goals.projectId))
    .where(eq(goals.id, id));
  const r = rows[0];
  return r ? { ...r.g, projectCode: r.projectCode, projectName: r.projectName } : null;
}

/** The goal row locked for the rest of the transaction (status changes are serialised). */
export async function lockGoal(tx: Queryable, id: string): Promise<GoalRow | null> {
  return (await tx.select().from(goals).where(eq(goals.id, id)).for('update'))[0] ?? null;
}

export async function findGoalFor(
  db: Queryable,
  departmentCode: string,
  year: number,
  projectId: string | null,
): Promise<GoalRow | null> {
  const rows = await db
    .select()
    .from(goals)
    .where(
      and(
        eq(goals.departmentCode, departmentCode),
        eq(goals.fiscalYear, year),
        projectId === null ? isNull(goals.projectId) : eq(goals.projectId, projectId),
      ),
    );
  return rows[0] ?? null;
}

export async function insertGoal(
  tx: Queryable,
  values: typeof goals.$inferInsert,
): Promise<GoalRow> {
  const [row] = await tx.insert(goals).values(values).returning();
  return row!;
}

export async function updateGoal(
  tx: Queryable,
  id: string,
  values: Partial<Pick<GoalRow, 'targetText' | 'actualText' | 'status' | 'lockedAt' | 'updatedAt'>>,
): Promise<GoalRow> {
  const [row] = await tx.update(goals).set(values).where(eq(goals.id, id)).returning();
  return row!;
}

export async function deleteGoal(tx: Queryable, id: string): Promise<void> {
  await tx.delete(goals).where(eq(goals.id, id));
}

export async function insertGoalEvent(
  tx: Queryable,
  values: typeof goalEvents.$inferInsert,
): Promise<void> {
  await tx.insert(goalEvents).values(values);
}

export async function listGoalEvents(db: Queryable, goalId: string): Promise<GoalEventRow[]> {
  return db
    .select()
    .from(goalEvents)
    .where(eq(goalEvents.goalId, goalId))
    .orderBy(asc(goalEvents.seq));
}

export async function findProject(db: Queryable, id: string) {
  return (await db.select().from(projects).where(eq(projects.id, id)))[0] ?? null;
}

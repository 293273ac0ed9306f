// Indicator SQL: the indicators of goals, one indicator (locked for update), inserts, updates, deletes, and
// whether the year's self-evaluation (which freezes actuals and deductions) was submitted.
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import { selfEvaluations } from '../../db/schema/evaluations.ts';
import { indicators } from '../../db/schema/goals.ts';

export type IndicatorRow = typeof indicators.$inferSelect;
export type NewIndicator = typeof indicators.$inferInsert;

export async function listIndicatorsOfGoals(
  db: Queryable,
  goalIds: string[],
): Promise<IndicatorRow[]> {
  if (goalIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(indicators)
    .where(inArray(indicators.goalId, goalIds))
    .orderBy(asc(indicators.sort), asc(indicators.createdAt));
}

export async function findIndicator(db: Queryable, id: string): Promise<IndicatorRow | null> {
  return (await db.select().from(indicators).where(eq(indicators.id, id)))[0] ?? null;
}

export async function lockIndicator(tx: Queryable, id: string): Promise<IndicatorRow | null> {
  return (await tx.select().from(indicators).where(eq(indicators.id, id)).for('update'))[0] ?? null;
}

export async function nextSort(db: Queryable, goalId: string): Promise<number> {
  const r = await db
    .select({ m: max(indicators.sort) })
    .from(indicators)
    .where(eq(indicators.goalId, goalId));
  const m = r[0]?.m;
  return m === null || m === undefined ? 0 : Number(m) + 1;
}

export async function insertIndicator(tx: Queryable, values: NewIndicator): Promise<IndicatorRow> {
  const [row] = await tx.insert(indicators).values(values).returning();
  return row!;
}

export async function updateIndicator(
  tx: Queryable,
  id: string,
  values: Partial<NewIndicator>,
): Promise<IndicatorRow> {
  const [row] = await tx.update(indicators).set(values).where(eq(indicators.id, id)).returning();
  return row!;
}

export async function deleteIndicator(tx: Queryable, id: string): Promise<void> {
  await tx.delete(indicators).where(eq(indicators.id, id));
}

/** Has the department submitted (or had accepted) its self-evaluation of the year? Then results are frozen. */
export async function evaluationSubmitted(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<boolean> {
  const rows = await db
    .select({ status: selfEvaluations.status })
    .from(selfEvaluations)
    .where(
      and(
        eq(selfEvaluations.departmentCode, departmentCode),
        eq(selfEvaluations.fiscalYear, year),
        inArray(selfEvaluations.status, ['submitted', 'accepted']),
      ),
    );
  return rows.length > 0;
}

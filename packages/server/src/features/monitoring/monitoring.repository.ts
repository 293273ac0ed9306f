// Monitoring SQL: the year's configuration, indicators with their goal's project, progress values up to a
// month, and monitoring rounds/items (the department's responses to warnings).
import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/open-db.ts';
import * as s from '../../db/schema/index.ts';

export type MonitoringRoundRow = typeof s.monitoringRounds.$inferSelect;
export type MonitoringItemRow = typeof s.monitoringItems.$inferSelect;

export async function findMonitoringConfig(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<unknown> {
  const rows = await db
    .select({ c: s.fiscalYears.monitoringConfig })
    .from(s.fiscalYears)
    .where(and(eq(s.fiscalYears.regionCode, regionCode), eq(s.fiscalYears.year, year)));
  return rows[0]?.c ?? null;
}

export interface MonitoredIndicatorRow {
  id: string;
  goalId: string;
  projectId: string | null;
  level1: string;
  level2: string;
  name: string;
  operator: string;
  target: string;
  unit: string;
  sort: number;
  metricKey: string | null;
}

export async function listIndicators(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<MonitoredIndicatorRow[]> {
  return db
    .select({
      id: s.indicators.id,
      goalId: s.indicators.goalId,
      projectId: s.goals.projectId,
      level1: s.indicators.level1,
      level2: s.indicators.level2,
      name: s.indicators.name,
      operator: s.indicators.operator,
      target: s.indicators.target,
      unit: s.indicators.unit,
      sort: s.indicators.sort,
      metricKey: s.indicators.metricKey,
    })
    .from(s.indicators)
    .innerJoin(s.goals, eq(s.goals.id, s.indicators.goalId))
    .where(
      and(
        eq(s.indicators.departmentCode, departmentCode),
        eq(s.indicators.fiscalYear, year),
        eq(s.indicators.applicable, true),
      ),
    )
    .orderBy(asc(s.indicators.goalId), asc(s.indicators.sort));
}

export interface ProgressRow {
  indicatorId: string;
  month: number;
  value: string;
  note: string | null;
}

/** The latest progress value of each indicator at or before `month`. */
export async function latestProgress(
  db: Queryable,
  departmentCode: string,
  year: number,
  month: number,
): Promise<ProgressRow[]> {
  const rows = await queryRows<ProgressRow>(
    db,
    sql`select distinct on (indicator_id) indicator_id as "indicatorId", month, value, note
        from indicator_progress
        where department_code = ${departmentCode} and fiscal_year = ${year} and month <= ${month}
        order by indicator_id, month desc, created_at desc`,
  );
  return rows.map((r) => ({ ...r, month: Number(r.month) }));
}

export async function findRound(
  db: Queryable,
  departmentCode: string,
  year: number,
  month: number,
): Promise<MonitoringRoundRow | null> {
  const rows = await db
    .select()
    .from(s.monitoringRounds)
    .where(
      and(
        eq(s.monitoringRounds.departmentCode, departmentCode),
        eq(s.monitoringRounds.fiscalYear, year),
        eq(s.monitoringRounds.cutoffMonth, month),
      ),
    );
  return rows[0] ?? null;
}

export async function lockRound(tx: Queryable, id: string): Promise<MonitoringRoundRow | null> {
  const rows = await tx
    .select()
    .from(s.monitoringRounds)
    .where(eq(s.monitoringRounds.id, id))
    .for('update');
  return rows[0] ?? null;
}

export async function insertRound(
  tx: Queryable,
  values: typeof s.monitoringRounds.$inferInsert,
): Promise<MonitoringRoundRow> {
  const [row] = await tx
    .insert(s.monitoringRounds)
    .values(values)
    .onConflictDoNothing()
    .returning();
  if (row) {
    return row;
  }
  const existing = await findRound(
    tx,
    values.departmentCode,
    values.fiscalYear,
    values.cutoffMonth,
  );
  if (!existing) {
    throw new Error('monitoring round vanished');
  }
  return existing;
}

export async function updateRound(
  tx: Queryable,
  id: string,
  values: Partial<typeof s.monitoringRounds.$inferInsert>,
): Promise<void> {
  await tx.update(s.monitoringRounds).set(values).where(eq(s.monitoringRounds.id, id));
}

export async function listItems(db: Queryable, roundId: string): Promise<MonitoringItemRow[]> {
  return db
    .select()
    .from(s.monitoringItems)
    .where(eq(s.monitoringItems.roundId, roundId))
    .orderBy(asc(s.monitoringItems.sort));
}

export async function upsertItem(
  tx: Queryable,
  values: typeof s.monitoringItems.$inferInsert,
): Promise<void> {
  await tx
    .insert(s.monitoringItems)
    .values(values)
    .onConflictDoUpdate({
      target: [s.monitoringItems.roundId, s.monitoringItems.subjectKey],
      set: {
        level: values.level,
        v: values.v,
        deviationReasons: values.deviationReasons,
        deviationNote: values.deviationNote,
        completionLikelihood: values.completionLikelihood,
        measures: values.measures,
        expectedAnnual: values.expectedAnnual,
        updatedBy: values.updatedBy,
        updatedAt: new Date(),
      },
    });
}

/** Rounds of a region's departments for a year and month (the bureau overview). */
export async function listRoundsOfRegion(
  db: Queryable,
  regionCode: string | '*',
  year: number,
  month: number,
): Promise<MonitoringRoundRow[]> {
  const where = and(
    eq(s.monitoringRounds.fiscalYear, year),
    eq(s.monitoringRounds.cutoffMonth, month),
    ...(regionCode === '*' ? [] : [eq(s.monitoringRounds.regionCode, regionCode)]),
  );
  return db.select().from(s.monitoringRounds).where(where);
}

export type ProjectRow = typeof s.projects.$inferSelect;

/** The department's projects of the year. */
export async function listProjects(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<ProjectRow[]> {
  return db
    .select()
    .from(s.projects)
    .where(and(eq(s.projects.departmentCode, departmentCode), eq(s.projects.fiscalYear, year)));
}

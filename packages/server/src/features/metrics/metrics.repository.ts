// Metric bindings: the indicators whose actual value comes from a live metric (indicators.metric_key).
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import * as s from '../../db/schema/index.ts';

export interface BoundIndicatorRow {
  id: string;
  name: string;
  departmentCode: string;
  regionCode: string;
  fiscalYear: number;
  unit: string;
  operator: string;
  target: string;
  actual: string | null;
  metricKey: string | null;
  metricParams: Record<string, unknown> | null;
  goalId: string;
  goalStatus: string;
  projectId: string | null;
  sort: number;
}

const columns = {
  id: s.indicators.id,
  name: s.indicators.name,
  departmentCode: s.indicators.departmentCode,
  regionCode: s.indicators.regionCode,
  fiscalYear: s.indicators.fiscalYear,
  unit: s.indicators.unit,
  operator: s.indicators.operator,
  target: s.indicators.target,
  actual: s.indicators.actual,
  metricKey: s.indicators.metricKey,
  metricParams: s.indicators.metricParams,
  goalId: s.indicators.goalId,
  goalStatus: s.goals.status,
  projectId: s.goals.projectId,
  sort: s.indicators.sort,
};

/** Metric-bound indicators of a department-year (department goal first, then by project and position). */
export async function listBoundIndicators(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<BoundIndicatorRow[]> {
  return db
    .select(columns)
    .from(s.indicators)
    .innerJoin(s.goals, eq(s.goals.id, s.indicators.goalId))
    .where(
      and(
        eq(s.indicators.departmentCode, departmentCode),
        eq(s.indicators.fiscalYear, year),
        isNotNull(s.indicators.metricKey),
      ),
    )
    .orderBy(
      sql`${s.goals.projectId} asc nulls first`,
      asc(s.indicators.sort),
      asc(s.indicators.id),
    );
}

export async function findIndicator(db: Queryable, id: string): Promise<BoundIndicatorRow | null> {
  const rows = await db
    .select(columns)
    .from(s.indicators)
    .innerJoin(s.goals, eq(s.goals.id, s.indicators.goalId))
    .where(eq(s.indicators.id, id));
  return rows[0] ?? null;
}

export async function setIndicatorMetric(
  db: Queryable,
  id: string,
  metricKey: string | null,
  metricParams: Record<string, unknown> | null,
  now: Date,
): Promise<void> {
  await db
    .update(s.indicators)
    .set({ metricKey, metricParams, updatedAt: now })
    .where(eq(s.indicators.id, id));
}

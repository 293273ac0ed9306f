// Live metric values for metric-bound indicators (investment pipeline, enterprise services).
// Delegates to metric.service.ts once the business module provides it.
import type { Queryable } from '../db/open-db.ts';

export interface MetricActual {
  metric: string;
  value: string;
  records: number;
  asOf: string;
}

export type MetricResolver = (db: Queryable, departmentCode: string, year: number, asOf?: string) => Promise<Map<string, MetricActual>>;

const resolvers: MetricResolver[] = [];

/** Business modules register their resolver here at import time. */
export function registerMetricResolver(r: MetricResolver): void {
  resolvers.push(r);
}

export async function resolveMetricActualsSafe(db: Queryable, departmentCode: string, year: number, asOf?: string): Promise<Map<string, MetricActual>> {
  const out = new Map<string, MetricActual>();
  for (const r of resolvers) {
    for (const [k, v] of await r(db, departmentCode, year, asOf)) {
      out.set(k, v);
    }
  }
  return out;
}

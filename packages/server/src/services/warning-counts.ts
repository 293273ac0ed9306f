// Monitoring warning counts per department-year, provided by the monitoring module once present.
import type { Queryable } from '../db/open-db.ts';

export type WarningCounter = (db: Queryable, departmentCode: string, year: number) => Promise<{ red: number; yellow: number }>;

let counter: WarningCounter | null = null;

export function installWarningCounter(c: WarningCounter): void {
  counter = c;
}

export async function countWarningsSafe(db: Queryable, departmentCode: string, year: number): Promise<{ red: number; yellow: number }> {
  return counter ? counter(db, departmentCode, year) : { red: 0, yellow: 0 };
}

// Approved target changes (change requests after locking), for the report and the self-evaluation table.
import type { Queryable } from '../db/open-db.ts';

export interface TargetChange {
  indicatorId: string;
  originalTarget: string;
  newTarget: string;
  reason: string;
  approvedAt: string;
}

export type TargetChangeLister = (db: Queryable, departmentCode: string, year: number) => Promise<TargetChange[]>;

let lister: TargetChangeLister | null = null;

export function installTargetChangeLister(l: TargetChangeLister): void {
  lister = l;
}

export async function listTargetChangesSafe(db: Queryable, departmentCode: string, year: number): Promise<TargetChange[]> {
  return lister ? lister(db, departmentCode, year) : [];
}

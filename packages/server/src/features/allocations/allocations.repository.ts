// Target decomposition SQL: the city's yearly targets kept by the bureau and each unit's share.
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import * as s from '../../db/schema/index.ts';

export type TargetRow = typeof s.investmentTargets.$inferSelect;
export type AllocationRow = typeof s.investmentAllocations.$inferSelect;

export async function listTargets(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<TargetRow[]> {
  return db
    .select()
    .from(s.investmentTargets)
    .where(
      and(
        eq(s.investmentTargets.departmentCode, departmentCode),
        eq(s.investmentTargets.fiscalYear, year),
      ),
    )
    .orderBy(asc(s.investmentTargets.kind));
}

export async function findTarget(
  db: Queryable,
  departmentCode: string,
  year: number,
  kind: string,
): Promise<TargetRow | null> {
  const rows = await db
    .select()
    .from(s.investmentTargets)
    .where(
      and(
        eq(s.investmentTargets.departmentCode, departmentCode),
        eq(s.investmentTargets.fiscalYear, year),
        eq(s.investmentTargets.kind, kind),
      ),
    );
  return rows[0] ?? null;
}

export async function listAllocations(db: Queryable, targetId: string): Promise<AllocationRow[]> {
  return db
    .select()
    .from(s.investmentAllocations)
    .where(eq(s.investmentAllocations.targetId, targetId))
    .orderBy(asc(s.investmentAllocations.unitCode));
}

export async function upsertTarget(
  db: Queryable,
  values: typeof s.investmentTargets.$inferInsert,
): Promise<TargetRow> {
  const [row] = await db
    .insert(s.investmentTargets)
    .values(values)
    .onConflictDoUpdate({
      target: [
        s.investmentTargets.departmentCode,
        s.investmentTargets.fiscalYear,
        s.investmentTargets.kind,
      ],
      set: {
        targetValue: values.targetValue,
        documentNo: values.documentNo ?? null,
        note: values.note ?? null,
        updatedBy: values.updatedBy ?? null,
        updatedAt: values.updatedAt ?? new Date(),
      },
    })
    .returning();
  return row!;
}

/** Replaces every share of a target (one statement each way, inside the caller's transaction). */
export async function replaceAllocations(
  db: Queryable,
  targetId: string,
  rows: (typeof s.investmentAllocations.$inferInsert)[],
): Promise<void> {
  await db.delete(s.investmentAllocations).where(eq(s.investmentAllocations.targetId, targetId));
  if (rows.length > 0) {
    await db.insert(s.investmentAllocations).values(rows);
  }
}

// Change-request SQL: requests of a department/year, of a batch, and the approved target changes for reports.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import { changeRequests, type ChangeStatus } from '../../db/schema/change-requests.ts';
import { indicators } from '../../db/schema/goals.ts';

export type ChangeRequestRow = typeof changeRequests.$inferSelect;
export type NewChangeRequest = typeof changeRequests.$inferInsert;

export async function insertChangeRequests(
  tx: Queryable,
  rows: NewChangeRequest[],
): Promise<ChangeRequestRow[]> {
  return tx.insert(changeRequests).values(rows).returning();
}

export async function findChangeRequest(
  db: Queryable,
  id: string,
): Promise<ChangeRequestRow | null> {
  return (await db.select().from(changeRequests).where(eq(changeRequests.id, id)))[0] ?? null;
}

export async function listBatch(db: Queryable, batchId: string): Promise<ChangeRequestRow[]> {
  return db
    .select()
    .from(changeRequests)
    .where(eq(changeRequests.batchId, batchId))
    .orderBy(asc(changeRequests.requestedAt), asc(changeRequests.id));
}

export async function listChangeRequests(
  db: Queryable,
  departmentCode: string,
  year: number,
  status?: ChangeStatus,
): Promise<(ChangeRequestRow & { indicatorName: string })[]> {
  const rows = await db
    .select({ cr: changeRequests, indicatorName: indicators.name })
    .from(changeRequests)
    .innerJoin(indicators, eq(indicators.id, changeRequests.indicatorId))
    .where(
      and(
        eq(changeRequests.departmentCode, departmentCode),
        eq(changeRequests.fiscalYear, year),
        ...(status ? [eq(changeRequests.status, status)] : []),
      ),
    )
    .orderBy(desc(changeRequests.requestedAt), asc(changeRequests.id));
  return rows.map((r) => ({ ...r.cr, indicatorName: r.indicatorName }));
}

export async function listForIndicators(
  db: Queryable,
  indicatorIds: string[],
): Promise<ChangeRequestRow[]> {
  if (indicatorIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(changeRequests)
    .where(inArray(changeRequests.indicatorId, indicatorIds))
    .orderBy(asc(changeRequests.requestedAt));
}

export async function pendingForIndicator(
  db: Queryable,
  indicatorId: string,
): Promise<ChangeRequestRow[]> {
  return db
    .select()
    .from(changeRequests)
    .where(
      and(
        eq(changeRequests.indicatorId, indicatorId),
        inArray(changeRequests.status, ['pending', 'deptApproved']),
      ),
    );
}

export async function setBatchStatus(
  tx: Queryable,
  batchId: string,
  values: Partial<
    Pick<
      ChangeRequestRow,
      | 'status'
      | 'deptDecidedBy'
      | 'deptDecidedAt'
      | 'deptComment'
      | 'decidedBy'
      | 'decidedAt'
      | 'decisionComment'
    >
  >,
): Promise<void> {
  await tx.update(changeRequests).set(values).where(eq(changeRequests.batchId, batchId));
}

/** An approved target change (a change request after locking), for the report and the 自评表. */
export interface TargetChange {
  indicatorId: string;
  originalTarget: string;
  newTarget: string;
  reason: string;
  approvedAt: string;
}

/**
 * Approved target changes of a department and year, one line per indicator: the target as locked (original of
 * the first approved change), the target now (new value of the last), the reasons, and when the last was approved.
 * Used by the report and the self-evaluation table.
 */
export async function listTargetChanges(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<TargetChange[]> {
  const rows = await db
    .select()
    .from(changeRequests)
    .where(
      and(
        eq(changeRequests.departmentCode, departmentCode),
        eq(changeRequests.fiscalYear, year),
        eq(changeRequests.field, 'target'),
        eq(changeRequests.status, 'approved'),
      ),
    )
    .orderBy(
      asc(changeRequests.decidedAt),
      asc(changeRequests.requestedAt),
      asc(changeRequests.id),
    );
  const byIndicator = new Map<string, TargetChange>();
  for (const r of rows) {
    const approvedAt = (r.decidedAt ?? r.requestedAt).toISOString();
    const prev = byIndicator.get(r.indicatorId);
    byIndicator.set(
      r.indicatorId,
      prev
        ? {
            ...prev,
            newTarget: r.newValue,
            reason: prev.reason === r.reason ? prev.reason : `${prev.reason}；${r.reason}`,
            approvedAt,
          }
        : {
            indicatorId: r.indicatorId,
            originalTarget: r.originalValue,
            newTarget: r.newValue,
            reason: r.reason,
            approvedAt,
          },
    );
  }
  return [...byIndicator.values()];
}

// Deciding a batch of change requests: the department head first, then (when the year requires it) the finance
// bureau; the final approval applies the new values to the indicators (the originals stay on the requests), a
// rejection needs a comment. Each decision is one transaction with its audit entries.
import { currentChangeValue } from '@jixiao/core/indicators/change-values';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { Operator } from '../../db/schema/goals.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import * as repo from './change-requests.repository.ts';
import * as goalRepo from '../goals/goals.repository.ts';
import * as indRepo from '../indicators/indicators.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import { yearRules } from '../goals/goals.service.ts';
import { indicatorSnapshot } from '../indicators/indicators.service.ts';
import { assertKeepsGoalValid, assertTargetsStillChangeable } from './change-request-checks.ts';
import {
  CHANGE_STATUS_TEXT,
  FIELD_TEXT,
  batchViews,
  type ChangeRequestView,
} from './change-requests.views.ts';

export async function loadFor(
  db: Queryable,
  actor: Actor,
  id: string,
  permission: Parameters<typeof assertPermission>[1],
): Promise<repo.ChangeRequestRow> {
  const r = await repo.findChangeRequest(db, id);
  if (!r) {
    throw notFound(`变更申请「${id}」`, `Change request ${id}`);
  }
  assertPermission(actor, permission, { code: r.departmentCode, regionCode: r.regionCode });
  return r;
}

/** Which step the batch is at and whether the actor may decide it (403 otherwise). */
function decisionStep(actor: Actor, r: repo.ChangeRequestRow): 'dept' | 'finance' {
  const dept = { code: r.departmentCode, regionCode: r.regionCode };
  if (r.status === 'pending') {
    assertPermission(actor, 'changeRequest.decide.dept', dept);
    return 'dept';
  }
  if (r.status === 'deptApproved') {
    assertPermission(actor, 'changeRequest.decide.finance', dept);
    return 'finance';
  }
  assertPermission(
    actor,
    actor.role === 'financeReviewer' ? 'changeRequest.decide.finance' : 'changeRequest.decide.dept',
    dept,
  );
  throw new ServiceError(
    'CHANGE_ALREADY_DECIDED',
    { statusText: CHANGE_STATUS_TEXT[r.status], status: r.status },
    { status: r.status },
  );
}

/** Every requested field must still hold the value it had when requested (CHANGE_STALE otherwise). */
function assertNotStale(inds: indRepo.IndicatorRow[], rows: repo.ChangeRequestRow[]): void {
  for (const r of rows) {
    const ind = inds.find((i) => i.id === r.indicatorId);
    if (!ind || currentChangeValue(ind, r.field) !== r.originalValue) {
      throw new ServiceError('CHANGE_STALE', {
        indicator: ind?.name ?? r.indicatorId,
        fieldText: FIELD_TEXT[r.field],
        field: r.field,
      });
    }
  }
}

/** Apply the approved batch to its indicators, one audit entry per indicator. */
async function applyBatch(
  tx: Queryable,
  actor: Actor,
  goal: goalRepo.GoalRow,
  rows: repo.ChangeRequestRow[],
  now: Date,
): Promise<void> {
  const inds = await indRepo.listIndicatorsOfGoals(tx, [goal.id]);
  assertNotStale(inds, rows);
  await assertKeepsGoalValid(tx, goal, inds, rows);
  for (const ind of inds.filter((i) => rows.some((r) => r.indicatorId === i.id))) {
    const mine = rows.filter((r) => r.indicatorId === ind.id);
    const patch: Partial<indRepo.NewIndicator> = { updatedAt: now };
    for (const r of mine) {
      if (r.field === 'operator') {
        patch.operator = r.newValue as Operator;
      } else {
        patch[r.field] = r.newValue;
      }
    }
    const next = await indRepo.updateIndicator(tx, ind.id, patch);
    await recordAudit(tx, actor, {
      action: 'indicator.change.apply',
      entity: 'indicators',
      entityId: ind.id,
      departmentCode: ind.departmentCode,
      before: indicatorSnapshot(ind),
      after: { ...indicatorSnapshot(next), changeRequests: mine.map((r) => r.id) },
    });
  }
}

/** Who decided at the department step (the head), recorded beside the final decision. */
const deptDecision = (step: 'dept' | 'finance', actor: Actor, now: Date, comment: string | null) =>
  step === 'dept'
    ? { deptDecidedBy: actor.username, deptDecidedAt: now, deptComment: comment }
    : {};

async function decideApproval(
  tx: Queryable,
  actor: Actor,
  pre: repo.ChangeRequestRow,
  comment: string | null,
  now: Date,
): Promise<void> {
  const goal = (await goalRepo.lockGoal(tx, pre.goalId))!;
  await assertTargetsStillChangeable(tx, goal, now);
  const rows = await repo.listBatch(tx, pre.batchId);
  const step = decisionStep(actor, rows[0]!);
  const rules = await yearRules(tx, goal.regionCode, goal.fiscalYear);
  const final = step === 'finance' || !rules.financeApprovalRequired;
  if (final) {
    await applyBatch(tx, actor, goal, rows, now);
    await repo.setBatchStatus(tx, pre.batchId, {
      status: 'approved',
      decidedBy: actor.username,
      decidedAt: now,
      decisionComment: comment,
      ...deptDecision(step, actor, now, comment),
    });
  } else {
    await repo.setBatchStatus(tx, pre.batchId, {
      status: 'deptApproved',
      ...deptDecision(step, actor, now, comment),
    });
  }
  for (const r of rows) {
    await recordAudit(tx, actor, {
      action: 'changeRequest.approve',
      entity: 'change_requests',
      entityId: r.id,
      departmentCode: r.departmentCode,
      before: { status: r.status },
      after: { status: final ? 'approved' : 'deptApproved', comment, step },
    });
  }
}

export async function approveChangeRequest(
  db: Db,
  actor: Actor,
  id: string,
  comment: string | null,
  now: Date,
): Promise<ChangeRequestView[]> {
  const pre = await loadFor(db, actor, id, 'goal.read');
  const batch = await db.transaction(async (tx) => {
    await decideApproval(tx, actor, pre, comment, now);
    return repo.listBatch(tx, pre.batchId);
  });
  return batchViews(db, batch);
}

export async function rejectChangeRequest(
  db: Db,
  actor: Actor,
  id: string,
  comment: string,
  now: Date,
): Promise<ChangeRequestView[]> {
  const pre = await loadFor(db, actor, id, 'goal.read');
  if (comment.trim() === '') {
    throw new ServiceError('REJECTION_COMMENT_MISSING');
  }
  const batch = await db.transaction(async (tx) => {
    await goalRepo.lockGoal(tx, pre.goalId);
    const rows = await repo.listBatch(tx, pre.batchId);
    const step = decisionStep(actor, rows[0]!);
    await repo.setBatchStatus(tx, pre.batchId, {
      status: 'rejected',
      decidedBy: actor.username,
      decidedAt: now,
      decisionComment: comment.trim(),
      ...deptDecision(step, actor, now, comment.trim()),
    });
    for (const r of rows) {
      await recordAudit(tx, actor, {
        action: 'changeRequest.reject',
        entity: 'change_requests',
        entityId: r.id,
        departmentCode: r.departmentCode,
        before: { status: r.status },
        after: { status: 'rejected', comment: comment.trim(), step },
      });
    }
    return repo.listBatch(tx, pre.batchId);
  });
  return batchViews(db, batch);
}

// The goal set's workflow: submit (checks of core/indicators), approve by the department head then (when the
// year requires it) the finance bureau, lock on the final approval, return for revision. The transitions are
// core's (goals/lifecycle.ts); each step is one transaction with its goal event and audit entry.
import { GOAL_STATUS_TEXT, goalApproval, goalReviewStep } from '@jixiao/core/goals/index';
import { hasErrors, type GoalSetIssue } from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { GoalStatus } from '../../db/schema/goals.ts';
import type { GoalEventAction } from '../../db/schema/change-requests.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import * as repo from './goals.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import type { Permission } from '../../auth/policies.ts';
import { ServiceError } from '../../http/service-error.ts';
import { assertEditable, loadGoalFor, lockEditableGoal } from './goals.access.ts';
import { checkIssues } from './goal-check.ts';
import { assertYearOpen, yearRules } from './goal-year.ts';
import { goalViewById, type GoalView } from './goals.views.ts';

export async function addEvent(
  tx: Queryable,
  actor: Actor,
  g: repo.GoalRow,
  action: GoalEventAction,
  from: GoalStatus | null,
  to: GoalStatus,
  comment: string | null,
  now: Date,
): Promise<void> {
  await repo.insertGoalEvent(tx, {
    regionCode: g.regionCode,
    fiscalYear: g.fiscalYear,
    departmentCode: g.departmentCode,
    goalId: g.id,
    action,
    fromStatus: from,
    toStatus: to,
    actorId: actor.userId,
    actorName: actor.displayName || actor.username,
    actorRole: actor.role,
    comment,
    at: now,
  });
}

export type SubmitOutcome =
  { ok: true; goal: GoalView; issues: GoalSetIssue[] } | { ok: false; issues: GoalSetIssue[] };

interface SubmitInput {
  noSatisfactionReason: string | null;
  comment: string | null;
}

/** The submission's event comment: the clerk's comment and the reason for having no satisfaction indicator. */
function submissionComment(input: SubmitInput): { comment: string | null; reason: string | null } {
  const reason = input.noSatisfactionReason?.trim() || null;
  const comment =
    [input.comment?.trim(), reason ? `未设满意度指标的理由：${reason}` : null]
      .filter(Boolean)
      .join('；') || null;
  return { comment, reason };
}

/** Submit for approval: refused (ok=false, the route answers 422) when any check is an error. */
export async function submitGoal(
  db: Db,
  actor: Actor,
  id: string,
  input: SubmitInput,
  now: Date,
): Promise<SubmitOutcome> {
  const pre = await loadGoalFor(db, actor, id, 'goal.edit');
  assertEditable(pre);
  assertYearOpen(pre.fiscalYear, now, { zh: '送审该年度的绩效目标', en: 'submitted' });
  const outcome = await db.transaction(
    async (tx): Promise<{ ok: boolean; issues: GoalSetIssue[] }> => {
      const g = await lockEditableGoal(tx, actor, id);
      const issues = await checkIssues(tx, g, input.noSatisfactionReason);
      if (hasErrors(issues)) {
        return { ok: false, issues };
      }
      await repo.updateGoal(tx, id, { status: 'submitted', updatedAt: now });
      const { comment, reason } = submissionComment(input);
      await addEvent(tx, actor, g, 'submit', g.status, 'submitted', comment, now);
      await recordAudit(tx, actor, {
        action: 'goal.submit',
        entity: 'goals',
        entityId: id,
        departmentCode: g.departmentCode,
        before: { status: g.status },
        after: {
          status: 'submitted',
          warnings: issues.map((i) => i.code),
          noSatisfactionReason: reason,
        },
      });
      return { ok: true, issues };
    },
  );
  if (!outcome.ok) {
    return { ok: false, issues: outcome.issues };
  }
  return { ok: true, issues: outcome.issues, goal: await goalViewById(db, id) };
}

const STEP_PERMISSION: Record<'dept' | 'finance', Permission> = {
  dept: 'goal.approve.dept',
  finance: 'goal.approve.finance',
};

/**
 * Lock the goal row for a review step (approve or return): the actor must hold the permission of the step the
 * status awaits; at any other status, a reviewer in scope hears `refusal` (others 403).
 */
async function lockForReview(
  tx: Queryable,
  actor: Actor,
  id: string,
  refusal: 'GOAL_NOT_APPROVABLE' | 'GOAL_NOT_RETURNABLE',
): Promise<repo.GoalRow> {
  const g = (await repo.lockGoal(tx, id))!;
  const dept = { code: g.departmentCode, regionCode: g.regionCode };
  const step = goalReviewStep(g.status);
  if (step === null) {
    assertPermission(
      actor,
      STEP_PERMISSION[actor.role === 'financeReviewer' ? 'finance' : 'dept'],
      dept,
    );
    throw new ServiceError(
      refusal,
      { statusText: GOAL_STATUS_TEXT[g.status], status: g.status },
      { status: g.status },
    );
  }
  assertPermission(actor, STEP_PERMISSION[step], dept);
  return g;
}

async function lockApproved(
  tx: Queryable,
  actor: Actor,
  g: repo.GoalRow,
  now: Date,
): Promise<void> {
  await repo.updateGoal(tx, g.id, { status: 'locked', lockedAt: now, updatedAt: now });
  await addEvent(tx, actor, g, 'lock', 'approved', 'locked', null, now);
  await recordAudit(tx, actor, {
    action: 'goal.lock',
    entity: 'goals',
    entityId: g.id,
    departmentCode: g.departmentCode,
    before: { status: 'approved' },
    after: { status: 'locked', lockedAt: now.toISOString() },
  });
}

/** Approve: department head at 'submitted', finance reviewer at 'deptApproved'; the final approval locks. */
export async function approveGoal(
  db: Db,
  actor: Actor,
  id: string,
  comment: string | null,
  now: Date,
): Promise<GoalView> {
  const pre = await loadGoalFor(db, actor, id, 'goal.read');
  await db.transaction(async (tx) => {
    const g = await lockForReview(tx, actor, id, 'GOAL_NOT_APPROVABLE');
    const rules = await yearRules(tx, g.regionCode, g.fiscalYear);
    const approval = goalApproval(g.status, rules.financeApprovalRequired)!;
    assertYearOpen(g.fiscalYear, now, {
      zh: '审核、锁定该年度的绩效目标',
      en: 'approved or locked',
    });
    await addEvent(tx, actor, g, 'approve', g.status, approval.approved, comment, now);
    await recordAudit(tx, actor, {
      action: 'goal.approve',
      entity: 'goals',
      entityId: id,
      departmentCode: g.departmentCode,
      before: { status: g.status },
      after: { status: approval.approved, comment },
    });
    if (approval.next === 'locked') {
      await lockApproved(tx, actor, g, now);
    } else {
      await repo.updateGoal(tx, id, { status: approval.next, updatedAt: now });
    }
  });
  return goalViewById(db, pre.id);
}

/** Return for revision (comment required): department head at 'submitted', finance reviewer at 'deptApproved'. */
export async function returnGoal(
  db: Db,
  actor: Actor,
  id: string,
  comment: string,
  now: Date,
): Promise<GoalView> {
  await loadGoalFor(db, actor, id, 'goal.read');
  await db.transaction(async (tx) => {
    const g = await lockForReview(tx, actor, id, 'GOAL_NOT_RETURNABLE');
    await repo.updateGoal(tx, id, { status: 'returned', updatedAt: now });
    await addEvent(tx, actor, g, 'return', g.status, 'returned', comment, now);
    await recordAudit(tx, actor, {
      action: 'goal.return',
      entity: 'goals',
      entityId: id,
      departmentCode: g.departmentCode,
      before: { status: g.status },
      after: { status: 'returned', comment },
    });
  });
  return goalViewById(db, id);
}

// The department head's sign-off of the self-evaluation (部门负责人审核), between the clerk's submission and the
// finance bureau: the clerk submits to the head (every goal set locked, every subject scoring; actuals then wait),
// the head may deduct points with a reason, then sends it to the bureau (frozen as the bureau will see it) or
// returns it to the clerk with comments. Whether a year needs the step: fiscal_years.evaluation_head_review_required.
import type { Db, Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRole } from '../../auth/access.ts';
import { recordAudit, type AuditActor } from '../../audit/audit-log.ts';
import { ServiceError } from '../../http/service-error.ts';
import { getDepartment } from '../departments/departments.service.ts';
import * as repo from './evaluations.repository.ts';
import type { DepartmentEvaluation } from './evaluation-inputs.ts';
import { evaluate } from './evaluation-view.ts';
import { recordEvaluationEvent, type EvaluationScope } from './evaluation-events.ts';
import {
  assertGoalsLocked,
  currentStatus,
  freezeSelfEvaluation,
  storeScored,
} from './evaluation-freeze.service.ts';

/** The clerk's submission to the head inside the caller's transaction (the route; the demo's 2024). */
export async function submitToHeadInTx(
  tx: Queryable,
  actor: AuditActor,
  scope: EvaluationScope,
  now: Date,
): Promise<void> {
  const { regionCode, departmentCode, year } = scope;
  const from = await currentStatus(tx, departmentCode, year);
  if (from === 'headReview' || from === 'submitted' || from === 'accepted') {
    throw new ServiceError('EVALUATION_ALREADY_SUBMITTED');
  }
  await assertGoalsLocked(tx, departmentCode, year);
  const scored = await storeScored(
    tx,
    actor,
    { regionCode, departmentCode, year, now },
    {
      status: 'headReview',
    },
  );
  await recordAudit(tx, actor, {
    action: 'selfEvaluation.submitToHead',
    entity: 'self_evaluations',
    entityId: `${departmentCode}/${year}`,
    departmentCode,
    before: { status: from },
    after: { status: 'headReview', subjects: scored.length },
  });
  await recordEvaluationEvent(tx, actor, scope, {
    action: 'submitToHead',
    from,
    to: 'headReview',
    at: now,
  });
}

async function assertAtHead(tx: Queryable, departmentCode: string, year: number) {
  const rows = await repo.listSelfEvaluations(tx, departmentCode, year);
  if (rows.length === 0 || rows.some((r) => r.status !== 'headReview')) {
    throw new ServiceError('EVALUATION_NOT_AT_HEAD');
  }
  return rows[0]!;
}

/** The head signs off inside the caller's transaction: frozen with the head's deductions, on to the bureau. */
export async function headApproveInTx(
  tx: Queryable,
  actor: AuditActor,
  scope: EvaluationScope,
  comment: string | null,
  now: Date,
): Promise<void> {
  const { regionCode, departmentCode, year } = scope;
  const first = await assertAtHead(tx, departmentCode, year);
  await freezeSelfEvaluation(tx, actor, regionCode, departmentCode, year, now, {
    submittedBy: first.submittedBy,
    submittedAt: first.submittedAt,
    comment,
  });
  await recordAudit(tx, actor, {
    action: 'selfEvaluation.headApprove',
    entity: 'self_evaluations',
    entityId: `${departmentCode}/${year}`,
    departmentCode,
    before: { status: 'headReview' },
    after: { status: 'submitted', comment },
  });
  await recordEvaluationEvent(tx, actor, scope, {
    action: 'headApprove',
    from: 'headReview',
    to: 'submitted',
    comment,
    at: now,
  });
}

/** 部门负责人审核通过: the self-evaluation goes to the finance bureau. */
export async function headApproveEvaluation(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  comment: string | null,
  now: Date,
): Promise<DepartmentEvaluation> {
  requireRole(actor, 'deptHead');
  const dept = await getDepartment(db, actor, departmentCode);
  const scope = { regionCode: dept.regionCode, departmentCode, year };
  const text = comment?.trim() ? comment.trim() : null;
  await db.transaction(async (tx) => headApproveInTx(tx, actor, scope, text, now));
  return evaluate(db, dept.code, dept.name, year);
}

/** 部门负责人退回: back to the clerk with the head's comments (actuals editable again). */
export async function headReturnEvaluation(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  comment: string,
  now: Date,
): Promise<DepartmentEvaluation> {
  requireRole(actor, 'deptHead');
  const dept = await getDepartment(db, actor, departmentCode);
  const scope = { regionCode: dept.regionCode, departmentCode, year };
  await db.transaction(async (tx) => {
    await assertAtHead(tx, departmentCode, year);
    await repo.setSelfEvaluationStatus(tx, departmentCode, year, {
      status: 'returned',
      reviewComment: comment,
      reviewFindings: [],
      headReviewedBy: actor.userId,
      headReviewedAt: now,
      headComment: comment,
    });
    await recordAudit(tx, actor, {
      action: 'selfEvaluation.headReturn',
      entity: 'self_evaluations',
      entityId: `${departmentCode}/${year}`,
      departmentCode,
      before: { status: 'headReview' },
      after: { status: 'returned', comment },
    });
    await recordEvaluationEvent(tx, actor, scope, {
      action: 'headReturn',
      from: 'headReview',
      to: 'returned',
      comment,
      at: now,
    });
  });
  return evaluate(db, dept.code, dept.name, year);
}

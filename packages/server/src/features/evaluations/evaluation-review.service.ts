// Submitting the self-evaluation (frozen inputs, outputs and rule preset, once every goal set is locked and every
// subject scores) and the finance bureau's review: return with comments (退回) or accept (审核通过). When the region's
// fiscal year has the department head sign off (the default), the clerk's submission goes to the head first
// (evaluation-signoff.service.ts) and is frozen when the head sends it on. Each step is one transaction with its
// audit entries and its line in the sign-off history (evaluation-events.ts).
import type { Db, Queryable } from '../../db/open-db.ts';
import * as repo from './evaluations.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertCanEdit, requireRole } from '../../auth/access.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError } from '../../http/service-error.ts';
import { auditInTx, recordAudit, type AuditActor } from '../../audit/audit-log.ts';
import { type DepartmentEvaluation, type ReviewFindingNote } from './evaluation-inputs.ts';
import { evaluate } from './evaluation-view.ts';
import { recordEvaluationEvent, type EvaluationScope } from './evaluation-events.ts';
import { submitToHeadInTx } from './evaluation-signoff.service.ts';
import {
  assertGoalsLocked,
  currentStatus,
  freezeSelfEvaluation,
  scoreAll,
} from './evaluation-freeze.service.ts';

export { assertGoalsLocked, currentStatus, freezeSelfEvaluation, scoreAll };

/**
 * The clerk submits the self-evaluation: to the department head when the year requires the head's sign-off (the
 * default), else straight to the finance bureau (frozen now). One transaction.
 */
export async function submitEvaluation(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  now: Date,
): Promise<DepartmentEvaluation> {
  const dept = await getDepartment(db, actor, departmentCode);
  assertCanEdit(actor, dept);
  const scope = { regionCode: dept.regionCode, departmentCode, year };
  await db.transaction(async (tx) => {
    if (await repo.headReviewRequired(tx, dept.regionCode, year)) {
      await submitToHeadInTx(tx, actor, scope, now);
      return;
    }
    const from = await currentStatus(tx, departmentCode, year);
    await freezeSelfEvaluation(tx, actor, dept.regionCode, departmentCode, year, now);
    await recordEvaluationEvent(tx, actor, scope, {
      action: 'submit',
      from,
      to: 'submitted',
      at: now,
    });
  });
  return evaluate(db, dept.code, dept.name, year);
}

/** The finance bureau returns a submitted self-evaluation for revision, with comments (退回). */
export async function returnEvaluation(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  comment: string,
  findings: ReviewFindingNote[] = [],
): Promise<DepartmentEvaluation> {
  requireRole(actor, 'financeReviewer');
  const dept = await getDepartment(db, actor, departmentCode);
  await db.transaction(async (tx) => {
    const existing = await repo.listSelfEvaluations(tx, departmentCode, year);
    if (!existing.some((e) => e.status === 'submitted')) {
      throw new ServiceError('EVALUATION_NOTHING_TO_RETURN');
    }
    await repo.setSelfEvaluationStatus(tx, departmentCode, year, {
      status: 'returned',
      reviewComment: comment,
      reviewFindings: findings,
      reviewedBy: actor.userId,
      reviewedAt: new Date(),
    });
    await auditInTx(tx, actor, {
      action: 'selfEvaluation.return',
      entity: 'self_evaluations',
      entityId: `${departmentCode}/${year}`,
      departmentCode,
      before: { status: 'submitted' },
      after: { status: 'returned', comment, findings: findings.map((f) => f.code) },
    });
    const scope = { regionCode: dept.regionCode, departmentCode, year };
    await recordEvaluationEvent(tx, actor, scope, {
      action: 'return',
      from: 'submitted',
      to: 'returned',
      comment,
      at: new Date(),
    });
  });
  return evaluate(db, dept.code, dept.name, year);
}

/** The finance bureau accepts a submitted self-evaluation (审核通过). */
export async function acceptEvaluation(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
): Promise<DepartmentEvaluation> {
  requireRole(actor, 'financeReviewer');
  const dept = await getDepartment(db, actor, departmentCode);
  const scope = { regionCode: dept.regionCode, departmentCode, year };
  await db.transaction(async (tx) => acceptInTx(tx, actor, scope, new Date()));
  return evaluate(db, dept.code, dept.name, year);
}

/** Acceptance inside the caller's transaction (the route above; the demo's 2024). */
export async function acceptInTx(
  tx: Queryable,
  actor: AuditActor,
  scope: EvaluationScope,
  now: Date,
): Promise<void> {
  const { departmentCode, year } = scope;
  const existing = await repo.listSelfEvaluations(tx, departmentCode, year);
  if (!existing.some((e) => e.status === 'submitted')) {
    throw new ServiceError('EVALUATION_NOTHING_TO_ACCEPT');
  }
  await repo.setSelfEvaluationStatus(tx, departmentCode, year, {
    status: 'accepted',
    reviewedBy: actor.userId,
    reviewedAt: now,
  });
  await recordAudit(tx, actor, {
    action: 'selfEvaluation.accept',
    entity: 'self_evaluations',
    entityId: `${departmentCode}/${year}`,
    departmentCode,
    before: { status: 'submitted' },
    after: { status: 'accepted' },
  });
  await recordEvaluationEvent(tx, actor, scope, {
    action: 'accept',
    from: 'submitted',
    to: 'accepted',
    at: now,
  });
}

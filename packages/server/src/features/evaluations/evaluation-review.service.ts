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
import {
  buildEvaluationInputs,
  score,
  type DepartmentEvaluation,
  type ReviewFindingNote,
} from './evaluation-inputs.ts';
import { evaluate } from './evaluation-view.ts';
import { recordEvaluationEvent, type EvaluationScope } from './evaluation-events.ts';
import { submitToHeadInTx } from './evaluation-signoff.service.ts';

/**
 * A self-evaluation scores against approved targets (domain-rules §4: targets are set and locked before the year);
 * a goal set still being edited would let targets follow the actuals (TARGETS_AFTER_FACT).
 */
export async function assertGoalsLocked(
  tx: Queryable,
  departmentCode: string,
  year: number,
): Promise<void> {
  const unlocked = (await repo.listGoals(tx, departmentCode, year)).filter(
    (g) => g.status !== 'locked',
  );
  if (unlocked.length > 0) {
    const projects = await repo.listProjects(tx, departmentCode, year);
    const nameOf = (projectId: string | null): string =>
      projectId === null
        ? '部门整体'
        : (projects.find((p) => p.id === projectId)?.name ?? projectId);
    throw new ServiceError(
      'EVALUATION_GOALS_NOT_LOCKED',
      {
        goals: unlocked.map((g) => `「${nameOf(g.projectId)}」`).join('、'),
        goalsEn: unlocked.map((g) => nameOf(g.projectId)).join(', '),
      },
      { goals: unlocked.map((g) => ({ id: g.id, projectId: g.projectId, status: g.status })) },
    );
  }
}

/** Every subject scored from the current data; EVALUATION_INCOMPLETE when any cannot be scored. */
export async function scoreAll(tx: Queryable, departmentCode: string, year: number) {
  const built = await buildEvaluationInputs(tx, departmentCode, year);
  const all = [
    {
      projectId: null as string | null,
      name: built.department.name,
      input: built.department.input,
    },
    ...built.projects.map((p) => ({
      projectId: p.projectId as string | null,
      name: p.name,
      input: p.input,
    })),
  ];
  const invalid: { subject: string; errors: unknown }[] = [];
  const scored = all.map((x) => {
    const output = score(x.input);
    if (!('total' in output)) {
      invalid.push({ subject: x.name, errors: output.errors });
    }
    return { ...x, output };
  });
  if (invalid.length > 0) {
    throw new ServiceError('EVALUATION_INCOMPLETE', {}, { subjects: invalid });
  }
  return { built, scored };
}

/** The head's sign-off that freezes a self-evaluation the clerk submitted to the head (who and when it came). */
export interface FreezeSignOff {
  submittedBy: string | null;
  submittedAt: Date | null;
  comment: string | null;
}

/**
 * Freezes the self-evaluation of a department year inside the caller's transaction: every goal set locked, every
 * subject scored, inputs (metric values included) and outputs stored as submitted, each with its audit entry.
 * The submission route and the demo's loader (its 2024 year) both go through here.
 */
export async function freezeSelfEvaluation(
  tx: Queryable,
  actor: AuditActor,
  regionCode: string,
  departmentCode: string,
  year: number,
  now: Date,
  signOff: FreezeSignOff | null = null,
): Promise<void> {
  const existing = await repo.listSelfEvaluations(tx, departmentCode, year);
  if (existing.some((e) => e.status === 'submitted' || e.status === 'accepted')) {
    throw new ServiceError('EVALUATION_ALREADY_SUBMITTED');
  }
  await assertGoalsLocked(tx, departmentCode, year);
  const { built, scored } = await scoreAll(tx, departmentCode, year);
  await repo.deleteSelfEvaluations(tx, departmentCode, year);
  for (const x of scored) {
    const out = x.output as { total: string; grade: string };
    const row = await repo.insertSelfEvaluation(tx, {
      regionCode,
      fiscalYear: year,
      departmentCode,
      projectId: x.projectId,
      status: 'submitted',
      preset: built.preset,
      rules: { preset: built.preset },
      input: x.input as unknown as Record<string, unknown>,
      output: x.output as unknown as Record<string, unknown>,
      total: out.total,
      grade: out.grade,
      scoredAt: now,
      scoredBy: actor.userId,
      submittedAt: signOff?.submittedAt ?? now,
      submittedBy: signOff?.submittedBy ?? actor.userId,
      headReviewedBy: signOff ? actor.userId : null,
      headReviewedAt: signOff ? now : null,
      headComment: signOff?.comment ?? null,
    });
    await recordAudit(tx, actor, {
      action: 'selfEvaluation.submit',
      entity: 'self_evaluations',
      entityId: row.id,
      departmentCode,
      before: null,
      after: { total: out.total, grade: out.grade, preset: built.preset },
    });
  }
}

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

/** The department-year's status as one word: the stored rows' status, 'live' before any submission. */
export async function currentStatus(tx: Queryable, departmentCode: string, year: number) {
  const statuses = await repo.evaluationStatuses(tx, departmentCode, year);
  return [...statuses][0] ?? 'live';
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

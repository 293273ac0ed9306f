// The steps the sign-off and the bureau's review share: the goals-locked check, scoring every subject, freezing the
// self-evaluation (its inputs, outputs and rule preset) and reading its status. Both evaluation-review.service.ts
// and evaluation-signoff.service.ts call these; neither imports the other's steps.
import type { Queryable } from '../../db/open-db.ts';
import * as repo from './evaluations.repository.ts';
import { ServiceError } from '../../http/service-error.ts';
import { recordAudit, type AuditActor } from '../../audit/audit-log.ts';
import { buildEvaluationInputs, score } from './evaluation-inputs.ts';

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
  const stored = await storeScored(
    tx,
    actor,
    { regionCode, departmentCode, year, now },
    {
      status: 'submitted',
      submittedAt: signOff?.submittedAt ?? now,
      submittedBy: signOff?.submittedBy ?? actor.userId,
      headReviewedBy: signOff ? actor.userId : null,
      headReviewedAt: signOff ? now : null,
      headComment: signOff?.comment ?? null,
    },
  );
  for (const { row, out, preset } of stored) {
    await recordAudit(tx, actor, {
      action: 'selfEvaluation.submit',
      entity: 'self_evaluations',
      entityId: row.id,
      departmentCode,
      before: null,
      after: { total: out.total, grade: out.grade, preset },
    });
  }
}

/** The department-year's status as one word: the stored rows' status, 'live' before any submission. */
export async function currentStatus(tx: Queryable, departmentCode: string, year: number) {
  const statuses = await repo.evaluationStatuses(tx, departmentCode, year);
  return [...statuses][0] ?? 'live';
}

type SelfEvaluationRow = Parameters<typeof repo.insertSelfEvaluation>[1];

/**
 * Every subject scored and its row stored anew (inputs, outputs and rule preset frozen) with the given status and
 * sign-off fields: the head's step and the submission to the bureau store the same rows.
 */
export async function storeScored(
  tx: Queryable,
  actor: AuditActor,
  at: { regionCode: string; departmentCode: string; year: number; now: Date },
  fields: Pick<SelfEvaluationRow, 'status'> & Partial<SelfEvaluationRow>,
) {
  const { regionCode, departmentCode, year, now } = at;
  const { built, scored } = await scoreAll(tx, departmentCode, year);
  await repo.deleteSelfEvaluations(tx, departmentCode, year);
  const stored = [];
  for (const x of scored) {
    const out = x.output as { total: string; grade: string };
    const row = await repo.insertSelfEvaluation(tx, {
      regionCode,
      fiscalYear: year,
      departmentCode,
      projectId: x.projectId,
      preset: built.preset,
      rules: { preset: built.preset },
      input: x.input as unknown as Record<string, unknown>,
      output: x.output as unknown as Record<string, unknown>,
      total: out.total,
      grade: out.grade,
      scoredAt: now,
      scoredBy: actor.userId,
      submittedAt: now,
      submittedBy: actor.userId,
      ...fields,
    });
    stored.push({ row, out, preset: built.preset });
  }
  return stored;
}

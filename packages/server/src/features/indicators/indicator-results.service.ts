// After locking: actual values of indicators (clerk) and reviewer deductions with a reason (department head,
// finance reviewer), until the year's self-evaluation is submitted. The value rules are core's
// (indicators/indicator-rules.ts). All audited.
import { checkActual, deductionViolation } from '@jixiao/core/indicators/indicator-rules';
import { d, toFixed2 } from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import * as crRepo from '../change-requests/change-requests.repository.ts';
import * as goalRepo from '../goals/goals.repository.ts';
import * as repo from './indicators.repository.ts';
import * as evalRepo from '../evaluations/evaluations.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { ServiceError } from '../../http/service-error.ts';
import { indicatorView, yearRules, type IndicatorView } from '../goals/goals.service.ts';
import { loadIndicatorFor } from './indicators.access.ts';

async function assertGoalLocked(
  db: Queryable,
  goalId: string,
  code: 'ACTUAL_BEFORE_LOCK' | 'DEDUCTION_BEFORE_LOCK',
): Promise<void> {
  const g = await goalRepo.findGoal(db, goalId);
  if (!g || g.status !== 'locked') {
    throw new ServiceError(code, {}, { status: g?.status ?? null });
  }
}

/**
 * Actuals and deductions change only while the self-evaluation is open; while it waits for the department head
 * (headReview) only the head's deductions do (审核扣分), the clerk's actuals and the bureau wait.
 */
async function assertEvaluationOpen(
  db: Queryable,
  r: repo.IndicatorRow,
  actor: Actor,
  what: 'actual' | 'deduction',
): Promise<void> {
  if (await repo.evaluationSubmitted(db, r.departmentCode, r.fiscalYear)) {
    throw new ServiceError('RESULTS_FROZEN', { year: r.fiscalYear });
  }
  const statuses = await evalRepo.evaluationStatuses(db, r.departmentCode, r.fiscalYear);
  if (statuses.has('headReview')) {
    if (what === 'actual') {
      throw new ServiceError('EVALUATION_AWAITING_HEAD', { year: r.fiscalYear });
    }
    if (actor.role !== 'deptHead') {
      throw new ServiceError('EVALUATION_HEAD_ONLY');
    }
  }
}

export interface ActualInput {
  /** Decimal for quantitative indicators; ACHIEVED / PARTIAL / NOT_ACHIEVED (or the Chinese texts) for 定性; null clears. */
  actual: string | null;
  evidence?: string | null | undefined;
  deviationNote?: string | null | undefined;
  /** 定性 only: the evaluator's score within the band of the chosen level. */
  qualScore?: string | null | undefined;
}

function actualSnapshot(r: repo.IndicatorRow): Record<string, unknown> {
  return {
    actual: r.actual,
    evidence: r.evidence,
    deviationNote: r.deviationNote,
    qualScore: r.qualScore,
  };
}

/** The actual and qualitative score to store (both null when cleared), or the rule the entry breaks. */
async function actualToStore(
  db: Queryable,
  pre: repo.IndicatorRow,
  input: ActualInput,
): Promise<{ actual: string | null; qualScore: string | null }> {
  if (input.actual === null) {
    return { actual: null, qualScore: null };
  }
  const rules = await yearRules(db, pre.regionCode, pre.fiscalYear);
  const checked = checkActual(
    pre,
    { actual: input.actual.trim(), qualScore: input.qualScore },
    rules.scoring,
  );
  if (!checked.ok) {
    const v = checked.violation;
    throw new ServiceError(v.code, v.params, v.details);
  }
  return { actual: checked.actual, qualScore: checked.qualScore };
}

const trimmedOrNull = (s: string | null | undefined): string | null => s?.trim() || null;

export async function setActual(
  db: Db,
  actor: Actor,
  id: string,
  input: ActualInput,
  now: Date,
): Promise<IndicatorView> {
  const pre = await loadIndicatorFor(db, actor, id, 'indicator.actual');
  await assertGoalLocked(db, pre.goalId, 'ACTUAL_BEFORE_LOCK');
  const { actual, qualScore } = await actualToStore(db, pre, input);
  const row = await db.transaction(async (tx) => {
    const cur = (await repo.lockIndicator(tx, id))!;
    await assertEvaluationOpen(tx, cur, actor, 'actual');
    const r = await repo.updateIndicator(tx, id, {
      actual,
      qualScore,
      ...(input.evidence !== undefined ? { evidence: trimmedOrNull(input.evidence) } : {}),
      ...(input.deviationNote !== undefined
        ? { deviationNote: trimmedOrNull(input.deviationNote) }
        : {}),
      actualEnteredAt: now,
      actualEnteredBy: actor.username,
      updatedAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'indicator.actual.set',
      entity: 'indicators',
      entityId: id,
      departmentCode: r.departmentCode,
      before: actualSnapshot(cur),
      after: actualSnapshot(r),
    });
    return r;
  });
  return indicatorView(row, await crRepo.listForIndicators(db, [id]));
}

export interface DeductionInput {
  /** Points deducted (0 clears), at most the indicator's weight. */
  deduction: string;
  reason: string | null;
}

export async function setDeduction(
  db: Db,
  actor: Actor,
  id: string,
  input: DeductionInput,
  now: Date,
): Promise<IndicatorView> {
  const pre = await loadIndicatorFor(db, actor, id, 'indicator.deduction');
  await assertGoalLocked(db, pre.goalId, 'DEDUCTION_BEFORE_LOCK');
  const text = input.deduction.trim();
  const reason = input.reason?.trim() ?? '';
  const v = deductionViolation(text, pre.weight, reason);
  if (v) {
    throw new ServiceError(v.code, v.params, v.details);
  }
  const amount = d(text);
  const row = await db.transaction(async (tx) => {
    const cur = (await repo.lockIndicator(tx, id))!;
    await assertEvaluationOpen(tx, cur, actor, 'deduction');
    const cleared = amount.eq(0);
    const r = await repo.updateIndicator(tx, id, {
      deduction: cleared ? null : toFixed2(amount),
      deductionReason: cleared ? null : reason,
      deductionBy: cleared ? null : actor.username,
      deductionAt: cleared ? null : now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, {
      action: cleared ? 'indicator.deduction.clear' : 'indicator.deduction.set',
      entity: 'indicators',
      entityId: id,
      departmentCode: r.departmentCode,
      before: { deduction: cur.deduction, reason: cur.deductionReason, by: cur.deductionBy },
      after: { deduction: r.deduction, reason: r.deductionReason, by: r.deductionBy },
    });
    return r;
  });
  return indicatorView(row, await crRepo.listForIndicators(db, [id]));
}

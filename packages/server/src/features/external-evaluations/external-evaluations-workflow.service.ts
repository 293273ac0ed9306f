// The workflow draft → scoring → submitted → concluded: the bureau starts it, the evaluator saves the score sheet
// (scored by core at every save) and submits it complete, the bureau returns it or concludes it. Concluding with
// findings raises each as a 整改 item in the same transaction. One transaction and one audit entry per change.
import type { ExtEvalStatus } from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError } from '../../http/service-error.ts';
import * as repo from './external-evaluations.repository.ts';
import { loadFor, type Need } from './external-evaluations.access.ts';
import { getEvaluation, type EvaluationDetail } from './external-evaluations-create.service.ts';
import { ISSUE_TEXT, STATUS_TEXT, sheetOf } from './external-evaluations.views.ts';
import { raiseFindings } from './external-evaluations-rectify.ts';
import type { z } from '@hono/zod-openapi';
import type { SheetBody } from './external-evaluations.schema.ts';

export type SheetInput = z.infer<typeof SheetBody>;

const ACTION_TEXT = {
  start: { zh: '启动评分', en: 'start scoring' },
  save: { zh: '保存评分', en: 'save scores' },
  submit: { zh: '提交评价结果', en: 'submit' },
  return: { zh: '退回重新评分', en: 'return for rescoring' },
  conclude: { zh: '审定评价结论', en: 'conclude' },
} as const;
type Action = keyof typeof ACTION_TEXT;

/** Locks the evaluation in the transaction and checks its state allows the action. */
async function lockIn(
  tx: Queryable,
  id: string,
  expected: ExtEvalStatus,
  action: Action,
): Promise<repo.EvaluationRow> {
  const ev = await repo.lockEvaluation(tx, id);
  if (!ev || ev.status !== expected) {
    const state = ev ? STATUS_TEXT[ev.status] : { zh: '不存在', en: 'missing' };
    throw new ServiceError('EXTEVAL_WRONG_STATE', {
      state: state.zh,
      stateEn: state.en,
      action: ACTION_TEXT[action].zh,
      actionEn: ACTION_TEXT[action].en,
    });
  }
  return ev;
}

async function transition(
  db: Db,
  actor: Actor,
  id: string,
  t: { need: Need; from: ExtEvalStatus; action: Action },
  change: (tx: Queryable, ev: repo.EvaluationRow) => Promise<Partial<repo.NewEvaluationRow>>,
): Promise<EvaluationDetail> {
  await loadFor(db, actor, id, t.need);
  await db.transaction(async (tx) => {
    const ev = await lockIn(tx, id, t.from, t.action);
    const values = await change(tx, ev);
    const after = await repo.updateEvaluation(tx, id, values);
    await auditInTx(tx, actor, {
      action: `externalEvaluation.${t.action}`,
      entity: 'external_evaluations',
      entityId: id,
      departmentCode: ev.departmentCode,
      before: { status: ev.status, total: ev.total, grade: ev.grade },
      after: { ...values, status: after.status },
    });
  });
  return getEvaluation(db, actor, id);
}

/** POST /{id}/start: the bureau hands the evaluation to its evaluator (draft → scoring). */
export function startEvaluation(db: Db, actor: Actor, id: string): Promise<EvaluationDetail> {
  return transition(db, actor, id, { need: 'manage', from: 'draft', action: 'start' }, () =>
    Promise.resolve({ status: 'scoring' }),
  );
}

async function saveRows(tx: Queryable, ev: repo.EvaluationRow, body: SheetInput): Promise<void> {
  const rows = await repo.listIndicators(tx, ev.id);
  for (const r of body.rows ?? []) {
    const row = rows.find((x) => x.position === r.position);
    if (!row) {
      throw new ServiceError('EXTEVAL_INDICATOR_UNKNOWN', { position: r.position });
    }
    await repo.updateIndicator(tx, row.id, {
      input: r.input,
      ...(r.deductionReason === undefined ? {} : { deductionReason: r.deductionReason.trim() }),
      ...(r.evidence === undefined
        ? {}
        : { evidence: r.evidence.map((e) => e.trim()).filter(Boolean) }),
    });
  }
  const fresh = await repo.listIndicators(tx, ev.id);
  const sheet = sheetOf(ev, fresh);
  for (const [i, row] of fresh.entries()) {
    const res = sheet.rows[i];
    await repo.updateIndicator(tx, row.id, {
      score: res?.score ?? null,
      detail: res?.detail ?? null,
    });
  }
}

/** PUT /{id}/sheet: the evaluator saves inputs, 扣分理由, 佐证材料, the report's narrative and findings. */
export function saveSheet(db: Db, actor: Actor, id: string, body: SheetInput) {
  return transition(
    db,
    actor,
    id,
    { need: 'score', from: 'scoring', action: 'save' },
    async (tx, ev) => {
      const formula = body.executionFormula ?? ev.executionFormula;
      await saveRows(tx, { ...ev, executionFormula: formula }, body);
      return {
        executionFormula: formula,
        narrative: { ...ev.narrative, ...body.narrative },
        ...(body.findings
          ? {
              findings: body.findings.map((f) => ({
                ...f,
                problem: f.problem.trim(),
                recommendation: f.recommendation.trim(),
              })),
            }
          : {}),
      };
    },
  );
}

function assertComplete(ev: repo.EvaluationRow, rows: repo.IndicatorRow[]) {
  const sheet = sheetOf(ev, rows);
  const open = sheet.rows.flatMap((r, i) =>
    r.issue ? [`「${rows[i]?.name ?? i + 1}」${ISSUE_TEXT[r.issue] ?? r.issue}`] : [],
  );
  if (!sheet.complete || !sheet.grade) {
    throw new ServiceError(
      'EXTEVAL_SHEET_INCOMPLETE',
      {
        count: open.length,
        first: open[0] ?? '',
        firstEn: sheet.rows.find((r) => r.issue)?.issue ?? '',
      },
      { problems: open },
    );
  }
  ev.findings.forEach((f, i) => {
    if (!f.problem || !f.recommendation) {
      throw new ServiceError('EXTEVAL_FINDING_INVALID', { n: i + 1 });
    }
  });
  return { total: sheet.total, grade: sheet.grade };
}

/** POST /{id}/submit: the evaluator submits a complete sheet; total and grade are fixed (scoring → submitted). */
export function submitEvaluation(db: Db, actor: Actor, id: string, now: Date) {
  return transition(
    db,
    actor,
    id,
    { need: 'score', from: 'scoring', action: 'submit' },
    async (tx, ev) => {
      const result = assertComplete(ev, await repo.listIndicators(tx, ev.id));
      return { status: 'submitted', ...result, submittedAt: now };
    },
  );
}

/** POST /{id}/return: the bureau sends a submitted evaluation back to its evaluator with an opinion. */
export function returnEvaluation(db: Db, actor: Actor, id: string, opinion: string | undefined) {
  return transition(db, actor, id, { need: 'manage', from: 'submitted', action: 'return' }, () =>
    Promise.resolve({
      status: 'scoring',
      total: null,
      grade: null,
      submittedAt: null,
      conclusionOpinion: opinion?.trim() || null,
    }),
  );
}

/** POST /{id}/conclude: the bureau concludes (submitted → concluded); each finding becomes a 整改 item. */
export function concludeEvaluation(
  db: Db,
  actor: Actor,
  id: string,
  opinion: string | undefined,
  now: Date,
) {
  return transition(
    db,
    actor,
    id,
    { need: 'manage', from: 'submitted', action: 'conclude' },
    async (tx, ev) => {
      await raiseFindings(tx, actor, ev, now);
      return {
        status: 'concluded',
        concludedAt: now,
        concludedBy: actor.userId,
        conclusionOpinion: opinion?.trim() || null,
      };
    },
  );
}

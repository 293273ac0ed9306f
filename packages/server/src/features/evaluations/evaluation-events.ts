// The sign-off history of a self-evaluation (提交负责人 → 负责人审核/退回 → 提交财政局 → 财政局退回/通过): one row per
// step with who, when and the comment, written in the step's transaction; shown like a goal set's history.
import type { Queryable } from '../../db/open-db.ts';
import type { AuditActor } from '../../audit/audit-log.ts';
import type { EvaluationEventAction } from '../../db/schema/index.ts';
import * as repo from './evaluations.repository.ts';

export interface EvaluationScope {
  regionCode: string;
  departmentCode: string;
  year: number;
}

export interface EvaluationEventView {
  action: EvaluationEventAction;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  actorRole: string;
  comment: string | null;
  at: string;
}

export async function recordEvaluationEvent(
  tx: Queryable,
  actor: AuditActor,
  scope: EvaluationScope,
  step: {
    action: EvaluationEventAction;
    from: string | null;
    to: string;
    comment?: string | null;
    at: Date;
  },
): Promise<void> {
  await repo.insertEvaluationEvent(tx, {
    regionCode: scope.regionCode,
    fiscalYear: scope.year,
    departmentCode: scope.departmentCode,
    action: step.action,
    fromStatus: step.from,
    toStatus: step.to,
    actorId: actor.userId,
    actorName: await repo.displayNameOf(tx, actor.userId, actor.username),
    actorRole: actor.role,
    comment: step.comment ?? null,
    at: step.at,
  });
}

export async function evaluationHistory(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<EvaluationEventView[]> {
  return (await repo.listEvaluationEvents(db, departmentCode, year)).map((e) => ({
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actor: e.actorName,
    actorRole: e.actorRole,
    comment: e.comment,
    at: e.at.toISOString(),
  }));
}

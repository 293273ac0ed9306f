// An evaluation concluded with findings: each finding (problem + recommendation) becomes a 整改 item of the
// evaluated department (and project), raised through 15b's raiseRectificationItems in the same transaction.
import type { Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { raiseRectificationItems } from '../rectifications/rectifications-raise.ts';
import type * as repo from './external-evaluations.repository.ts';

export async function raiseFindings(
  tx: Queryable,
  actor: Actor,
  ev: repo.EvaluationRow,
  now: Date,
): Promise<number> {
  const items = ev.findings.map((f, i) => ({
    regionCode: ev.regionCode,
    fiscalYear: ev.fiscalYear,
    departmentCode: ev.departmentCode,
    projectId: ev.projectId,
    source: 'externalEvaluation' as const,
    sourceRef: `${ev.id}#${i + 1}`,
    evaluationId: ev.id,
    indicatorRef: f.indicatorName ?? null,
    category: f.dimension,
    problem: f.problem,
    requirement: f.recommendation,
  }));
  if (items.length === 0) {
    return 0;
  }
  return (await raiseRectificationItems(tx, actor, items, now)).length;
}

// Who may see or act on an external evaluation: the bureau its region's (externalEvaluation.manage), the scorer
// the evaluations assigned to it (an in-house finance reviewer by account, a third party by its agency), department
// roles their own department's concluded ones.
import type { Actor } from '../../auth/actor.ts';
import { isCli } from '../../auth/actor.ts';
import { accessDenied, assertPermission } from '../../auth/access.ts';
import type { Db, Queryable } from '../../db/open-db.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import { getDepartment } from '../departments/departments.service.ts';
import * as repo from './external-evaluations.repository.ts';

export type Need = 'read' | 'score' | 'manage';

export function isThirdParty(actor: Actor): boolean {
  return !isCli(actor) && actor.role === 'thirdParty';
}

/** The agency of a third-party account (refused when the account belongs to none). */
export async function agencyOf(db: Queryable, actor: Actor): Promise<repo.AgencyRow> {
  const agency = await repo.agencyOfUser(db, actor.userId);
  if (!agency) {
    throw new ServiceError('EXTEVAL_NOT_ASSIGNED');
  }
  return agency;
}

/** May the actor score this evaluation (the assigned reviewer, or a member of the assigned agency)? */
export async function mayScore(
  db: Queryable,
  actor: Actor,
  ev: repo.EvaluationRow,
): Promise<boolean> {
  if (isCli(actor)) {
    return true;
  }
  if (ev.evaluatorKind === 'thirdParty') {
    const agency = isThirdParty(actor) ? await repo.agencyOfUser(db, actor.userId) : null;
    return agency !== null && agency.id === ev.agencyId;
  }
  return actor.role === 'financeReviewer' && actor.userId === ev.evaluatorUserId;
}

async function thirdPartyLoad(db: Db, actor: Actor, ev: repo.EvaluationRow, need: Need) {
  if (need === 'manage') {
    throw accessDenied('role', ev.departmentCode, 'externalEvaluation.manage');
  }
  if (!(await mayScore(db, actor, ev))) {
    throw new ServiceError('EXTEVAL_NOT_ASSIGNED');
  }
}

/**
 * Loads an evaluation the actor may act on: 404 when it does not exist; a third party only its agency's; a
 * department role reads its own department's once concluded; scoring needs the assignment.
 */
export async function loadFor(
  db: Db,
  actor: Actor,
  id: string,
  need: Need,
): Promise<repo.EvaluationRow> {
  const ev = await repo.findEvaluation(db, id);
  if (!ev) {
    throw notFound(`重点绩效评价「${id}」`, `External evaluation ${id}`);
  }
  if (isThirdParty(actor)) {
    await thirdPartyLoad(db, actor, ev, need);
    return ev;
  }
  const dept = await getDepartment(db, actor, ev.departmentCode);
  const permission = (
    {
      read: 'externalEvaluation.read',
      score: 'externalEvaluation.score',
      manage: 'externalEvaluation.manage',
    } as const
  )[need];
  assertPermission(actor, permission, dept);
  if (need === 'read' && (actor.role === 'clerk' || actor.role === 'deptHead')) {
    if (ev.status !== 'concluded') {
      throw notFound(`重点绩效评价「${id}」`, `External evaluation ${id}`);
    }
  }
  if (need === 'score' && !(await mayScore(db, actor, ev))) {
    throw new ServiceError('EXTEVAL_NOT_ASSIGNED');
  }
  return ev;
}

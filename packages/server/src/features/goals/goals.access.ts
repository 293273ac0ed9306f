// Loading a goal set with the access checks: the department must exist, the actor must hold the permission for
// the goal's department, and edits need a goal set that is still a draft or was returned.
import { goalEditRefusal } from '@jixiao/core/goals/index';
import type { Queryable } from '../../db/open-db.ts';
import * as deptRepo from '../departments/departments.repository.ts';
import * as repo from './goals.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission, unknownDepartment } from '../../auth/access.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';

/** A department by code; unknown codes are refused like another department's (auth/access.ts unknownDepartment). */
export async function loadDepartment(
  db: Queryable,
  actor: Actor,
  code: string,
  permission: Parameters<typeof assertPermission>[1],
): Promise<deptRepo.DepartmentRow> {
  const dept = await deptRepo.findDepartment(db, code);
  if (!dept || dept.kind !== 'department') {
    throw unknownDepartment(actor, code, permission);
  }
  return dept;
}

/** A goal the actor may act on with `permission` (404 unknown, 403 another department or role). */
export async function loadGoalFor(
  db: Queryable,
  actor: Actor,
  id: string,
  permission: Parameters<typeof assertPermission>[1],
): Promise<repo.GoalWithProject> {
  const g = await repo.findGoal(db, id);
  if (!g) {
    throw notFound(`绩效目标「${id}」`, `Goal ${id}`);
  }
  assertPermission(actor, permission, { code: g.departmentCode, regionCode: g.regionCode });
  return g;
}

/** Refuse edits of a locked goal set (GOAL_SET_LOCKED, 423) or one under review (GOAL_UNDER_REVIEW, 409). */
export function assertEditable(g: repo.GoalRow): void {
  const refusal = goalEditRefusal(g.status);
  if (refusal !== null) {
    throw new ServiceError(refusal, {}, { status: g.status });
  }
}

/** Lock the goal row, re-check permission and state (for edits of the goal or its indicators). */
export async function lockEditableGoal(
  tx: Queryable,
  actor: Actor,
  goalId: string,
): Promise<repo.GoalRow> {
  const g = await repo.lockGoal(tx, goalId);
  if (!g) {
    throw notFound(`绩效目标「${goalId}」`, `Goal ${goalId}`);
  }
  assertPermission(actor, 'goal.edit', { code: g.departmentCode, regionCode: g.regionCode });
  assertEditable(g);
  return g;
}

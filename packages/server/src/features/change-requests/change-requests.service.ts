// Changes after locking (变更申请): a clerk asks to change target/weight/operator/unit/name of locked indicators
// with a reason; the department head approves (then the finance bureau when the year requires it); on approval the
// indicator changes and the original value stays on record (listTargetChanges, for the report and 自评表).
// Requests and lists are here; decisions in change-request-decisions.service.ts (exported from here for the
// routes); the value rules in core (indicators/change-values.ts).
import { randomUUID } from 'node:crypto';
import {
  applyChanges,
  changedTargetViolation,
  currentChangeValue,
  normaliseChangeValue,
} from '@jixiao/core/indicators/change-values';
import { hasErrors, type GoalSetIssue } from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { ChangeField, ChangeStatus } from '../../db/schema/change-requests.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import * as repo from './change-requests.repository.ts';
import * as deptRepo from '../departments/departments.repository.ts';
import * as goalRepo from '../goals/goals.repository.ts';
import * as indRepo from '../indicators/indicators.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission, unknownDepartment } from '../../auth/access.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import type { TargetChange } from './change-requests.repository.ts';
import {
  assertKeepsGoalValid,
  assertTargetsStillChangeable,
  raise,
  refuse,
} from './change-request-checks.ts';
import { loadFor } from './change-request-decisions.service.ts';
import { FIELD_TEXT, batchViews, view, type ChangeRequestView } from './change-requests.views.ts';

export { listTargetChanges } from './change-requests.repository.ts';
export {
  CHANGE_FIELDS,
  CHANGE_STATUS_TEXT,
  FIELD_TEXT,
  type ChangeRequestView,
} from './change-requests.views.ts';
export { approveChangeRequest, rejectChangeRequest } from './change-request-decisions.service.ts';

export interface ChangeItem {
  indicatorId: string;
  field: ChangeField;
  newValue: string;
}

interface CheckedItem extends ChangeItem {
  originalValue: string;
}

export interface CreateChangeInput {
  items: ChangeItem[];
  reason: string;
  /** When given (POST /api/goals/{id}/change-requests), the indicators must belong to this goal set. */
  goalId?: string | undefined;
}

/** The first indicator of the request, which names the goal set (404, 403, CHANGE_OTHER_GOAL). */
async function firstIndicator(
  db: Queryable,
  actor: Actor,
  input: CreateChangeInput,
): Promise<indRepo.IndicatorRow> {
  if (input.reason.trim() === '') {
    throw new ServiceError('CHANGE_REASON_MISSING');
  }
  if (input.items.length === 0) {
    throw new ServiceError('CHANGE_ITEMS_EMPTY');
  }
  const id = input.items[0]!.indicatorId;
  const first = await indRepo.findIndicator(db, id);
  if (!first) {
    throw notFound(`指标「${id}」`, `Indicator ${id}`);
  }
  assertPermission(actor, 'changeRequest.create', {
    code: first.departmentCode,
    regionCode: first.regionCode,
  });
  if (input.goalId !== undefined && first.goalId !== input.goalId) {
    throw new ServiceError('CHANGE_OTHER_GOAL');
  }
  return first;
}

/** An indicator of another goal set: 404 unknown, 403 out of reach, else CHANGE_MIXED_GOALS. */
async function refuseOtherGoal(tx: Queryable, actor: Actor, indicatorId: string): Promise<never> {
  const other = await indRepo.findIndicator(tx, indicatorId);
  if (!other) {
    throw notFound(`指标「${indicatorId}」`, `Indicator ${indicatorId}`);
  }
  assertPermission(actor, 'changeRequest.create', {
    code: other.departmentCode,
    regionCode: other.regionCode,
  });
  throw new ServiceError('CHANGE_MIXED_GOALS');
}

/** One item checked against its indicator: not repeated, a valid new value, a change, none pending. */
async function checkItem(
  tx: Queryable,
  ind: indRepo.IndicatorRow,
  it: ChangeItem,
  seen: Set<string>,
): Promise<CheckedItem> {
  const what = { indicator: ind.name, fieldText: FIELD_TEXT[it.field], field: it.field };
  const key = `${it.indicatorId}/${it.field}`;
  if (seen.has(key)) {
    throw new ServiceError('CHANGE_FIELD_REPEATED', what);
  }
  seen.add(key);
  const checked = normaliseChangeValue(it.field, it.newValue);
  if (!checked.ok) {
    raise(checked.violation);
  }
  const originalValue = currentChangeValue(ind, it.field);
  if (checked.value === originalValue) {
    throw new ServiceError('CHANGE_UNCHANGED', { ...what, value: originalValue });
  }
  if ((await repo.pendingForIndicator(tx, ind.id)).some((p) => p.field === it.field)) {
    throw new ServiceError('CHANGE_PENDING', what);
  }
  return { indicatorId: ind.id, field: it.field, newValue: checked.value, originalValue };
}

/** The checked items of a request against the locked goal set's indicators. */
async function checkItems(
  tx: Queryable,
  actor: Actor,
  goal: goalRepo.GoalRow,
  requested: ChangeItem[],
): Promise<CheckedItem[]> {
  const inds = await indRepo.listIndicatorsOfGoals(tx, [goal.id]);
  const seen = new Set<string>();
  const items: CheckedItem[] = [];
  for (const it of requested) {
    const ind = inds.find((i) => i.id === it.indicatorId);
    if (!ind) {
      await refuseOtherGoal(tx, actor, it.indicatorId);
    } else {
      items.push(await checkItem(tx, ind, it, seen));
    }
  }
  refuse(changedTargetViolation(applyChanges(inds, items), items));
  await assertKeepsGoalValid(tx, goal, inds, items);
  return items;
}

async function auditRequests(
  tx: Queryable,
  actor: Actor,
  inserted: repo.ChangeRequestRow[],
): Promise<void> {
  for (const r of inserted) {
    await recordAudit(tx, actor, {
      action: 'changeRequest.create',
      entity: 'change_requests',
      entityId: r.id,
      departmentCode: r.departmentCode,
      before: null,
      after: {
        batchId: r.batchId,
        indicatorId: r.indicatorId,
        field: r.field,
        originalValue: r.originalValue,
        newValue: r.newValue,
        reason: r.reason,
      },
    });
  }
}

async function insertBatch(
  tx: Queryable,
  actor: Actor,
  goal: goalRepo.GoalRow,
  items: CheckedItem[],
  reason: string,
  now: Date,
): Promise<repo.ChangeRequestRow[]> {
  const batchId = randomUUID();
  const inserted = await repo.insertChangeRequests(
    tx,
    items.map((it) => ({
      regionCode: goal.regionCode,
      fiscalYear: goal.fiscalYear,
      departmentCode: goal.departmentCode,
      goalId: goal.id,
      indicatorId: it.indicatorId,
      batchId,
      field: it.field,
      originalValue: it.originalValue,
      newValue: it.newValue,
      reason,
      requestedBy: actor.userId,
      requestedByName: actor.displayName || actor.username,
      requestedAt: now,
      status: 'pending' as const,
      createdAt: now,
    })),
  );
  await auditRequests(tx, actor, inserted);
  return inserted;
}

/** Request changes of locked indicators of ONE goal set; they are decided together (one batch). */
export async function createChangeRequest(
  db: Db,
  actor: Actor,
  input: CreateChangeInput,
  now: Date,
): Promise<ChangeRequestView[]> {
  const first = await firstIndicator(db, actor, input);
  const rows = await db.transaction(async (tx) => {
    const goal = await goalRepo.lockGoal(tx, first.goalId);
    if (!goal || goal.status !== 'locked') {
      throw new ServiceError('CHANGE_BEFORE_LOCK', {}, { status: goal?.status ?? null });
    }
    await assertTargetsStillChangeable(tx, goal, now);
    const items = await checkItems(tx, actor, goal, input.items);
    return insertBatch(tx, actor, goal, items, input.reason.trim(), now);
  });
  return batchViews(db, rows);
}

export async function getChangeRequest(
  db: Db,
  actor: Actor,
  id: string,
): Promise<ChangeRequestView[]> {
  const r = await loadFor(db, actor, id, 'goal.read');
  return batchViews(db, await repo.listBatch(db, r.batchId));
}

async function loadDepartment(db: Queryable, actor: Actor, code: string): Promise<void> {
  const dept = await deptRepo.findDepartment(db, code);
  if (!dept || dept.kind !== 'department') {
    throw unknownDepartment(actor, code, 'goal.read');
  }
  assertPermission(actor, 'goal.read', dept);
}

export async function listChangeRequests(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  status?: ChangeStatus,
): Promise<ChangeRequestView[]> {
  await loadDepartment(db, actor, departmentCode);
  return (await repo.listChangeRequests(db, departmentCode, year, status)).map((r) =>
    view(r, r.indicatorName),
  );
}

/** The approved target changes of a department's year, for whoever may read the department. */
export async function listTargetChangesFor(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
): Promise<TargetChange[]> {
  await loadDepartment(db, actor, departmentCode);
  return repo.listTargetChanges(db, departmentCode, year);
}

export function hasGoalErrors(issues: GoalSetIssue[]): boolean {
  return hasErrors(issues);
}

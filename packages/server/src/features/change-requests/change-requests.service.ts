// Changes after locking (变更申请): a clerk asks to change target/weight/operator/unit/name of locked indicators
// with a reason; the department head approves (then the finance bureau when the year requires it); on approval the
// indicator changes and the original value stays on record (listTargetChanges, for the report and 自评表).
import { randomUUID } from 'node:crypto';
import {
  hasErrors,
  isDecimalString,
  isQuantitative,
  OPERATOR_CODES,
  toFixed2,
  d,
  validateGoalSet,
  type GoalSetIssue,
} from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { ChangeField, ChangeStatus } from '../../db/schema/change-requests.ts';
import type { Operator } from '../../db/schema/goals.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import * as repo from './change-requests.repository.ts';
import * as deptRepo from '../departments/departments.repository.ts';
import * as goalRepo from '../goals/goals.repository.ts';
import * as indRepo from '../indicators/indicators.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import { yearRules } from '../goals/goals.service.ts';
import { assertWeight, indicatorSnapshot } from '../indicators/indicators.service.ts';
import type { TargetChange } from './change-requests.repository.ts';

export { listTargetChanges } from './change-requests.repository.ts';

export const CHANGE_FIELDS: readonly ChangeField[] = [
  'target',
  'weight',
  'operator',
  'unit',
  'name',
];

export const FIELD_TEXT: Record<ChangeField, string> = {
  target: '年度指标值',
  weight: '分值',
  operator: '指标性质（运算符）',
  unit: '计量单位',
  name: '指标名称',
};

export const CHANGE_STATUS_TEXT: Record<ChangeStatus, string> = {
  pending: '待部门审核',
  deptApproved: '待财政审核',
  approved: '已批准',
  rejected: '已驳回',
};

export interface ChangeRequestView {
  id: string;
  batchId: string;
  departmentCode: string;
  fiscalYear: number;
  goalId: string;
  indicatorId: string;
  indicatorName: string;
  field: ChangeField;
  fieldLabel: string;
  originalValue: string;
  newValue: string;
  reason: string;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  status: ChangeStatus;
  statusLabel: string;
  deptDecidedBy: string | null;
  deptDecidedAt: string | null;
  deptComment: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
}

function view(r: repo.ChangeRequestRow, indicatorName: string): ChangeRequestView {
  return {
    id: r.id,
    batchId: r.batchId,
    departmentCode: r.departmentCode,
    fiscalYear: r.fiscalYear,
    goalId: r.goalId,
    indicatorId: r.indicatorId,
    indicatorName,
    field: r.field,
    fieldLabel: FIELD_TEXT[r.field],
    originalValue: r.originalValue,
    newValue: r.newValue,
    reason: r.reason,
    requestedBy: r.requestedBy,
    requestedByName: r.requestedByName,
    requestedAt: r.requestedAt.toISOString(),
    status: r.status,
    statusLabel: CHANGE_STATUS_TEXT[r.status],
    deptDecidedBy: r.deptDecidedBy,
    deptDecidedAt: r.deptDecidedAt?.toISOString() ?? null,
    deptComment: r.deptComment,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionComment: r.decisionComment,
  };
}

async function batchViews(
  db: Queryable,
  batch: repo.ChangeRequestRow[],
): Promise<ChangeRequestView[]> {
  const out: ChangeRequestView[] = [];
  for (const r of batch) {
    const ind = await indRepo.findIndicator(db, r.indicatorId);
    out.push(view(r, ind?.name ?? ''));
  }
  return out;
}

export interface ChangeItem {
  indicatorId: string;
  field: ChangeField;
  newValue: string;
}

type Editable = Pick<indRepo.IndicatorRow, 'target' | 'weight' | 'operator' | 'unit' | 'name'>;

function currentValue(r: Editable, field: ChangeField): string {
  return field === 'weight' ? toFixed2(d(r.weight)) : r[field];
}

/** Normalise and check one new value against the indicator as it will be after the whole batch. */
function normalise(field: ChangeField, raw: string): string {
  const v = raw.trim();
  switch (field) {
    case 'weight':
      assertWeight(v);
      return toFixed2(d(v));
    case 'operator':
      if (!(OPERATOR_CODES as readonly string[]).includes(v)) {
        throw new ServiceError('VALIDATION', {
          message: `指标性质应为 GE / GT / EQ / LT / LE / QUAL 之一，收到「${v}」`,
          messageEn: `Operator must be one of GE GT EQ LT LE QUAL, got "${v}"`,
        });
      }
      return v;
    case 'name':
      if (v === '' || v.length > 100) {
        throw new ServiceError('VALIDATION', {
          message: '指标名称应为 1–100 个字符',
          messageEn: 'The name must have 1–100 characters',
        });
      }
      return v;
    case 'unit':
      if (v.length > 20) {
        throw new ServiceError('VALIDATION', {
          message: '计量单位不超过 20 个字符',
          messageEn: 'The unit has at most 20 characters',
        });
      }
      return v;
    case 'target':
      if (v === '' || v.length > 200) {
        throw new ServiceError('VALIDATION', {
          message: '年度指标值不能为空（不超过 200 个字符）',
          messageEn: 'The target must not be empty (at most 200 characters)',
        });
      }
      return v;
  }
}

function applyItems(
  inds: indRepo.IndicatorRow[],
  items: { indicatorId: string; field: ChangeField; newValue: string }[],
): indRepo.IndicatorRow[] {
  return inds.map((i) => {
    let next = { ...i };
    for (const it of items.filter((x) => x.indicatorId === i.id)) {
      next = { ...next, [it.field]: it.newValue };
    }
    return next;
  });
}

/** Errors the change would introduce into the goal set (problems it already had are not held against it). */
async function newErrors(
  db: Queryable,
  goal: goalRepo.GoalRow,
  inds: indRepo.IndicatorRow[],
  items: { indicatorId: string; field: ChangeField; newValue: string }[],
): Promise<GoalSetIssue[]> {
  const rules = await yearRules(db, goal.regionCode, goal.fiscalYear);
  const check = (rows: indRepo.IndicatorRow[]): GoalSetIssue[] =>
    validateGoalSet(
      {
        targetText: goal.targetText,
        noSatisfactionReason: 'locked',
        indicators: rows.map((i) => ({
          id: i.id,
          level1: i.level1,
          level2: i.level2,
          name: i.name,
          operator: i.operator,
          target: i.target,
          unit: i.unit,
          weight: i.weight,
          targetBasis: i.targetBasis,
        })),
      },
      rules.goalSet,
    ).filter((x) => x.severity === 'error');
  const before = new Set(check(inds).map((x) => `${x.code}/${x.indicatorId ?? ''}`));
  return check(applyItems(inds, items)).filter(
    (x) => !before.has(`${x.code}/${x.indicatorId ?? ''}`),
  );
}

function invalidChange(issues: GoalSetIssue[]): ServiceError {
  return new ServiceError(
    'IMPORT_INVALID',
    {
      message: `变更后绩效目标不符合要求：${issues.map((i) => i.message).join('；')}`,
      messageEn: `After the change the goal set is invalid: ${issues.map((i) => i.messageEn).join('; ')}`,
    },
    { issues },
  );
}

export interface CreateChangeInput {
  items: ChangeItem[];
  reason: string;
  /** When given (POST /api/goals/{id}/change-requests), the indicators must belong to this goal set. */
  goalId?: string | undefined;
}

/** Request changes of locked indicators of ONE goal set; they are decided together (one batch). */
export async function createChangeRequest(
  db: Db,
  actor: Actor,
  input: CreateChangeInput,
  now: Date,
): Promise<ChangeRequestView[]> {
  const reason = input.reason.trim();
  if (reason === '') {
    throw new ServiceError('VALIDATION', {
      message: '变更申请须填写理由',
      messageEn: 'A change request needs a reason',
    });
  }
  if (input.items.length === 0) {
    throw new ServiceError('VALIDATION', {
      message: '变更申请至少包含一项变更',
      messageEn: 'A change request needs at least one change',
    });
  }
  const first = await indRepo.findIndicator(db, input.items[0]!.indicatorId);
  if (!first) {
    throw notFound(
      `指标「${input.items[0]!.indicatorId}」`,
      `Indicator ${input.items[0]!.indicatorId}`,
    );
  }
  assertPermission(actor, 'changeRequest.create', {
    code: first.departmentCode,
    regionCode: first.regionCode,
  });
  if (input.goalId !== undefined && first.goalId !== input.goalId) {
    throw new ServiceError('VALIDATION', {
      message: '变更的指标不属于该绩效目标',
      messageEn: 'The indicators do not belong to this goal set',
    });
  }
  const batchId = randomUUID();
  const rows = await db.transaction(async (tx) => {
    const goal = await goalRepo.lockGoal(tx, first.goalId);
    if (!goal || goal.status !== 'locked') {
      throw new ServiceError(
        'STATE',
        {
          message: '绩效目标尚未锁定：锁定前请直接修改指标，无需变更申请',
          messageEn: 'The goal set is not locked: edit the indicators directly',
        },
        { status: goal?.status ?? null },
      );
    }
    const inds = await indRepo.listIndicatorsOfGoals(tx, [goal.id]);
    const seen = new Set<string>();
    const items: {
      indicatorId: string;
      field: ChangeField;
      newValue: string;
      originalValue: string;
    }[] = [];
    for (const it of input.items) {
      const ind = inds.find((i) => i.id === it.indicatorId);
      if (!ind) {
        const other = await indRepo.findIndicator(tx, it.indicatorId);
        if (!other) {
          throw notFound(`指标「${it.indicatorId}」`, `Indicator ${it.indicatorId}`);
        }
        assertPermission(actor, 'changeRequest.create', {
          code: other.departmentCode,
          regionCode: other.regionCode,
        });
        throw new ServiceError('VALIDATION', {
          message: '一次变更申请只能包含同一绩效目标下的指标',
          messageEn: 'One change request covers indicators of one goal set only',
        });
      }
      const key = `${it.indicatorId}/${it.field}`;
      if (seen.has(key)) {
        throw new ServiceError('VALIDATION', {
          message: `指标「${ind.name}」的${FIELD_TEXT[it.field]}在本申请中重复出现`,
          messageEn: `${it.field} of ${ind.name} appears twice`,
        });
      }
      seen.add(key);
      const newValue = normalise(it.field, it.newValue);
      const originalValue = currentValue(ind, it.field);
      if (newValue === originalValue) {
        throw new ServiceError('VALIDATION', {
          message: `指标「${ind.name}」的${FIELD_TEXT[it.field]}未改变（${originalValue}）`,
          messageEn: `${it.field} of ${ind.name} is unchanged`,
        });
      }
      if ((await repo.pendingForIndicator(tx, ind.id)).some((p) => p.field === it.field)) {
        throw new ServiceError('CONFLICT', {
          message: `指标「${ind.name}」的${FIELD_TEXT[it.field]}已有待审核的变更申请`,
          messageEn: `A change of ${it.field} of ${ind.name} is already pending`,
        });
      }
      items.push({ indicatorId: ind.id, field: it.field, newValue, originalValue });
    }
    for (const ind of applyItems(inds, items)) {
      if (
        items.some((x) => x.indicatorId === ind.id) &&
        isQuantitative(ind.operator as Operator) &&
        !isDecimalString(ind.target)
      ) {
        throw new ServiceError('VALIDATION', {
          message: `定量指标「${ind.name}」的年度指标值应为数字，收到「${ind.target}」`,
          messageEn: `Quantitative indicator ${ind.name}: target must be a number, got "${ind.target}"`,
        });
      }
    }
    const broken = await newErrors(tx, goal, inds, items);
    if (broken.length > 0) {
      throw invalidChange(broken);
    }
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
    for (const r of inserted) {
      await recordAudit(tx, actor, {
        action: 'changeRequest.create',
        entity: 'change_requests',
        entityId: r.id,
        departmentCode: r.departmentCode,
        before: null,
        after: {
          batchId,
          indicatorId: r.indicatorId,
          field: r.field,
          originalValue: r.originalValue,
          newValue: r.newValue,
          reason,
        },
      });
    }
    return inserted;
  });
  return batchViews(db, rows);
}

async function loadFor(
  db: Queryable,
  actor: Actor,
  id: string,
  permission: Parameters<typeof assertPermission>[1],
): Promise<repo.ChangeRequestRow> {
  const r = await repo.findChangeRequest(db, id);
  if (!r) {
    throw notFound(`变更申请「${id}」`, `Change request ${id}`);
  }
  assertPermission(actor, permission, { code: r.departmentCode, regionCode: r.regionCode });
  return r;
}

export async function getChangeRequest(
  db: Db,
  actor: Actor,
  id: string,
): Promise<ChangeRequestView[]> {
  const r = await loadFor(db, actor, id, 'goal.read');
  return batchViews(db, await repo.listBatch(db, r.batchId));
}

export async function listChangeRequests(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  status?: ChangeStatus,
): Promise<ChangeRequestView[]> {
  const dept = await deptRepo.findDepartment(db, departmentCode);
  if (!dept || dept.kind !== 'department') {
    throw notFound(`部门「${departmentCode}」`, `Department ${departmentCode}`);
  }
  assertPermission(actor, 'goal.read', dept);
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
  const dept = await deptRepo.findDepartment(db, departmentCode);
  if (!dept || dept.kind !== 'department') {
    throw notFound(`部门「${departmentCode}」`, `Department ${departmentCode}`);
  }
  assertPermission(actor, 'goal.read', dept);
  return repo.listTargetChanges(db, departmentCode, year);
}

/** Which step the batch is at and whether the actor may decide it (403 otherwise). */
async function decisionStep(
  tx: Queryable,
  actor: Actor,
  r: repo.ChangeRequestRow,
): Promise<'dept' | 'finance'> {
  const dept = { code: r.departmentCode, regionCode: r.regionCode };
  if (r.status === 'pending') {
    assertPermission(actor, 'changeRequest.decide.dept', dept);
    return 'dept';
  }
  if (r.status === 'deptApproved') {
    assertPermission(actor, 'changeRequest.decide.finance', dept);
    return 'finance';
  }
  assertPermission(
    actor,
    actor.role === 'financeReviewer' ? 'changeRequest.decide.finance' : 'changeRequest.decide.dept',
    dept,
  );
  void tx;
  throw new ServiceError(
    'STATE',
    {
      message: `该变更申请已${CHANGE_STATUS_TEXT[r.status]}，不能再审核`,
      messageEn: `The change request is already ${r.status}`,
    },
    { status: r.status },
  );
}

export async function approveChangeRequest(
  db: Db,
  actor: Actor,
  id: string,
  comment: string | null,
  now: Date,
): Promise<ChangeRequestView[]> {
  const pre = await loadFor(db, actor, id, 'goal.read');
  const batch = await db.transaction(async (tx) => {
    const goal = (await goalRepo.lockGoal(tx, pre.goalId))!;
    const rows = await repo.listBatch(tx, pre.batchId);
    const head = rows[0]!;
    const step = await decisionStep(tx, actor, head);
    const rules = await yearRules(tx, goal.regionCode, goal.fiscalYear);
    const final = step === 'finance' || !rules.financeApprovalRequired;
    if (!final) {
      await repo.setBatchStatus(tx, pre.batchId, {
        status: 'deptApproved',
        deptDecidedBy: actor.username,
        deptDecidedAt: now,
        deptComment: comment,
      });
    } else {
      const inds = await indRepo.listIndicatorsOfGoals(tx, [goal.id]);
      for (const r of rows) {
        const ind = inds.find((i) => i.id === r.indicatorId);
        if (!ind || currentValue(ind, r.field) !== r.originalValue) {
          throw new ServiceError('CONFLICT', {
            message: `指标「${ind?.name ?? r.indicatorId}」的${FIELD_TEXT[r.field]}在申请后已被修改，请驳回后重新申请`,
            messageEn: `${r.field} changed since the request; reject and request again`,
          });
        }
      }
      const broken = await newErrors(tx, goal, inds, rows);
      if (broken.length > 0) {
        throw invalidChange(broken);
      }
      for (const ind of inds.filter((i) => rows.some((r) => r.indicatorId === i.id))) {
        const mine = rows.filter((r) => r.indicatorId === ind.id);
        const patch: Partial<indRepo.NewIndicator> = { updatedAt: now };
        for (const r of mine) {
          if (r.field === 'operator') {
            patch.operator = r.newValue as Operator;
          } else {
            patch[r.field] = r.newValue;
          }
        }
        const next = await indRepo.updateIndicator(tx, ind.id, patch);
        await recordAudit(tx, actor, {
          action: 'indicator.change.apply',
          entity: 'indicators',
          entityId: ind.id,
          departmentCode: ind.departmentCode,
          before: indicatorSnapshot(ind),
          after: { ...indicatorSnapshot(next), changeRequests: mine.map((r) => r.id) },
        });
      }
      await repo.setBatchStatus(tx, pre.batchId, {
        status: 'approved',
        decidedBy: actor.username,
        decidedAt: now,
        decisionComment: comment,
        ...(step === 'dept'
          ? { deptDecidedBy: actor.username, deptDecidedAt: now, deptComment: comment }
          : {}),
      });
    }
    for (const r of rows) {
      await recordAudit(tx, actor, {
        action: 'changeRequest.approve',
        entity: 'change_requests',
        entityId: r.id,
        departmentCode: r.departmentCode,
        before: { status: r.status },
        after: { status: final ? 'approved' : 'deptApproved', comment, step },
      });
    }
    return repo.listBatch(tx, pre.batchId);
  });
  return batchViews(db, batch);
}

export async function rejectChangeRequest(
  db: Db,
  actor: Actor,
  id: string,
  comment: string,
  now: Date,
): Promise<ChangeRequestView[]> {
  const pre = await loadFor(db, actor, id, 'goal.read');
  if (comment.trim() === '') {
    throw new ServiceError('VALIDATION', {
      message: '驳回须填写意见',
      messageEn: 'A rejection needs a comment',
    });
  }
  const batch = await db.transaction(async (tx) => {
    await goalRepo.lockGoal(tx, pre.goalId);
    const rows = await repo.listBatch(tx, pre.batchId);
    const step = await decisionStep(tx, actor, rows[0]!);
    await repo.setBatchStatus(tx, pre.batchId, {
      status: 'rejected',
      decidedBy: actor.username,
      decidedAt: now,
      decisionComment: comment.trim(),
      ...(step === 'dept'
        ? { deptDecidedBy: actor.username, deptDecidedAt: now, deptComment: comment.trim() }
        : {}),
    });
    for (const r of rows) {
      await recordAudit(tx, actor, {
        action: 'changeRequest.reject',
        entity: 'change_requests',
        entityId: r.id,
        departmentCode: r.departmentCode,
        before: { status: r.status },
        after: { status: 'rejected', comment: comment.trim(), step },
      });
    }
    return repo.listBatch(tx, pre.batchId);
  });
  return batchViews(db, batch);
}

export function hasGoalErrors(issues: GoalSetIssue[]): boolean {
  return hasErrors(issues);
}

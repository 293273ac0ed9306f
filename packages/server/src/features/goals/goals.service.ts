// Goal sets (年度总体目标 + indicator tree) of a department/year: list, create, edit while draft/returned,
// submit (checks of core/indicators), approve by the department head then (when configured) the finance bureau,
// lock on final approval, return for revision. Every change is one transaction with its audit entry.
import {
  LEVEL1_TEXT,
  LEVEL2_TEXT,
  OPERATOR_SYMBOL,
  d,
  defaultPreset,
  dSum,
  getPreset,
  goalSetRulesFrom,
  hasErrors,
  toFixed2,
  validateGoalSet,
  type GoalSetIssue,
  type GoalSetRules,
  type ScoringRules,
} from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { GoalStatus, Level1, Level2 } from '../../db/schema/goals.ts';
import type { GoalEventAction } from '../../db/schema/change-requests.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import * as crRepo from '../change-requests/change-requests.repository.ts';
import * as deptRepo from '../departments/departments.repository.ts';
import * as repo from './goals.repository.ts';
import * as indRepo from '../indicators/indicators.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';

// ——— rules of the year ———

export interface YearRules {
  scoring: ScoringRules;
  goalSet: GoalSetRules;
  financeApprovalRequired: boolean;
}

export async function yearRules(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<YearRules> {
  const fy = await deptRepo.findFiscalYear(db, regionCode, year);
  const preset = (fy && getPreset(fy.scoringPreset)) || defaultPreset();
  return {
    scoring: preset.rules,
    goalSet: goalSetRulesFrom(preset.rules),
    financeApprovalRequired: fy?.financeApprovalRequired ?? true,
  };
}

/** End of the fiscal year in China Standard Time (UTC+8): 1 January of the next year, 00:00. */
export function yearEnd(year: number): Date {
  return new Date(Date.UTC(year + 1, 0, 1, -8));
}

export function assertYearOpen(year: number, now: Date, what: { zh: string; en: string }): void {
  if (now >= yearEnd(year)) {
    throw new ServiceError('STATE', {
      message: `${year} 年度已结束，不能再${what.zh}：绩效目标须在年度执行前（至迟在年度内）设定、审核并锁定，不能依据实际完成情况补设；锁定后的调整请提交变更申请`,
      messageEn: `Fiscal year ${year} has ended: goals can no longer be ${what.en} (targets are set and locked before the actuals exist; changes after locking go through change requests)`,
    });
  }
}

// ——— views ———

export interface IndicatorChange {
  id: string;
  field: string;
  originalValue: string;
  newValue: string;
  reason: string;
  status: string;
  requestedAt: string;
  decidedAt: string | null;
}

export interface IndicatorView {
  id: string;
  goalId: string;
  departmentCode: string;
  fiscalYear: number;
  level1: Level1;
  level1Label: string;
  level2: Level2;
  level2Label: string;
  name: string;
  operator: string;
  operatorSymbol: string;
  target: string;
  unit: string;
  weight: string;
  targetBasis: string | null;
  dataSource: string | null;
  sort: number;
  actual: string | null;
  actualEnteredAt: string | null;
  actualEnteredBy: string | null;
  evidence: string | null;
  deviationNote: string | null;
  qualScore: string | null;
  deduction: string | null;
  deductionReason: string | null;
  deductionBy: string | null;
  deductionAt: string | null;
  metricKey: string | null;
  illustrative: boolean;
  /** Change requests of this indicator (approved ones show the original value next to the current). */
  changes: IndicatorChange[];
}

export interface GoalEventView {
  action: GoalEventAction;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  actorRole: string;
  comment: string | null;
  at: string;
}

export interface Level2Group {
  level2: Level2;
  label: string;
  weight: string;
  indicators: IndicatorView[];
}

export interface Level1Group {
  level1: Level1;
  label: string;
  weight: string;
  groups: Level2Group[];
}

export interface GoalView {
  id: string;
  departmentCode: string;
  regionCode: string;
  fiscalYear: number;
  scope: 'department' | 'project';
  projectId: string | null;
  projectCode: string | null;
  projectName: string | null;
  targetText: string;
  actualText: string | null;
  status: GoalStatus;
  editable: boolean;
  lockedAt: string | null;
  illustrative: boolean;
  weightTotal: string;
  tree: Level1Group[];
  events: GoalEventView[];
  pendingChangeRequests: number;
}

const iso = (x: Date | null): string | null => (x ? x.toISOString() : null);

export function indicatorView(
  r: indRepo.IndicatorRow,
  changes: crRepo.ChangeRequestRow[] = [],
): IndicatorView {
  return {
    id: r.id,
    goalId: r.goalId,
    departmentCode: r.departmentCode,
    fiscalYear: r.fiscalYear,
    level1: r.level1,
    level1Label: LEVEL1_TEXT[r.level1],
    level2: r.level2,
    level2Label: LEVEL2_TEXT[r.level2],
    name: r.name,
    operator: r.operator,
    operatorSymbol: OPERATOR_SYMBOL[r.operator],
    target: r.target,
    unit: r.unit,
    weight: toFixed2(d(r.weight)),
    targetBasis: r.targetBasis,
    dataSource: r.dataSource,
    sort: r.sort,
    actual: r.actual,
    actualEnteredAt: iso(r.actualEnteredAt),
    actualEnteredBy: r.actualEnteredBy,
    evidence: r.evidence,
    deviationNote: r.deviationNote,
    qualScore: r.qualScore,
    deduction: r.deduction,
    deductionReason: r.deductionReason,
    deductionBy: r.deductionBy,
    deductionAt: iso(r.deductionAt),
    metricKey: r.metricKey,
    illustrative: r.illustrative,
    changes: changes
      .filter((c) => c.indicatorId === r.id)
      .map((c) => ({
        id: c.id,
        field: c.field,
        originalValue: c.originalValue,
        newValue: c.newValue,
        reason: c.reason,
        status: c.status,
        requestedAt: c.requestedAt.toISOString(),
        decidedAt: iso(c.decidedAt),
      })),
  };
}

const LEVEL1_ORDER: Level1[] = ['OUTPUT', 'BENEFIT', 'SATISFACTION', 'COST'];
const LEVEL2_ORDER = Object.keys(LEVEL2_TEXT) as Level2[];

export function buildTree(inds: IndicatorView[]): Level1Group[] {
  const out: Level1Group[] = [];
  for (const l1 of LEVEL1_ORDER) {
    const of1 = inds.filter((i) => i.level1 === l1);
    if (of1.length === 0) {
      continue;
    }
    const groups: Level2Group[] = [];
    for (const l2 of LEVEL2_ORDER) {
      const of2 = of1.filter((i) => i.level2 === l2);
      if (of2.length > 0) {
        groups.push({
          level2: l2,
          label: LEVEL2_TEXT[l2],
          weight: toFixed2(dSum(of2.map((i) => d(i.weight)))),
          indicators: of2,
        });
      }
    }
    out.push({
      level1: l1,
      label: LEVEL1_TEXT[l1],
      weight: toFixed2(dSum(of1.map((i) => d(i.weight)))),
      groups,
    });
  }
  return out;
}

async function goalViews(db: Queryable, goals: repo.GoalWithProject[]): Promise<GoalView[]> {
  const inds = await indRepo.listIndicatorsOfGoals(
    db,
    goals.map((g) => g.id),
  );
  const changes = await crRepo.listForIndicators(
    db,
    inds.map((i) => i.id),
  );
  const views: GoalView[] = [];
  for (const g of goals) {
    const mine = inds.filter((i) => i.goalId === g.id).map((i) => indicatorView(i, changes));
    const events = await repo.listGoalEvents(db, g.id);
    views.push({
      id: g.id,
      departmentCode: g.departmentCode,
      regionCode: g.regionCode,
      fiscalYear: g.fiscalYear,
      scope: g.projectId === null ? 'department' : 'project',
      projectId: g.projectId,
      projectCode: g.projectCode,
      projectName: g.projectName,
      targetText: g.targetText,
      actualText: g.actualText,
      status: g.status,
      editable: repo.isEditable(g.status),
      lockedAt: iso(g.lockedAt),
      illustrative: g.illustrative,
      weightTotal: toFixed2(dSum(mine.map((i) => d(i.weight)))),
      tree: buildTree(mine),
      events: events.map((e) => ({
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actor: e.actorName,
        actorRole: e.actorRole,
        comment: e.comment,
        at: e.at.toISOString(),
      })),
      pendingChangeRequests: changes.filter(
        (c) =>
          mine.some((i) => i.id === c.indicatorId) &&
          (c.status === 'pending' || c.status === 'deptApproved'),
      ).length,
    });
  }
  return views;
}

export function goalSnapshot(g: repo.GoalRow): Record<string, unknown> {
  return {
    id: g.id,
    departmentCode: g.departmentCode,
    fiscalYear: g.fiscalYear,
    projectId: g.projectId,
    targetText: g.targetText,
    status: g.status,
    lockedAt: iso(g.lockedAt),
  };
}

// ——— loading with access checks ———

async function loadDepartment(db: Queryable, code: string): Promise<deptRepo.DepartmentRow> {
  const dept = await deptRepo.findDepartment(db, code);
  if (!dept || dept.kind !== 'department') {
    throw notFound(`部门「${code}」`, `Department ${code}`);
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

export interface GoalListing {
  department: { code: string; name: string; regionCode: string };
  year: number;
  financeApprovalRequired: boolean;
  indicatorWeightTotal: string;
  budgetWeight: string;
  goals: GoalView[];
}

export async function listGoals(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
): Promise<GoalListing> {
  const dept = await loadDepartment(db, departmentCode);
  assertPermission(actor, 'goal.read', dept);
  const rules = await yearRules(db, dept.regionCode, year);
  const goals = await repo.listGoals(db, departmentCode, year);
  return {
    department: { code: dept.code, name: dept.name, regionCode: dept.regionCode },
    year,
    financeApprovalRequired: rules.financeApprovalRequired,
    indicatorWeightTotal: rules.goalSet.indicatorWeightTotal,
    budgetWeight: rules.goalSet.budgetWeight,
    goals: await goalViews(db, goals),
  };
}

export async function getGoal(
  db: Db,
  actor: Actor,
  id: string,
): Promise<GoalView & { issues: GoalSetIssue[] }> {
  const g = await loadGoalFor(db, actor, id, 'goal.read');
  const [view] = await goalViews(db, [g]);
  return { ...view!, issues: await checkIssues(db, g, null) };
}

async function checkIssues(
  db: Queryable,
  g: repo.GoalRow,
  noSatisfactionReason: string | null,
): Promise<GoalSetIssue[]> {
  const rules = await yearRules(db, g.regionCode, g.fiscalYear);
  const inds = await indRepo.listIndicatorsOfGoals(db, [g.id]);
  return validateGoalSet(
    {
      targetText: g.targetText,
      noSatisfactionReason,
      indicators: inds.map((i) => ({
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
  );
}

export async function checkGoal(
  db: Db,
  actor: Actor,
  id: string,
  noSatisfactionReason: string | null,
): Promise<GoalSetIssue[]> {
  const g = await loadGoalFor(db, actor, id, 'goal.read');
  return checkIssues(db, g, noSatisfactionReason);
}

// ——— editing (clerk, draft/returned) ———

export function assertEditable(g: repo.GoalRow): void {
  if (!repo.isEditable(g.status)) {
    const locked = g.status === 'locked' || g.status === 'approved';
    throw new ServiceError(
      locked ? 'LOCKED' : 'STATE',
      {
        message: locked
          ? '绩效目标已锁定，不能直接修改：请提交变更申请'
          : '绩效目标已送审，审核期间不能修改（被退回后可修改）',
        messageEn: locked
          ? 'The goal set is locked: submit a change request instead'
          : 'The goal set is under review and cannot be edited (it can be after it is returned)',
      },
      { status: g.status },
    );
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

export interface CreateGoalInput {
  departmentCode: string;
  year: number;
  projectId: string | null;
  targetText: string;
}

export async function createGoal(
  db: Db,
  actor: Actor,
  input: CreateGoalInput,
  now: Date,
): Promise<GoalView> {
  const dept = await loadDepartment(db, input.departmentCode);
  assertPermission(actor, 'goal.edit', dept);
  assertYearOpen(input.year, now, { zh: '设定该年度的绩效目标', en: 'created for it' });
  if (input.projectId !== null) {
    const p = await repo.findProject(db, input.projectId);
    if (!p || p.departmentCode !== dept.code) {
      throw new ServiceError('VALIDATION', {
        message: `项目「${input.projectId}」不属于部门 ${dept.code}`,
        messageEn: `Project ${input.projectId} does not belong to department ${dept.code}`,
      });
    }
    if (p.fiscalYear !== input.year) {
      throw new ServiceError('VALIDATION', {
        message: `项目「${p.code}」属于 ${p.fiscalYear} 年度，不是 ${input.year} 年度`,
        messageEn: `Project ${p.code} belongs to ${p.fiscalYear}, not ${input.year}`,
      });
    }
  }
  const id = await db.transaction(async (tx) => {
    if (await repo.findGoalFor(tx, dept.code, input.year, input.projectId)) {
      throw new ServiceError('CONFLICT', {
        message: input.projectId ? '该项目本年度已有绩效目标' : '本部门本年度已有部门整体绩效目标',
        messageEn: input.projectId
          ? 'This project already has a goal set for the year'
          : 'The department already has an overall goal set for the year',
      });
    }
    const g = await repo.insertGoal(tx, {
      regionCode: dept.regionCode,
      fiscalYear: input.year,
      departmentCode: dept.code,
      projectId: input.projectId,
      targetText: input.targetText.trim(),
      status: 'draft',
      createdAt: now,
      updatedAt: now,
    });
    await addEvent(tx, actor, g, 'create', null, 'draft', null, now);
    await recordAudit(tx, actor, {
      action: 'goal.create',
      entity: 'goals',
      entityId: g.id,
      departmentCode: g.departmentCode,
      before: null,
      after: goalSnapshot(g),
    });
    return g.id;
  });
  return (await goalViews(db, [(await repo.findGoal(db, id))!]))[0]!;
}

export async function updateGoalText(
  db: Db,
  actor: Actor,
  id: string,
  targetText: string,
  now: Date,
): Promise<GoalView> {
  await loadGoalFor(db, actor, id, 'goal.edit');
  await db.transaction(async (tx) => {
    const g = await lockEditableGoal(tx, actor, id);
    const next = await repo.updateGoal(tx, id, { targetText: targetText.trim(), updatedAt: now });
    await recordAudit(tx, actor, {
      action: 'goal.update',
      entity: 'goals',
      entityId: id,
      departmentCode: g.departmentCode,
      before: { targetText: g.targetText },
      after: { targetText: next.targetText },
    });
  });
  return (await goalViews(db, [(await repo.findGoal(db, id))!]))[0]!;
}

export async function deleteGoal(db: Db, actor: Actor, id: string): Promise<void> {
  await loadGoalFor(db, actor, id, 'goal.edit');
  await db.transaction(async (tx) => {
    const g = await lockEditableGoal(tx, actor, id);
    if (g.lockedAt !== null) {
      throw new ServiceError('STATE', {
        message: '曾经锁定的绩效目标不能删除',
        messageEn: 'A goal set that was once locked cannot be deleted',
      });
    }
    const inds = await indRepo.listIndicatorsOfGoals(tx, [id]);
    await repo.deleteGoal(tx, id);
    await recordAudit(tx, actor, {
      action: 'goal.delete',
      entity: 'goals',
      entityId: id,
      departmentCode: g.departmentCode,
      before: {
        ...goalSnapshot(g),
        indicators: inds.map((i) => ({
          id: i.id,
          name: i.name,
          operator: i.operator,
          target: i.target,
          unit: i.unit,
          weight: i.weight,
        })),
      },
      after: null,
    });
  });
}

// ——— workflow ———

async function addEvent(
  tx: Queryable,
  actor: Actor,
  g: repo.GoalRow,
  action: GoalEventAction,
  from: GoalStatus | null,
  to: GoalStatus,
  comment: string | null,
  now: Date,
): Promise<void> {
  await repo.insertGoalEvent(tx, {
    regionCode: g.regionCode,
    fiscalYear: g.fiscalYear,
    departmentCode: g.departmentCode,
    goalId: g.id,
    action,
    fromStatus: from,
    toStatus: to,
    actorId: actor.userId,
    actorName: actor.displayName || actor.username,
    actorRole: actor.role,
    comment,
    at: now,
  });
}

export type SubmitOutcome =
  { ok: true; goal: GoalView; issues: GoalSetIssue[] } | { ok: false; issues: GoalSetIssue[] };

/** Submit for approval: refused (ok=false, the route answers 422) when any check is an error. */
export async function submitGoal(
  db: Db,
  actor: Actor,
  id: string,
  input: { noSatisfactionReason: string | null; comment: string | null },
  now: Date,
): Promise<SubmitOutcome> {
  const pre = await loadGoalFor(db, actor, id, 'goal.edit');
  assertEditable(pre);
  assertYearOpen(pre.fiscalYear, now, { zh: '送审该年度的绩效目标', en: 'submitted' });
  const outcome = await db.transaction(
    async (tx): Promise<{ ok: boolean; issues: GoalSetIssue[] }> => {
      const g = await lockEditableGoal(tx, actor, id);
      const issues = await checkIssues(tx, g, input.noSatisfactionReason);
      if (hasErrors(issues)) {
        return { ok: false, issues };
      }
      await repo.updateGoal(tx, id, { status: 'submitted', updatedAt: now });
      const reason = input.noSatisfactionReason?.trim() || null;
      const comment =
        [input.comment?.trim(), reason ? `未设满意度指标的理由：${reason}` : null]
          .filter(Boolean)
          .join('；') || null;
      await addEvent(tx, actor, g, 'submit', g.status, 'submitted', comment, now);
      await recordAudit(tx, actor, {
        action: 'goal.submit',
        entity: 'goals',
        entityId: id,
        departmentCode: g.departmentCode,
        before: { status: g.status },
        after: {
          status: 'submitted',
          warnings: issues.map((i) => i.code),
          noSatisfactionReason: reason,
        },
      });
      return { ok: true, issues };
    },
  );
  if (!outcome.ok) {
    return { ok: false, issues: outcome.issues };
  }
  return {
    ok: true,
    issues: outcome.issues,
    goal: (await goalViews(db, [(await repo.findGoal(db, id))!]))[0]!,
  };
}

/** Approve: department head at 'submitted', finance reviewer at 'deptApproved'; the final approval locks. */
export async function approveGoal(
  db: Db,
  actor: Actor,
  id: string,
  comment: string | null,
  now: Date,
): Promise<GoalView> {
  const pre = await loadGoalFor(db, actor, id, 'goal.read');
  await db.transaction(async (tx) => {
    const g = (await repo.lockGoal(tx, id))!;
    const rules = await yearRules(tx, g.regionCode, g.fiscalYear);
    const dept = { code: g.departmentCode, regionCode: g.regionCode };
    let next: GoalStatus;
    if (g.status === 'submitted') {
      assertPermission(actor, 'goal.approve.dept', dept);
      next = rules.financeApprovalRequired ? 'deptApproved' : 'locked';
    } else if (g.status === 'deptApproved') {
      assertPermission(actor, 'goal.approve.finance', dept);
      next = 'locked';
    } else {
      assertPermission(
        actor,
        actor.role === 'financeReviewer' ? 'goal.approve.finance' : 'goal.approve.dept',
        dept,
      );
      throw new ServiceError(
        'STATE',
        {
          message: `当前状态（${STATUS_TEXT[g.status]}）不能审核`,
          messageEn: `Cannot approve a goal set in status ${g.status}`,
        },
        { status: g.status },
      );
    }
    assertYearOpen(g.fiscalYear, now, {
      zh: '审核、锁定该年度的绩效目标',
      en: 'approved or locked',
    });
    const approvedStatus: GoalStatus =
      g.status === 'submitted' && next === 'deptApproved' ? 'deptApproved' : 'approved';
    await addEvent(tx, actor, g, 'approve', g.status, approvedStatus, comment, now);
    await recordAudit(tx, actor, {
      action: 'goal.approve',
      entity: 'goals',
      entityId: id,
      departmentCode: g.departmentCode,
      before: { status: g.status },
      after: { status: approvedStatus, comment },
    });
    if (next === 'locked') {
      await repo.updateGoal(tx, id, { status: 'locked', lockedAt: now, updatedAt: now });
      await addEvent(tx, actor, g, 'lock', 'approved', 'locked', null, now);
      await recordAudit(tx, actor, {
        action: 'goal.lock',
        entity: 'goals',
        entityId: id,
        departmentCode: g.departmentCode,
        before: { status: 'approved' },
        after: { status: 'locked', lockedAt: now.toISOString() },
      });
    } else {
      await repo.updateGoal(tx, id, { status: next, updatedAt: now });
    }
  });
  return (await goalViews(db, [(await repo.findGoal(db, pre.id))!]))[0]!;
}

/** Return for revision (comment required): department head at 'submitted', finance reviewer at 'deptApproved'. */
export async function returnGoal(
  db: Db,
  actor: Actor,
  id: string,
  comment: string,
  now: Date,
): Promise<GoalView> {
  await loadGoalFor(db, actor, id, 'goal.read');
  await db.transaction(async (tx) => {
    const g = (await repo.lockGoal(tx, id))!;
    const dept = { code: g.departmentCode, regionCode: g.regionCode };
    if (g.status === 'submitted') {
      assertPermission(actor, 'goal.approve.dept', dept);
    } else if (g.status === 'deptApproved') {
      assertPermission(actor, 'goal.approve.finance', dept);
    } else {
      assertPermission(
        actor,
        actor.role === 'financeReviewer' ? 'goal.approve.finance' : 'goal.approve.dept',
        dept,
      );
      throw new ServiceError(
        'STATE',
        {
          message: `当前状态（${STATUS_TEXT[g.status]}）不能退回`,
          messageEn: `Cannot return a goal set in status ${g.status}`,
        },
        { status: g.status },
      );
    }
    await repo.updateGoal(tx, id, { status: 'returned', updatedAt: now });
    await addEvent(tx, actor, g, 'return', g.status, 'returned', comment, now);
    await recordAudit(tx, actor, {
      action: 'goal.return',
      entity: 'goals',
      entityId: id,
      departmentCode: g.departmentCode,
      before: { status: g.status },
      after: { status: 'returned', comment },
    });
  });
  return (await goalViews(db, [(await repo.findGoal(db, id))!]))[0]!;
}

export const STATUS_TEXT: Record<GoalStatus, string> = {
  draft: '草稿',
  submitted: '已送审',
  deptApproved: '部门已审核',
  approved: '已审核',
  locked: '已锁定',
  returned: '已退回',
};

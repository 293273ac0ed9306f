// What the API answers for goal sets: each indicator with its change requests, the tree grouped by level 1 and
// level 2 with the weights summed, the events of the workflow, and the snapshot written to the audit log.
import { LEVEL1_TEXT, LEVEL2_TEXT, OPERATOR_SYMBOL, d, dSum, toFixed2 } from '@jixiao/core';
import { isGoalEditable } from '@jixiao/core/goals/index';
import type { Queryable } from '../../db/open-db.ts';
import type { GoalStatus, Level1, Level2, Operator, TargetBasis } from '../../db/schema/goals.ts';
import type { GoalEventAction } from '../../db/schema/change-requests.ts';
import * as crRepo from '../change-requests/change-requests.repository.ts';
import * as repo from './goals.repository.ts';
import * as indRepo from '../indicators/indicators.repository.ts';

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
  operator: Operator;
  operatorSymbol: string;
  target: string;
  unit: string;
  weight: string;
  targetBasis: TargetBasis | null;
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

function changeView(c: crRepo.ChangeRequestRow): IndicatorChange {
  return {
    id: c.id,
    field: c.field,
    originalValue: c.originalValue,
    newValue: c.newValue,
    reason: c.reason,
    status: c.status,
    requestedAt: c.requestedAt.toISOString(),
    decidedAt: iso(c.decidedAt),
  };
}

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
    ...resultFields(r),
    metricKey: r.metricKey,
    illustrative: r.illustrative,
    changes: changes.filter((c) => c.indicatorId === r.id).map(changeView),
  };
}

/** The fields entered after locking: actual value, evidence, qualitative score, reviewer's deduction. */
function resultFields(r: indRepo.IndicatorRow) {
  return {
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
  };
}

const LEVEL1_ORDER: Level1[] = ['OUTPUT', 'BENEFIT', 'SATISFACTION', 'COST'];
const LEVEL2_ORDER = Object.keys(LEVEL2_TEXT) as Level2[];

const weightSum = (inds: IndicatorView[]): string => toFixed2(dSum(inds.map((i) => d(i.weight))));

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
          weight: weightSum(of2),
          indicators: of2,
        });
      }
    }
    out.push({ level1: l1, label: LEVEL1_TEXT[l1], weight: weightSum(of1), groups });
  }
  return out;
}

function eventView(e: repo.GoalEventRow): GoalEventView {
  return {
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actor: e.actorName,
    actorRole: e.actorRole,
    comment: e.comment,
    at: e.at.toISOString(),
  };
}

function goalView(
  g: repo.GoalWithProject,
  mine: IndicatorView[],
  events: repo.GoalEventRow[],
  changes: crRepo.ChangeRequestRow[],
): GoalView {
  return {
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
    editable: isGoalEditable(g.status),
    lockedAt: iso(g.lockedAt),
    illustrative: g.illustrative,
    weightTotal: weightSum(mine),
    tree: buildTree(mine),
    events: events.map(eventView),
    pendingChangeRequests: changes.filter(
      (c) =>
        mine.some((i) => i.id === c.indicatorId) &&
        (c.status === 'pending' || c.status === 'deptApproved'),
    ).length,
  };
}

export async function goalViews(db: Queryable, goals: repo.GoalWithProject[]): Promise<GoalView[]> {
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
    views.push(goalView(g, mine, await repo.listGoalEvents(db, g.id), changes));
  }
  return views;
}

/** The view of one goal set, read again after a change. */
export async function goalViewById(db: Queryable, id: string): Promise<GoalView> {
  return (await goalViews(db, [(await repo.findGoal(db, id))!]))[0]!;
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

// Goal sets (年度总体目标 + indicator tree) of a department/year: list, read, check, create, edit the overall
// target while draft/returned, delete. The workflow (submit, approve, lock, return) is in goal-workflow.service.ts,
// the views in goals.views.ts, the year's rules in goal-year.ts; all are exported from here for the routes.
// Every change is one transaction with its audit entry.
import { GOAL_STATUS_TEXT } from '@jixiao/core/goals/index';
import type { GoalSetIssue } from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { DepartmentRow } from '../departments/departments.repository.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import * as repo from './goals.repository.ts';
import * as indRepo from '../indicators/indicators.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { ServiceError } from '../../http/service-error.ts';
import { loadDepartment, loadGoalFor, lockEditableGoal } from './goals.access.ts';
import { checkIssues } from './goal-check.ts';
import { assertYearOpen, yearEnd, yearRules } from './goal-year.ts';
import { goalSnapshot, goalViewById, goalViews, type GoalView } from './goals.views.ts';
import { addEvent } from './goal-workflow.service.ts';

export { assertYearOpen, yearEnd, yearRules, type YearRules } from './goal-year.ts';
export {
  buildTree,
  goalSnapshot,
  indicatorView,
  type GoalEventView,
  type GoalView,
  type IndicatorChange,
  type IndicatorView,
  type Level1Group,
  type Level2Group,
} from './goals.views.ts';
export { assertEditable, loadGoalFor, lockEditableGoal } from './goals.access.ts';
export {
  approveGoal,
  returnGoal,
  submitGoal,
  type SubmitOutcome,
} from './goal-workflow.service.ts';

/** The Chinese names of the goal statuses (core's GOAL_STATUS_TEXT). */
export const STATUS_TEXT = GOAL_STATUS_TEXT;

export interface GoalListing {
  department: { code: string; name: string; regionCode: string };
  year: number;
  financeApprovalRequired: boolean;
  /** The fiscal year is over: no goal set can be created, submitted or approved (新建绩效目标 disabled). */
  yearEnded: boolean;
  indicatorWeightTotal: string;
  budgetWeight: string;
  goals: GoalView[];
}

export async function listGoals(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  now: Date = new Date(),
): Promise<GoalListing> {
  const dept = await loadDepartment(db, actor, departmentCode, 'goal.read');
  assertPermission(actor, 'goal.read', dept);
  const rules = await yearRules(db, dept.regionCode, year);
  const goals = await repo.listGoals(db, departmentCode, year);
  return {
    department: { code: dept.code, name: dept.name, regionCode: dept.regionCode },
    year,
    financeApprovalRequired: rules.financeApprovalRequired,
    yearEnded: now >= yearEnd(year),
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

export async function checkGoal(
  db: Db,
  actor: Actor,
  id: string,
  noSatisfactionReason: string | null,
): Promise<GoalSetIssue[]> {
  const g = await loadGoalFor(db, actor, id, 'goal.read');
  return checkIssues(db, g, noSatisfactionReason);
}

export interface CreateGoalInput {
  departmentCode: string;
  year: number;
  projectId: string | null;
  targetText: string;
}

/** A project goal set belongs to a project of the same department and year. */
async function assertProjectOf(
  db: Queryable,
  dept: DepartmentRow,
  input: CreateGoalInput,
): Promise<void> {
  if (input.projectId === null) {
    return;
  }
  const p = await repo.findProject(db, input.projectId);
  if (!p || p.departmentCode !== dept.code) {
    throw new ServiceError('GOAL_PROJECT_OTHER_DEPARTMENT', {
      project: input.projectId,
      department: dept.code,
    });
  }
  if (p.fiscalYear !== input.year) {
    throw new ServiceError('GOAL_PROJECT_OTHER_YEAR', {
      project: p.code,
      projectYear: p.fiscalYear,
      year: input.year,
    });
  }
}

async function insertGoal(
  tx: Queryable,
  actor: Actor,
  dept: DepartmentRow,
  input: CreateGoalInput,
  now: Date,
): Promise<string> {
  if (await repo.findGoalFor(tx, dept.code, input.year, input.projectId)) {
    throw new ServiceError(
      input.projectId ? 'PROJECT_GOAL_SET_EXISTS' : 'DEPARTMENT_GOAL_SET_EXISTS',
    );
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
}

export async function createGoal(
  db: Db,
  actor: Actor,
  input: CreateGoalInput,
  now: Date,
): Promise<GoalView> {
  const dept = await loadDepartment(db, actor, input.departmentCode, 'goal.edit');
  assertPermission(actor, 'goal.edit', dept);
  assertYearOpen(input.year, now, { zh: '设定该年度的绩效目标', en: 'created for it' });
  await assertProjectOf(db, dept, input);
  const id = await db.transaction((tx) => insertGoal(tx, actor, dept, input, now));
  return goalViewById(db, id);
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
  return goalViewById(db, id);
}

export async function deleteGoal(db: Db, actor: Actor, id: string): Promise<void> {
  await loadGoalFor(db, actor, id, 'goal.edit');
  await db.transaction(async (tx) => {
    const g = await lockEditableGoal(tx, actor, id);
    if (g.lockedAt !== null) {
      throw new ServiceError('GOAL_ONCE_LOCKED');
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

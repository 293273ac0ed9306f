// The goal-set checks of a change: the errors the batch would introduce into the goal set (problems it already had
// are not held against it), and the refusal that lists them.
import { applyChanges, type ChangeOfField } from '@jixiao/core/indicators/change-values';
import type { RuleViolation } from '@jixiao/core/indicators/indicator-rules';
import { validateGoalSet, type GoalSetIssue } from '@jixiao/core';
import type { Queryable } from '../../db/open-db.ts';
import * as goalRepo from '../goals/goals.repository.ts';
import * as indRepo from '../indicators/indicators.repository.ts';
import { ServiceError } from '../../http/service-error.ts';
import { yearEnd, yearRules } from '../goals/goals.service.ts';
import * as evalRepo from '../evaluations/evaluations.repository.ts';

/**
 * 先定目标、后报实际: targets are not changed once the year is over or its self-evaluation has been submitted (to
 * the head or the bureau, or accepted) — the actuals would then decide the targets.
 */
export async function assertTargetsStillChangeable(
  db: Queryable,
  goal: goalRepo.GoalRow,
  now: Date,
): Promise<void> {
  const year = goal.fiscalYear;
  const statuses = await evalRepo.evaluationStatuses(db, goal.departmentCode, year);
  if (['headReview', 'submitted', 'accepted'].some((st) => statuses.has(st))) {
    throw new ServiceError('CHANGE_AFTER_SUBMISSION', { year });
  }
  if (now >= yearEnd(year)) {
    throw new ServiceError('CHANGE_AFTER_YEAR_END', { year });
  }
}

/** The violation of a core rule as a service error. */
export function raise(v: RuleViolation): never {
  throw new ServiceError(v.code, v.params, v.details);
}

/** Throw the violation, if any. */
export function refuse(v: RuleViolation | null): void {
  if (v) {
    raise(v);
  }
}

/** Errors the change would introduce into the goal set (problems it already had are not held against it). */
export async function newErrors(
  db: Queryable,
  goal: goalRepo.GoalRow,
  inds: indRepo.IndicatorRow[],
  items: ChangeOfField[],
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
  return check(applyChanges(inds, items)).filter(
    (x) => !before.has(`${x.code}/${x.indicatorId ?? ''}`),
  );
}

/** The refusal of a change that breaks the goal set (422, the issues in details). */
export function invalidChange(issues: GoalSetIssue[]): ServiceError {
  return new ServiceError(
    'CHANGE_BREAKS_GOAL_SET',
    {
      problems: issues.map((i) => i.message).join('；'),
      problemsEn: issues.map((i) => i.messageEn).join('; '),
    },
    { issues },
  );
}

/** Refuse a batch that would break the goal set. */
export async function assertKeepsGoalValid(
  db: Queryable,
  goal: goalRepo.GoalRow,
  inds: indRepo.IndicatorRow[],
  items: ChangeOfField[],
): Promise<void> {
  const broken = await newErrors(db, goal, inds, items);
  if (broken.length > 0) {
    throw invalidChange(broken);
  }
}

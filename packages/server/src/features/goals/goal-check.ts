// The checks of a goal set before submission (core's validateGoalSet with the rules of its year).
import { validateGoalSet, type GoalSetIssue } from '@jixiao/core';
import type { Queryable } from '../../db/open-db.ts';
import * as repo from './goals.repository.ts';
import * as indRepo from '../indicators/indicators.repository.ts';
import { yearRules } from './goal-year.ts';

export async function checkIssues(
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

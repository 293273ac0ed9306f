// The rules of a fiscal year that govern goal sets: its scoring preset (weights of the indicator tree), whether the
// finance bureau approves goal sets, and its end (after which no goal set is set, submitted or approved).
import {
  defaultPreset,
  getPreset,
  goalSetRulesFrom,
  type GoalSetRules,
  type ScoringRules,
} from '@jixiao/core';
import type { Queryable } from '../../db/open-db.ts';
import * as deptRepo from '../departments/departments.repository.ts';
import { ServiceError } from '../../http/service-error.ts';

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

/** Refuse (YEAR_ENDED) once the year is over; `what` completes 「不能再…」 / "can no longer be …". */
export function assertYearOpen(year: number, now: Date, what: { zh: string; en: string }): void {
  if (now >= yearEnd(year)) {
    throw new ServiceError('YEAR_ENDED', { year, action: what.zh, actionEn: what.en });
  }
}

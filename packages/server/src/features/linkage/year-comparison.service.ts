// 同比 (issue 15 item 5): a department-year beside the year before, from the self-evaluations as they stand
// (frozen once submitted, live otherwise). null when either year has no data.
import {
  compareYears,
  d,
  wanToFen,
  type YearComparison,
  type YearSubjectFigures,
} from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { listDepartmentYears } from '../departments/departments.repository.ts';
import { sharedEvaluation } from '../evaluations/evaluations.service.ts';
import type { EvaluationSubject } from '../evaluations/evaluation-inputs.ts';

function figures(sj: EvaluationSubject, code: string | null): YearSubjectFigures {
  const b = sj.input.budget;
  const out = sj.output;
  return {
    code,
    name: sj.name,
    budgetFen: wanToFen(d(b.adjusted)),
    executedFen: wanToFen(d(b.executed)),
    score: 'total' in out ? out.total : null,
    grade: 'total' in out ? out.grade : null,
    indicators: sj.input.indicators.map((i) => ({
      name: i.name,
      unit: i.unit,
      target: i.target,
      actual: i.actual,
    })),
  };
}

async function yearFigures(db: Db, dept: { code: string; name: string }, year: number) {
  const ev = await sharedEvaluation(db, dept, year);
  return {
    year,
    department: figures(ev.department, null),
    projects: ev.projects.map((p) => figures(p, p.code)),
  };
}

/** Loads both years of a department the actor may read; null when the year before has no data. */
export async function yearComparisonFor(
  db: Db,
  dept: { code: string; name: string },
  year: number,
): Promise<YearComparison | null> {
  const years = await listDepartmentYears(db, dept.code);
  if (!years.includes(year) || !years.includes(year - 1)) {
    return null;
  }
  return compareYears(await yearFigures(db, dept, year - 1), await yearFigures(db, dept, year));
}

/** GET /api/departments/{code}/year-comparison?year=. */
export async function getYearComparison(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
): Promise<{ comparison: YearComparison | null }> {
  const dept = await getDepartment(db, actor, departmentCode);
  return { comparison: await yearComparisonFor(db, dept, year) };
}

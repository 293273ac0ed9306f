// 同比: a department-year beside the year before — 执行率 and score of each year and their change, and each
// indicator of this year with last year's actual (matched by subject and indicator name). Pure: amounts in 分,
// rates and changes as exact 2-decimal strings.
import { d, toFixed2 } from '../decimal.ts';
import { executionRate } from '../ledger/roll-up.ts';

export interface YearSubjectFigures {
  /** The project code, or null for 部门整体. */
  code: string | null;
  name: string;
  budgetFen: number;
  executedFen: number;
  score: string | null;
  grade: string | null;
  indicators: readonly { name: string; unit: string; target: string; actual: string }[];
}

export interface SubjectComparison {
  code: string | null;
  name: string;
  previousRate: string | null;
  currentRate: string | null;
  /** Percentage points, signed ("+0.76", "-3.10"); null when a rate is missing. */
  rateChange: string | null;
  previousScore: string | null;
  currentScore: string | null;
  scoreChange: string | null;
  previousGrade: string | null;
  currentGrade: string | null;
  indicators: {
    name: string;
    unit: string;
    target: string;
    actual: string;
    /** Last year's actual of the indicator with the same name (null: no such indicator last year). */
    previousActual: string | null;
    previousTarget: string | null;
  }[];
}

export interface YearComparison {
  year: number;
  previousYear: number;
  department: SubjectComparison;
  /** This year's projects (a project absent last year has null previous figures). */
  projects: SubjectComparison[];
}

function signed(a: string | null, b: string | null): string | null {
  if (a === null || b === null) {
    return null;
  }
  const diff = d(b).minus(d(a));
  const s = toFixed2(diff);
  return diff.gt(0) ? `+${s}` : s;
}

export function compareSubject(
  previous: YearSubjectFigures | undefined,
  current: YearSubjectFigures,
): SubjectComparison {
  const previousRate = previous ? executionRate(previous.executedFen, previous.budgetFen) : null;
  const currentRate = executionRate(current.executedFen, current.budgetFen);
  const before = new Map((previous?.indicators ?? []).map((i) => [i.name, i]));
  return {
    code: current.code,
    name: current.name,
    previousRate,
    currentRate,
    rateChange: signed(previousRate, currentRate),
    previousScore: previous?.score ?? null,
    currentScore: current.score,
    scoreChange: signed(previous?.score ?? null, current.score),
    previousGrade: previous?.grade ?? null,
    currentGrade: current.grade,
    indicators: current.indicators.map((i) => ({
      ...i,
      previousActual: before.get(i.name)?.actual ?? null,
      previousTarget: before.get(i.name)?.target ?? null,
    })),
  };
}

/** Projects are matched by code (codes carry over between years). */
export function compareYears(
  previous: { year: number; department: YearSubjectFigures; projects: YearSubjectFigures[] },
  current: { year: number; department: YearSubjectFigures; projects: YearSubjectFigures[] },
): YearComparison {
  const before = new Map(previous.projects.map((p) => [p.code, p]));
  return {
    year: current.year,
    previousYear: previous.year,
    department: compareSubject(previous.department, current.department),
    projects: current.projects.map((p) => compareSubject(before.get(p.code), p)),
  };
}

/** The report's sentence: "与2023年相比，部门预算执行率由99.99%变为98.50%（-1.49个百分点），自评得分由…". */
export function comparisonSentence(c: YearComparison): string | null {
  const s = c.department;
  const parts: string[] = [];
  if (s.previousRate !== null && s.currentRate !== null && s.rateChange !== null) {
    parts.push(
      `部门预算执行率由${s.previousRate}%${change(s.rateChange, '个百分点')}至${s.currentRate}%`,
    );
  }
  if (s.previousScore !== null && s.currentScore !== null && s.scoreChange !== null) {
    parts.push(
      `部门整体自评得分由${s.previousScore}分${change(s.scoreChange, '分')}至${s.currentScore}分`,
    );
  }
  return parts.length === 0 ? null : `与${c.previousYear}年度相比，${parts.join('，')}。`;
}

function change(delta: string, unit: string): string {
  const x = d(delta);
  if (x.eq(0)) {
    return '持平';
  }
  return x.gt(0) ? `提高${toFixed2(x)}${unit}` : `下降${toFixed2(x.abs())}${unit}`;
}

// The finance bureau's view: every department of its region for a year — submission status,
// execution, score, grade and warnings.
import type { Db } from '../../db/open-db.ts';
import { VersionedCache } from '../../db/versioned-cache.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRole } from '../../auth/access.ts';
import { listDepartments } from '../departments/departments.service.ts';
import { scoreRegionDepartments } from './region-scoring.ts';
import { mapInParallel } from './read-in-parallel.ts';
import { d, fenToYuanString, parseYuan, toFixed2, wanToFen, type Fen } from '@jixiao/core';
import { countDepartmentWarnings } from '../monitoring/monitoring.service.ts';
import { goalGradeCountsOfRegion, type GoalGradeCounts } from '../exante/goal-grade.service.ts';

export interface OverviewRow {
  code: string;
  name: string;
  /** live (not submitted) | submitted | returned | accepted */
  status: string;
  budgetYuan: string;
  executedYuan: string;
  rate: string | null;
  score: string | null;
  grade: string | null;
  projects: number;
  findings: number;
  warnings: { red: number; yellow: number };
  /** 绩效目标审核 (§C.5): how many goal sets' latest grade is 优/良/中/差. */
  goalGrades: GoalGradeCounts;
}

/** One overview per region and year, recomputed only after a write (every reviewer of the region sees the same). */
const overviews = new VersionedCache<OverviewRow[]>(64);

export async function regionOverview(db: Db, actor: Actor, year: number): Promise<OverviewRow[]> {
  requireRole(actor, 'financeReviewer');
  const rows = await overviews.get(db, `${actor.regionCode}|${year}`, () =>
    computeRegionOverview(db, actor, year),
  );
  return structuredClone(rows); // callers may change their copy
}

async function computeRegionOverview(db: Db, actor: Actor, year: number): Promise<OverviewRow[]> {
  const depts = await listDepartments(db, actor);
  const grades = await goalGradeCountsOfRegion(db, actor.regionCode, year);
  const rows: OverviewRow[] = [];
  const codes = depts.filter((x) => x.years.includes(year)).map((x) => x.code);
  const warningList = await mapInParallel(codes, (code) => countDepartmentWarnings(db, code, year));
  const warnings = new Map(codes.map((code, i) => [code, warningList[i]!]));
  const scored = await scoreRegionDepartments(db, codes, year); // scores computed off the request thread
  for (const dept of depts) {
    const ev = scored.get(dept.code);
    if (!ev) {
      continue;
    }
    const b = ev.budget;
    const out = ev.output;
    const budget = wanToFen(d(b.adjusted));
    const executed = wanToFen(d(b.executed));
    const rate = budget === 0 ? null : toFixed2(d(executed).times(100).div(budget));
    rows.push({
      code: dept.code,
      name: dept.name,
      status: ev.status,
      budgetYuan: fenToYuanString(budget),
      executedYuan: fenToYuanString(executed),
      rate,
      score: 'total' in out ? out.total : null,
      grade: 'total' in out ? out.grade : null,
      projects: ev.projects,
      findings: 'total' in out ? out.findings.length : out.errors.length,
      warnings: warnings.get(dept.code) ?? { red: 0, yellow: 0 },
      goalGrades: grades.get(dept.code) ?? { excellent: 0, good: 0, fair: 0, poor: 0 },
    });
  }
  return rows;
}

export function sumYuan(xs: string[]): string {
  return fenToYuanString(xs.reduce((t, x) => t + (parseYuan(x) ?? 0), 0) as Fen);
}

// The finance bureau's region-wide monitoring view: every department of its region at a cut-off month, with its
// budget warning, counts and the red and yellow items on one page.
import type { WarningLevel } from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import * as deptRepo from '../departments/departments.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { canReadDepartment, requireRole, visibleRegion } from '../../auth/access.ts';
import { loadMonitoringConfig } from '../execution/execution.service.ts';
import { computeMonitoring } from './monitoring-compute.ts';
import type { Colour, MonitoringReport } from './monitoring.types.ts';

export interface RegionMonitoringRow {
  code: string;
  name: string;
  status: 'none' | 'draft' | 'submitted';
  budgetYuan: string;
  executedYuan: string;
  rate: string | null;
  /** 部门整体 budget warning. */
  level: WarningLevel | null;
  color: Colour | null;
  warnings: { red: number; yellow: number; green: number; blue: number };
  /** The red and yellow items, for the one-page view. */
  items: {
    subjectKey: string;
    kind: 'budget' | 'indicator';
    label: string;
    level: WarningLevel;
    v: string | null;
    responded: boolean;
  }[];
}

/** One department's line of the region view: its totals, counts and the red and yellow items. */
function regionRow(d: { code: string; name: string }, r: MonitoringReport): RegionMonitoringRow {
  return {
    code: d.code,
    name: d.name,
    status: r.round?.status ?? 'none',
    budgetYuan: r.department.budgetYuan,
    executedYuan: r.department.executedYuan,
    rate: r.department.rate,
    level: r.department.level,
    color: r.department.color,
    warnings: r.warnings,
    items: [
      ...r.projects
        .filter((p) => p.needsResponse)
        .map((p) => ({
          subjectKey: p.subjectKey,
          kind: 'budget' as const,
          label: `${p.name}（执行率 ${p.rate ?? '—'}%）`,
          level: p.level!,
          v: p.v,
          responded: p.response !== null,
        })),
      ...r.indicators
        .filter((i) => i.needsResponse)
        .map((i) => ({
          subjectKey: i.subjectKey,
          kind: 'indicator' as const,
          label: `${i.projectName}：${i.name}`,
          level: i.level!,
          v: i.v,
          responded: i.response !== null,
        })),
    ],
  };
}

/** GET /api/monitoring/overview: every department of the actor's region at a cut-off month (finance bureau). */
export async function regionMonitoring(
  db: Db,
  actor: Actor,
  year: number,
  month?: number,
): Promise<{
  year: number;
  month: number;
  timeProgress: string;
  departments: RegionMonitoringRow[];
}> {
  requireRole(actor, 'financeReviewer');
  const depts = (await deptRepo.listDepartmentsOfRegion(db, visibleRegion(actor))).filter((d) =>
    canReadDepartment(actor, d),
  );
  const rows: RegionMonitoringRow[] = [];
  let m = month;
  let timeProgress = '';
  for (const d of depts) {
    const years = await deptRepo.listDepartmentYears(db, d.code);
    if (!years.includes(year)) {
      continue;
    }
    const r = await computeMonitoring(db, d, year, month);
    m = r.month;
    timeProgress = r.timeProgress;
    rows.push(regionRow(d, r));
  }
  if (m === undefined) {
    const anyRegion = depts[0]?.regionCode;
    const config = anyRegion ? await loadMonitoringConfig(db, anyRegion, year) : null;
    m = config?.defaultCutoffMonth ?? 6;
  }
  return { year, month: m, timeProgress, departments: rows };
}

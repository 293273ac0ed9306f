// 绩效运行监控 (双监控): at a cut-off month, budget execution against 序时进度 per project and indicator
// progress against targets, coloured by the core's rules with the year's thresholds (data); the department's
// response to each warning (reasons, likelihood, measures), submission, and the bureau's region-wide view.
// The picture is computed in monitoring-compute.ts, responses and submission are in
// monitoring-responses.service.ts, the region view in monitoring-region.service.ts (all exported from here).
import { COMPLETION_LIKELIHOOD_TEXT, DEVIATION_REASON_TEXT } from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import * as deptRepo from '../departments/departments.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { computeMonitoring } from './monitoring-compute.ts';
import { writeDocument } from '../../render/document-writer.ts';
import type { MonitoringReport } from './monitoring.types.ts';

export type {
  BudgetWarningOut,
  Colour,
  GoalWarningOut,
  IndicatorWarningOut,
  MonitoringReport,
  WarningResponse,
} from './monitoring.types.ts';
export { computeMonitoring } from './monitoring-compute.ts';
export {
  saveResponses,
  submitMonitoring,
  type ResponseInput,
} from './monitoring-responses.service.ts';
export { regionMonitoring, type RegionMonitoringRow } from './monitoring-region.service.ts';

/** GET …/monitoring/{month}: the department's monitoring at a cut-off month (default: the configured one). */
export async function getMonitoring(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  month?: number,
  now: Date = new Date(),
): Promise<MonitoringReport> {
  const dept = await getDepartment(db, actor, departmentCode);
  return computeMonitoring(db, dept, year, month, now);
}

export const MONITORING_FORM_FORMATS = ['docx', 'xlsx'] as const;
export type MonitoringFormFormat = (typeof MONITORING_FORM_FORMATS)[number];

/** GET …/monitoring/{month}/form.{docx|xlsx}, `jixiao monitoring --out`: the 绩效运行监控表 file. */
export async function renderMonitoringForm(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  month: number | undefined,
  format: MonitoringFormFormat,
  now: Date,
): Promise<{ fileName: string; contentType: string; body: Buffer; report: MonitoringReport }> {
  const report = await getMonitoring(db, actor, departmentCode, year, month, now);
  const fileName = `${report.departmentName}${year}年${report.month}月绩效运行监控表.${format}`;
  if (format === 'docx') {
    return {
      fileName,
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      body: await writeDocument({ kind: 'monitoring-docx', report }),
      report,
    };
  }
  return {
    fileName,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await writeDocument({ kind: 'monitoring-xlsx', report, created: now }),
    report,
  };
}

export const DEVIATION_REASON_LABELS = DEVIATION_REASON_TEXT;
export const COMPLETION_LIKELIHOOD_LABELS = COMPLETION_LIKELIHOOD_TEXT;

/** The bureau overview's warning counts for one department-year, at the default cut-off. */
export async function countDepartmentWarnings(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<{ red: number; yellow: number }> {
  const dept = await deptRepo.findDepartment(db, departmentCode);
  if (!dept) {
    return { red: 0, yellow: 0 };
  }
  const r = await computeMonitoring(db, dept, year);
  return { red: r.warnings.red, yellow: r.warnings.yellow };
}

// Readers for the monitoring API: budget-execution warnings per project and target warnings per indicator,
// with the colour the server computed (domain-rules §6.2), read by their declared names (Schema 'Monitoring',
// 'RegionMonitoring'). Nothing is recomputed here.
import type { Schema } from '../../api/schema.ts';
import { toWarningLevel, type WarningLevel } from '../../ui/warning-tag.tsx';

export type Monitoring = Schema<'Monitoring'>;
export type RegionMonitoring = Schema<'RegionMonitoring'>;
/** The department's answer to a warning (偏差原因, 完成目标可能性, 纠偏措施 …). */
export type WarningResponse = Schema<'WarningResponse'>;
export type MonitoringRound = NonNullable<Monitoring['round']>;

/** What a warning needs to be answered: its subject, whether an answer is due, the answer so far. */
export type Respondable = Pick<
  Schema<'BudgetWarning'>,
  'subjectKey' | 'needsResponse' | 'response'
>;

function respondable(r: Schema<'BudgetWarning'> | Schema<'IndicatorWarning'>): Respondable {
  return { subjectKey: r.subjectKey, needsResponse: r.needsResponse, response: r.response };
}

export function readRound(body: Monitoring | undefined): MonitoringRound | null {
  return body?.round ?? null;
}

export interface BudgetWarningRow extends Respondable {
  key: string;
  project: string;
  budgetYuan: string | null;
  executedYuan: string | null;
  progress: string | null;
  timeProgress: string | null;
  ratio: string | null;
  level: WarningLevel | null;
}

export function readBudgetWarnings(body: Monitoring | undefined): BudgetWarningRow[] {
  return (body?.projects ?? []).map((p) => ({
    key: p.projectId ?? p.code,
    project: p.name,
    budgetYuan: p.budgetYuan,
    executedYuan: p.executedYuan,
    progress: p.rate,
    timeProgress: p.timeProgress,
    ratio: p.v,
    level: toWarningLevel(p.color),
    ...respondable(p),
  }));
}

/** The indicators' warnings with what is needed to answer them. */
export function readIndicatorResponses(body: Monitoring | undefined): Map<string, Respondable> {
  return new Map((body?.indicators ?? []).map((i) => [i.indicatorId, respondable(i)]));
}

type RegionMonitoringRow = Schema<'RegionMonitoringRow'>;
/** One department of the region: its warnings counted by colour, and its execution rate. */
export type RegionWarningRow = Pick<RegionMonitoringRow, 'code' | 'name' | 'rate'> &
  RegionMonitoringRow['warnings'];

export function readRegionWarnings(body: RegionMonitoring | undefined): RegionWarningRow[] {
  return (body?.departments ?? []).map((d) => ({
    code: d.code,
    name: d.name,
    ...d.warnings,
    rate: d.rate,
  }));
}

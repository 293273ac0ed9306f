// The monitoring picture of a department at a cut-off month: budget execution against 序时进度 per project, the
// progress of each indicator against its target (the value reported for the month, else the live metric, else the
// latest earlier report), the worst warning of each goal set, coloured by core's rules with the year's thresholds.
import {
  OPERATOR_SYMBOL,
  applicableCutoffMonth,
  budgetWarning,
  countWarnings,
  indicatorWarning,
  needsResponse,
  parseYuan,
  worstWarning,
  type CompletionLikelihood,
  type DeviationReason,
  type MonitoringConfig,
  type Operator,
  type WarningLevel,
} from '@jixiao/core';
import { isMonth } from '@jixiao/core/monitoring/responses';
import type { Queryable } from '../../db/open-db.ts';
import * as monRepo from './monitoring.repository.ts';
import { ServiceError } from '../../http/service-error.ts';
import {
  computeExecution,
  loadMonitoringConfig,
  type ExecutionReport,
} from '../execution/execution.service.ts';
import { resolveMetricActuals } from '../metrics/metrics.service.ts';
import type {
  BudgetWarningOut,
  Coloured,
  Colour,
  GoalWarningOut,
  IndicatorWarningOut,
  MonitoringReport,
  WarningResponse,
} from './monitoring.types.ts';

const COLOUR: Record<WarningLevel, Colour> = {
  RED: 'red',
  YELLOW: 'yellow',
  GREEN: 'green',
  BLUE: 'blue',
};

function monthEnd(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

function responseOf(item: monRepo.MonitoringItemRow | undefined): WarningResponse | null {
  if (!item) {
    return null;
  }
  return {
    deviationReasons: item.deviationReasons as DeviationReason[],
    deviationNote: item.deviationNote,
    completionLikelihood: item.completionLikelihood as CompletionLikelihood | null,
    measures: item.measures,
    expectedAnnual: item.expectedAnnual,
    updatedBy: item.updatedBy,
    updatedAt: item.updatedAt.toISOString(),
  };
}

type Items = Map<string, monRepo.MonitoringItemRow>;

function coloured(level: WarningLevel | null, subjectKey: string, items: Items): Coloured {
  return {
    level,
    color: level ? COLOUR[level] : null,
    subjectKey,
    needsResponse: needsResponse(level),
    response: responseOf(items.get(subjectKey)),
  };
}

/** Today's calendar year and month in China Standard Time (UTC+8). */
export function cstToday(now: Date): { year: number; month: number } {
  const t = new Date(now.getTime() + 8 * 3600_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1 };
}

/** Refuse a cut-off month outside 1–12 (MONITORING_MONTH_INVALID). */
export function checkMonth(month: number): void {
  if (!isMonth(month)) {
    throw new ServiceError('MONITORING_MONTH_INVALID');
  }
}

/** What the warnings of one department-month are computed from. */
interface MonitoringInputs {
  m: number;
  config: MonitoringConfig;
  execution: ExecutionReport;
  indicators: monRepo.MonitoredIndicatorRow[];
  progress: monRepo.ProgressRow[];
  round: monRepo.MonitoringRoundRow | null;
  metrics: Awaited<ReturnType<typeof resolveMetricActuals>>;
  projects: monRepo.ProjectRow[];
  items: Items;
}

async function loadInputs(
  db: Queryable,
  dept: { code: string; name: string; regionCode: string },
  year: number,
  month: number | undefined,
  now: Date,
): Promise<MonitoringInputs> {
  const config = await loadMonitoringConfig(db, dept.regionCode, year);
  const m = month ?? applicableCutoffMonth(config.cutoffMonths, year, cstToday(now));
  checkMonth(m);
  const [execution, indicators, progress, round, metrics, projects] = await Promise.all([
    computeExecution(db, dept, year, m),
    monRepo.listIndicators(db, dept.code, year),
    monRepo.latestProgress(db, dept.code, year, m),
    monRepo.findRound(db, dept.code, year, m),
    resolveMetricActuals(db, dept.code, year, monthEnd(year, m)),
    monRepo.listProjects(db, dept.code, year),
  ]);
  const items = new Map(
    (round ? await monRepo.listItems(db, round.id) : []).map((i) => [i.subjectKey, i]),
  );
  return { m, config, execution, indicators, progress, round, metrics, projects, items };
}

interface BudgetLine {
  code: string;
  name: string;
  projectId: string | null;
  budgetYuan: string;
  executedYuan: string;
}

const toFen = (yuan: string): number => parseYuan(yuan) ?? 0;

/** The budget warning of the department or a project; a project at or above the threshold is a key project. */
function budgetOut(x: MonitoringInputs, line: BudgetLine): BudgetWarningOut {
  const budgetFen = toFen(line.budgetYuan);
  const w = budgetWarning(toFen(line.executedYuan), budgetFen, x.m, x.config);
  return {
    ...coloured(w.level, `budget:${line.projectId ?? 'department'}`, x.items),
    projectId: line.projectId,
    code: line.code,
    name: line.name,
    budgetYuan: line.budgetYuan,
    executedYuan: line.executedYuan,
    rate: w.rate,
    timeProgress: w.timeProgress,
    v: w.v,
    reason: w.reason,
    keyProject: line.projectId !== null && budgetFen >= toFen(x.config.keyProjectThresholdYuan),
  };
}

/** The value an indicator is judged by: reported for the month, else the live metric, else the latest report. */
function indicatorValue(
  x: MonitoringInputs,
  ind: monRepo.MonitoredIndicatorRow,
  p: monRepo.ProgressRow | undefined,
): Pick<IndicatorWarningOut, 'value' | 'valueMonth' | 'valueSource'> {
  const metric = ind.metricKey ? x.metrics.get(ind.id) : undefined;
  if (p && p.month === x.m) {
    return { value: p.value, valueMonth: p.month, valueSource: 'progress' };
  }
  if (metric) {
    return { value: metric.value, valueMonth: x.m, valueSource: 'metric' };
  }
  if (p) {
    return { value: p.value, valueMonth: p.month, valueSource: 'progress' };
  }
  return { value: null, valueMonth: null, valueSource: null };
}

function indicatorOut(
  x: MonitoringInputs,
  ind: monRepo.MonitoredIndicatorRow,
  p: monRepo.ProgressRow | undefined,
): IndicatorWarningOut {
  const value = indicatorValue(x, ind, p);
  const operator = ind.operator as Operator;
  // A value reported for an earlier month is judged against that month's 序时进度, not the cut-off's (June's
  // figures seen at year end are June's progress, not a shortfall of the year).
  const w = indicatorWarning(
    { operator, target: ind.target, unit: ind.unit },
    value.value,
    value.valueMonth ?? x.m,
    x.config,
  );
  const project = ind.projectId ? x.projects.find((q) => q.id === ind.projectId) : undefined;
  return {
    ...coloured(w.level, `indicator:${ind.id}`, x.items),
    indicatorId: ind.id,
    projectId: ind.projectId,
    projectCode: project?.code ?? null,
    projectName: project?.name ?? '部门整体',
    level1: ind.level1,
    level2: ind.level2,
    name: ind.name,
    operator: OPERATOR_SYMBOL[operator] ?? ind.operator,
    target: ind.target,
    unit: ind.unit,
    ...value,
    basis: w.basis,
    expected: w.expected,
    v: w.v,
    reason: w.reason,
  };
}

/** Each goal set (department or project) coloured by the worst warning of its indicators. */
function goalWarnings(x: MonitoringInputs, indicators: IndicatorWarningOut[]): GoalWarningOut[] {
  const goalKeys = [...new Set(x.indicators.map((i) => i.projectId ?? ''))];
  return goalKeys.map((pid) => {
    const mine = indicators.filter((i) => (i.projectId ?? '') === pid);
    const project = pid ? x.projects.find((q) => q.id === pid) : undefined;
    return {
      ...coloured(worstWarning(mine.map((i) => i.level)), `goal:${pid || 'department'}`, x.items),
      projectId: pid || null,
      projectCode: project?.code ?? null,
      projectName: project?.name ?? '部门整体',
      indicators: mine.length,
    };
  });
}

function roundOut(round: monRepo.MonitoringRoundRow | null): MonitoringReport['round'] {
  return round
    ? {
        id: round.id,
        status: round.status,
        submittedAt: round.submittedAt?.toISOString() ?? null,
        submittedBy: round.submittedBy,
      }
    : null;
}

/** The department's budget warning and each project's. */
function budgetWarnings(
  x: MonitoringInputs,
  dept: { code: string; name: string },
): { department: BudgetWarningOut; projects: BudgetWarningOut[] } {
  const { execution } = x;
  const department = budgetOut(x, {
    code: dept.code,
    name: `${dept.name}（部门整体）`,
    projectId: null,
    budgetYuan: execution.budgetYuan,
    executedYuan: execution.executedYuan,
  });
  const projectIdByCode = new Map(x.projects.map((p) => [p.code, p.id]));
  const projects = execution.projects.map((p) =>
    budgetOut(x, {
      code: p.code,
      name: p.name,
      projectId: projectIdByCode.get(p.code) ?? null,
      budgetYuan: p.budgetYuan,
      executedYuan: p.executedYuan,
    }),
  );
  return { department, projects };
}

/** The monitoring picture of a department at a cut-off month (no access check: callers do it). */
export async function computeMonitoring(
  db: Queryable,
  dept: { code: string; name: string; regionCode: string },
  year: number,
  month?: number,
  now: Date = new Date(),
): Promise<MonitoringReport> {
  const x = await loadInputs(db, dept, year, month, now);
  const { execution, config } = x;
  const { department, projects } = budgetWarnings(x, dept);
  const progressById = new Map(x.progress.map((p) => [p.indicatorId, p]));
  const indicators = x.indicators.map((ind) => indicatorOut(x, ind, progressById.get(ind.id)));
  return {
    departmentCode: dept.code,
    departmentName: dept.name,
    regionCode: dept.regionCode,
    year,
    month: x.m,
    timeProgress: execution.timeProgress,
    cutoffMonths: config.cutoffMonths,
    thresholds: { budget: config.budget, positive: config.positive, levelUnits: config.levelUnits },
    round: roundOut(x.round),
    department,
    projects,
    goals: goalWarnings(x, indicators),
    indicators,
    warnings: countWarnings([...projects.map((p) => p.level), ...indicators.map((i) => i.level)]),
  };
}

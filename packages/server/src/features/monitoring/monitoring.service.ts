// 绩效运行监控 (双监控): at a cut-off month, budget execution against 序时进度 per project and indicator
// progress against targets, coloured by the core's rules with the year's thresholds (data); the department's
// response to each warning (reasons, likelihood, measures), submission, and the bureau's region-wide view.
import {
  COMPLETION_LIKELIHOODS,
  COMPLETION_LIKELIHOOD_TEXT,
  DEVIATION_REASONS,
  DEVIATION_REASON_TEXT,
  OPERATOR_SYMBOL,
  budgetWarning,
  countWarnings,
  indicatorWarning,
  needsResponse,
  parseYuan,
  worstWarning,
  type CompletionLikelihood,
  type DeviationReason,
  type Operator,
  type WarningLevel,
} from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import * as deptRepo from '../departments/departments.repository.ts';
import * as monRepo from './monitoring.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertCanEdit, canReadDepartment, requireRole, visibleRegion } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError } from '../../http/service-error.ts';
import { computeExecution, loadMonitoringConfig } from '../execution/execution.service.ts';
import { resolveMetricActuals } from '../metrics/metrics.service.ts';
import { renderMonitoringDocx } from './monitoring-form-docx.ts';
import { renderMonitoringXlsx } from './monitoring-form-xlsx.ts';

import type {
  BudgetWarningOut,
  Coloured,
  Colour,
  GoalWarningOut,
  IndicatorWarningOut,
  MonitoringReport,
  WarningResponse,
} from './monitoring.types.ts';

export type {
  BudgetWarningOut,
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

function coloured(
  level: WarningLevel | null,
  subjectKey: string,
  items: Map<string, monRepo.MonitoringItemRow>,
): Coloured {
  return {
    level,
    color: level ? COLOUR[level] : null,
    subjectKey,
    needsResponse: needsResponse(level),
    response: responseOf(items.get(subjectKey)),
  };
}

function checkMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new ServiceError('VALIDATION', {
      message: '监控截止月份应为 1–12',
      messageEn: 'the cut-off month must be 1–12',
    });
  }
}

/** The monitoring picture of a department at a cut-off month (no access check: callers do it). */
export async function computeMonitoring(
  db: Queryable,
  dept: { code: string; name: string; regionCode: string },
  year: number,
  month?: number,
): Promise<MonitoringReport> {
  const config = await loadMonitoringConfig(db, dept.regionCode, year);
  const m = month ?? config.defaultCutoffMonth;
  checkMonth(m);
  const [execution, indicators, progress, round, metrics, projects] = await Promise.all([
    computeExecution(db, dept, year, m),
    monRepo.listIndicators(db, dept.code, year),
    monRepo.latestProgress(db, dept.code, year, m),
    monRepo.findRound(db, dept.code, year, m),
    resolveMetricActuals(db, dept.code, year, monthEnd(year, m)),
    db.query.projects.findMany({
      where: (p, { and, eq }) => and(eq(p.departmentCode, dept.code), eq(p.fiscalYear, year)),
    }),
  ]);
  const items = new Map(
    (round ? await monRepo.listItems(db, round.id) : []).map((i) => [i.subjectKey, i]),
  );
  const projectById = new Map(projects.map((p) => [p.id, p]));
  const projectIdByCode = new Map(projects.map((p) => [p.code, p.id]));
  const keyThreshold = Number(config.keyProjectThresholdYuan);

  const budgetOut = (
    code: string,
    name: string,
    projectId: string | null,
    budgetYuan: string,
    executedYuan: string,
    budgetFen: number,
    executedFen: number,
  ): BudgetWarningOut => {
    const w = budgetWarning(executedFen, budgetFen, m, config);
    return {
      ...coloured(w.level, `budget:${projectId ?? 'department'}`, items),
      projectId,
      code,
      name,
      budgetYuan,
      executedYuan,
      rate: w.rate,
      timeProgress: w.timeProgress,
      v: w.v,
      reason: w.reason,
      keyProject: projectId !== null && Number(budgetYuan) >= keyThreshold,
    };
  };
  const toFen = (yuan: string): number => parseYuan(yuan) ?? 0;
  const department = budgetOut(
    dept.code,
    `${dept.name}（部门整体）`,
    null,
    execution.budgetYuan,
    execution.executedYuan,
    toFen(execution.budgetYuan),
    toFen(execution.executedYuan),
  );
  const projectWarnings = execution.projects.map((p) =>
    budgetOut(
      p.code,
      p.name,
      projectIdByCode.get(p.code) ?? null,
      p.budgetYuan,
      p.executedYuan,
      toFen(p.budgetYuan),
      toFen(p.executedYuan),
    ),
  );

  const progressById = new Map(progress.map((p) => [p.indicatorId, p]));
  const indicatorWarnings: IndicatorWarningOut[] = indicators.map((ind) => {
    const p = progressById.get(ind.id);
    const metric = ind.metricKey ? metrics.get(ind.id) : undefined;
    // The value reported for the cut-off month wins; then the live metric; then the latest earlier report.
    let value: string | null = null;
    let valueMonth: number | null = null;
    let valueSource: IndicatorWarningOut['valueSource'] = null;
    if (p && p.month === m) {
      [value, valueMonth, valueSource] = [p.value, p.month, 'progress'];
    } else if (metric) {
      [value, valueMonth, valueSource] = [metric.value, m, 'metric'];
    } else if (p) {
      [value, valueMonth, valueSource] = [p.value, p.month, 'progress'];
    }
    const operator = ind.operator as Operator;
    const w = indicatorWarning({ operator, target: ind.target, unit: ind.unit }, value, m, config);
    const project = ind.projectId ? projectById.get(ind.projectId) : undefined;
    return {
      ...coloured(w.level, `indicator:${ind.id}`, items),
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
      value,
      valueMonth,
      valueSource,
      basis: w.basis,
      expected: w.expected,
      v: w.v,
      reason: w.reason,
    };
  });

  const goalKeys = [...new Set(indicators.map((i) => i.projectId ?? ''))];
  const goals: GoalWarningOut[] = goalKeys.map((pid) => {
    const mine = indicatorWarnings.filter((i) => (i.projectId ?? '') === pid);
    const project = pid ? projectById.get(pid) : undefined;
    return {
      ...coloured(worstWarning(mine.map((i) => i.level)), `goal:${pid || 'department'}`, items),
      projectId: pid || null,
      projectCode: project?.code ?? null,
      projectName: project?.name ?? '部门整体',
      indicators: mine.length,
    };
  });

  return {
    departmentCode: dept.code,
    departmentName: dept.name,
    regionCode: dept.regionCode,
    year,
    month: m,
    timeProgress: execution.timeProgress,
    cutoffMonths: config.cutoffMonths,
    thresholds: { budget: config.budget, positive: config.positive, levelUnits: config.levelUnits },
    round: round
      ? {
          id: round.id,
          status: round.status,
          submittedAt: round.submittedAt?.toISOString() ?? null,
          submittedBy: round.submittedBy,
        }
      : null,
    department,
    projects: projectWarnings,
    goals,
    indicators: indicatorWarnings,
    warnings: countWarnings([
      ...projectWarnings.map((p) => p.level),
      ...indicatorWarnings.map((i) => i.level),
    ]),
  };
}

/** GET …/monitoring/{month}: the department's monitoring at a cut-off month (default: the configured one). */
export async function getMonitoring(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  month?: number,
): Promise<MonitoringReport> {
  const dept = await getDepartment(db, actor, departmentCode);
  return computeMonitoring(db, dept, year, month);
}

export interface ResponseInput {
  subjectKey: string;
  deviationReasons?: DeviationReason[];
  deviationNote?: string | null;
  completionLikelihood?: CompletionLikelihood | null;
  measures?: string | null;
  expectedAnnual?: string | null;
}

function allSubjects(
  r: MonitoringReport,
): Map<string, Coloured & { v: string | null; label: string }> {
  const m = new Map<string, Coloured & { v: string | null; label: string }>();
  m.set(r.department.subjectKey, { ...r.department, label: r.department.name });
  for (const p of r.projects) {
    m.set(p.subjectKey, { ...p, label: `${p.name}（预算执行）` });
  }
  for (const g of r.goals) {
    m.set(g.subjectKey, { ...g, v: null, label: `${g.projectName}（目标执行）` });
  }
  for (const i of r.indicators) {
    m.set(i.subjectKey, { ...i, label: `${i.projectName}：${i.name}` });
  }
  return m;
}

async function openRound(
  tx: Queryable,
  dept: { code: string; regionCode: string },
  year: number,
  month: number,
): Promise<monRepo.MonitoringRoundRow> {
  const existing = await monRepo.findRound(tx, dept.code, year, month);
  const round =
    existing ??
    (await monRepo.insertRound(tx, {
      regionCode: dept.regionCode,
      fiscalYear: year,
      departmentCode: dept.code,
      cutoffMonth: month,
    }));
  const locked = await monRepo.lockRound(tx, round.id);
  if (locked?.status === 'submitted') {
    throw new ServiceError('LOCKED', {
      message: `${year} 年 ${month} 月的运行监控表已报送，不能再修改`,
      messageEn: `The monitoring form for ${year}-${month} was submitted and can no longer be changed`,
    });
  }
  return locked ?? round;
}

/** PUT …/monitoring/{month}/responses: records the department's responses (reasons, likelihood, measures). */
export async function saveResponses(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  month: number,
  inputs: readonly ResponseInput[],
): Promise<MonitoringReport> {
  const dept = await getDepartment(db, actor, departmentCode);
  assertCanEdit(actor, dept);
  const config = await loadMonitoringConfig(db, dept.regionCode, year);
  if (!config.cutoffMonths.includes(month)) {
    throw new ServiceError('VALIDATION', {
      message: `${month} 月不是 ${year} 年度的监控截止月份（可选：${config.cutoffMonths.join('、')} 月）`,
      messageEn: `${month} is not a monitoring cut-off month of ${year} (allowed: ${config.cutoffMonths.join(', ')})`,
    });
  }
  await db.transaction(async (tx) => {
    const report = await computeMonitoring(tx, dept, year, month);
    const subjects = allSubjects(report);
    const problems: { subjectKey: string; message: string; messageEn: string }[] = [];
    for (const i of inputs) {
      if (!subjects.has(i.subjectKey)) {
        problems.push({
          subjectKey: i.subjectKey,
          message: '没有该监控对象',
          messageEn: 'no such monitored subject',
        });
      }
      for (const r of i.deviationReasons ?? []) {
        if (!DEVIATION_REASONS.includes(r)) {
          problems.push({
            subjectKey: i.subjectKey,
            message: `偏差原因「${r}」无效`,
            messageEn: `unknown deviation reason ${r}`,
          });
        }
      }
      if (i.completionLikelihood && !COMPLETION_LIKELIHOODS.includes(i.completionLikelihood)) {
        problems.push({
          subjectKey: i.subjectKey,
          message: '完成目标可能性无效',
          messageEn: 'unknown completion likelihood',
        });
      }
    }
    if (problems.length > 0) {
      throw new ServiceError(
        'VALIDATION',
        {
          message: `监控反馈有 ${problems.length} 处错误：${problems.map((p) => p.message).join('；')}`,
          messageEn: `${problems.length} problem(s) in the responses`,
        },
        { problems },
      );
    }
    const round = await openRound(tx, dept, year, month);
    const before = await monRepo.listItems(tx, round.id);
    for (const [n, i] of inputs.entries()) {
      const s = subjects.get(i.subjectKey)!;
      await monRepo.upsertItem(tx, {
        regionCode: dept.regionCode,
        fiscalYear: year,
        departmentCode: dept.code,
        roundId: round.id,
        subjectKey: i.subjectKey,
        level: s.level,
        v: s.v,
        deviationReasons: [...new Set(i.deviationReasons ?? [])],
        deviationNote: i.deviationNote?.trim() || null,
        completionLikelihood: i.completionLikelihood ?? null,
        measures: i.measures?.trim() || null,
        expectedAnnual: i.expectedAnnual?.trim() || null,
        sort: n,
        updatedBy: actor.userId,
      });
    }
    await monRepo.updateRound(tx, round.id, { updatedAt: new Date() });
    await auditInTx(tx, actor, {
      action: 'monitoring.respond',
      entity: 'monitoring_rounds',
      entityId: round.id,
      departmentCode: dept.code,
      before: before
        .filter((b) => inputs.some((i) => i.subjectKey === b.subjectKey))
        .map((b) => ({
          subjectKey: b.subjectKey,
          deviationReasons: b.deviationReasons,
          completionLikelihood: b.completionLikelihood,
          measures: b.measures,
        })),
      after: inputs,
    });
  });
  return computeMonitoring(db, dept, year, month);
}

/** POST …/monitoring/{month}/submit: every red and yellow warning must have its reasons, likelihood and measures. */
export async function submitMonitoring(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  month: number,
  now: Date,
): Promise<MonitoringReport> {
  const dept = await getDepartment(db, actor, departmentCode);
  assertCanEdit(actor, dept);
  const config = await loadMonitoringConfig(db, dept.regionCode, year);
  if (!config.cutoffMonths.includes(month)) {
    throw new ServiceError('VALIDATION', {
      message: `${month} 月不是 ${year} 年度的监控截止月份（可选：${config.cutoffMonths.join('、')} 月）`,
      messageEn: `${month} is not a monitoring cut-off month of ${year}`,
    });
  }
  await db.transaction(async (tx) => {
    const report = await computeMonitoring(tx, dept, year, month);
    const missing: { subjectKey: string; label: string; missing: string[] }[] = [];
    for (const [key, s] of allSubjects(report)) {
      if (!s.needsResponse || key.startsWith('goal:') || key === 'budget:department') {
        continue;
      }
      const r = s.response;
      const lacks = [
        ...(r && r.deviationReasons.length > 0 ? [] : ['偏差原因']),
        ...(r?.completionLikelihood ? [] : ['完成目标可能性']),
        ...(r?.measures ? [] : ['纠偏措施']),
      ];
      if (lacks.length > 0) {
        missing.push({ subjectKey: key, label: s.label, missing: lacks });
      }
    }
    if (missing.length > 0) {
      throw new ServiceError(
        'STATE',
        {
          message: `还有 ${missing.length} 项红色/黄色预警未填写反馈：${missing.map((x) => `${x.label}（缺${x.missing.join('、')}）`).join('；')}`,
          messageEn: `${missing.length} red/yellow warning(s) still lack reasons, likelihood or measures`,
        },
        { missing },
      );
    }
    const round = await openRound(tx, dept, year, month);
    await monRepo.updateRound(tx, round.id, {
      status: 'submitted',
      submittedAt: now,
      submittedBy: actor.userId,
      updatedAt: now,
    });
    await auditInTx(tx, actor, {
      action: 'monitoring.submit',
      entity: 'monitoring_rounds',
      entityId: round.id,
      departmentCode: dept.code,
      before: { status: round.status },
      after: { status: 'submitted', month, warnings: report.warnings },
    });
  });
  return computeMonitoring(db, dept, year, month);
}

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
    rows.push({
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
    });
  }
  if (m === undefined) {
    const anyRegion = depts[0]?.regionCode;
    const config = anyRegion ? await loadMonitoringConfig(db, anyRegion, year) : null;
    m = config?.defaultCutoffMonth ?? 6;
  }
  return { year, month: m, timeProgress, departments: rows };
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
  const report = await getMonitoring(db, actor, departmentCode, year, month);
  const fileName = `${report.departmentName}${year}年${report.month}月绩效运行监控表.${format}`;
  if (format === 'docx') {
    return {
      fileName,
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      body: await renderMonitoringDocx(report),
      report,
    };
  }
  return {
    fileName,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await renderMonitoringXlsx(report, now),
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

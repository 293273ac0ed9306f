// Budget execution from the ledger: monthly and cumulative per project, per funding source and for the
// department; 执行率 against 全年预算数, 结转结余, and the gap to 序时进度. SQL sums, core roll-ups.
import {
  executionRate,
  formatTimeProgress,
  parseMonitoringConfig,
  parseYuan,
  rollUpExecution,
  timeProgressAt,
  fenToYuanString,
  type ExecutionFigures,
  type Fen,
  type MonitoringConfig,
} from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import { VersionedCache } from '../../db/versioned-cache.ts';
import * as execRepo from './execution.repository.ts';
import * as ledgerRepo from './ledger.repository.ts';
import { findMonitoringConfig } from '../monitoring/monitoring.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError } from '../../http/service-error.ts';

export const FUND_SOURCE_TEXT: Readonly<Record<string, string>> = {
  general: '一般公共预算',
  governmentFund: '政府性基金预算',
  stateCapital: '国有资本经营预算',
  fiscalSpecial: '财政专户管理资金',
  other: '其他资金',
};
export const EXPENDITURE_TYPE_TEXT: Readonly<Record<string, string>> = {
  basic: '基本支出',
  project: '项目支出',
};

export interface MonthFigures {
  month: number;
  executedYuan: string;
  cumulativeYuan: string;
  /** Cumulative 执行率 % at the month end, against the budget as of the report month. */
  rate: string | null;
  /** 序时进度 % at the month end. */
  timeProgress: string;
}

export interface FiguresOut {
  initialYuan: string;
  budgetYuan: string;
  executedYuan: string;
  carryoverYuan: string;
  rate: string | null;
  gapToTimeProgress: string | null;
}

export interface ProjectExecutionOut extends FiguresOut {
  code: string;
  name: string;
  level: number;
  fundSource: string;
  fundSourceName: string;
  expenditureType: string;
  unbudgeted: boolean;
  months: MonthFigures[];
}

export interface GroupExecutionOut extends FiguresOut {
  key: string;
  name: string;
  projects: number;
}

export interface ExecutionReport extends FiguresOut {
  departmentCode: string;
  departmentName: string;
  year: number;
  /** The report's month (cumulative through it). */
  month: number;
  /** The latest month with ledger entries (0 = none). */
  lastLedgerMonth: number;
  timeProgress: string;
  /** Department totals per month (for charts). */
  months: MonthFigures[];
  total: FiguresOut;
  projects: ProjectExecutionOut[];
  fundSources: GroupExecutionOut[];
  expenditureTypes: GroupExecutionOut[];
}

/** The fiscal year's monitoring configuration (defaults when none); a broken one is reported, not ignored. */
export async function loadMonitoringConfig(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<MonitoringConfig> {
  const parsed = parseMonitoringConfig(await findMonitoringConfig(db, regionCode, year));
  if (!parsed.ok) {
    throw new ServiceError('MONITORING_CONFIG_INVALID', {
      year,
      problems: parsed.error.map((e) => e.zh).join('；'),
      problemsEn: parsed.error.map((e) => e.en).join('; '),
    });
  }
  return parsed.value;
}

function yuanFen(s: string): Fen {
  const f = parseYuan(s);
  if (f === null) {
    throw new Error(`not a 元 amount from SQL: ${s}`);
  }
  return f;
}

function monthEnd(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

function out(f: ExecutionFigures): FiguresOut {
  return {
    initialYuan: fenToYuanString(f.initialFen),
    budgetYuan: fenToYuanString(f.budgetFen),
    executedYuan: fenToYuanString(f.executedFen),
    carryoverYuan: fenToYuanString(f.carryoverFen),
    rate: f.rate,
    gapToTimeProgress: f.gapToTimeProgress,
  };
}

function monthsOut(f: ExecutionFigures, timeProgress: readonly string[]): MonthFigures[] {
  return f.monthly.map((m, i) => {
    const cum = f.cumulative[i] ?? 0;
    const rate = executionRate(cum, f.budgetFen);
    return {
      month: i + 1,
      executedYuan: fenToYuanString(m),
      cumulativeYuan: fenToYuanString(cum),
      rate,
      timeProgress: timeProgress[i] ?? '',
    };
  });
}

/**
 * Execution of a department-year through `month` (default: the latest month with ledger entries, or 12).
 * 全年预算数 counts the budget lines effective by the end of that month.
 */
export async function computeExecution(
  db: Queryable,
  dept: { code: string; name: string; regionCode: string },
  year: number,
  month?: number,
): Promise<ExecutionReport> {
  // One pass over the ledger: the whole year's monthly sums also tell the last month with entries.
  const [config, yearSums] = await Promise.all([
    loadMonitoringConfig(db, dept.regionCode, year),
    execRepo.monthlySums(db, dept.code, year, 12),
  ]);
  const lastMonth = yearSums.reduce((m, x) => Math.max(m, x.month), 0);
  const asOf = month ?? (lastMonth === 0 ? 12 : lastMonth);
  const sums = asOf === 12 ? yearSums : yearSums.filter((x) => x.month <= asOf);
  const budgets = await execRepo.projectBudgets(
    db,
    dept.code,
    year,
    asOf === 12 ? null : monthEnd(year, asOf),
  );
  const tp = timeProgressAt(asOf, config.timeProgress);
  const r = rollUpExecution(
    budgets.map((b) => ({
      code: b.code,
      name: b.name,
      level: b.level,
      fundSource: b.fundSource,
      expenditureType: b.expenditureType,
      initialFen: yuanFen(b.initialYuan),
      budgetFen: yuanFen(b.budgetYuan),
    })),
    sums.map((x) => ({
      projectCode: x.projectCode,
      month: x.month,
      amountFen: yuanFen(x.amountYuan),
    })),
    asOf,
    tp,
  );
  const total = out(r.total);
  const tpByMonth = Array.from({ length: asOf }, (_, i) =>
    formatTimeProgress(i + 1, config.timeProgress),
  );
  return {
    departmentCode: dept.code,
    departmentName: dept.name,
    year,
    month: asOf,
    lastLedgerMonth: lastMonth,
    timeProgress: r.timeProgress,
    ...total,
    months: monthsOut(r.total, tpByMonth),
    total,
    projects: r.projects.map((p) => ({
      code: p.code,
      name: p.name,
      level: p.level,
      fundSource: p.fundSource,
      fundSourceName: FUND_SOURCE_TEXT[p.fundSource] ?? p.fundSource,
      expenditureType: p.expenditureType,
      unbudgeted: p.unbudgeted,
      ...out(p),
      months: monthsOut(p, tpByMonth),
    })),
    fundSources: r.fundSources.map((g) => ({
      key: g.key,
      name: FUND_SOURCE_TEXT[g.key] ?? g.key,
      projects: g.projects,
      ...out(g),
    })),
    expenditureTypes: r.expenditureTypes.map((g) => ({
      key: g.key,
      name: EXPENDITURE_TYPE_TEXT[g.key] ?? g.key,
      projects: g.projects,
      ...out(g),
    })),
  };
}

function checkMonth(month: number | undefined): void {
  if (month !== undefined && (!Number.isInteger(month) || month < 1 || month > 12)) {
    throw new ServiceError('EXECUTION_MONTH_INVALID');
  }
}

/**
 * Execution reports by department, year and month, per data version: any write (a ledger import, a budget change,
 * the monitoring configuration) moves the version, so a report is computed once between writes however many
 * sessions open it (20 sessions: p99 308 → see README, performance).
 */
const executions = new VersionedCache<ExecutionReport>(128);

/** GET …/execution, `jixiao execution`: access-checked, then served from the cache of the data version. */
export async function getExecution(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  month?: number,
): Promise<ExecutionReport> {
  checkMonth(month);
  const dept = await getDepartment(db, actor, departmentCode);
  return executions.get(db, `${dept.code}|${year}|${month ?? 'latest'}`, () =>
    computeExecution(db, dept, year, month),
  );
}

export interface ProjectOut {
  /** The project's id (goal sets and edits name projects by id). */
  id: string;
  code: string;
  name: string;
  level: number;
  /** The 一级 project a 二级 project belongs to. */
  parentId: string | null;
  fundSource: string;
  expenditureType: string;
  initialYuan: string;
  budgetYuan: string;
}

/** GET …/projects, `jixiao projects`. */
export async function listProjects(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
): Promise<ProjectOut[]> {
  const dept = await getDepartment(db, actor, departmentCode);
  const rows = await execRepo.projectBudgets(db, dept.code, year, null);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    parentId: r.parentId,
    fundSource: r.fundSource,
    expenditureType: r.expenditureType,
    initialYuan: r.initialYuan,
    budgetYuan: r.budgetYuan,
  }));
}

export const LEDGER_PAGE_SIZE = 50;

/** GET …/ledger: paged entries with the filter's count and total. */
export async function listLedger(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  filter: { project?: string; month?: number; page?: number; pageSize?: number },
): Promise<{
  page: number;
  pageSize: number;
  total: number;
  totalYuan: string;
  entries: ledgerRepo.LedgerEntryOut[];
}> {
  checkMonth(filter.month);
  const dept = await getDepartment(db, actor, departmentCode);
  const page = Math.max(1, filter.page ?? 1);
  const pageSize = Math.min(500, Math.max(1, filter.pageSize ?? LEDGER_PAGE_SIZE));
  const r = await ledgerRepo.listLedgerEntries(db, {
    departmentCode: dept.code,
    year,
    ...(filter.project ? { projectCode: filter.project } : {}),
    ...(filter.month ? { month: filter.month } : {}),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { page, pageSize, ...r };
}

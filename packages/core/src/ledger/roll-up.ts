// Budget execution roll-ups: per project, per funding source and for the department, month by month,
// from exact 分 sums — 执行率 against 全年预算数, 结转结余 (budget − executed) and the gap to 序时进度.
import Big from 'big.js';
import { toFixed2 } from '../decimal.ts';
import { assertSafeFen, type Fen } from '../money.ts';

export interface ProjectBudget {
  code: string;
  name: string;
  level: number;
  fundSource: string;
  expenditureType: string;
  /** 年初预算数. */
  initialFen: Fen;
  /** 全年预算数 (Σ budget lines effective by the as-of month). */
  budgetFen: Fen;
}

/** Σ amount of one project in one month (from SQL). */
export interface MonthlySpend {
  projectCode: string;
  month: number;
  amountFen: Fen;
}

export interface ExecutionFigures {
  initialFen: Fen;
  budgetFen: Fen;
  executedFen: Fen;
  /** 结转结余 = 全年预算数 − 执行数. */
  carryoverFen: Fen;
  /** 执行率 %, 2 dp half-up ("95.34"); null without a budget. */
  rate: string | null;
  /** Spend of each month 1..asOfMonth. */
  monthly: Fen[];
  /** Cumulative spend at the end of each month 1..asOfMonth. */
  cumulative: Fen[];
  /** 执行率 − 序时进度, 个百分点, 2 dp; null without a budget. */
  gapToTimeProgress: string | null;
}

export interface ProjectExecution extends ExecutionFigures {
  code: string;
  name: string;
  level: number;
  fundSource: string;
  expenditureType: string;
  /** Spent on a code that has no project (never happens through the import, which refuses such rows). */
  unbudgeted: boolean;
}

export interface GroupExecution extends ExecutionFigures {
  key: string;
  projects: number;
}

export interface ExecutionRollUp {
  asOfMonth: number;
  /** 序时进度 %, 2 dp. */
  timeProgress: string;
  projects: ProjectExecution[];
  fundSources: GroupExecution[];
  expenditureTypes: GroupExecution[];
  total: ExecutionFigures;
}

/**
 * 执行率 % (2 dp, half-up away from zero) or null when the budget is 0 — exact integer arithmetic on 分
 * (the same result as toFixed2(percentOf(executed, budget)), without a 50-digit division per cell).
 */
export function executionRate(executedFen: number, budgetFen: number): string | null {
  if (budgetFen === 0) {
    return null;
  }
  const negative = executedFen < 0 !== budgetFen < 0 && executedFen !== 0;
  const n = BigInt(Math.abs(executedFen)) * 10000n;
  const d = BigInt(Math.abs(budgetFen));
  let q = n / d;
  if ((n % d) * 2n >= d) {
    q += 1n;
  }
  const digits = q.toString().padStart(3, '0');
  return `${negative && q !== 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function figures(
  initialFen: number,
  budgetFen: number,
  monthly: number[],
  timeProgress: Big,
): ExecutionFigures {
  const cumulative: Fen[] = [];
  let run = 0;
  for (const m of monthly) {
    run += m;
    cumulative.push(assertSafeFen(run));
  }
  const rate = executionRate(run, budgetFen);
  return {
    initialFen: assertSafeFen(initialFen),
    budgetFen: assertSafeFen(budgetFen),
    executedFen: assertSafeFen(run),
    carryoverFen: assertSafeFen(budgetFen - run),
    rate,
    monthly: monthly.map(assertSafeFen),
    cumulative,
    gapToTimeProgress: rate === null ? null : toFixed2(new Big(rate).minus(timeProgress)),
  };
}

/**
 * Rolls month sums up to projects, funding sources, expenditure types and the department, through `asOfMonth`.
 * `timeProgress` is the 序时进度 percentage at that month (see monitoring/time-progress.ts).
 */
export function rollUpExecution(
  budgets: readonly ProjectBudget[],
  spend: readonly MonthlySpend[],
  asOfMonth: number,
  timeProgress: Big,
): ExecutionRollUp {
  if (!Number.isInteger(asOfMonth) || asOfMonth < 1 || asOfMonth > 12) {
    throw new RangeError(`asOfMonth must be 1..12, got ${asOfMonth}`);
  }
  const byCode = new Map<string, number[]>();
  const monthsOf = (code: string): number[] => {
    let arr = byCode.get(code);
    if (!arr) {
      arr = new Array<number>(asOfMonth).fill(0);
      byCode.set(code, arr);
    }
    return arr;
  };
  for (const s of spend) {
    if (s.month >= 1 && s.month <= asOfMonth) {
      const arr = monthsOf(s.projectCode);
      arr[s.month - 1] = (arr[s.month - 1] ?? 0) + s.amountFen;
    }
  }
  const known = new Set(budgets.map((b) => b.code));
  const projects: ProjectExecution[] = budgets.map((b) => ({
    code: b.code,
    name: b.name,
    level: b.level,
    fundSource: b.fundSource,
    expenditureType: b.expenditureType,
    unbudgeted: false,
    ...figures(
      b.initialFen,
      b.budgetFen,
      byCode.get(b.code) ?? new Array<number>(asOfMonth).fill(0),
      timeProgress,
    ),
  }));
  for (const [code, monthly] of byCode) {
    if (!known.has(code)) {
      projects.push({
        code,
        name: code,
        level: 1,
        fundSource: 'other',
        expenditureType: 'project',
        unbudgeted: true,
        ...figures(0, 0, monthly, timeProgress),
      });
    }
  }
  const group = (keyOf: (p: ProjectExecution) => string): GroupExecution[] => {
    const acc = new Map<
      string,
      { initial: number; budget: number; monthly: number[]; n: number }
    >();
    for (const p of projects) {
      const k = keyOf(p);
      const g = acc.get(k) ?? {
        initial: 0,
        budget: 0,
        monthly: new Array<number>(asOfMonth).fill(0),
        n: 0,
      };
      g.initial += p.initialFen;
      g.budget += p.budgetFen;
      p.monthly.forEach((v, i) => {
        g.monthly[i] = (g.monthly[i] ?? 0) + v;
      });
      g.n += 1;
      acc.set(k, g);
    }
    return [...acc.entries()].map(([key, g]) => ({
      key,
      projects: g.n,
      ...figures(g.initial, g.budget, g.monthly, timeProgress),
    }));
  };
  const all = group(() => 'total')[0];
  const total: ExecutionFigures =
    all ?? figures(0, 0, new Array<number>(asOfMonth).fill(0), timeProgress);
  return {
    asOfMonth,
    timeProgress: toFixed2(timeProgress),
    projects,
    fundSources: group((p) => p.fundSource),
    expenditureTypes: group((p) => p.expenditureType),
    total: stripGroup(total),
  };
}

function stripGroup(
  g: ExecutionFigures & Partial<Pick<GroupExecution, 'key' | 'projects'>>,
): ExecutionFigures {
  const { key: _k, projects: _p, ...rest } = g;
  return rest;
}

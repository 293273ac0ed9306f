// Reads the execution API (GET /api/departments/{code}/execution?year=) into the monthly series the charts
// draw: spend per month, cumulative 支出进度 against the budget, and 序时进度 (month/12), all with core's
// exact money and decimal helpers.
import { d, formatPercent, percentOf, toFixed2 } from '@jixiao/core/decimal';
import { parseYuan, fenToWanString, type Fen } from '@jixiao/core/money';
import type { Schema } from '../../api/schema.ts';

export type Execution = Schema<'Execution'>;

export interface MonthPoint {
  month: number;
  spentFen: Fen;
  cumulativeFen: Fen;
  /** 支出进度 %, 2 dp string ("48.20"), null without a budget. */
  progress: string | null;
  /** 序时进度 %, 2 dp ("50.00"). */
  timeProgress: string;
}

export interface ExecutionSeries {
  budgetFen: Fen | null;
  months: MonthPoint[];
  /** 序时进度 % at the report's month (the latest month with ledger), null while the year has no ledger. */
  asOfTimeProgress: string | null;
}

function fenOf(yuan: string): Fen {
  return parseYuan(yuan) ?? (0 as Fen);
}

export function timeProgress(month: number): string {
  return toFixed2(percentOf(d(month), d(12)) ?? d(0));
}

/** The execution report's months, as the server declares them (Schema 'Execution'). */
export function readExecution(body: Execution | undefined): ExecutionSeries | null {
  if (!body || body.months.length === 0) {
    return null;
  }
  const budgetFen = parseYuan(body.budgetYuan);
  // 序时进度 of the report's month; none while the year has no ledger (an empty year is not at 100%).
  const asOfTimeProgress = body.lastLedgerMonth === 0 ? null : body.timeProgress;
  const months: MonthPoint[] = body.months.map((m) => ({
    month: m.month,
    spentFen: fenOf(m.executedYuan),
    cumulativeFen: fenOf(m.cumulativeYuan),
    progress: m.rate,
    timeProgress: m.timeProgress,
  }));
  return { budgetFen, months, asOfTimeProgress };
}

/** 万元 number text for chart axes ("76.27"): exact from fen. */
export function wanValue(f: Fen): string {
  return fenToWanString(f);
}

export { formatPercent };

// Reads the execution API (GET /api/departments/{code}/execution?year=) into the monthly series the charts
// draw: spend per month, cumulative 支出进度 against the budget, and 序时进度 (month/12), all with core's
// exact money and decimal helpers.
import { d, formatPercent, percentOf, toFixed2 } from '@jixiao/core/decimal';
import { parseYuan, fenToWanString, type Fen } from '@jixiao/core/money';

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
}

function rec(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : null;
}

function yuanField(r: Record<string, unknown>, keys: string[]): Fen | null {
  for (const k of keys) {
    const v = r[k];
    if (typeof v === 'string') {
      const f = parseYuan(v);
      if (f !== null) {
        return f;
      }
    }
  }
  return null;
}

export function timeProgress(month: number): string {
  return toFixed2(percentOf(d(month), d(12)) ?? d(0));
}

/** Tolerant reader: {months|monthly|byMonth: [{month, executedYuan|amountYuan|spentYuan}], adjustedYuan|budgetYuan}. */
export function readExecution(body: unknown): ExecutionSeries | null {
  const r = rec(body);
  const totals = rec(r?.['totals']) ?? rec(r?.['department']) ?? r;
  const list = Array.isArray(body)
    ? body
    : (r?.['months'] ?? r?.['monthly'] ?? r?.['byMonth'] ?? totals?.['months']);
  if (!Array.isArray(list)) {
    return null;
  }
  const budgetFen = totals
    ? yuanField(totals, ['adjustedYuan', 'budgetYuan', 'adjustedBudgetYuan', 'totalBudgetYuan'])
    : null;
  const spentByMonth = new Map<number, Fen>();
  const cumulativeByMonth = new Map<number, Fen>();
  /** The server's own 支出进度 / 序时进度 per month (its configured time points), preferred when given. */
  const serverRate = new Map<number, string>();
  const serverTime = new Map<number, string>();
  for (const item of list) {
    const m = rec(item);
    const month = m ? Number(m['month']) : NaN;
    if (!m || !Number.isInteger(month) || month < 1 || month > 12) {
      continue;
    }
    const spent = yuanField(m, ['executedYuan', 'spentYuan', 'amountYuan', 'monthExecutedYuan']);
    if (spent !== null) {
      spentByMonth.set(month, spent);
    }
    const cum = yuanField(m, ['cumulativeYuan', 'cumulativeExecutedYuan', 'toDateYuan']);
    if (cum !== null) {
      cumulativeByMonth.set(month, cum);
    }
    if (typeof m['rate'] === 'string') {
      serverRate.set(month, m['rate']);
    }
    if (typeof m['timeProgress'] === 'string') {
      serverTime.set(month, m['timeProgress']);
    }
  }
  if (spentByMonth.size === 0 && cumulativeByMonth.size === 0) {
    return null;
  }
  const last = Math.max(...spentByMonth.keys(), ...cumulativeByMonth.keys());
  const months: MonthPoint[] = [];
  let running = 0;
  for (let month = 1; month <= last; month++) {
    const cum = cumulativeByMonth.get(month);
    const spent = spentByMonth.get(month) ?? (cum !== undefined ? cum - running : 0);
    running = cum ?? running + spent;
    const computed =
      budgetFen !== null && budgetFen !== 0
        ? toFixed2(percentOf(d(running), d(budgetFen)) ?? d(0))
        : null;
    months.push({
      month,
      spentFen: spent as Fen,
      cumulativeFen: running as Fen,
      progress: serverRate.get(month) ?? computed,
      timeProgress: serverTime.get(month) ?? timeProgress(month),
    });
  }
  return { budgetFen, months };
}

/** 万元 number text for chart axes ("76.27"): exact from fen. */
export function wanValue(f: Fen): string {
  return fenToWanString(f);
}

export { formatPercent };

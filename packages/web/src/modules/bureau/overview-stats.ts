// Region-wide figures for the overview, with core's decimal helpers (no floats for what users read).
import { d, divExact, dSum, isDecimalString, toFixed2 } from '@jixiao/core/decimal';
import type { OverviewRow } from '../../api/types.ts';

export const GRADE_ORDER = ['优', '良', '中', '差'] as const;

export function warningsOf(r: OverviewRow): { red: number; yellow: number } {
  return typeof r.warnings === 'number' ? { red: r.warnings, yellow: 0 } : r.warnings;
}

/** Mean of the decimal strings present, 2 dp; null when none. */
export function meanOf(values: (string | null)[]): string | null {
  const xs = values.filter((v): v is string => v !== null && isDecimalString(v)).map((v) => d(v));
  return xs.length === 0 ? null : toFixed2(divExact(dSum(xs), d(xs.length)));
}

/**
 * The region's budget-weighted execution rate: Σ executed ÷ Σ budget × 100, 2 dp half-up (the contract's
 * rounding of a rate), from the yuan amounts; null when the budgets add up to 0.
 */
export function weightedRate(
  rows: Pick<OverviewRow, 'budgetYuan' | 'executedYuan'>[],
): string | null {
  const sum = (xs: string[]) => dSum(xs.filter((x) => isDecimalString(x)).map((x) => d(x)));
  const budget = sum(rows.map((r) => r.budgetYuan));
  if (budget.eq(0)) {
    return null;
  }
  return toFixed2(divExact(sum(rows.map((r) => r.executedYuan)).times(100), budget));
}

export function gradeCounts(rows: OverviewRow[]): { grade: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const g = r.grade ?? '—';
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const order = [...GRADE_ORDER, '—'];
  return order.filter((g) => counts.has(g)).map((g) => ({ grade: g, count: counts.get(g) ?? 0 }));
}

/** Compare decimal strings (nulls last). */
export function compareDecimal(a: string | null, b: string | null): number {
  const va = a !== null && isDecimalString(a);
  const vb = b !== null && isDecimalString(b);
  if (!va || !vb) {
    return va === vb ? 0 : va ? 1 : -1;
  }
  return d(a).cmp(d(b));
}

export const SUBMITTED_STATUSES = new Set(['submitted', 'accepted']);

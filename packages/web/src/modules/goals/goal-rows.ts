// The indicator tree flattened into table rows, with the row spans of the merged 一级/二级 cells.
import type { GoalView, IndicatorView } from './goals-api.ts';

export interface IndicatorRow {
  key: string;
  ind: IndicatorView;
  l1Label: string;
  l1Weight: string;
  l1Span: number;
  l2Label: string;
  l2Span: number;
}

export function rowsOf(g: GoalView): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  for (const l1 of g.tree) {
    const l1Count = l1.groups.reduce((n, x) => n + x.indicators.length, 0);
    l1.groups.forEach((l2, gi) => {
      l2.indicators.forEach((ind, ii) => {
        rows.push({
          key: ind.id,
          ind,
          l1Label: l1.label,
          l1Weight: l1.weight,
          l1Span: gi === 0 && ii === 0 ? l1Count : 0,
          l2Label: l2.label,
          l2Span: ii === 0 ? l2.indicators.length : 0,
        });
      });
    });
  }
  return rows;
}

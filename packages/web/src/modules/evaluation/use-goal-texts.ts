// 年度总体目标 (预期目标 / 实际完成情况) per goal set, from GET /api/departments/{code}/goals, keyed by
// projectId ('' for the department) and project code, and per indicator who deducted when, read by the declared
// names of Schema 'GoalListing'. No data yet → empty maps.
import { useMemo } from 'react';
import type { Schema } from '../../api/schema.ts';
import { useApi } from '../../api/use-api.ts';

type GoalListing = Schema<'GoalListing'>;

/** A goal set's 年度总体目标: what was expected, what was achieved (the goal's targetText and actualText). */
export interface GoalText {
  expected: string | null;
  achieved: string | null;
}

function text(v: string | null | undefined): string | null {
  return v != null && v.trim() !== '' ? v : null;
}

export function goalTextsFrom(body: GoalListing | null | undefined): Map<string, GoalText> {
  const out = new Map<string, GoalText>();
  for (const g of body?.goals ?? []) {
    const t = { expected: text(g.targetText), achieved: text(g.actualText) };
    out.set(g.projectId ?? '', t);
    if (g.projectCode) {
      out.set(g.projectCode, t);
    }
  }
  return out;
}

/** What the 自评表 shows beside an indicator's deduction: who set it and when, and whether its targets are locked. */
export interface IndicatorMeta {
  locked: boolean;
  deductionBy: string | null;
  deductionAt: string | null;
}

/** indicatorId → meta, from the goal listing's indicator trees. */
export function indicatorMetaFrom(
  body: GoalListing | null | undefined,
): Map<string, IndicatorMeta> {
  const out = new Map<string, IndicatorMeta>();
  for (const g of body?.goals ?? []) {
    const locked = g.status === 'locked';
    for (const ind of g.tree.flatMap((l1) => l1.groups.flatMap((l2) => l2.indicators))) {
      out.set(ind.id, {
        locked,
        deductionBy: ind.deductionBy ?? null,
        deductionAt: ind.deductionAt ?? null,
      });
    }
  }
  return out;
}

export interface GoalListingData {
  texts: Map<string, GoalText>;
  meta: Map<string, IndicatorMeta>;
  /** true while the listing is being read (again) */
  loading: boolean;
  reload: () => void;
}

/** One read of GET …/goals for the 自评表: goal texts per subject and indicator metadata. */
export function useGoalListing(code: string, year: number): GoalListingData {
  const goals = useApi<GoalListing>(`/api/departments/${encodeURIComponent(code)}/goals`, { year });
  const texts = useMemo(() => goalTextsFrom(goals.data), [goals.data]);
  const meta = useMemo(() => indicatorMetaFrom(goals.data), [goals.data]);
  return { texts, meta, loading: goals.loading, reload: goals.reload };
}

export function useGoalTexts(code: string, year: number): Map<string, GoalText> {
  return useGoalListing(code, year).texts;
}

// 年度总体目标 (预期目标 / 实际完成情况) per goal set, from GET /api/departments/{code}/goals, keyed by
// projectId ('' for the department), and per indicator who deducted when. Missing endpoint or data → empty maps.
import { useMemo } from 'react';
import { useApi } from '../../api/use-api.ts';

export interface GoalText {
  expected: string | null;
  achieved: string | null;
}

function rec(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

export function goalTextsFrom(body: unknown): Map<string, GoalText> {
  const out = new Map<string, GoalText>();
  const list = Array.isArray(body) ? body : (rec(body)?.['goals'] ?? rec(body)?.['goalSets']);
  if (!Array.isArray(list)) {
    return out;
  }
  for (const g of list) {
    const r = rec(g);
    if (!r) {
      continue;
    }
    const project = rec(r['project']);
    const key = str(r['projectId']) ?? str(project?.['id']) ?? '';
    const text = {
      expected: str(r['targetText']) ?? str(r['target']),
      achieved: str(r['actualText']) ?? str(r['actual']),
    };
    out.set(key, text);
    const projectCode = str(r['projectCode']) ?? str(project?.['code']);
    if (projectCode) {
      out.set(projectCode, text);
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
export function indicatorMetaFrom(body: unknown): Map<string, IndicatorMeta> {
  const out = new Map<string, IndicatorMeta>();
  const list = rec(body)?.['goals'];
  if (!Array.isArray(list)) {
    return out;
  }
  for (const g of list) {
    const r = rec(g);
    const locked = r?.['status'] === 'locked';
    for (const l1 of Array.isArray(r?.['tree']) ? (r['tree'] as unknown[]) : []) {
      for (const l2 of (rec(l1)?.['groups'] as unknown[] | undefined) ?? []) {
        for (const i of (rec(l2)?.['indicators'] as unknown[] | undefined) ?? []) {
          const ind = rec(i);
          const id = str(ind?.['id']);
          if (id) {
            out.set(id, {
              locked,
              deductionBy: str(ind?.['deductionBy']),
              deductionAt: str(ind?.['deductionAt']),
            });
          }
        }
      }
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
  const goals = useApi<unknown>(`/api/departments/${encodeURIComponent(code)}/goals`, { year });
  const texts = useMemo(() => goalTextsFrom(goals.data), [goals.data]);
  const meta = useMemo(() => indicatorMetaFrom(goals.data), [goals.data]);
  return { texts, meta, loading: goals.loading, reload: goals.reload };
}

export function useGoalTexts(code: string, year: number): Map<string, GoalText> {
  return useGoalListing(code, year).texts;
}

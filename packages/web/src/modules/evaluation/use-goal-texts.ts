// 年度总体目标 (预期目标 / 实际完成情况) per goal set, from GET /api/departments/{code}/goals, keyed by
// projectId ('' for the department). Missing endpoint or data → an empty map (the sheet shows "—").
import { useMemo } from 'react';
import { useApi } from '../../api/use-api.ts';

export interface GoalText {
  expected: string | null;
  achieved: string | null;
}

function rec(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
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
    const text = { expected: str(r['targetText']) ?? str(r['target']), achieved: str(r['actualText']) ?? str(r['actual']) };
    out.set(key, text);
    const projectCode = str(r['projectCode']) ?? str(project?.['code']);
    if (projectCode) {
      out.set(projectCode, text);
    }
  }
  return out;
}

export function useGoalTexts(code: string, year: number): Map<string, GoalText> {
  const goals = useApi<unknown>(`/api/departments/${encodeURIComponent(code)}/goals`, { year });
  return useMemo(() => goalTextsFrom(goals.data), [goals.data]);
}

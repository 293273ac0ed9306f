// The goals & indicators API (engineer "auth"): types of its views and the calls the goals page makes.
import { api } from '../../api/client.ts';
import type { Schema } from '../../api/schema.ts';

export type GoalView = Schema<'Goal'>;
export type GoalStatus = GoalView['status'];
export type IndicatorView = Schema<'Indicator'>;
export type IndicatorChange = IndicatorView['changes'][number];
export type GoalEventView = GoalView['events'][number];
export type Level1Group = GoalView['tree'][number];
export type Level2Group = Level1Group['groups'][number];
export type GoalListing = Schema<'GoalListing'>;
export type GoalSetIssue = Schema<'GoalSetIssue'>;

/** The body of POST …/indicators (PUT /api/indicators/{id} takes any part of it). */
export type IndicatorInput = Schema<'IndicatorInput'>;

export type IndicatorTemplate = Schema<'IndicatorTemplate'>;
export type ChangeRequestView = Schema<'ChangeRequest'>;

export function allIndicators(g: GoalView): IndicatorView[] {
  return g.tree.flatMap((l1) => l1.groups.flatMap((l2) => l2.indicators));
}

const enc = encodeURIComponent;

export const goalsApi = {
  list: (code: string, year: number) =>
    api.get<GoalListing>(`/api/departments/${enc(code)}/goals`, { year }),
  updateText: (goalId: string, targetText: string) =>
    api.put<GoalView>(`/api/goals/${enc(goalId)}`, { targetText }),
  addIndicator: (goalId: string, input: IndicatorInput) =>
    api.post<IndicatorView>(`/api/goals/${enc(goalId)}/indicators`, input),
  updateIndicator: (id: string, input: Partial<IndicatorInput>) =>
    api.put<IndicatorView>(`/api/indicators/${enc(id)}`, input),
  deleteIndicator: (id: string) => api.del<unknown>(`/api/indicators/${enc(id)}`),
  submit: (
    goalId: string,
    body: { noSatisfactionReason?: string | null; comment?: string | null },
  ) => api.post<Schema<'SubmitResult'>>(`/api/goals/${enc(goalId)}/submit`, body),
  approve: (goalId: string, comment: string | null) =>
    api.post<GoalView>(`/api/goals/${enc(goalId)}/approve`, { comment }),
  returnGoal: (goalId: string, comment: string) =>
    api.post<GoalView>(`/api/goals/${enc(goalId)}/return`, { comment }),
  library: (q: { q?: string; level1?: string; field?: string }) =>
    api.get<IndicatorTemplate[]>('/api/indicator-library', q),
  requestChange: (
    goalId: string,
    body: { reason: string; changes: { indicatorId: string; field: string; newValue: string }[] },
  ) => api.post<ChangeRequestView[]>(`/api/goals/${enc(goalId)}/change-requests`, body),
  changeRequests: (code: string, year: number) =>
    api.get<ChangeRequestView[]>(`/api/departments/${enc(code)}/change-requests`, { year }),
  decideChange: (id: string, decision: 'approve' | 'reject', comment: string | null) =>
    api.post<ChangeRequestView[]>(`/api/change-requests/${enc(id)}/${decision}`, { comment }),
};

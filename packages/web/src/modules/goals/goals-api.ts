// The goals & indicators API (engineer "auth"): types of its views and the calls the goals page makes.
import { api } from '../../api/client.ts';

export type GoalStatus =
  'draft' | 'submitted' | 'deptApproved' | 'approved' | 'locked' | 'returned';

export interface IndicatorChange {
  id: string;
  field: string;
  originalValue: string;
  newValue: string;
  reason: string;
  status: string;
  requestedAt: string;
  decidedAt: string | null;
}

export interface IndicatorView {
  id: string;
  goalId: string;
  level1: string;
  level1Label: string;
  level2: string;
  level2Label: string;
  name: string;
  operator: string;
  operatorSymbol: string;
  target: string;
  unit: string;
  weight: string;
  targetBasis: string | null;
  dataSource: string | null;
  sort: number;
  actual: string | null;
  deviationNote: string | null;
  qualScore: string | null;
  metricKey: string | null;
  illustrative: boolean;
  changes: IndicatorChange[];
}

export interface GoalEventView {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  actorRole: string;
  comment: string | null;
  at: string;
}

export interface Level2Group {
  level2: string;
  label: string;
  weight: string;
  indicators: IndicatorView[];
}

export interface Level1Group {
  level1: string;
  label: string;
  weight: string;
  groups: Level2Group[];
}

export interface GoalView {
  id: string;
  departmentCode: string;
  fiscalYear: number;
  scope: 'department' | 'project';
  projectId: string | null;
  projectCode: string | null;
  projectName: string | null;
  targetText: string;
  actualText: string | null;
  status: GoalStatus;
  editable: boolean;
  lockedAt: string | null;
  illustrative: boolean;
  weightTotal: string;
  tree: Level1Group[];
  events: GoalEventView[];
  pendingChangeRequests: number;
}

export interface GoalListing {
  department: { code: string; name: string; regionCode: string };
  year: number;
  financeApprovalRequired: boolean;
  indicatorWeightTotal: string;
  budgetWeight: string;
  goals: GoalView[];
}

export interface GoalSetIssue {
  code: string;
  severity: 'error' | 'warning';
  indicatorId: string | null;
  message: string;
  messageEn: string;
}

export interface IndicatorInput {
  level1: string;
  level2: string;
  name: string;
  operator: string;
  target: string;
  unit: string;
  weight: string;
  targetBasis?: string | null;
  dataSource?: string | null;
}

export interface IndicatorTemplate {
  id: string;
  field: string;
  level1: string;
  level2: string;
  name: string;
  unit: string;
  operator: string;
  dataSource: string | null;
  description: string | null;
}

export interface ChangeRequestView {
  id: string;
  batchId: string;
  indicatorId: string;
  indicatorName?: string;
  field: string;
  fieldLabel?: string;
  originalValue: string;
  newValue: string;
  reason: string;
  requestedByName: string;
  requestedAt: string;
  status: string;
  deptComment?: string | null;
  decisionComment?: string | null;
}

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
  ) => api.post<unknown>(`/api/goals/${enc(goalId)}/submit`, body),
  approve: (goalId: string, comment: string | null) =>
    api.post<GoalView>(`/api/goals/${enc(goalId)}/approve`, { comment }),
  returnGoal: (goalId: string, comment: string) =>
    api.post<GoalView>(`/api/goals/${enc(goalId)}/return`, { comment }),
  library: (q: { q?: string; level1?: string; field?: string }) =>
    api.get<IndicatorTemplate[] | { templates: IndicatorTemplate[] }>('/api/indicator-library', q),
  requestChange: (
    goalId: string,
    body: { reason: string; changes: { indicatorId: string; field: string; newValue: string }[] },
  ) => api.post<unknown>(`/api/goals/${enc(goalId)}/change-requests`, body),
  changeRequests: (code: string, year: number) =>
    api.get<ChangeRequestView[] | { changeRequests: ChangeRequestView[] }>(
      `/api/departments/${enc(code)}/change-requests`,
      { year },
    ),
  decideChange: (id: string, decision: 'approve' | 'reject', comment: string | null) =>
    api.post<unknown>(`/api/change-requests/${enc(id)}/${decision}`, { comment }),
};

export function listOf<T>(body: T[] | Record<string, T[]> | undefined, key: string): T[] {
  if (!body) {
    return [];
  }
  return Array.isArray(body) ? body : (body[key] ?? []);
}

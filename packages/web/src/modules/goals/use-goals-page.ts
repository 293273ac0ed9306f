// The data of the goals page: the year's goal sets, their change requests, the projects still without a goal set
// (the choices of 新建绩效目标) and the next fiscal year the finance bureau has not opened yet.
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import { useDeptCode } from '../../app/dept-code.ts';
import { canEnterData } from '../../app/home-path.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { DEPARTMENT_SCOPE, type GoalScopeOption } from './create-goal-dialog.tsx';
import type { ChangeRequestView, GoalListing, GoalView } from './goals-api.ts';
import type { ProjectRow } from '../projects/projects-api.ts';

/** Planning a new year: it appears in the year picker once the finance bureau opened it. */
function useNextNotOpen(canEdit: boolean): number | null {
  const { year, years, fiscalYears } = useWorkspace();
  const lastOpened = Math.max(0, ...(fiscalYears?.years ?? []).map((y) => y.year));
  return canEdit &&
    fiscalYears !== undefined &&
    year === years[0] &&
    lastOpened >= year &&
    lastOpened + 1 <= fiscalYears.maxYear
    ? lastOpened + 1
    : null;
}

function useScopeOptions(goals: GoalView[], canEdit: boolean): GoalScopeOption[] {
  const code = useDeptCode();
  const { year } = useWorkspace();
  const { t } = useI18n();
  const projects = useApi<ProjectRow[]>(
    canEdit ? `/api/departments/${encodeURIComponent(code)}/projects` : null,
    { year },
  );
  return useMemo<GoalScopeOption[]>(() => {
    const taken = new Set(goals.map((g) => g.projectId ?? ''));
    const opts: GoalScopeOption[] = taken.has('')
      ? []
      : [{ value: DEPARTMENT_SCOPE, label: t('eval.department') }];
    for (const p of projects.data ?? []) {
      if (!taken.has(p.id)) {
        opts.push({ value: p.id, label: `${p.code} ${p.name}` });
      }
    }
    return opts;
  }, [goals, projects.data, t]);
}

export function useGoalsPage() {
  const code = useDeptCode();
  const user = useUser();
  const { year } = useWorkspace();
  const canEdit = canEnterData(user, code);
  const listing = useApi<GoalListing>(`/api/departments/${encodeURIComponent(code)}/goals`, {
    year,
  });
  const crs = useApi<ChangeRequestView[]>(
    `/api/departments/${encodeURIComponent(code)}/change-requests`,
    { year },
  );
  const [activeId, setActiveId] = useState<string | null>(null);
  const goals = listing.data?.goals ?? [];
  const scopeOptions = useScopeOptions(goals, canEdit);
  const goal = goals.find((g) => g.id === activeId) ?? goals[0] ?? null;
  useEffect(() => setActiveId(null), [code, year]);
  const reload = () => {
    listing.reload();
    crs.reload();
  };
  const nextNotOpen = useNextNotOpen(canEdit);
  return { canEdit, listing, crs, goals, goal, setActiveId, scopeOptions, nextNotOpen, reload };
}

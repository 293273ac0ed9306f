// One goal set in detail: its status and 年度总体目标, the indicator tree with the checks, the change requests and
// the history, and the dialogs of its actions.
import { useI18n } from '../../i18n/i18n.tsx';
import { ChangeRequestList, ChangeRequestsToDecide, canDecide } from './change-request-list.tsx';
import { GoalDialogs } from './goal-dialogs.tsx';
import { GoalHistory } from './goal-history.tsx';
import { GoalStatusCard } from './goal-status-card.tsx';
import { goalsApi, type ChangeRequestView, type GoalListing, type GoalView } from './goals-api.ts';
import type { IndicatorActions } from './indicator-table.tsx';
import { IndicatorTreeCard } from './indicator-tree-card.tsx';
import { useGoal, type GoalCallbacks, type GoalState } from './use-goal.ts';

function indicatorActions(
  goal: GoalView,
  canEdit: boolean,
  state: GoalState,
  saved: string,
): IndicatorActions | null {
  const editable = canEdit && goal.editable;
  if (!editable && !(canEdit && (goal.status === 'approved' || goal.status === 'locked'))) {
    return null;
  }
  return {
    editable,
    onEdit: (ind) =>
      state.setForm({
        mode: 'edit',
        id: ind.id,
        initial: {
          level1: ind.level1,
          level2: ind.level2,
          name: ind.name,
          operator: ind.operator,
          target: ind.target,
          unit: ind.unit,
          weight: ind.weight,
          targetBasis: ind.targetBasis,
          dataSource: ind.dataSource,
        },
      }),
    onDelete: (ind) => void state.run(() => goalsApi.deleteIndicator(ind.id), saved),
    onRequestChange: (ind) => state.setChangeFor(ind),
  };
}

export function GoalDetail({
  goal,
  listing,
  canEdit,
  role,
  changeRequests,
  ...callbacks
}: {
  goal: GoalView;
  listing: GoalListing;
  canEdit: boolean;
  role: string;
  changeRequests: ChangeRequestView[];
} & GoalCallbacks) {
  const { t } = useI18n();
  const state = useGoal(goal, listing, callbacks);
  const toDecide = changeRequests.filter((c) => canDecide(role, c));
  const showIssues = goal.editable || state.submitIssues !== null;
  return (
    <div className="jx-goal-detail">
      {toDecide.length > 0 && <ChangeRequestsToDecide count={toDecide.length} />}
      <GoalStatusCard goal={goal} listing={listing} canEdit={canEdit} role={role} state={state} />
      <IndicatorTreeCard
        goal={goal}
        listing={listing}
        actions={indicatorActions(goal, canEdit, state, t('app.saved'))}
        issues={showIssues ? state.shownIssues : null}
        onLibrary={() => state.setLibraryOpen(true)}
        onAdd={() => state.setForm({ mode: 'add', initial: null })}
      />
      <div className="jx-grid jx-grid-2 jx-section">
        <ChangeRequestList
          goal={goal}
          changeRequests={changeRequests}
          role={role}
          emptyHint={canEdit && !goal.editable}
          onDecide={state.setDialog}
        />
        <GoalHistory events={goal.events} />
      </div>
      <GoalDialogs goal={goal} state={state} callbacks={callbacks} />
    </div>
  );
}

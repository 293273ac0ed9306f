// The dialogs of a goal set's detail: the indicator form (add, edit, or add from a library template), the change
// request of a locked indicator, and the comment asked before returning, approving or deciding a change.
import { useI18n } from '../../i18n/i18n.tsx';
import { CommentDialog } from '../../ui/comment-dialog.tsx';
import { ChangeRequestDialog } from './change-request-dialog.tsx';
import { goalsApi, type GoalView } from './goals-api.ts';
import { IndicatorForm } from './indicator-form.tsx';
import { LibraryDrawer } from './library-drawer.tsx';
import type { GoalCallbacks, GoalDialog, GoalState } from './use-goal.ts';

type Props = { goal: GoalView; state: GoalState; done: (text: string) => void };

function IndicatorDialogs({ goal, state, done }: Props) {
  const { t } = useI18n();
  const { form, setForm } = state;
  return (
    <>
      <IndicatorForm
        open={form !== null}
        title={form?.mode === 'edit' ? t('app.edit') : t('goals.addIndicator')}
        initial={form?.initial ?? null}
        onClose={() => setForm(null)}
        onSubmit={async (v) => {
          if (form?.mode === 'edit' && form.id) {
            await goalsApi.updateIndicator(form.id, v);
          } else {
            await goalsApi.addIndicator(goal.id, v);
          }
          setForm(null);
          done(t('app.saved'));
        }}
      />
      <LibraryDrawer
        open={state.libraryOpen}
        onClose={() => state.setLibraryOpen(false)}
        onPick={(tpl) => {
          state.setLibraryOpen(false);
          setForm({
            mode: 'add',
            initial: {
              level1: tpl.level1,
              level2: tpl.level2,
              name: tpl.name,
              operator: tpl.operator,
              unit: tpl.unit,
              dataSource: tpl.dataSource,
            },
          });
        }}
      />
    </>
  );
}

function titleOf(dialog: GoalDialog, t: ReturnType<typeof useI18n>['t']): string {
  if (dialog === null) {
    return '';
  }
  if (dialog === 'return') {
    return t('goals.returnGoals');
  }
  return dialog === 'approve' || dialog.decision === 'approve'
    ? t('goals.approve')
    : t('goals.reject');
}

function DecisionDialog({ goal, state, done }: Props) {
  const { t } = useI18n();
  const { dialog, setDialog } = state;
  const refusing =
    dialog === 'return' || (typeof dialog === 'object' && dialog?.decision === 'reject');
  return (
    <CommentDialog
      open={dialog !== null}
      title={titleOf(dialog, t)}
      label={t('eval.returnComment')}
      required={refusing}
      okText={t('app.confirm')}
      danger={refusing}
      onClose={() => setDialog(null)}
      onSubmit={async (comment) => {
        if (dialog === 'return') {
          await goalsApi.returnGoal(goal.id, comment ?? '');
        } else if (dialog === 'approve') {
          await goalsApi.approve(goal.id, comment);
        } else if (dialog) {
          await goalsApi.decideChange(dialog.decide.id, dialog.decision, comment);
        }
        setDialog(null);
        done(t('app.saved'));
      }}
    />
  );
}

export function GoalDialogs({
  goal,
  state,
  callbacks,
}: {
  goal: GoalView;
  state: GoalState;
  callbacks: GoalCallbacks;
}) {
  const { t } = useI18n();
  const done = (text: string) => {
    callbacks.notify(text);
    callbacks.onChanged();
  };
  return (
    <>
      <IndicatorDialogs goal={goal} state={state} done={done} />
      <ChangeRequestDialog
        indicator={state.changeFor}
        onClose={() => state.setChangeFor(null)}
        onSubmit={async (ind, v) => {
          await goalsApi.requestChange(goal.id, {
            reason: v.reason,
            changes: [{ indicatorId: ind.id, field: v.field, newValue: v.newValue.trim() }],
          });
          state.setChangeFor(null);
          done(t('goals.changeSent'));
        }}
      />
      <DecisionDialog goal={goal} state={state} done={done} />
    </>
  );
}

// The state of one goal set's detail: the 年度总体目标 being typed, the open dialogs, core's checks of the set and
// the server's answer to a submission, and `run` for an action that reports and reloads.
import {
  goalSetRulesFrom,
  validateGoalSet,
  type GoalSetIssue,
  type IndicatorLevel2,
} from '@jixiao/core/indicators/index';
import { defaultPreset, type Level1, type Operator } from '@jixiao/core/scoring/index';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import {
  allIndicators,
  type ChangeRequestView,
  type GoalListing,
  type GoalView,
  type IndicatorInput,
  type IndicatorView,
} from './goals-api.ts';

/** The indicator form: adding (maybe from a library template) or editing one indicator. */
export interface IndicatorFormState {
  mode: 'add' | 'edit';
  initial: Partial<IndicatorInput> | null;
  id?: string;
}

/** The comment dialog: returning or approving the goal set, or deciding a change request. */
export type GoalDialog =
  null | 'return' | 'approve' | { decide: ChangeRequestView; decision: 'approve' | 'reject' };

function useGoalChecks(goal: GoalView, listing: GoalListing, text: string): GoalSetIssue[] {
  return useMemo(() => {
    const rules = {
      ...goalSetRulesFrom(defaultPreset().rules),
      indicatorWeightTotal: listing.indicatorWeightTotal,
      budgetWeight: listing.budgetWeight,
    };
    return validateGoalSet(
      {
        targetText: text,
        indicators: allIndicators(goal).map((i) => ({
          id: i.id,
          level1: i.level1 as Level1,
          level2: i.level2 as IndicatorLevel2,
          name: i.name,
          operator: i.operator as Operator,
          target: i.target,
          unit: i.unit,
          weight: i.weight,
          targetBasis: i.targetBasis,
        })),
      },
      rules,
    );
  }, [goal, text, listing]);
}

function issuesOf(e: unknown): GoalSetIssue[] | null {
  return e instanceof ApiError &&
    Array.isArray((e.details as { issues?: unknown } | undefined)?.issues)
    ? (e.details as { issues: GoalSetIssue[] }).issues
    : null;
}

export function useGoal(
  goal: GoalView,
  listing: GoalListing,
  { onChanged, notify, fail }: GoalCallbacks,
) {
  const [text, setText] = useState(goal.targetText);
  const [form, setForm] = useState<IndicatorFormState | null>(null);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [changeFor, setChangeFor] = useState<IndicatorView | null>(null);
  const [dialog, setDialog] = useState<GoalDialog>(null);
  const [submitIssues, setSubmitIssues] = useState<GoalSetIssue[] | null>(null);
  const [busy, setBusy] = useState(false);
  const issues = useGoalChecks(goal, listing, text);

  const run = async (f: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await f();
      notify(ok);
      onChanged();
    } catch (e) {
      const found = issuesOf(e);
      if (found) {
        setSubmitIssues(found);
      }
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return {
    text,
    setText,
    form,
    setForm,
    libraryOpen,
    setLibraryOpen,
    changeFor,
    setChangeFor,
    dialog,
    setDialog,
    submitIssues,
    shownIssues: submitIssues ?? issues,
    busy,
    run,
  };
}

/** What the goal detail tells its page: reload after a change, report a success or a failure. */
export interface GoalCallbacks {
  onChanged: () => void;
  notify: (s: string) => void;
  fail: (e: unknown) => void;
}

export type GoalState = ReturnType<typeof useGoal>;

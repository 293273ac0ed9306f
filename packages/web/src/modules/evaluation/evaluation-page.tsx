// 绩效自评: the department's and each project's 自评表, scored live in the browser as values are typed;
// save writes the actuals; submit sends them to the department head (who may deduct, then signs off or returns them)
// or, in a year without the head's step, freezes them; the finance bureau returns or accepts. The sign-off history
// sits under the sheet.
import { Alert, App } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ContractIndicator, DepartmentEvaluation } from '../../api/types.ts';
import { useUser } from '../../app/auth.tsx';
import { useDeptCode } from '../../app/dept-code.ts';
import { canEditDepartment, canEnterData } from '../../app/home-path.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { WorkflowHistory } from '../../ui/workflow-history.tsx';
import { DeductionDialog } from './deduction-dialog.tsx';
import { EvaluationHeaderActions } from './evaluation-actions.tsx';
import { ReviewCommentAlert, SaveErrorsAlert } from './evaluation-alerts.tsx';
import { ReturnDialog } from './return-dialog.tsx';
import type { SheetDeductions } from './deduction-note.tsx';
import { SubjectTabs } from './subject-tabs.tsx';
import { SubjectView } from './subject-view.tsx';
import { useGoalListing, type GoalListingData } from './use-goal-texts.ts';
import {
  EDITABLE_STATUSES,
  useEvaluation,
  useEvaluationActions,
  type SubjectState,
} from './use-evaluation.ts';
import './evaluation.css';

/**
 * 扣分: the department head of this department or the finance bureau (the server checks again), on locked
 * indicators while the self-evaluation is still open — and the head also while it waits for the head's sign-off.
 */
function useDeductions(
  current: SubjectState | undefined,
  meta: GoalListingData['meta'],
  onDeduct: (ind: ContractIndicator) => void,
): SheetDeductions {
  const code = useDeptCode();
  const user = useUser();
  const isHead = user.role === 'deptHead' && user.departmentCode === code;
  const mayDeduct = isHead || user.role === 'financeReviewer';
  return useMemo<SheetDeductions>(
    () => ({
      meta: (ind) => (ind.indicatorId ? meta.get(ind.indicatorId) : undefined),
      canDeduct: (ind) =>
        mayDeduct &&
        current !== undefined &&
        (EDITABLE_STATUSES.has(current.s.status) ||
          (isHead && current.s.status === 'headReview')) &&
        ind.indicatorId !== undefined &&
        meta.get(ind.indicatorId)?.locked === true,
      onDeduct,
    }),
    [meta, mayDeduct, isHead, current, onDeduct],
  );
}

type Evaluation = ReturnType<typeof useEvaluation>;

/**
 * After a deduction: the goal listing (who deducted, when) is read first and the evaluation (points, reason,
 * scores) once it is back, so the sheet never shows a deduction without who and when.
 */
function useReloadAfterDeduction(e: Evaluation, goalListing: GoalListingData): () => void {
  const pending = useRef(false);
  const { loading, reload } = goalListing;
  const reloadEvaluation = e.ev.reload;
  useEffect(() => {
    if (pending.current && !loading) {
      pending.current = false;
      reloadEvaluation();
    }
  }, [loading, reloadEvaluation]);
  return () => {
    pending.current = true;
    reload();
  };
}

function EvaluationBody({
  data,
  e,
  current,
  onActive,
  goalTexts,
  deductions,
}: {
  data: DepartmentEvaluation;
  e: Evaluation;
  current: SubjectState;
  onActive: (key: string) => void;
  goalTexts: GoalListingData['texts'];
  deductions: SheetDeductions;
}) {
  const { t, lang } = useI18n();
  const goalKey = current.s.kind === 'department' ? '' : (current.s.projectId ?? current.s.code);
  const lastStep = data.history.at(-1);
  const atHead = data.department.status === 'headReview';
  return (
    <>
      {atHead && (
        <Alert
          type="info"
          showIcon
          className="jx-section"
          data-testid="eval-at-head"
          message={t('eval.atHead', {
            at: new Date(lastStep?.at ?? Date.now()).toLocaleString(
              lang === 'en' ? 'en-GB' : 'zh-CN',
            ),
          })}
        />
      )}
      {data.department.reviewComment && (
        <ReviewCommentAlert
          department={data.department}
          title={
            lastStep?.action === 'headReturn'
              ? t('eval.returnCommentHead')
              : t('eval.reviewComment')
          }
        />
      )}
      {e.saveErrors.length > 0 && (
        <SaveErrorsAlert errors={e.saveErrors} onClose={() => e.setSaveErrors([])} />
      )}
      <SubjectTabs subjects={e.computed} activeKey={current.key} onChange={onActive} />
      {data.projects.length === 0 && <EmptyState text={t('eval.noProjects')} />}
      <SubjectView
        key={current.key}
        departmentName={data.departmentName}
        subject={current.s}
        input={current.input}
        output={current.output}
        editable={current.editable}
        goal={goalTexts.get(goalKey) ?? null}
        onEdit={e.onEdit(current.key)}
        deductions={deductions}
      />
      <div className="jx-section">
        <WorkflowHistory title={t('eval.history')} events={data.history} testId="eval-history" />
      </div>
    </>
  );
}

function usePage() {
  const code = useDeptCode();
  const user = useUser();
  const { year } = useWorkspace();
  const canEdit = canEnterData(user, code);
  const e = useEvaluation(code, year, canEdit);
  const actions = useEvaluationActions(e, code, year);
  const goalListing = useGoalListing(code, year);
  const [deducting, setDeducting] = useState<ContractIndicator | null>(null);
  const [active, setActive] = useState('department');
  const [returnOpen, setReturnOpen] = useState<null | 'return' | 'head-return'>(null);
  const current = e.computed.find((c) => c.key === active) ?? e.computed[0];
  const deductions = useDeductions(current, goalListing.meta, setDeducting);
  const afterDeduction = useReloadAfterDeduction(e, goalListing);
  const deptStatus = e.ev.data?.department.status ?? 'live';
  const editable =
    e.ev.data !== undefined && canEditDepartment(user, code) && EDITABLE_STATUSES.has(deptStatus);
  const reviewable = user.role === 'financeReviewer' && deptStatus === 'submitted';
  const headReviewable =
    user.role === 'deptHead' && user.departmentCode === code && deptStatus === 'headReview';
  const toHead = e.ev.data?.headReviewRequired ?? true;
  return {
    ...{ headReviewable, toHead },
    ...{ code, year, canEdit, e, actions, goalListing, deducting, setDeducting, setActive },
    ...{ returnOpen, setReturnOpen, current, deductions, editable, reviewable, afterDeduction },
  };
}

type Page = ReturnType<typeof usePage>;

/** 扣分 on the current subject's indicator, and the finance bureau's 退回 with its comment. */
function EvaluationDialogs({ p }: { p: Page }) {
  const { t } = useI18n();
  const { departmentName } = useWorkspace();
  const { message } = App.useApp();
  const { e, current, code, year } = p;
  const { ev } = e;
  return (
    <>
      {current && (
        <DeductionDialog
          input={current.input}
          indicator={p.deducting}
          onClose={() => p.setDeducting(null)}
          onSaved={(cleared) => {
            p.setDeducting(null);
            void message.success(cleared ? t('deduction.cleared') : t('deduction.saved'));
            p.afterDeduction();
          }}
        />
      )}
      <ReturnDialog
        open={p.returnOpen !== null}
        step={p.returnOpen ?? 'return'}
        departmentCode={code}
        departmentName={departmentName(code)}
        year={year}
        onClose={() => p.setReturnOpen(null)}
        onDone={() => {
          void message.success(
            p.returnOpen === 'head-return' ? t('eval.headReturned') : t('eval.returned'),
          );
          p.setReturnOpen(null);
          ev.reload();
        }}
      />
    </>
  );
}

export function EvaluationPage() {
  const { t } = useI18n();
  const { departmentName } = useWorkspace();
  const p = usePage();
  const { e, current, code, year } = p;
  const { ev } = e;
  return (
    <div className="jx-eval">
      <PageHeader
        title={t('eval.title')}
        sub={`${departmentName(code)} · ${year}${t('app.yearSuffix')}`}
        extra={
          <EvaluationHeaderActions
            actions={p.actions}
            unsaved={e.totalChanged}
            canEdit={p.canEdit}
            editable={p.editable}
            reviewable={p.reviewable}
            headReviewable={p.headReviewable}
            toHead={p.toHead}
            onReturn={() => p.setReturnOpen('return')}
            onHeadReturn={() => p.setReturnOpen('head-return')}
          />
        }
      />
      <LoadState loading={ev.loading && !ev.data} error={ev.error} reload={ev.reload} rows={10}>
        {ev.data && current && (
          <EvaluationBody
            data={ev.data}
            e={e}
            current={current}
            onActive={p.setActive}
            goalTexts={p.goalListing.texts}
            deductions={p.deductions}
          />
        )}
      </LoadState>
      <EvaluationDialogs p={p} />
    </div>
  );
}

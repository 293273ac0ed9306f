// The head card of a goal set: its status along the approval flow, 提交 / 退回 / 审核通过, and the 年度总体目标
// (editable while the set is) with the achieved text once evaluated.
import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Steps } from 'antd';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { StatusTag } from '../../ui/status-tag.tsx';
import { goalsApi, type GoalListing, type GoalView } from './goals-api.ts';
import type { GoalState } from './use-goal.ts';

const FLOW = ['draft', 'submitted', 'deptApproved', 'approved', 'locked'] as const;

function GoalSteps({ goal, listing }: { goal: GoalView; listing: GoalListing }) {
  const { t } = useI18n();
  const stepIndex =
    goal.status === 'returned' ? 0 : FLOW.indexOf(goal.status as (typeof FLOW)[number]);
  const flow: readonly string[] = listing.financeApprovalRequired
    ? FLOW
    : FLOW.filter((s) => s !== 'deptApproved');
  return (
    <Steps
      size="small"
      current={Math.max(0, flow.indexOf(FLOW[stepIndex] ?? 'draft'))}
      status={goal.status === 'returned' ? 'error' : undefined}
      items={flow.map((s) => ({ title: t(`status.${s}` as MessageKey) }))}
      className="jx-goal-steps"
    />
  );
}

function FlowButtons({
  goal,
  editable,
  canApprove,
  state,
}: {
  goal: GoalView;
  editable: boolean;
  canApprove: boolean;
  state: GoalState;
}) {
  const { t } = useI18n();
  return (
    <Space wrap>
      {editable && (
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={state.busy}
          onClick={() => void state.run(() => goalsApi.submit(goal.id, {}), t('goals.submitted'))}
          data-testid="goal-submit"
        >
          {t('goals.submitGoals')}
        </Button>
      )}
      {canApprove && (
        <>
          <Button danger icon={<RollbackOutlined />} onClick={() => state.setDialog('return')}>
            {t('goals.returnGoals')}
          </Button>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => state.setDialog('approve')}
          >
            {t('goals.approve')}
          </Button>
        </>
      )}
    </Space>
  );
}

function GoalTextEdit({ goal, state }: { goal: GoalView; state: GoalState }) {
  const { t } = useI18n();
  const { text, setText } = state;
  return (
    <Space.Compact style={{ width: '100%' }} className="jx-goal-text-edit">
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
        aria-label={t('goals.goalText')}
        maxLength={2000}
      />
      <Button
        disabled={text === goal.targetText || text.trim() === ''}
        onClick={() =>
          void state.run(() => goalsApi.updateText(goal.id, text.trim()), t('app.saved'))
        }
      >
        {t('app.save')}
      </Button>
    </Space.Compact>
  );
}

function GoalText({
  goal,
  editable,
  state,
}: {
  goal: GoalView;
  editable: boolean;
  state: GoalState;
}) {
  const { t } = useI18n();
  return (
    <div className="jx-section">
      <div className="jx-goal-label">{t('goals.goalText')}</div>
      {editable ? (
        <GoalTextEdit goal={goal} state={state} />
      ) : (
        <p className="jx-goal-text">{goal.targetText || '—'}</p>
      )}
      {goal.actualText && (
        <>
          <div className="jx-goal-label">{t('eval.achieved')}</div>
          <p className="jx-goal-text">{goal.actualText}</p>
        </>
      )}
    </div>
  );
}

export function GoalStatusCard({
  goal,
  listing,
  canEdit,
  role,
  state,
}: {
  goal: GoalView;
  listing: GoalListing;
  canEdit: boolean;
  role: string;
  state: GoalState;
}) {
  const { t } = useI18n();
  const editable = canEdit && goal.editable;
  const canApprove =
    (role === 'deptHead' && goal.status === 'submitted') ||
    (role === 'financeReviewer' && goal.status === 'deptApproved');
  return (
    <Card
      size="small"
      title={
        <span>
          {goal.scope === 'department' ? t('eval.department') : goal.projectName}{' '}
          <StatusTag status={goal.status} />
        </span>
      }
      extra={<FlowButtons goal={goal} editable={editable} canApprove={canApprove} state={state} />}
    >
      <GoalSteps goal={goal} listing={listing} />
      {!goal.editable && canEdit && (
        <Alert type="info" showIcon message={t('goals.editLocked')} className="jx-section" />
      )}
      <GoalText goal={goal} editable={editable} state={state} />
    </Card>
  );
}

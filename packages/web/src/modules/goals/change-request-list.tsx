// The 调整申请 of a goal set's indicators: each with its field, old → new value and reason, and 同意 / 不同意 for
// whoever decides it now (the department head first, then the finance bureau).
import { Alert, Button, Card, Empty, List } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { StatusTag } from '../../ui/status-tag.tsx';
import { allIndicators, type ChangeRequestView, type GoalView } from './goals-api.ts';
import type { GoalDialog } from './use-goal.ts';

/** Whether this role decides the change request at its present status. */
export function canDecide(role: string, c: ChangeRequestView): boolean {
  return (
    (role === 'deptHead' && c.status === 'pending') ||
    (role === 'financeReviewer' && c.status === 'deptApproved')
  );
}

/** The banner above the detail: n change requests wait for this user's decision. */
export function ChangeRequestsToDecide({ count }: { count: number }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      className="jx-goal-todo"
      message={t('goals.toDecide', { n: count })}
      action={
        <Button
          size="small"
          onClick={() =>
            document
              .getElementById('jx-change-requests')
              ?.scrollIntoView({ behavior: 'smooth', block: 'start' })
          }
        >
          {t('app.view')}
        </Button>
      }
    />
  );
}

type T = ReturnType<typeof useI18n>['t'];

function decideButtons(c: ChangeRequestView, onDecide: (d: GoalDialog) => void, t: T) {
  return [
    <Button
      key="a"
      size="small"
      type="primary"
      onClick={() => onDecide({ decide: c, decision: 'approve' })}
    >
      {t('goals.approve')}
    </Button>,
    <Button key="r" size="small" danger onClick={() => onDecide({ decide: c, decision: 'reject' })}>
      {t('goals.reject')}
    </Button>,
  ];
}

function ChangeRequestMeta({ c, goal }: { c: ChangeRequestView; goal: GoalView }) {
  const { lang } = useI18n();
  return (
    <List.Item.Meta
      title={
        <span>
          {c.indicatorName ?? allIndicators(goal).find((i) => i.id === c.indicatorId)?.name}{' '}
          <StatusTag status={c.status} />
        </span>
      }
      description={
        <span>
          {c.fieldLabel ?? c.field}：{c.originalValue} → <strong>{c.newValue}</strong>；{c.reason}
          <br />
          <span className="jx-muted">
            {c.requestedByName} ·{' '}
            {new Date(c.requestedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN')}
          </span>
        </span>
      }
    />
  );
}

export function ChangeRequestList({
  goal,
  changeRequests,
  role,
  emptyHint,
  onDecide,
}: {
  goal: GoalView;
  changeRequests: ChangeRequestView[];
  role: string;
  /** show the hint that locked targets change by request */
  emptyHint: boolean;
  onDecide: (d: GoalDialog) => void;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('goals.changeRequests')} id="jx-change-requests">
      {changeRequests.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={emptyHint ? t('goals.noChangesHint') : t('goals.noChanges')}
        />
      ) : (
        <List
          size="small"
          dataSource={changeRequests}
          renderItem={(c) => (
            <List.Item actions={canDecide(role, c) ? decideButtons(c, onDecide, t) : []}>
              <ChangeRequestMeta c={c} goal={goal} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

// The 指标体系 card of a goal set: the weight sum, 从指标库选择 / 新增指标 while editable, the indicator table and
// the checks of the set (core's, or the server's answer to a submission).
import type { GoalSetIssue } from '@jixiao/core/indicators/index';
import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { allIndicators, type GoalListing, type GoalView } from './goals-api.ts';
import { IndicatorTable, type IndicatorActions } from './indicator-table.tsx';

function GoalChecks({ issues }: { issues: GoalSetIssue[] }) {
  const { t, lang } = useI18n();
  return (
    <Alert
      className="jx-section"
      type={issues.some((i) => i.severity === 'error') ? 'error' : 'warning'}
      showIcon
      message={t('goals.checks')}
      description={
        <ul className="jx-findings">
          {issues.map((i, n) => (
            <li key={`${i.code}-${n}`}>
              <Tag color={i.severity === 'error' ? 'red' : 'gold'}>
                {i.severity === 'error' ? t('goals.error') : t('goals.warning')}
              </Tag>
              {lang === 'en' ? i.messageEn : i.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

function TreeTitle({ goal, listing }: { goal: GoalView; listing: GoalListing }) {
  const { t } = useI18n();
  return (
    <span>
      {t('goals.indicatorTree')}{' '}
      <span className="jx-muted">
        {t('goals.weightSum')} {goal.weightTotal} / {listing.indicatorWeightTotal}（
        {t('goals.plusBudget', { w: listing.budgetWeight })}）
      </span>
    </span>
  );
}

export function IndicatorTreeCard({
  goal,
  listing,
  actions,
  issues,
  onLibrary,
  onAdd,
}: {
  goal: GoalView;
  listing: GoalListing;
  actions: IndicatorActions | null;
  /** the checks to show, or null when none are to be shown */
  issues: GoalSetIssue[] | null;
  onLibrary: () => void;
  onAdd: () => void;
}) {
  const { t } = useI18n();
  const editable = actions?.editable === true;
  return (
    <Card
      size="small"
      className="jx-section"
      title={<TreeTitle goal={goal} listing={listing} />}
      extra={
        editable && (
          <Space>
            <Button icon={<BookOutlined />} onClick={onLibrary}>
              {t('goals.fromLibrary')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={onAdd}
              data-testid="add-indicator"
            >
              {t('goals.addIndicator')}
            </Button>
          </Space>
        )
      }
    >
      {allIndicators(goal).length === 0 ? (
        <EmptyState text={editable ? t('goals.noIndicatorsEdit') : t('dash.noIndicators')} />
      ) : (
        <IndicatorTable goal={goal} actions={actions} />
      )}
      {issues && issues.length > 0 && <GoalChecks issues={issues} />}
    </Card>
  );
}

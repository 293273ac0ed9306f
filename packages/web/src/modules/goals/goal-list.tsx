// The list of the year's goal sets (the department's and each project's) beside the goal detail.
import { Badge, Card } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { StatusTag } from '../../ui/status-tag.tsx';
import type { GoalView } from './goals-api.ts';

export function GoalList({
  goals,
  activeId,
  onPick,
}: {
  goals: GoalView[];
  activeId: string | undefined;
  onPick: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" className="jx-goals-list" title={t('goals.sets')}>
      <nav aria-label={t('goals.sets')}>
        <ul>
          {goals.map((g) => (
            <li key={g.id}>
              <button
                type="button"
                className={`jx-goal-item${activeId === g.id ? ' active' : ''}`}
                onClick={() => onPick(g.id)}
                aria-current={activeId === g.id}
              >
                <span className="jx-goal-item-name">
                  {g.scope === 'department'
                    ? t('eval.department')
                    : (g.projectName ?? g.projectCode)}
                </span>
                <span className="jx-goal-item-meta">
                  <StatusTag status={g.status} />
                  {g.pendingChangeRequests > 0 && (
                    <Badge count={g.pendingChangeRequests} title={t('goals.changeRequests')} />
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </Card>
  );
}

// The history of a goal set: each step of its lifecycle with who took it, when, and the comment.
import { Card, Empty, Timeline } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { StatusTag } from '../../ui/status-tag.tsx';
import type { GoalEventView } from './goals-api.ts';

function colorOf(action: string): string {
  return action === 'return' ? 'red' : action === 'lock' || action === 'approve' ? 'green' : 'blue';
}

export function GoalHistory({ events }: { events: GoalEventView[] }) {
  const { t, lang } = useI18n();
  return (
    <Card size="small" title={t('goals.history')}>
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={events.map((e) => ({
            color: colorOf(e.action),
            content: (
              <span>
                <StatusTag status={e.toStatus} /> {e.actor}
                <span className="jx-muted">
                  {' '}
                  · {new Date(e.at).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN')}
                </span>
                {e.comment && <div className="jx-goal-comment">{e.comment}</div>}
              </span>
            ),
          }))}
        />
      )}
    </Card>
  );
}

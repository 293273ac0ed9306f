// One history view for every sign-off workflow (a goal set's lifecycle, a self-evaluation's clerk → head → bureau):
// each step with the status it led to, who took it, when, and the comment.
import { Card, Empty, Timeline } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { StatusTag } from './status-tag.tsx';

export interface WorkflowStep {
  action: string;
  toStatus: string;
  actor: string;
  comment: string | null;
  at: string;
}

const COMMENT = { color: '#595959', fontSize: 12, whiteSpace: 'pre-wrap' } as const;

function colorOf(action: string): string {
  if (/return/i.test(action)) {
    return 'red';
  }
  return /lock|approve|accept/i.test(action) ? 'green' : 'blue';
}

export function WorkflowHistory({
  title,
  events,
  testId,
}: {
  title: string;
  events: readonly WorkflowStep[];
  testId?: string;
}) {
  const { lang } = useI18n();
  return (
    <Card size="small" title={title} data-testid={testId}>
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
                {e.comment && <div style={COMMENT}>{e.comment}</div>}
              </span>
            ),
          }))}
        />
      )}
    </Card>
  );
}

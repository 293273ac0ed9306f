// The history of a goal set: each step of its lifecycle with who took it, when, and the comment (the same view
// as the self-evaluation's sign-off history, ui/workflow-history.tsx).
import { useI18n } from '../../i18n/i18n.tsx';
import { WorkflowHistory } from '../../ui/workflow-history.tsx';
import type { GoalEventView } from './goals-api.ts';

export function GoalHistory({ events }: { events: GoalEventView[] }) {
  const { t } = useI18n();
  return <WorkflowHistory title={t('goals.history')} events={events} />;
}

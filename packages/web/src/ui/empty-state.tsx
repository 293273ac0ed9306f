// An empty state that says what to do next (with an optional action).
import { Empty } from 'antd';
import type { ReactNode } from 'react';

export function EmptyState({ text, action }: { text: ReactNode; action?: ReactNode }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={<span className="jx-empty-text">{text}</span>}
    >
      {action}
    </Empty>
  );
}

// Lifecycle status as a coloured tag: draft / submitted / approved / locked / returned / accepted …
import { Tag } from 'antd';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';

const COLORS: Record<string, string> = {
  live: 'processing',
  draft: 'default',
  submitted: 'blue',
  approved: 'green',
  accepted: 'green',
  locked: 'purple',
  returned: 'orange',
  rejected: 'red',
  pending: 'gold',
  notStarted: 'default',
  active: 'green',
  superseded: 'default',
  none: 'default',
};

export function statusLabel(status: string, t: (k: MessageKey) => string): string {
  const key = `status.${status}` as MessageKey;
  const text = t(key);
  return text === key || text === undefined ? status : text;
}

export function StatusTag({ status }: { status: string | null | undefined }) {
  const { t } = useI18n();
  if (!status) {
    return <Tag>—</Tag>;
  }
  return <Tag color={COLORS[status] ?? 'default'}>{statusLabel(status, t)}</Tag>;
}

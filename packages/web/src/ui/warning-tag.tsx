// Monitoring warning colours (domain-rules §6.2): red / yellow / green / blue.
import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

export type WarningLevel = 'red' | 'yellow' | 'green' | 'blue';

export const WARNING_COLORS: Record<WarningLevel, string> = {
  red: '#d32f2f',
  yellow: '#f9a825',
  green: '#2e7d32',
  blue: '#1565c0',
};

export function isWarningLevel(s: unknown): s is WarningLevel {
  return s === 'red' || s === 'yellow' || s === 'green' || s === 'blue';
}

/** The API's level (core uses RED/YELLOW/GREEN/BLUE) as the UI's; null for anything else. */
export function toWarningLevel(v: unknown): WarningLevel | null {
  const s = typeof v === 'string' ? v.toLowerCase() : null;
  return isWarningLevel(s) ? s : null;
}

export function WarningTag({
  level,
  children,
}: {
  level: WarningLevel | null | undefined;
  children?: React.ReactNode;
}) {
  const { t } = useI18n();
  if (!level) {
    return <Tag>—</Tag>;
  }
  return (
    <Tag
      className="jx-warning-tag"
      style={{
        // solid colour, and dark text on yellow: readable (WCAG AA) as well as coloured
        background: WARNING_COLORS[level],
        borderColor: WARNING_COLORS[level],
        color: level === 'yellow' ? '#262626' : '#ffffff',
      }}
    >
      <span aria-hidden>● </span>
      {children ?? t(`warning.${level}`)}
    </Tag>
  );
}

/** "红 2 · 黄 1" counts on one line (full words for screen readers), or "无预警". */
export function WarningCounts({ red, yellow }: { red: number; yellow: number }) {
  const { t } = useI18n();
  if (red === 0 && yellow === 0) {
    return <span className="jx-muted">{t('warning.none')}</span>;
  }
  const label = [
    red > 0 ? `${t('warning.red')} ${red}` : '',
    yellow > 0 ? `${t('warning.yellow')} ${yellow}` : '',
  ]
    .filter(Boolean)
    .join('，');
  return (
    <span className="jx-warning-counts" aria-label={label} title={label}>
      {red > 0 && (
        <WarningTag level="red">
          {t('warning.redShort')} {red}
        </WarningTag>
      )}
      {yellow > 0 && (
        <WarningTag level="yellow">
          {t('warning.yellowShort')} {yellow}
        </WarningTag>
      )}
    </span>
  );
}

// Review findings (report reviewer): severity, code title, line, the flagged words and the message.
import { List, Tag } from 'antd';
import type { ReviewFinding } from '../../api/types.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { findingLabel } from '../evaluation/finding-labels.ts';

const SEVERITY_COLOR: Record<string, string> = { high: 'red', medium: 'orange', low: 'blue' };

export function FindingList({
  findings,
  activeIndex,
  onPick,
}: {
  findings: ReviewFinding[];
  activeIndex?: number | null;
  onPick?: (index: number) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <List
      size="small"
      dataSource={findings}
      locale={{ emptyText: t('review.noFindings') }}
      data-testid="review-findings"
      renderItem={(f, i) => (
        <List.Item className={`jx-finding${activeIndex === i ? ' jx-finding-active' : ''}`}>
          <button
            type="button"
            className="jx-finding-btn"
            onClick={() => onPick?.(i)}
            aria-pressed={activeIndex === i}
          >
            <div className="jx-finding-head">
              <Tag color={SEVERITY_COLOR[f.severity] ?? 'default'}>
                {t(`review.severity.${f.severity}` as MessageKey)}
              </Tag>
              <strong className="jx-finding-code">{findingLabel(f.code, lang)}</strong>
              <span className="jx-muted">{t('review.line', { n: f.line })}</span>
            </div>
            <div className="jx-finding-msg">{lang === 'en' ? f.messageEn : f.message}</div>
            {f.excerpt && (
              <div className="jx-finding-excerpt">
                「{f.excerpt.length > 80 ? `${f.excerpt.slice(0, 80)}…` : f.excerpt}」
              </div>
            )}
          </button>
        </List.Item>
      )}
    />
  );
}

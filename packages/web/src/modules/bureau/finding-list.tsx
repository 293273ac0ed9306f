// Review findings (report reviewer): severity, code title, place (page/paragraph/line), a mark on text read from a
// scan, the flagged words and the message.
import { List, Tag } from 'antd';
import type { ReviewFinding, ReviewedReport } from '../../api/types.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { findingLabel, findingPlace } from '../evaluation/finding-labels.ts';

type ReviewedKind = ReviewedReport['kind'];

const SEVERITY_COLOR: Record<string, string> = { high: 'red', medium: 'orange', low: 'blue' };

export function FindingList({
  findings,
  activeIndex,
  onPick,
  kind,
}: {
  findings: ReviewFinding[];
  /** The reviewed file's kind: a Word file counts paragraphs, a PDF pages and lines. */
  kind?: ReviewedKind | undefined;
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
              <span className="jx-muted" data-testid="finding-place">
                {findingPlace(f, kind, lang)}
              </span>
              {f.ocr && (
                <Tag color="gold" title={t('review.ocrHint')}>
                  {t('review.ocr')}
                </Tag>
              )}
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

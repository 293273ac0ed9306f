// What the engine says must be explained (findings) or fixed (errors), each linked to its indicator row.
import type { Finding, ScoringError } from '@jixiao/core/scoring/index';
import { Alert, List, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { findingLabel, withoutIndicatorId } from './finding-labels.ts';

function focusRow(id: string | null) {
  if (!id) {
    return;
  }
  const row = document.getElementById(`ind-${id}`);
  if (row) {
    row.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const field = row.querySelector<HTMLElement>('input, textarea, [role="combobox"]');
    field?.focus({ preventScroll: true });
  }
}

export function FindingsPanel({
  findings,
  errors,
}: {
  findings: Finding[];
  errors: ScoringError[];
}) {
  const { t, lang } = useI18n();
  if (errors.length > 0) {
    return (
      <Alert
        type="error"
        showIcon
        message={t('eval.errors')}
        description={
          <ul className="jx-findings" data-testid="scoring-errors">
            {errors.map((e, i) => (
              <li key={`${e.code}-${i}`}>
                <Tag color="red">{findingLabel(e.code, lang)}</Tag>
                <button type="button" className="jx-linklike" onClick={() => focusRow(e.indicator)}>
                  {withoutIndicatorId(lang === 'en' ? e.messageEn : e.message, e.indicator)}
                </button>
              </li>
            ))}
          </ul>
        }
      />
    );
  }
  return (
    <List
      size="small"
      header={<strong>{t('eval.findings')}</strong>}
      locale={{ emptyText: t('eval.noFindings') }}
      dataSource={findings}
      data-testid="scoring-findings"
      renderItem={(f) => (
        <List.Item>
          <span>
            <Tag
              color={
                f.code === 'DEVIATION_NOTE_MISSING' || f.code === 'DEDUCTION_WITHOUT_REASON'
                  ? 'red'
                  : 'gold'
              }
            >
              {findingLabel(f.code, lang)}
            </Tag>
            {f.indicator ? (
              <button type="button" className="jx-linklike" onClick={() => focusRow(f.indicator)}>
                {withoutIndicatorId(lang === 'en' ? f.messageEn : f.message, f.indicator)}
              </button>
            ) : lang === 'en' ? (
              f.messageEn
            ) : (
              f.message
            )}
          </span>
        </List.Item>
      )}
    />
  );
}

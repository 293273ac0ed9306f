// Under an indicator's deviation note on the 自评表: 扣 3 分：理由 (who, when) and the 扣分 button for those who
// may set one.
import { MinusCircleOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ContractIndicator } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { hasDeduction, trimScore } from './sheet-groups.ts';
import type { IndicatorMeta } from './use-goal-texts.ts';

/** Reviewer deductions on the sheet: shown under the deviation note, with a button for those who may set one. */
export interface SheetDeductions {
  meta: (ind: ContractIndicator) => IndicatorMeta | undefined;
  canDeduct: (ind: ContractIndicator) => boolean;
  onDeduct: (ind: ContractIndicator) => void;
}

function DeductionText({ ind, meta }: { ind: ContractIndicator; meta: IndicatorMeta | undefined }) {
  const { t, lang } = useI18n();
  const at = meta?.deductionAt
    ? new Date(meta.deductionAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
        dateStyle: 'short',
        timeStyle: 'short',
      })
    : null;
  return (
    <>
      <span className="jx-sheet-deduction-text">
        {t('deduction.shown', {
          points: trimScore(ind.deduction ?? ''),
          reason: ind.deductionReason ?? '',
        })}
      </span>
      {meta?.deductionBy && (
        <span className="jx-sheet-deduction-by">
          {t('deduction.by', { who: meta.deductionBy, at: at ?? '' })}
        </span>
      )}
    </>
  );
}

export function DeductionNote({
  ind,
  deductions,
}: {
  ind: ContractIndicator;
  deductions: SheetDeductions;
}) {
  const { t } = useI18n();
  const shown = hasDeduction(ind);
  const can = deductions.canDeduct(ind);
  if (!shown && !can) {
    return null;
  }
  return (
    <div className="jx-sheet-deduction" data-testid={`deduction-${ind.id}`}>
      {shown && <DeductionText ind={ind} meta={deductions.meta(ind)} />}
      {can && (
        <Button
          size="small"
          type="link"
          danger
          icon={<MinusCircleOutlined />}
          onClick={() => deductions.onDeduct(ind)}
          className="jx-sheet-deduct"
          data-testid={`deduct-${ind.id}`}
          aria-label={`${ind.name} ${t('deduction.edit')}`}
        >
          {shown ? t('deduction.change') : t('deduction.edit')}
        </Button>
      )}
    </div>
  );
}

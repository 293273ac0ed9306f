// The 实际完成值 cell of the 自评表: a value from a bound metric (read-only, marked 自动), a 定性 level with its
// score inside the level's band, or a number checked as it is typed.
import { isDecimalString } from '@jixiao/core/decimal';
import {
  QUAL_LEVELS,
  QUAL_LEVEL_TEXT,
  QUAL_LEVEL_TEXT_EN,
  parseQualLevel,
  qualitativeBand,
} from '@jixiao/core/scoring/index';
import { Input, Select, Tag, Tooltip } from 'antd';
import type { ContractIndicator } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { IndicatorEdit } from './live-score.ts';

type OnEdit = (id: string, edit: IndicatorEdit) => void;

function MetricActual({
  ind,
  metric,
}: {
  ind: ContractIndicator;
  metric: NonNullable<ContractIndicator['metric']>;
}) {
  const { t } = useI18n();
  return (
    <Tooltip title={t('eval.autoHint', { records: metric.records, asOf: metric.asOf })}>
      <span className="jx-sheet-auto">
        {ind.actual}
        {ind.unit ? ` ${ind.unit}` : ''} <Tag color="cyan">{t('eval.auto')}</Tag>
      </span>
    </Tooltip>
  );
}

function QualReadOnly({ ind }: { ind: ContractIndicator }) {
  const { t, lang } = useI18n();
  const level = parseQualLevel(ind.actual);
  return (
    <span>
      {level
        ? lang === 'en'
          ? QUAL_LEVEL_TEXT_EN[level]
          : QUAL_LEVEL_TEXT[level]
        : ind.actual || '—'}
      {ind.score ? `（${t('eval.qualScore')} ${ind.score}）` : ''}
    </span>
  );
}

function QualScoreInput({ ind, onEdit }: { ind: ContractIndicator; onEdit: OnEdit }) {
  const { t } = useI18n();
  const level = parseQualLevel(ind.actual);
  const band = level ? qualitativeBand(level, ind.weight) : null;
  return (
    <Input
      size="small"
      aria-label={`${ind.name} ${t('eval.qualScore')}`}
      value={ind.score ?? ''}
      onChange={(e) => onEdit(ind.id, { score: e.target.value.trim() })}
      status={ind.score && !isDecimalString(ind.score) ? 'error' : undefined}
      prefix={<span className="jx-sheet-prefix">{t('eval.qualScore')}</span>}
      suffix={
        band ? (
          <span className="jx-sheet-band">{`[${band.min}, ${band.max}${band.maxInclusive ? ']' : ')'}`}</span>
        ) : undefined
      }
      inputMode="decimal"
    />
  );
}

function QualScore({ ind, onEdit }: { ind: ContractIndicator; onEdit: OnEdit }) {
  return (
    <div>
      <QualScoreInput ind={ind} onEdit={onEdit} />
      {ind.score && !isDecimalString(ind.score) ? <CellError id={ind.id} /> : null}
    </div>
  );
}

function QualEdit({ ind, onEdit }: { ind: ContractIndicator; onEdit: OnEdit }) {
  const { t, lang } = useI18n();
  const level = parseQualLevel(ind.actual);
  return (
    <div className="jx-sheet-qual">
      <Select
        size="small"
        aria-label={`${ind.name} ${t('eval.actual')}`}
        value={level ? QUAL_LEVEL_TEXT[level] : ind.actual || undefined}
        onChange={(v: string) => onEdit(ind.id, { actual: v })}
        options={QUAL_LEVELS.map((l) => ({
          value: QUAL_LEVEL_TEXT[l],
          label: lang === 'en' ? QUAL_LEVEL_TEXT_EN[l] : QUAL_LEVEL_TEXT[l],
        }))}
        popupMatchSelectWidth={false}
        style={{ width: '100%' }}
      />
      <QualScore ind={ind} onEdit={onEdit} />
    </div>
  );
}

/** Under a cell whose typed value is not a number: what is wrong, for this row only. */
function CellError({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <div className="jx-cell-error" role="alert" data-testid={`cell-error-${id}`}>
      {t('eval.numberRequired')}
    </div>
  );
}

function NumberEdit({ ind, onEdit }: { ind: ContractIndicator; onEdit: OnEdit }) {
  const { t } = useI18n();
  const bad = ind.actual !== '' && !isDecimalString(ind.actual);
  return (
    <div>
      <Input
        size="small"
        aria-label={`${ind.name} ${t('eval.actual')}`}
        aria-invalid={bad || ind.actual === ''}
        value={ind.actual}
        status={bad || ind.actual === '' ? 'error' : undefined}
        onChange={(e) => onEdit(ind.id, { actual: e.target.value.trim() })}
        inputMode="decimal"
        className="jx-sheet-input-num"
        data-testid={`actual-${ind.id}`}
      />
      {bad && <CellError id={ind.id} />}
    </div>
  );
}

export function ActualCell({
  ind,
  editable,
  onEdit,
}: {
  ind: ContractIndicator;
  editable: boolean;
  onEdit: OnEdit;
}) {
  if (ind.metric) {
    return <MetricActual ind={ind} metric={ind.metric} />;
  }
  if (ind.operator === '定性' || ind.operator === 'QUAL') {
    return editable ? <QualEdit ind={ind} onEdit={onEdit} /> : <QualReadOnly ind={ind} />;
  }
  if (!editable) {
    return <span className="jx-num">{ind.actual || '—'}</span>;
  }
  return <NumberEdit ind={ind} onEdit={onEdit} />;
}

// The 自评表 in its official layout (domain-rules §3.8): header, 项目资金（万元）, 年度总体目标, 绩效指标 with
// 一级/二级 cells merged, and the total. Actuals, 定性 scores and deviation notes are editable in place.
import { d, dSum, isDecimalString } from '@jixiao/core/decimal';
import {
  QUAL_LEVELS,
  QUAL_LEVEL_TEXT,
  QUAL_LEVEL_TEXT_EN,
  parseQualLevel,
  qualitativeBand,
} from '@jixiao/core/scoring/index';
import type { ScoredOutput } from '@jixiao/core/scoring/index';
import { MinusCircleOutlined } from '@ant-design/icons';
import { Button, Input, Select, Tag, Tooltip } from 'antd';
import type { ContractIndicator, ContractInput } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { moneyText } from '../../ui/money-text.tsx';
import { percentText } from '../../ui/percent-text.tsx';
import type { IndicatorEdit } from './live-score.ts';
import type { IndicatorMeta } from './use-goal-texts.ts';

/** Reviewer deductions on the sheet: shown under the deviation note, with a button for those who may set one. */
export interface SheetDeductions {
  meta: (ind: ContractIndicator) => IndicatorMeta | undefined;
  canDeduct: (ind: ContractIndicator) => boolean;
  onDeduct: (ind: ContractIndicator) => void;
}

export interface SheetProps {
  kind: 'project' | 'department';
  /** 项目名称 (or the department's evaluation subject). */
  title: string;
  competent: string;
  input: ContractInput;
  output: ScoredOutput | null;
  editable: boolean;
  goal?: { expected: string | null; achieved: string | null } | null;
  /** Indicator ids with findings (highlighted). */
  flagged: ReadonlySet<string>;
  onEdit: (id: string, edit: IndicatorEdit) => void;
  deductions?: SheetDeductions;
}

interface Group {
  level1: string;
  weight: string;
  rows: { level2: string; items: ContractIndicator[] }[];
}

const LEVEL1_ORDER = ['产出指标', '效益指标', '满意度指标', '成本指标'];

/** Σ weights with core's decimals ("50", "7.50" → "57.5"); "—" when one is not a number. */
function sumWeights(items: Pick<ContractIndicator, 'weight'>[]): string {
  if (!items.every((i) => isDecimalString(i.weight))) {
    return '—';
  }
  return dSum(items.map((i) => d(i.weight))).toFixed();
}

export function groupIndicators(indicators: ContractIndicator[]): Group[] {
  const byL1 = new Map<string, ContractIndicator[]>();
  for (const i of indicators) {
    const list = byL1.get(i.level1) ?? [];
    list.push(i);
    byL1.set(i.level1, list);
  }
  const order = [...byL1.keys()].sort((a, b) => {
    const ia = LEVEL1_ORDER.indexOf(a);
    const ib = LEVEL1_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  return order.map((level1) => {
    const items = byL1.get(level1) ?? [];
    const byL2 = new Map<string, ContractIndicator[]>();
    for (const i of items) {
      const k = i.level2 ?? '';
      byL2.set(k, [...(byL2.get(k) ?? []), i]);
    }
    return {
      level1,
      weight: sumWeights(items),
      rows: [...byL2.entries()].map(([level2, list]) => ({ level2, items: list })),
    };
  });
}

function trimScore(s: string): string {
  return s.replace(/\.00$/, '');
}

function hasDeduction(ind: ContractIndicator): boolean {
  return (
    ind.deduction !== null &&
    ind.deduction !== undefined &&
    isDecimalString(ind.deduction) &&
    d(ind.deduction).gt(0)
  );
}

/** 扣 3 分：理由 (who, when) and the 扣分 button. */
function DeductionNote({
  ind,
  deductions,
}: {
  ind: ContractIndicator;
  deductions: SheetDeductions;
}) {
  const { t, lang } = useI18n();
  const meta = deductions.meta(ind);
  const shown = hasDeduction(ind);
  const can = deductions.canDeduct(ind);
  if (!shown && !can) {
    return null;
  }
  const at = meta?.deductionAt
    ? new Date(meta.deductionAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
        dateStyle: 'short',
        timeStyle: 'short',
      })
    : null;
  return (
    <div className="jx-sheet-deduction" data-testid={`deduction-${ind.id}`}>
      {shown && (
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
      )}
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

function ActualCell({
  ind,
  editable,
  onEdit,
}: {
  ind: ContractIndicator;
  editable: boolean;
  onEdit: SheetProps['onEdit'];
}) {
  const { t, lang } = useI18n();
  const label = `${ind.name} ${t('eval.actual')}`;
  if (ind.metric) {
    return (
      <Tooltip title={t('eval.autoHint', { records: ind.metric.records, asOf: ind.metric.asOf })}>
        <span className="jx-sheet-auto">
          {ind.actual}
          {ind.unit ? ` ${ind.unit}` : ''} <Tag color="cyan">{t('eval.auto')}</Tag>
        </span>
      </Tooltip>
    );
  }
  if (ind.operator === '定性' || ind.operator === 'QUAL') {
    const level = parseQualLevel(ind.actual);
    const band = level ? qualitativeBand(level, ind.weight) : null;
    if (!editable) {
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
    return (
      <div className="jx-sheet-qual">
        <Select
          size="small"
          aria-label={label}
          value={level ? QUAL_LEVEL_TEXT[level] : ind.actual || undefined}
          onChange={(v: string) => onEdit(ind.id, { actual: v })}
          options={QUAL_LEVELS.map((l) => ({
            value: QUAL_LEVEL_TEXT[l],
            label: lang === 'en' ? QUAL_LEVEL_TEXT_EN[l] : QUAL_LEVEL_TEXT[l],
          }))}
          popupMatchSelectWidth={false}
          style={{ width: '100%' }}
        />
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
      </div>
    );
  }
  if (!editable) {
    return <span className="jx-num">{ind.actual || '—'}</span>;
  }
  const bad = ind.actual !== '' && !isDecimalString(ind.actual);
  return (
    <Tooltip open={bad ? undefined : false} title={bad ? t('eval.numberRequired') : undefined}>
      <Input
        size="small"
        aria-label={label}
        aria-invalid={bad || ind.actual === ''}
        value={ind.actual}
        status={bad || ind.actual === '' ? 'error' : undefined}
        onChange={(e) => onEdit(ind.id, { actual: e.target.value.trim() })}
        inputMode="decimal"
        className="jx-sheet-input-num"
        data-testid={`actual-${ind.id}`}
      />
    </Tooltip>
  );
}

export function SelfEvaluationSheet({
  kind,
  title,
  competent,
  input,
  output,
  editable,
  goal,
  flagged,
  onEdit,
  deductions,
}: SheetProps) {
  const { t } = useI18n();
  const scoreOf = new Map((output?.indicators ?? []).map((i) => [i.id, i]));
  const groups = groupIndicators(input.indicators);
  const b = input.budget;
  const money = (wan: string | undefined) =>
    wan === undefined ? '—' : moneyText({ wan, bare: true });
  const totalWeight = sumWeights([...input.indicators, { weight: b.weight ?? '10' }]);

  return (
    <div className="jx-sheet-wrap">
      <table
        className="jx-sheet"
        aria-label={kind === 'project' ? t('eval.sheetProject') : t('eval.sheetDepartment')}
      >
        <colgroup>
          <col style={{ width: '7%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '6%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '5%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '20%' }} />
        </colgroup>
        <caption>
          {kind === 'project' ? t('eval.sheetProject') : t('eval.sheetDepartment')}
          <span className="jx-sheet-year">
            （{input.subject.year ?? ''}
            {t('app.yearSuffix')}）
          </span>
        </caption>
        <tbody>
          <tr>
            <th scope="row" colSpan={2}>
              {t('eval.projectName')}
            </th>
            <td colSpan={8} className="jx-left">
              {title}
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>
              {t('eval.competent')}
            </th>
            <td colSpan={3} className="jx-left">
              {competent}
            </td>
            <th scope="row" colSpan={2}>
              {t('eval.unit')}
            </th>
            <td colSpan={3} className="jx-left">
              {input.subject.unit ?? competent}
            </td>
          </tr>
          <tr>
            <th rowSpan={2} colSpan={2} scope="rowgroup">
              {kind === 'project' ? t('eval.funds') : t('eval.fundsDept')}
            </th>
            <th />
            <th colSpan={2}>{t('eval.initial')}</th>
            <th>{t('eval.adjusted')}</th>
            <th>{t('eval.executedCol')}</th>
            <th>{t('eval.weight')}</th>
            <th>{t('eval.rate')}</th>
            <th>{t('eval.score')}</th>
          </tr>
          <tr className="jx-sheet-funds">
            <th scope="row">{t('eval.totalFunds')}</th>
            <td colSpan={2} className="jx-right jx-num">
              {money(b.initial)}
            </td>
            <td className="jx-right jx-num">{money(b.adjusted)}</td>
            <td className="jx-right jx-num">{money(b.executed)}</td>
            <td className="jx-center">{b.weight ?? '10'}</td>
            <td className="jx-center jx-num">{output ? percentText(output.budget.rate) : '—'}</td>
            <td className="jx-center jx-num jx-sheet-score" data-testid="budget-score">
              {output ? output.budget.score : '—'}
            </td>
          </tr>
          {b.note && (
            <tr>
              <th colSpan={2} scope="row">
                {t('eval.budgetNote')}
              </th>
              <td colSpan={8} className="jx-left jx-sheet-note">
                {b.note}
              </td>
            </tr>
          )}
          <tr>
            <th rowSpan={2} colSpan={2} scope="rowgroup">
              {t('eval.goals')}
            </th>
            <th colSpan={4}>{t('eval.expected')}</th>
            <th colSpan={4}>{t('eval.achieved')}</th>
          </tr>
          <tr>
            <td colSpan={4} className="jx-left jx-sheet-goal">
              {goal?.expected ?? '—'}
            </td>
            <td colSpan={4} className="jx-left jx-sheet-goal">
              {goal?.achieved ?? '—'}
            </td>
          </tr>
          <tr className="jx-sheet-head">
            <th>{t('eval.level1')}</th>
            <th>{t('eval.level2')}</th>
            <th>{t('eval.level3')}</th>
            <th>{t('eval.operator')}</th>
            <th>{t('eval.target')}</th>
            <th>{t('eval.unitCol')}</th>
            <th>{t('eval.actual')}</th>
            <th>{t('eval.weight')}</th>
            <th>{t('eval.score')}</th>
            <th>{t('eval.deviation')}</th>
          </tr>
          {groups.flatMap((g) => {
            const l1Rows = g.rows.reduce((n, r) => n + r.items.length, 0);
            return g.rows.flatMap((r, ri) =>
              r.items.map((ind, ii) => {
                const s = scoreOf.get(ind.id);
                const isFlagged = flagged.has(ind.id);
                const na = ind.applicable === false;
                return (
                  <tr
                    key={ind.id}
                    id={`ind-${ind.id}`}
                    className={`${isFlagged ? 'jx-sheet-flagged' : ''}${na ? ' jx-sheet-na' : ''}`}
                    data-testid={`indicator-row-${ind.id}`}
                  >
                    {ri === 0 && ii === 0 && (
                      <th rowSpan={l1Rows} scope="rowgroup" className="jx-sheet-l1">
                        {g.level1}
                        <div className="jx-sheet-l1w">（{g.weight}）</div>
                      </th>
                    )}
                    {ii === 0 && (
                      <th rowSpan={r.items.length} scope="rowgroup" className="jx-sheet-l2">
                        {r.level2}
                      </th>
                    )}
                    <td className="jx-left">{ind.name}</td>
                    <td className="jx-center">{ind.operator}</td>
                    <td className="jx-center jx-num">{ind.target}</td>
                    <td className="jx-center">{ind.unit ?? ''}</td>
                    <td className="jx-sheet-actual">
                      {na ? (
                        t('eval.notApplicable')
                      ) : (
                        <ActualCell ind={ind} editable={editable} onEdit={onEdit} />
                      )}
                    </td>
                    <td className="jx-center jx-num">{trimScore(ind.weight)}</td>
                    <td className="jx-center jx-num jx-sheet-score" data-testid={`score-${ind.id}`}>
                      {s ? s.score : '—'}
                    </td>
                    <td className="jx-sheet-dev">
                      {editable ? (
                        <Input.TextArea
                          aria-label={`${ind.name} ${t('eval.deviation')}`}
                          value={ind.deviationNote ?? ''}
                          onChange={(e) => onEdit(ind.id, { deviationNote: e.target.value })}
                          autoSize={{ minRows: 1, maxRows: 4 }}
                          status={
                            isFlagged && !(ind.deviationNote ?? '').trim() ? 'warning' : undefined
                          }
                          size="small"
                        />
                      ) : (
                        <span className="jx-sheet-note">{ind.deviationNote ?? ''}</span>
                      )}
                      {deductions && !na && <DeductionNote ind={ind} deductions={deductions} />}
                    </td>
                  </tr>
                );
              }),
            );
          })}
          <tr className="jx-sheet-total">
            <th colSpan={7} scope="row">
              {t('eval.total')}
            </th>
            <td className="jx-center jx-num">{totalWeight}</td>
            <td className="jx-center jx-num jx-sheet-score" data-testid="sheet-total">
              {output ? output.total : '—'}
            </td>
            <td className="jx-left">
              {t('eval.grade')}：
              <strong data-testid="sheet-grade">{output ? output.grade : '—'}</strong>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

// The 自评表 in its official layout (domain-rules §3.8): header, 项目资金（万元）, 年度总体目标, 绩效指标 with
// 一级/二级 cells merged, and the total. Actuals, 定性 scores and deviation notes are editable in place.
import type { ScoredOutput } from '@jixiao/core/scoring/index';
import type { ContractIndicator, ContractInput } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { term } from '../../i18n/terms.ts';
import type { SheetDeductions } from './deduction-note.tsx';
import type { IndicatorEdit } from './live-score.ts';
import { groupIndicators, sumWeights } from './sheet-groups.ts';
import { SheetHeadRows, type SheetGoal, type SheetKind } from './sheet-head-rows.tsx';
import { SheetIndicatorRow } from './sheet-indicator-row.tsx';

export interface SheetProps {
  kind: SheetKind;
  /** 项目名称 (or the department's evaluation subject). */
  title: string;
  competent: string;
  input: ContractInput;
  output: ScoredOutput | null;
  editable: boolean;
  goal?: SheetGoal;
  /** Indicator ids with findings (highlighted). */
  flagged: ReadonlySet<string>;
  onEdit: (id: string, edit: IndicatorEdit) => void;
  deductions?: SheetDeductions;
}

const COLUMN_WIDTHS = ['7%', '8%', '17%', '6%', '8%', '8%', '14%', '5%', '7%', '20%'];

function IndicatorHead() {
  const { t } = useI18n();
  return (
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
  );
}

/** The indicator rows, grouped and merged as the official layout wants. */
function indicatorRows({ input, output, editable, flagged, onEdit, deductions }: SheetProps) {
  const scoreOf = new Map((output?.indicators ?? []).map((i) => [i.id, i]));
  return groupIndicators(input.indicators).flatMap((group) => {
    const l1Rows = group.rows.reduce((n, r) => n + r.items.length, 0);
    return group.rows.flatMap((r, ri) =>
      r.items.map((ind: ContractIndicator, ii) => (
        <SheetIndicatorRow
          key={ind.id}
          ind={ind}
          place={{
            group,
            l1Rows,
            level2: r.level2,
            l2Rows: r.items.length,
            firstOfL1: ri === 0 && ii === 0,
            firstOfL2: ii === 0,
          }}
          score={scoreOf.get(ind.id)?.score}
          editable={editable}
          flagged={flagged.has(ind.id)}
          onEdit={onEdit}
          deductions={deductions}
        />
      )),
    );
  });
}

function TotalRow({ input, output }: Pick<SheetProps, 'input' | 'output'>) {
  const { t, lang } = useI18n();
  const totalWeight = sumWeights([...input.indicators, { weight: input.budget.weight ?? '10' }]);
  return (
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
        <strong data-testid="sheet-grade">{output ? term(output.grade, lang) : '—'}</strong>
      </td>
    </tr>
  );
}

export function SelfEvaluationSheet(props: SheetProps) {
  const { kind, title, competent, input, output, goal } = props;
  const { t } = useI18n();
  const name = kind === 'project' ? t('eval.sheetProject') : t('eval.sheetDepartment');
  return (
    <div className="jx-sheet-wrap">
      <table className="jx-sheet" aria-label={name}>
        <colgroup>
          {COLUMN_WIDTHS.map((width, i) => (
            <col key={i} style={{ width }} />
          ))}
        </colgroup>
        <caption>
          {name}
          <span className="jx-sheet-year">
            （{input.subject.year ?? ''}
            {t('app.yearSuffix')}）
          </span>
        </caption>
        <tbody>
          <SheetHeadRows
            kind={kind}
            title={title}
            competent={competent}
            input={input}
            output={output}
            goal={goal}
          />
          <IndicatorHead />
          {indicatorRows(props)}
          <TotalRow input={input} output={output} />
        </tbody>
      </table>
    </div>
  );
}

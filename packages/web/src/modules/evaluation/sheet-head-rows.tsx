// The rows of the 自评表 above its indicators: 项目名称, 主管部门 / 实施单位, 项目资金（万元） with the budget
// score, the budget note, and 年度总体目标 (expected and achieved).
import type { ScoredOutput } from '@jixiao/core/scoring/index';
import type { ContractInput } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { moneyText } from '../../ui/money-text.tsx';
import { percentText } from '../../ui/percent-text.tsx';
import type { GoalText } from './use-goal-texts.ts';

/** Whose sheet it is: a project's or the department's. */
export type SheetKind = 'project' | 'department';

/** 年度总体目标 of the sheet: the goal set's text and what was achieved. */
export type SheetGoal = GoalText | null | undefined;

interface FundsProps {
  kind: SheetKind;
  input: ContractInput;
  output: ScoredOutput | null;
}

function money(wan: string | undefined): string {
  return wan === undefined ? '—' : moneyText({ wan, bare: true });
}

function NameRows({ title, competent, unit }: { title: string; competent: string; unit: string }) {
  const { t } = useI18n();
  return (
    <>
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
          {unit}
        </td>
      </tr>
    </>
  );
}

function FundsHead({ kind }: { kind: SheetKind }) {
  const { t } = useI18n();
  return (
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
  );
}

function FundsRows({ kind, input, output }: FundsProps) {
  const { t } = useI18n();
  const b = input.budget;
  return (
    <>
      <FundsHead kind={kind} />
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
    </>
  );
}

function BudgetNoteRow({ note }: { note: string }) {
  const { t } = useI18n();
  return (
    <tr>
      <th colSpan={2} scope="row">
        {t('eval.budgetNote')}
      </th>
      <td colSpan={8} className="jx-left jx-sheet-note">
        {note}
      </td>
    </tr>
  );
}

function GoalRows({ goal }: { goal: SheetGoal }) {
  const { t } = useI18n();
  return (
    <>
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
    </>
  );
}

export function SheetHeadRows({
  kind,
  title,
  competent,
  input,
  output,
  goal,
}: {
  kind: SheetKind;
  title: string;
  competent: string;
  input: ContractInput;
  output: ScoredOutput | null;
  goal: SheetGoal;
}) {
  return (
    <>
      <NameRows title={title} competent={competent} unit={input.subject.unit ?? competent} />
      <FundsRows kind={kind} input={input} output={output} />
      {input.budget.note && <BudgetNoteRow note={input.budget.note} />}
      <GoalRows goal={goal} />
    </>
  );
}

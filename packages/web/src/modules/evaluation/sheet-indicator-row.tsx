// One indicator's row of the 自评表: the merged 一级/二级 cells where a group starts, the actual (editable in
// place), the score, and the deviation note with the reviewer's deduction under it.
import { Input } from 'antd';
import type { ContractIndicator } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { term } from '../../i18n/terms.ts';
import { ActualCell } from './actual-cell.tsx';
import { DeductionNote, type SheetDeductions } from './deduction-note.tsx';
import type { IndicatorEdit } from './live-score.ts';
import { trimScore, type Group } from './sheet-groups.ts';

type OnEdit = (id: string, edit: IndicatorEdit) => void;

/** Where the row sits in its groups: the 一级 cell spans l1Rows from the group's first row, 二级 its own. */
export interface RowPlace {
  group: Group;
  l1Rows: number;
  level2: string;
  l2Rows: number;
  firstOfL1: boolean;
  firstOfL2: boolean;
}

function DeviationCell({
  ind,
  editable,
  flagged,
  onEdit,
}: {
  ind: ContractIndicator;
  editable: boolean;
  flagged: boolean;
  onEdit: OnEdit;
}) {
  const { t } = useI18n();
  return editable ? (
    <Input.TextArea
      aria-label={`${ind.name} ${t('eval.deviation')}`}
      value={ind.deviationNote ?? ''}
      onChange={(e) => onEdit(ind.id, { deviationNote: e.target.value })}
      autoSize={{ minRows: 1, maxRows: 4 }}
      status={flagged && !(ind.deviationNote ?? '').trim() ? 'warning' : undefined}
      size="small"
    />
  ) : (
    <span className="jx-sheet-note">{ind.deviationNote ?? ''}</span>
  );
}

function GroupCells({ place }: { place: RowPlace }) {
  const { lang } = useI18n();
  return (
    <>
      {place.firstOfL1 && (
        <th rowSpan={place.l1Rows} scope="rowgroup" className="jx-sheet-l1">
          {term(place.group.level1, lang)}
          <div className="jx-sheet-l1w">（{place.group.weight}）</div>
        </th>
      )}
      {place.firstOfL2 && (
        <th rowSpan={place.l2Rows} scope="rowgroup" className="jx-sheet-l2">
          {term(place.level2, lang)}
        </th>
      )}
    </>
  );
}

export function SheetIndicatorRow({
  ind,
  place,
  score,
  editable,
  flagged,
  onEdit,
  deductions,
}: {
  ind: ContractIndicator;
  place: RowPlace;
  score: string | undefined;
  editable: boolean;
  flagged: boolean;
  onEdit: OnEdit;
  deductions: SheetDeductions | undefined;
}) {
  const { t } = useI18n();
  const na = ind.applicable === false;
  return (
    <tr
      id={`ind-${ind.id}`}
      className={`${flagged ? 'jx-sheet-flagged' : ''}${na ? ' jx-sheet-na' : ''}`}
      data-testid={`indicator-row-${ind.id}`}
    >
      <GroupCells place={place} />
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
        {score ?? '—'}
      </td>
      <td className="jx-sheet-dev">
        <DeviationCell ind={ind} editable={editable} flagged={flagged} onEdit={onEdit} />
        {deductions && !na && <DeductionNote ind={ind} deductions={deductions} />}
      </td>
    </tr>
  );
}

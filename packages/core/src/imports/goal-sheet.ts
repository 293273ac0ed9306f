// A goal declaration sheet → goal sets. The flat 一体化 grid (项目代码 and 年度目标 on each row) gives one set per
// project code; a 申报表 form (项目支出 or 部门整体, §D.1–D.2) gives one set, its blocks found by anchor labels
// (项目名称, 年度目标 / 年度总体目标, the 绩效指标 header row), 一级/二级 cells filled down, the 年度 columns read.
import { rowError, type RowError } from '../ledger/ledger-row.ts';
import { cellsOf } from '../ledger/headers.ts';
import { normalizeHeader } from '../ledger/headers.ts';
import { DEPARTMENT_SET_WORDS, GOAL_HEADERS, type GoalField } from './goal-columns.ts';
import { checkIndicatorRow, type GoalSetDraft } from './goal-rows.ts';

export interface SheetGrid {
  name: string;
  /** Rows of text cells, merged cells already filled with their value; index 0 is row 1. */
  rows: readonly (readonly string[])[];
}

/** The sheet's indicator header row, as the header matcher found it. */
export interface GoalHeader {
  /** 1-based row number. */
  row: number;
  cells: readonly string[];
  columns: Partial<Record<GoalField, number>>;
}

export interface SheetResult {
  sets: GoalSetDraft[];
  errors: RowError[];
}

const BLOCK_END = /^(审核意见|主管部门意见|财政部门意见|填报说明|备注|填表人|联系电话)/;

function labelValue(grid: SheetGrid, above: number, labels: readonly string[]): string | null {
  const want = labels.map(normalizeHeader);
  for (let r = 0; r < above; r++) {
    const cells = grid.rows[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const k = normalizeHeader(cells[c] ?? '').replace(/\(.*\)$/, '');
      if (!want.includes(k)) {
        continue;
      }
      const right = cells.slice(c + 1).find((x) => x.trim() !== '' && x.trim() !== cells[c]);
      if (right !== undefined) {
        return right.trim();
      }
      const below = (grid.rows[r + 1] ?? [])[c]?.trim();
      if (below) {
        return below;
      }
    }
  }
  return null;
}

/** The 年度 indicator columns of a form's header row (a second 三级指标/指标值 pair is the 年度 one). */
function formColumns(cells: readonly string[], columns: Partial<Record<GoalField, number>>) {
  const idx = (word: string) =>
    cells.map((c, i) => (normalizeHeader(c).startsWith(word) ? i : -1)).filter((i) => i >= 0);
  const names = idx('三级指标');
  const values = idx('指标值');
  const level2s = idx('二级指标');
  const out = { ...columns };
  if (values.length > 1 && names.length > 1) {
    out.name = names[names.length - 1];
    out.target = values[values.length - 1];
    out.level2 = level2s[level2s.length - 1] ?? out.level2;
  }
  return out;
}

function fillDown(value: string, prev: string): string {
  return value.trim() === '' ? prev : value;
}

/** The indicators below the header row (until a blank row or a closing block), level 1/2 filled down. */
function readIndicators(
  grid: SheetGrid,
  start: number,
  columns: Partial<Record<GoalField, number>>,
  flat: boolean,
  onRow: (row: number, c: Partial<Record<GoalField, string>>) => void,
) {
  let l1 = '';
  let l2 = '';
  for (let r = start; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    if (cells.every((c) => c.trim() === '')) {
      if (flat) {
        continue;
      }
      break;
    }
    if (BLOCK_END.test((cells.find((c) => c.trim() !== '') ?? '').trim())) {
      break;
    }
    const c = cellsOf(cells, columns);
    l1 = fillDown(c.level1 ?? '', l1);
    l2 = fillDown(c.level2 ?? '', l2);
    if ((c.name ?? '').trim() === '' && (c.target ?? '').trim() === '') {
      continue;
    }
    onRow(r + 1, { ...c, level1: l1, level2: l2 });
  }
}

function newSet(grid: SheetGrid, row: number, projectCode: string | null): GoalSetDraft {
  return {
    projectCode,
    projectName: null,
    targetText: '',
    sheet: grid.name,
    row,
    indicators: [],
    weightsSpread: false,
  };
}

/** Every goal set of the sheet below its indicator header row, and every bad row. */
export function readGoalSheet(grid: SheetGrid, found: GoalHeader): SheetResult {
  const headerIndex = found.row - 1;
  const errors: RowError[] = [];
  const flat = found.columns.projectCode !== undefined;
  if (found.columns.target === undefined) {
    errors.push(
      rowError(found.row, GOAL_HEADERS.target, '', 'TARGET_MISSING', {
        zh: `工作表「${grid.name}」的绩效指标没有「指标值」列`,
        en: `sheet "${grid.name}" has no 指标值 (target) column`,
      }),
    );
    return { sets: [], errors };
  }
  const sets = new Map<string, GoalSetDraft>();
  let form: GoalSetDraft | null = null;
  if (!flat) {
    const code = labelValue(grid, headerIndex, ['项目代码', '项目编码']);
    const name = labelValue(grid, headerIndex, ['项目名称']);
    form = newSet(grid, found.row, code);
    form.projectName = name;
    form.targetText = labelValue(grid, headerIndex, ['年度目标', '年度总体目标']) ?? '';
  }
  const columns = flat ? found.columns : formColumns(found.cells, found.columns);
  readIndicators(grid, headerIndex + 1, columns, flat, (row, c) => {
    const v = checkIndicatorRow(row, c);
    if (!v.ok) {
      errors.push(...v.errors);
      return;
    }
    let set = form;
    if (!set) {
      const code = (c.projectCode ?? '').trim();
      const key = DEPARTMENT_SET_WORDS.includes(code) ? '' : code;
      set = sets.get(key) ?? newSet(grid, row, key === '' ? null : key);
      sets.set(key, set);
      if (set.targetText === '' && (c.targetText ?? '').trim() !== '') {
        set.targetText = (c.targetText ?? '').trim();
      }
    }
    set.indicators.push(v.indicator);
  });
  const all = form ? [form] : [...sets.values()];
  return { sets: all.filter((s) => s.indicators.length > 0), errors };
}

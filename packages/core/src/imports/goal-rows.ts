// One indicator row of a goal declaration checked cell by cell (every problem reported), and the rows grouped
// into goal sets: a set's weights spread over the preset's level-1 split when the file gives none.
import { isDecimalString } from '../decimal.ts';
import type { IndicatorLevel2, TargetBasisCode } from '../indicators/vocabulary.ts';
import { level2Allowed } from '../indicators/vocabulary.ts';
import { rowError, type RowError } from '../ledger/ledger-row.ts';
import type { Level1, Operator } from '../scoring/types.ts';
import { parseLevel1 } from '../scoring/vocabulary.ts';
import {
  parseLevel2,
  parseOperatorWord,
  parseTargetBasis,
  parseTargetCell,
  spreadWeights,
} from './goal-cells.ts';
import { GOAL_HEADERS, type GoalField } from './goal-columns.ts';

export interface IndicatorDraft {
  row: number;
  level1: Level1;
  level2: IndicatorLevel2;
  name: string;
  operator: Operator;
  target: string;
  unit: string;
  /** null until spread (the file gave no weight). */
  weight: string | null;
  targetBasis: TargetBasisCode | null;
  dataSource: string | null;
}

export interface GoalSetDraft {
  /** null: the department's 部门整体 set. */
  projectCode: string | null;
  /** The project's name as the form gives it (a form names its project by name). */
  projectName: string | null;
  targetText: string;
  /** The sheet and row the set starts at, for messages. */
  sheet: string;
  row: number;
  indicators: IndicatorDraft[];
  /** True when the weights were spread by the preset (the file had none). */
  weightsSpread: boolean;
}

type Cells = Readonly<Partial<Record<GoalField, string>>>;

/** The indicator of a row (level 1/2 already filled down), or every problem of the row. */
export function checkIndicatorRow(
  row: number,
  c: Cells,
): { ok: true; indicator: IndicatorDraft } | { ok: false; errors: RowError[] } {
  const cell = (f: GoalField) => (c[f] ?? '').trim();
  const errors: RowError[] = [];
  const bad = (f: GoalField, code: Parameters<typeof rowError>[3], zh: string, en: string) =>
    errors.push(rowError(row, GOAL_HEADERS[f], cell(f), code, { zh, en }));
  const level1 = parseLevel1(cell('level1'));
  if (!level1) {
    bad('level1', 'BAD_LEVEL', '一级指标应为产出、效益、满意度或成本指标', 'unknown level-1');
  }
  const level2 = parseLevel2(cell('level2'));
  if (!level2 || (level1 && !level2Allowed(level1, level2))) {
    bad('level2', 'BAD_LEVEL', '二级指标无法识别或不属于该一级指标', 'unknown level-2 here');
  }
  if (cell('name') === '') {
    bad('name', 'REQUIRED', '三级指标名称不能为空', 'the indicator name is missing');
  }
  const opText = cell('operator');
  const opGiven = opText === '' ? null : parseOperatorWord(opText);
  if (opText !== '' && opGiven === null) {
    bad('operator', 'BAD_VALUE', '计算符号应为 ≥ ≤ ＝ ＞ ＜ 或 定性', 'unknown operator');
  }
  if (cell('target') === '') {
    bad('target', 'TARGET_MISSING', '指标值不能为空', 'the target value is missing');
  }
  const weight = cell('weight') === '' ? null : cell('weight').replace(/%$/, '');
  if (weight !== null && !isDecimalString(weight)) {
    bad('weight', 'BAD_VALUE', '权重（分值）应为数字', 'the weight must be a number');
  }
  if (errors.length > 0 || !level1 || !level2) {
    return { ok: false, errors };
  }
  const t = parseTargetCell(cell('target'), opGiven);
  return {
    ok: true,
    indicator: {
      row,
      level1,
      level2,
      name: cell('name'),
      operator: t.operator,
      target: t.target,
      unit: cell('unit') || t.unit,
      weight,
      targetBasis: parseTargetBasis(cell('targetBasis')),
      dataSource: cell('dataSource') || null,
    },
  };
}

/** Weights of a set: as given, or (none given) spread by the split; some given and some not is an error. */
export function settleWeights(
  set: GoalSetDraft,
  split: Readonly<Partial<Record<Level1, string>>>,
): RowError[] {
  const missing = set.indicators.filter((i) => i.weight === null);
  if (missing.length === 0) {
    return [];
  }
  if (missing.length < set.indicators.length) {
    return missing.map((i) =>
      rowError(i.row, GOAL_HEADERS.weight, '', 'REQUIRED', {
        zh: '同一目标中其他指标填了权重，本指标也须填写',
        en: 'other indicators of the set have a weight: give this one too',
      }),
    );
  }
  const w = spreadWeights(
    set.indicators.map((i) => i.level1),
    split,
  );
  set.indicators.forEach((i, k) => {
    i.weight = w[k]!;
  });
  set.weightsSpread = true;
  return [];
}

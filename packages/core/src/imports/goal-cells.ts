// The cells of a goal declaration: 指标值 with operator, number and unit in one cell (≥600场, ≤30万元, 100% → ＝,
// 明显提升 → 定性), operator words (大于等于 …), level-2 names, 指标值设定依据; and the weights spread over the
// preset's level-1 split when a form carries none (evenly inside each level 1, two decimals, remainder on the last).
import { d, toFixed2 } from '../decimal.ts';
import { LEVEL2_TEXT, TARGET_BASIS_TEXT } from '../indicators/vocabulary.ts';
import type { IndicatorLevel2, TargetBasisCode } from '../indicators/vocabulary.ts';
import type { Level1, Operator } from '../scoring/types.ts';
import { parseOperator } from '../scoring/vocabulary.ts';

const OPERATOR_WORDS: ReadonlyMap<string, Operator> = new Map([
  ['大于等于', 'GE'],
  ['不低于', 'GE'],
  ['不少于', 'GE'],
  ['小于等于', 'LE'],
  ['不高于', 'LE'],
  ['不超过', 'LE'],
  ['等于', 'EQ'],
  ['大于', 'GT'],
  ['小于', 'LT'],
]);

/** ≥ ≤ ＝ ＞ ＜ 定性 (and ASCII), or 大于等于 / 小于等于 / 等于 / 大于 / 小于 → the code; null when unknown. */
export function parseOperatorWord(text: string): Operator | null {
  const s = text.trim();
  return parseOperator(s) ?? OPERATOR_WORDS.get(s) ?? null;
}

const TARGET_CELL =
  /^(≥|≧|>=|≤|≦|<=|＞|>|＜|<|＝|=|大于等于|小于等于|不低于|不少于|不高于|不超过|等于|大于|小于)?\s*(-?\d+(?:\.\d+)?)\s*(\S.*)?$/;

export interface TargetCell {
  operator: Operator;
  target: string;
  unit: string;
}

/** One 指标值 cell → operator, target and unit; text that is not a number is a 定性 target. */
export function parseTargetCell(text: string, operatorGiven: Operator | null): TargetCell {
  const s = text.trim().replace(/,/g, '');
  const m = TARGET_CELL.exec(s);
  if (!m || operatorGiven === 'QUAL') {
    return { operator: 'QUAL', target: text.trim(), unit: '' };
  }
  const op = m[1] ? parseOperatorWord(m[1]) : null;
  return { operator: operatorGiven ?? op ?? 'EQ', target: m[2]!, unit: (m[3] ?? '').trim() };
}

const LEVEL2_WORDS: ReadonlyMap<string, IndicatorLevel2> = new Map<string, IndicatorLevel2>([
  ...(Object.entries(LEVEL2_TEXT) as [IndicatorLevel2, string][]).flatMap(
    ([code, text]): [string, IndicatorLevel2][] => [
      [text, code],
      [text.replace(/指标$/, ''), code],
      [code, code],
    ],
  ),
  ['满意度指标', 'SERVICE_SATISFACTION'],
  ['服务对象满意度', 'SERVICE_SATISFACTION'],
  ['满意度', 'SERVICE_SATISFACTION'],
  ['经济成本指标', 'ECONOMIC'],
  ['社会成本指标', 'SOCIAL'],
  ['生态环境成本指标', 'ECOLOGICAL'],
  ['生态成本指标', 'ECOLOGICAL'],
]);

export function parseLevel2(text: string): IndicatorLevel2 | null {
  return LEVEL2_WORDS.get(text.trim().replace(/\s/g, '')) ?? null;
}

export function parseTargetBasis(text: string): TargetBasisCode | null {
  const s = text.trim();
  for (const [code, t] of Object.entries(TARGET_BASIS_TEXT) as [TargetBasisCode, string][]) {
    if (s === t || s === t.replace(/标准$/, '') || s === code) {
      return code;
    }
  }
  return null;
}

/**
 * Weights for indicators of the given level 1s: each level 1's share of the split spread evenly over its
 * indicators (two decimals, the remainder on its last); a level 1 outside the split (成本) counts as 产出.
 */
export function spreadWeights(
  level1s: readonly Level1[],
  split: Readonly<Partial<Record<Level1, string>>>,
): string[] {
  const groupOf = (l: Level1): Level1 => (split[l] === undefined ? 'OUTPUT' : l);
  const members = new Map<Level1, number[]>();
  level1s.forEach((l, i) => members.set(groupOf(l), [...(members.get(groupOf(l)) ?? []), i]));
  const out = level1s.map(() => '0.00');
  for (const [group, idx] of members) {
    const total = d(split[group] ?? '0');
    const each = total.div(idx.length).round(2, 0);
    idx.forEach((i, k) => {
      out[i] = toFixed2(k === idx.length - 1 ? total.minus(each.times(idx.length - 1)) : each);
    });
  }
  return out;
}

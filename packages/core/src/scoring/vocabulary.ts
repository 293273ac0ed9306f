// The fixed words of a 自评表: operators, level-1 names, the three qualitative levels — text ↔ code.
import type { Level1, Operator, QualLevel } from './types.ts';

/** A Map, so that inherited names such as "constructor" never match. */
function aliases<T>(table: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(table));
}

/** The canonical (full-width) symbol of each operator, as printed on the 自评表. */
export const OPERATOR_SYMBOL: Readonly<Record<Operator, string>> = {
  GE: '≥',
  GT: '＞',
  EQ: '＝',
  LT: '＜',
  LE: '≤',
  QUAL: '定性',
};

const OPERATOR_ALIASES: ReadonlyMap<string, Operator> = aliases({
  '≥': 'GE',
  '>=': 'GE',
  '≧': 'GE',
  GE: 'GE',
  '＞': 'GT',
  '>': 'GT',
  GT: 'GT',
  '＝': 'EQ',
  '=': 'EQ',
  EQ: 'EQ',
  '＜': 'LT',
  '<': 'LT',
  LT: 'LT',
  '≤': 'LE',
  '<=': 'LE',
  '≦': 'LE',
  LE: 'LE',
  定性: 'QUAL',
  QUAL: 'QUAL',
});

/** ≥ ＞ ＝ ＜ ≤ 定性, ASCII >= > = < <=, or the code itself → the code; null when unknown. */
export function parseOperator(text: string): Operator | null {
  return OPERATOR_ALIASES.get(text.trim()) ?? null;
}

export const LEVEL1_TEXT: Readonly<Record<Level1, string>> = {
  OUTPUT: '产出指标',
  BENEFIT: '效益指标',
  SATISFACTION: '满意度指标',
  COST: '成本指标',
};

export const LEVEL1_TEXT_EN: Readonly<Record<Level1, string>> = {
  OUTPUT: 'output',
  BENEFIT: 'benefit',
  SATISFACTION: 'satisfaction',
  COST: 'cost',
};

const LEVEL1_ALIASES: ReadonlyMap<string, Level1> = aliases({
  产出指标: 'OUTPUT',
  产出: 'OUTPUT',
  OUTPUT: 'OUTPUT',
  效益指标: 'BENEFIT',
  效益: 'BENEFIT',
  BENEFIT: 'BENEFIT',
  满意度指标: 'SATISFACTION',
  满意度: 'SATISFACTION',
  服务对象满意度指标: 'SATISFACTION',
  SATISFACTION: 'SATISFACTION',
  成本指标: 'COST',
  成本: 'COST',
  COST: 'COST',
});

/** 产出指标 / 效益指标 / 满意度指标 / 成本指标 (with or without 指标), or the code → the code; null when unknown. */
export function parseLevel1(text: string): Level1 | null {
  return LEVEL1_ALIASES.get(text.trim()) ?? null;
}

/** The exact option texts of the 定性 levels (MOF data source, seeded verbatim). */
export const QUAL_LEVEL_TEXT: Readonly<Record<QualLevel, string>> = {
  ACHIEVED: '达成年度指标',
  PARTIAL: '部分达成年度指标并具有一定效果',
  NOT_ACHIEVED: '未达成年度指标且效果较差',
};

export const QUAL_LEVEL_TEXT_EN: Readonly<Record<QualLevel, string>> = {
  ACHIEVED: 'target achieved',
  PARTIAL: 'partly achieved, with some effect',
  NOT_ACHIEVED: 'not achieved, poor effect',
};

export const QUAL_LEVELS: readonly QualLevel[] = ['ACHIEVED', 'PARTIAL', 'NOT_ACHIEVED'];

/** One of the three exact texts, or the code → the code; null otherwise. */
export function parseQualLevel(text: string): QualLevel | null {
  const s = text.trim();
  for (const level of QUAL_LEVELS) {
    if (s === level || s === QUAL_LEVEL_TEXT[level]) {
      return level;
    }
  }
  return null;
}

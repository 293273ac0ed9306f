// 双监控 warnings (domain-rules §6.2): budget execution against 序时进度, indicator progress against the
// pro-rata target (positive), the target itself (reverse ≤ / ＜), the chosen option (定性), and the
// project's 目标执行预警 = the worst colour of its indicators. Thresholds come from MonitoringConfig (data).
import Big from 'big.js';
import { divExact, isDecimalString, toFixed2 } from '../decimal.ts';
import { parseQualLevel } from '../scoring/vocabulary.ts';
import type { Operator, QualLevel } from '../scoring/types.ts';
import type { Bilingual } from '../result.ts';
import { DEFAULT_MONITORING_CONFIG, type MonitoringConfig, type WarningLevel } from './config.ts';
import { timeProgressAt } from './time-progress.ts';

export type { WarningLevel } from './config.ts';

export const WARNING_LEVEL_TEXT: Readonly<Record<WarningLevel, Bilingual>> = {
  RED: { zh: '红色预警', en: 'red' },
  YELLOW: { zh: '黄色预警', en: 'yellow' },
  GREEN: { zh: '绿色（正常）', en: 'green' },
  BLUE: { zh: '蓝色（超前）', en: 'blue (ahead)' },
};

/** Severity: RED > YELLOW > GREEN > BLUE (blue = ahead of schedule). */
const SEVERITY: Readonly<Record<WarningLevel, number>> = { RED: 3, YELLOW: 2, GREEN: 1, BLUE: 0 };

export interface BudgetWarning {
  /** 执行率 % (2 dp) at the cut-off; null without a budget. */
  rate: string | null;
  /** 序时进度 % (2 dp). */
  timeProgress: string;
  /** v = 执行率 / 序时进度 × 100 (2 dp); null without a budget. */
  v: string | null;
  level: WarningLevel | null;
  reason: 'NO_BUDGET' | null;
}

function lt(a: Big, b: string): boolean {
  return a.lt(new Big(b));
}

/** 预算执行预警 (bgttracewarn): v < 60 red, < 80 yellow, else green (defaults). v is compared as shown (2 dp). */
export function budgetWarning(
  executedFen: number,
  budgetFen: number,
  month: number,
  config: MonitoringConfig = DEFAULT_MONITORING_CONFIG,
): BudgetWarning {
  const tp = timeProgressAt(month, config.timeProgress);
  if (budgetFen === 0) {
    return { rate: null, timeProgress: toFixed2(tp), v: null, level: null, reason: 'NO_BUDGET' };
  }
  const rate = new Big(toFixed2(divExact(new Big(executedFen).times(100), new Big(budgetFen))));
  const v = new Big(toFixed2(divExact(rate.times(100), tp)));
  const level: WarningLevel = lt(v, config.budget.red)
    ? 'RED'
    : lt(v, config.budget.yellow)
      ? 'YELLOW'
      : 'GREEN';
  return { rate: toFixed2(rate), timeProgress: toFixed2(tp), v: toFixed2(v), level, reason: null };
}

export interface IndicatorForWarning {
  operator: Operator;
  /** 年度指标值 (decimal text; free text for 定性). */
  target: string;
  unit: string;
}

export type IndicatorWarningBasis = 'PRO_RATA' | 'LEVEL' | 'REVERSE' | 'QUALITATIVE';

export interface IndicatorWarning {
  basis: IndicatorWarningBasis;
  /** What the value is compared with: the pro-rata target at the cut-off, or the target. */
  expected: string | null;
  /** v of §6.2: % of the expected value (positive), the value itself (reverse); null for 定性. */
  v: string | null;
  level: WarningLevel | null;
  reason: 'NO_PROGRESS' | 'BAD_VALUE' | 'BAD_TARGET' | null;
}

/** 达成 / 部分达成 / 未达成 (short forms), the three official texts, or the codes. */
export function parseQualProgress(text: string): QualLevel | null {
  const s = text.trim();
  const short: Record<string, QualLevel> = {
    达成: 'ACHIEVED',
    部分达成: 'PARTIAL',
    未达成: 'NOT_ACHIEVED',
  };
  return short[s] ?? parseQualLevel(s);
}

/** Is this indicator compared as a level (rate) rather than pro rata? */
export function isLevelIndicator(
  ind: IndicatorForWarning,
  config: MonitoringConfig = DEFAULT_MONITORING_CONFIG,
): boolean {
  return config.levelUnits.includes(ind.unit.trim());
}

/**
 * 指标预警 at the cut-off month for a cumulative value (null = no progress reported):
 * - 正向 (≥ ＞ ＝): v = value / (target × 序时进度) × 100; red < 60 ≤ yellow < 80 ≤ green < 120 ≤ blue;
 *   level indicators (unit in `levelUnits`, e.g. %) compare with the full target instead of the pro-rata one;
 * - 反向 ≤: red when value > target; ＜: red when value ≥ target; green otherwise;
 * - 定性: the option's colour.
 */
export function indicatorWarning(
  ind: IndicatorForWarning,
  value: string | null,
  month: number,
  config: MonitoringConfig = DEFAULT_MONITORING_CONFIG,
): IndicatorWarning {
  if (ind.operator === 'QUAL') {
    if (value === null || value.trim() === '') {
      return { basis: 'QUALITATIVE', expected: null, v: null, level: null, reason: 'NO_PROGRESS' };
    }
    const q = parseQualProgress(value);
    return q === null
      ? { basis: 'QUALITATIVE', expected: null, v: null, level: null, reason: 'BAD_VALUE' }
      : {
          basis: 'QUALITATIVE',
          expected: null,
          v: null,
          level: config.qualitative[q],
          reason: null,
        };
  }
  const reverse = ind.operator === 'LE' || ind.operator === 'LT';
  const level = isLevelIndicator(ind, config);
  const basis: IndicatorWarningBasis = reverse ? 'REVERSE' : level ? 'LEVEL' : 'PRO_RATA';
  if (!isDecimalString(ind.target)) {
    return { basis, expected: null, v: null, level: null, reason: 'BAD_TARGET' };
  }
  if (value === null || value.trim() === '') {
    return { basis, expected: null, v: null, level: null, reason: 'NO_PROGRESS' };
  }
  if (!isDecimalString(value)) {
    return { basis, expected: null, v: null, level: null, reason: 'BAD_VALUE' };
  }
  const a = new Big(value.trim());
  const t = new Big(ind.target.trim());
  if (reverse) {
    const over = ind.operator === 'LE' ? a.gt(t) : a.gte(t);
    return {
      basis,
      expected: t.toString(),
      v: a.toString(),
      level: over ? 'RED' : 'GREEN',
      reason: null,
    };
  }
  const expected = level
    ? t
    : divExact(t.times(timeProgressAt(month, config.timeProgress)), new Big(100));
  if (expected.lte(0)) {
    // A zero target is met by any non-negative value.
    return {
      basis,
      expected: toFixed2(expected),
      v: null,
      level: a.gte(0) ? 'GREEN' : 'RED',
      reason: null,
    };
  }
  const v = new Big(toFixed2(divExact(a.times(100), expected)));
  const p = config.positive;
  const lvl: WarningLevel = lt(v, p.red)
    ? 'RED'
    : lt(v, p.yellow)
      ? 'YELLOW'
      : lt(v, p.blue)
        ? 'GREEN'
        : 'BLUE';
  return {
    basis,
    expected: expected.round(4, Big.roundHalfUp).toString(),
    v: toFixed2(v),
    level: lvl,
    reason: null,
  };
}

/** 目标执行预警 (goalwarn): the worst colour (RED > YELLOW > GREEN > BLUE); null when none has a colour. */
export function worstWarning(levels: readonly (WarningLevel | null)[]): WarningLevel | null {
  let worst: WarningLevel | null = null;
  for (const l of levels) {
    if (l !== null && (worst === null || SEVERITY[l] > SEVERITY[worst])) {
      worst = l;
    }
  }
  return worst;
}

/** Red and yellow counts (what needs a response). */
export function countWarnings(levels: readonly (WarningLevel | null)[]): {
  red: number;
  yellow: number;
  green: number;
  blue: number;
} {
  const c = { red: 0, yellow: 0, green: 0, blue: 0 };
  for (const l of levels) {
    if (l === 'RED') {
      c.red++;
    } else if (l === 'YELLOW') {
      c.yellow++;
    } else if (l === 'GREEN') {
      c.green++;
    } else if (l === 'BLUE') {
      c.blue++;
    }
  }
  return c;
}

/** 偏差原因 categories (domain-rules §6.1). */
export const DEVIATION_REASONS = ['FUNDING', 'SYSTEM', 'STAFFING', 'HARDWARE', 'OTHER'] as const;
export type DeviationReason = (typeof DEVIATION_REASONS)[number];
export const DEVIATION_REASON_TEXT: Readonly<Record<DeviationReason, Bilingual>> = {
  FUNDING: { zh: '经费保障', en: 'funding' },
  SYSTEM: { zh: '制度保障', en: 'rules and procedures' },
  STAFFING: { zh: '人员保障', en: 'staffing' },
  HARDWARE: { zh: '硬件保障', en: 'equipment and conditions' },
  OTHER: { zh: '其他', en: 'other' },
};

/** 完成目标可能性. */
export const COMPLETION_LIKELIHOODS = ['CERTAIN', 'POSSIBLE', 'IMPOSSIBLE'] as const;
export type CompletionLikelihood = (typeof COMPLETION_LIKELIHOODS)[number];
export const COMPLETION_LIKELIHOOD_TEXT: Readonly<Record<CompletionLikelihood, Bilingual>> = {
  CERTAIN: { zh: '确定能', en: 'certain' },
  POSSIBLE: { zh: '有可能', en: 'possible' },
  IMPOSSIBLE: { zh: '完全不可能', en: 'impossible' },
};

/** Does a warning at this level need the department's response (reasons, likelihood, measures)? */
export function needsResponse(level: WarningLevel | null): boolean {
  return level === 'RED' || level === 'YELLOW';
}

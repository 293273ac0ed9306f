// Rules of one indicator that need no IO: its shape (level 2 under its level 1, a name, a numeric target for a
// quantitative indicator, a weight in (0, 100]), its actual value once locked (a number, or a qualitative level
// with a score inside the level's band) and a reviewer's deduction (≤ the weight, with a reason). Each check
// answers the code of the rule that failed (core's ERRORS) with its parameters, or null when the rule holds.
import { d, isDecimalString, toFixed2 } from '../decimal.ts';
import type { ErrorCode, ErrorParams } from '../errors.ts';
import { LEVEL1_TEXT, parseQualLevel } from '../scoring/vocabulary.ts';
import { qualitativeBand } from '../scoring/qualitative-band.ts';
import type { QualLevel, ScoringRules } from '../scoring/types.ts';
import { LEVEL2_TEXT, isQuantitative, level2Allowed } from './vocabulary.ts';

export interface RuleViolation {
  code: ErrorCode;
  params: ErrorParams;
  details?: unknown;
}

const violation = (code: ErrorCode, params: ErrorParams = {}, details?: unknown): RuleViolation =>
  details === undefined ? { code, params } : { code, params, details };

export interface IndicatorShape {
  level1: Parameters<typeof level2Allowed>[0];
  level2: Parameters<typeof level2Allowed>[1];
  name: string;
  operator: Parameters<typeof isQuantitative>[0];
  target: string;
  weight: string;
}

/** Checks of one indicator that are clear at once (structure, numbers); the goal-set checks run at submission. */
export function indicatorShapeViolation(i: IndicatorShape): RuleViolation | null {
  if (!level2Allowed(i.level1, i.level2)) {
    return violation('LEVEL2_NOT_OF_LEVEL1', {
      level1: i.level1,
      level2: i.level2,
      level1Text: LEVEL1_TEXT[i.level1],
      level2Text: LEVEL2_TEXT[i.level2],
    });
  }
  if (i.name.trim() === '') {
    return violation('INDICATOR_NAME_EMPTY');
  }
  if (isQuantitative(i.operator) && i.target.trim() !== '' && !isDecimalString(i.target)) {
    return violation('TARGET_NOT_NUMERIC', { target: i.target });
  }
  return weightViolation(i.weight);
}

/** A weight (分值) is a number in (0, 100] with at most two decimals. */
export function weightViolation(w: string): RuleViolation | null {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(w.trim()) || d(w).lte(0) || d(w).gt(100)) {
    return violation('WEIGHT_INVALID', { weight: w });
  }
  return null;
}

export interface ActualEntry {
  /** Decimal for quantitative indicators; a level (or its Chinese text) for qualitative ones. */
  actual: string;
  qualScore?: string | null | undefined;
}

export interface IndicatorForActual {
  operator: IndicatorShape['operator'];
  unit: string;
  weight: string;
}

export type ActualCheck =
  { ok: true; actual: string; qualScore: string | null } | { ok: false; violation: RuleViolation };

const refuse = (v: RuleViolation): ActualCheck => ({ ok: false, violation: v });

/** The stored actual of a quantitative indicator: a number, without a qualitative score. */
function quantitativeActual(ind: IndicatorForActual, entry: ActualEntry): ActualCheck {
  if (!isDecimalString(entry.actual)) {
    return refuse(
      violation('ACTUAL_NOT_NUMERIC', { unit: ind.unit || '无', actual: entry.actual }),
    );
  }
  if (entry.qualScore !== undefined && entry.qualScore !== null) {
    return refuse(violation('QUAL_SCORE_FOR_QUANTITATIVE'));
  }
  return { ok: true, actual: d(entry.actual).toFixed(), qualScore: null };
}

/** The level of a qualitative indicator and its score, which must lie in the level's band of the weight. */
function qualitativeActual(
  ind: IndicatorForActual,
  entry: ActualEntry,
  rules: Pick<ScoringRules, 'qualitativeBands'>,
): ActualCheck {
  const level: QualLevel | null = parseQualLevel(entry.actual);
  if (!level) {
    return refuse(violation('QUAL_LEVEL_INVALID'));
  }
  const score = entry.qualScore?.trim() ?? '';
  if (!isDecimalString(score)) {
    return refuse(violation('QUAL_SCORE_MISSING'));
  }
  const band = qualitativeBand(level, ind.weight, rules)!;
  const s = d(score);
  if (s.lt(d(band.min)) || (band.maxInclusive ? s.gt(d(band.max)) : s.gte(d(band.max)))) {
    const close = band.maxInclusive ? ']' : ')';
    return refuse(
      violation('QUAL_SCORE_OUT_OF_BAND', { score, min: band.min, max: band.max, close }, { band }),
    );
  }
  return { ok: true, actual: level, qualScore: toFixed2(s) };
}

/** The actual value to store for an indicator (trimmed entry), or the rule it breaks. */
export function checkActual(
  ind: IndicatorForActual,
  entry: ActualEntry,
  rules: Pick<ScoringRules, 'qualitativeBands'>,
): ActualCheck {
  return isQuantitative(ind.operator)
    ? quantitativeActual(ind, entry)
    : qualitativeActual(ind, entry, rules);
}

/** A deduction is 0 … the indicator's weight with at most two decimals; a positive one needs a reason. */
export function deductionViolation(
  deduction: string,
  weight: string,
  reason: string,
): RuleViolation | null {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(deduction) || d(deduction).gt(d(weight))) {
    return violation('DEDUCTION_INVALID', { weight: toFixed2(d(weight)), deduction });
  }
  if (d(deduction).gt(0) && reason === '') {
    return violation('DEDUCTION_REASON_MISSING');
  }
  return null;
}

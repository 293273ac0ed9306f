// The score band of each 定性 level: 达成 [0.8w, w], 部分达成 [0.6w, 0.8w), 未达成 [0, 0.6w) — limits rounded to 2 dp.
import { roundHalfUp2, toFixed2, type Decimal } from '../decimal.ts';
import { parseDecimal } from './exact.ts';
import { defaultPreset } from './presets.ts';
import type { QualLevel, ScoringRules } from './types.ts';
import Big from 'big.js';

export interface QualBandExact {
  min: Decimal;
  max: Decimal;
  /** Only 达成 includes its upper limit (the weight). */
  maxInclusive: boolean;
}

/** What the UI shows: "[9.00, 12.00)". */
export interface QualBand {
  level: QualLevel;
  min: string;
  max: string;
  maxInclusive: boolean;
}

/** Band limits are rounded half-up to 2 dp, as the MOF check does (round(w*0.8,2) <= score <= w). */
export function qualBandExact(
  level: QualLevel,
  weight: Decimal,
  bands: ScoringRules['qualitativeBands'],
): QualBandExact {
  const achievedMin = roundHalfUp2(weight.times(bands[0]));
  const partialMin = roundHalfUp2(weight.times(bands[1]));
  switch (level) {
    case 'ACHIEVED':
      return { min: achievedMin, max: weight, maxInclusive: true };
    case 'PARTIAL':
      return { min: partialMin, max: achievedMin, maxInclusive: false };
    case 'NOT_ACHIEVED':
      return { min: new Big(0), max: partialMin, maxInclusive: false };
  }
}

export function inBand(score: Decimal, band: QualBandExact): boolean {
  return score.gte(band.min) && (band.maxInclusive ? score.lte(band.max) : score.lt(band.max));
}

/**
 * The allowed score range of a 定性 level for a weight, for display (the evaluator picks the score inside it).
 * `weight` is a decimal string or Decimal; null when it is not a number ≥ 0. Default bands are mof-2020's.
 */
export function qualitativeBand(
  level: QualLevel,
  weight: string | Decimal,
  rules: Pick<ScoringRules, 'qualitativeBands'> = defaultPreset().rules,
): QualBand | null {
  const w = typeof weight === 'string' ? parseDecimal(weight) : weight;
  if (w === null || w.lt(0)) {
    return null;
  }
  const b = qualBandExact(level, w, rules.qualitativeBands);
  return { level, min: toFixed2(b.min), max: toFixed2(b.max), maxInclusive: b.maxInclusive };
}

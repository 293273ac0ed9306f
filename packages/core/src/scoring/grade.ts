// 等级 from the 2-dp total: ≥ 90 优, ≥ 80 良, ≥ 60 中, else 差 (half-open bands, configurable per preset).
import { d, type Decimal } from '../decimal.ts';
import { defaultPreset } from './presets.ts';
import type { Grade, ScoringRules } from './types.ts';

export const GRADES: readonly Grade[] = ['优', '良', '中', '差'];

export const GRADE_LABEL_EN: Readonly<Record<Grade, string>> = {
  优: 'Excellent',
  良: 'Good',
  中: 'Fair',
  差: 'Poor',
};

/** `total` is the rounded total (a Decimal or a decimal string); a non-number string is a bug and throws. */
export function gradeFor(
  total: Decimal | string,
  bands: ScoringRules['gradeBands'] = defaultPreset().rules.gradeBands,
): Grade {
  const t = d(total);
  if (t.gte(bands.excellent)) {
    return '优';
  }
  if (t.gte(bands.good)) {
    return '良';
  }
  return t.gte(bands.fair) ? '中' : '差';
}

/** "优 (Excellent)" style pair for display. */
export function gradeLabel(grade: Grade): { zh: string; en: string } {
  return { zh: grade, en: GRADE_LABEL_EN[grade] };
}

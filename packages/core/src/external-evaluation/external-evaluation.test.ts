// Worked example (hand-checked): the default 10号 template scored with one input per rule type, both 预算执行率
// formulas; grade bands; the checks of an edited template.
import { describe, expect, it } from 'vitest';
import { scoreExtIndicator } from './score-indicator.ts';
import { extEvalGradeFor, scoreExtEvalSheet, type ExtEvalSheetRow } from './score-sheet.ts';
import { defaultExtEvalTemplate } from './template.ts';
import { checkExtEvalTemplate } from './template-check.ts';
import type { ExtEvalInput, ExtEvalTemplate } from './types.ts';

// Inputs in template order, with the score each must give (worked by hand in the comments).
const WORKED: [ExtEvalInput, string][] = [
  [{ kind: 'checklist', met: [true, true, true, true, false] }, '2.40'], // 4 × 0.6
  [{ kind: 'tier', index: 1 }, '1.00'], // 基本规范
  [{ kind: 'tier', index: 0 }, '3.00'], // 相符
  [{ kind: 'checklist', met: [true, true] }, '2.00'], // 2 × 1
  [{ kind: 'checklist', met: [true, false, true, true] }, '2.25'], // 3 × 0.75
  [{ kind: 'tier', index: 0 }, '2.00'], // 合理 → 决策 12.65
  [{ kind: 'ratio', numerator: '950000', denominator: '1000000' }, '3.80'], // 95% × 4
  [{ kind: 'execution', spent: '855000', available: '950000', adjustedBudget: '1000000' }, '5.40'], // 90% × 6
  [{ kind: 'count', count: 1 }, '3.00'], // 4 − 1
  [{ kind: 'tier', index: 1 }, '1.50'], // 基本健全
  [{ kind: 'checklist', met: [true, true, true] }, '3.00'], // → 过程 16.70
  [{ kind: 'ratio', numerator: '47', denominator: '50' }, '6.00'], // 94%: 12 − 6 × 1
  [{ kind: 'ratio', numerator: '46', denominator: '47' }, '8.81'], // 97.8723…% × 9 = 8.8085…
  [{ kind: 'tier', index: 1 }, '4.00'], // 延期但已完成
  [{ kind: 'tier', index: 0 }, '7.00'], // → 产出 25.81
  [{ kind: 'manual', score: '16.5', note: '带动就业效果明显，可持续机制尚未建立' }, '16.50'],
  [{ kind: 'rate', percent: '92.35' }, '9.24'], // 9.235 → 9.24 half-up; → 效益 25.74
];

function workedRows(): ExtEvalSheetRow[] {
  return defaultExtEvalTemplate().indicators.map((def, i) => ({
    def,
    input: WORKED[i]?.[0] ?? null,
    deductionReason: '见佐证材料',
  }));
}

describe('external evaluation: the worked example', () => {
  it('scores every rule type as worked by hand (total 80.90, 良)', () => {
    const sheet = scoreExtEvalSheet(workedRows(), 'byAvailable');
    expect(sheet.rows.map((r) => r.score)).toEqual(WORKED.map(([, s]) => s));
    expect(sheet.dimensions).toEqual({
      decision: { max: '15.00', score: '12.65' },
      process: { max: '20.00', score: '16.70' },
      output: { max: '35.00', score: '25.81' },
      benefit: { max: '30.00', score: '25.74' },
    });
    expect(sheet.total).toBe('80.90');
    expect(sheet.complete).toBe(true);
    expect(sheet.grade).toBe('良');
    expect(sheet.rows[0]?.deducted).toBe('0.60');
  });

  it('keeps both 预算执行率 formulas and uses the recorded one (85.5% → 5.13, total 80.63)', () => {
    const sheet = scoreExtEvalSheet(workedRows(), 'byAdjustedBudget');
    expect(sheet.rows[7]).toMatchObject({
      score: '5.13',
      detail: {
        rate: '85.50',
        formula: 'byAdjustedBudget',
        rateByAvailable: '90.00',
        rateByAdjustedBudget: '85.50',
      },
    });
    expect(sheet.total).toBe('80.63');
    expect(scoreExtEvalSheet(workedRows(), 'byAvailable').rows[7]?.detail.formula).toBe(
      'byAvailable',
    );
  });

  it('needs a 扣分理由 for every deduction and a note for a manual score', () => {
    const rows = workedRows();
    rows[1] = { ...rows[1]!, deductionReason: ' ' };
    const sheet = scoreExtEvalSheet(rows, 'byAvailable');
    expect(sheet.rows[1]?.issue).toBe('DEDUCTION_REASON_REQUIRED');
    expect(sheet.complete).toBe(false);
    expect(sheet.grade).toBeNull();
    expect(sheet.total).toBe('80.90'); // the running total still shows
    const manual = defaultExtEvalTemplate().indicators[15]!;
    expect(
      scoreExtIndicator(manual, { kind: 'manual', score: '10', note: '' }, 'byAvailable'),
    ).toEqual({
      ok: false,
      error: 'NOTE_REQUIRED',
    });
    expect(
      scoreExtIndicator(manual, { kind: 'manual', score: '20.01', note: 'x' }, 'byAvailable'),
    ).toEqual({ ok: false, error: 'SCORE_OUT_OF_RANGE' });
  });

  it('refuses wrong inputs with a code', () => {
    const t = defaultExtEvalTemplate().indicators;
    const f = 'byAvailable' as const;
    expect(scoreExtIndicator(t[7]!, { kind: 'rate', percent: '90' }, f)).toMatchObject({
      error: 'INPUT_KIND',
    });
    expect(
      scoreExtIndicator(t[6]!, { kind: 'ratio', numerator: '1', denominator: '0' }, f),
    ).toMatchObject({
      error: 'DENOMINATOR_ZERO',
    });
    expect(scoreExtIndicator(t[1]!, { kind: 'tier', index: 3 }, f)).toMatchObject({
      error: 'TIER_UNKNOWN',
    });
    expect(scoreExtIndicator(t[0]!, { kind: 'checklist', met: [true] }, f)).toMatchObject({
      error: 'CHECKLIST_LENGTH',
    });
    expect(scoreExtIndicator(t[0]!, null, f)).toMatchObject({ error: 'INPUT_MISSING' });
  });

  it('caps proportional at 100% and deductions at 0', () => {
    const t = defaultExtEvalTemplate().indicators;
    const f = 'byAvailable' as const;
    const score = (i: number, input: ExtEvalInput) => {
      const r = scoreExtIndicator(t[i]!, input, f);
      return r.ok ? r.value.score.toFixed(2) : r.error;
    };
    expect(score(6, { kind: 'ratio', numerator: '120', denominator: '100' })).toBe('4.00');
    expect(score(8, { kind: 'count', count: 9 })).toBe('0.00');
    expect(score(11, { kind: 'rate', percent: '80' })).toBe('0.00');
    expect(score(11, { kind: 'rate', percent: '101' })).toBe('12.00');
    expect(score(11, { kind: 'rate', percent: '99.5' })).toBe('11.50');
  });
});

describe('external evaluation: grades (§B.5)', () => {
  it.each([
    ['100', '优'],
    ['90', '优'],
    ['89.99', '良'],
    ['80', '良'],
    ['79.99', '中'],
    ['60', '中'],
    ['59.99', '差'],
    ['0', '差'],
  ])('%s → %s', (total, grade) => {
    expect(extEvalGradeFor(total)).toBe(grade);
  });
});

describe('external evaluation: template checks (§B.3)', () => {
  it('accepts the default 10号 template without warnings', () => {
    expect(checkExtEvalTemplate(defaultExtEvalTemplate())).toEqual({ errors: [], warnings: [] });
  });

  it('refuses weights that do not sum to 100 and 一级 sums that miss the weight', () => {
    const t = defaultExtEvalTemplate();
    const bad: ExtEvalTemplate = { ...t, weights: { ...t.weights, decision: '14' } };
    expect(checkExtEvalTemplate(bad).errors).toEqual([
      { code: 'WEIGHT_SUM' },
      { code: 'DIMENSION_SUM', dimension: 'decision' },
    ]);
  });

  it('warns when 产出 + 效益 < 60 (configurable) but accepts the template', () => {
    const t = defaultExtEvalTemplate();
    const moved = t.indicators.map((i) =>
      i.name === '实施效益'
        ? { ...i, maxScore: '10' }
        : i.name === '预算执行率'
          ? { ...i, maxScore: '16' }
          : i,
    );
    const shifted: ExtEvalTemplate = {
      ...t,
      weights: { decision: '15', process: '30', output: '35', benefit: '20' },
      indicators: moved,
    };
    expect(checkExtEvalTemplate(shifted)).toEqual({
      errors: [],
      warnings: [{ code: 'RESULT_WEIGHT_LOW' }],
    });
    expect(checkExtEvalTemplate({ ...shifted, resultWeightWarnBelow: '50' }).warnings).toEqual([]);
  });

  it('refuses a malformed rule: a tier above 分值, an empty checklist, a score with 3 decimals', () => {
    const t = defaultExtEvalTemplate();
    const ind = [...t.indicators];
    ind[1] = { ...ind[1]!, rule: { type: 'tiered', tiers: [{ label: '规范', score: '3' }] } };
    ind[0] = { ...ind[0]!, rule: { type: 'checklist', items: [], pointsEach: '1' } };
    ind[2] = { ...ind[2]!, maxScore: '3.001' };
    expect(checkExtEvalTemplate({ ...t, indicators: ind }).errors).toEqual([
      { code: 'RULE_INVALID', index: 0 },
      { code: 'RULE_INVALID', index: 1 },
      { code: 'MAX_SCORE_INVALID', index: 2 },
    ]);
  });
});

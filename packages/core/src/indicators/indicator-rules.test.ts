import { describe, expect, it } from 'vitest';
import { defaultPreset } from '../scoring/index.ts';
import {
  checkActual,
  deductionViolation,
  indicatorShapeViolation,
  weightViolation,
} from './indicator-rules.ts';

const shape = {
  level1: 'OUTPUT',
  level2: 'QUANTITY',
  name: '保障在职人员数',
  operator: 'GE',
  target: '42',
  weight: '40',
} as const;
const rules = defaultPreset().rules;

describe('indicator rules', () => {
  it('a well-formed indicator passes; each broken rule names itself', () => {
    expect(indicatorShapeViolation(shape)).toBeNull();
    expect(indicatorShapeViolation({ ...shape, level2: 'SOCIAL' })?.code).toBe(
      'LEVEL2_NOT_OF_LEVEL1',
    );
    expect(indicatorShapeViolation({ ...shape, name: ' ' })?.code).toBe('INDICATOR_NAME_EMPTY');
    expect(indicatorShapeViolation({ ...shape, target: '≥42人' })).toEqual({
      code: 'TARGET_NOT_NUMERIC',
      params: { target: '≥42人' },
    });
    expect(indicatorShapeViolation({ ...shape, operator: 'QUAL', target: '有效保障' })).toBeNull();
  });

  it('weights are in (0, 100] with at most two decimals', () => {
    expect(weightViolation('100')).toBeNull();
    expect(weightViolation('0.01')).toBeNull();
    for (const w of ['0', '100.01', '1.234', 'x']) {
      expect(weightViolation(w)?.code).toBe('WEIGHT_INVALID');
    }
  });

  it('quantitative actuals are numbers without a qualitative score', () => {
    const ind = { operator: 'GE', unit: '人', weight: '40' } as const;
    expect(checkActual(ind, { actual: '42.0' }, rules)).toEqual({
      ok: true,
      actual: '42',
      qualScore: null,
    });
    const bad = checkActual(ind, { actual: '42人' }, rules);
    expect(bad.ok ? null : bad.violation).toEqual({
      code: 'ACTUAL_NOT_NUMERIC',
      params: { unit: '人', actual: '42人' },
    });
    const scored = checkActual(ind, { actual: '42', qualScore: '3' }, rules);
    expect(scored.ok ? null : scored.violation.code).toBe('QUAL_SCORE_FOR_QUANTITATIVE');
  });

  it('qualitative actuals are a level with a score inside its band', () => {
    const ind = { operator: 'QUAL', unit: '', weight: '30' } as const;
    const entry = { actual: '部分达成年度指标并具有一定效果' };
    expect(checkActual(ind, { ...entry, qualScore: '21' }, rules)).toEqual({
      ok: true,
      actual: 'PARTIAL',
      qualScore: '21.00',
    });
    const out = checkActual(ind, { ...entry, qualScore: '25' }, rules);
    expect(out.ok ? null : out.violation.params).toEqual({
      score: '25',
      min: '18.00',
      max: '24.00',
      close: ')',
    });
    const missing = checkActual(ind, entry, rules);
    expect(missing.ok ? null : missing.violation.code).toBe('QUAL_SCORE_MISSING');
    const level = checkActual(ind, { actual: '还行', qualScore: '20' }, rules);
    expect(level.ok ? null : level.violation.code).toBe('QUAL_LEVEL_INVALID');
  });

  it('deductions stay within the weight and need a reason', () => {
    expect(deductionViolation('3', '40', '偏低')).toBeNull();
    expect(deductionViolation('0', '40', '')).toBeNull();
    expect(deductionViolation('40.01', '40', 'x')).toEqual({
      code: 'DEDUCTION_INVALID',
      params: { weight: '40.00', deduction: '40.01' },
    });
    expect(deductionViolation('3', '40', '')?.code).toBe('DEDUCTION_REASON_MISSING');
  });
});

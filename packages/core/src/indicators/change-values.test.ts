import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  changedTargetViolation,
  currentChangeValue,
  normaliseChangeValue,
} from './change-values.ts';

const ind = {
  id: 'a',
  target: '300',
  weight: '15',
  operator: 'GE',
  unit: '个',
  name: '新洽谈项目数',
};

describe('change request values', () => {
  it('weights are compared and stored with two decimals', () => {
    expect(currentChangeValue(ind, 'weight')).toBe('15.00');
    expect(currentChangeValue(ind, 'target')).toBe('300');
    expect(normaliseChangeValue('weight', ' 17 ')).toEqual({ ok: true, value: '17.00' });
  });

  it('each field has its rule', () => {
    const code = (f: Parameters<typeof normaliseChangeValue>[0], v: string) => {
      const r = normaliseChangeValue(f, v);
      return r.ok ? null : r.violation.code;
    };
    expect(code('weight', '101')).toBe('WEIGHT_INVALID');
    expect(code('operator', 'GTE')).toBe('CHANGE_OPERATOR_INVALID');
    expect(code('operator', 'LE')).toBeNull();
    expect(code('name', ' ')).toBe('CHANGE_NAME_LENGTH');
    expect(code('unit', 'x'.repeat(21))).toBe('CHANGE_UNIT_TOO_LONG');
    expect(code('target', '')).toBe('CHANGE_TARGET_LENGTH');
  });

  it('a changed quantitative indicator keeps a numeric target', () => {
    const items = [{ indicatorId: 'a', field: 'target' as const, newValue: '三百二十' }];
    const after = applyChanges([ind], items);
    expect(after[0]!.target).toBe('三百二十');
    expect(ind.target).toBe('300');
    expect(changedTargetViolation(after, items)).toEqual({
      code: 'CHANGE_TARGET_NOT_NUMERIC',
      params: { indicator: '新洽谈项目数', target: '三百二十' },
    });
    const toQual = [...items, { indicatorId: 'a', field: 'operator' as const, newValue: 'QUAL' }];
    expect(changedTargetViolation(applyChanges([ind], toQual), toQual)).toBeNull();
  });
});

// Rules of a change request's values (变更申请) that need no IO: which fields may change, the value as stored
// (weights with two decimals), the checks of each new value, and the indicators as they will be after a batch.
import { d, isDecimalString, toFixed2 } from '../decimal.ts';
import { OPERATOR_CODES, isQuantitative } from './vocabulary.ts';
import { weightViolation, type RuleViolation } from './indicator-rules.ts';

export type IndicatorChangeField = 'target' | 'weight' | 'operator' | 'unit' | 'name';

export const CHANGE_FIELD_TEXT: Record<IndicatorChangeField, string> = {
  target: '年度指标值',
  weight: '分值',
  operator: '指标性质（运算符）',
  unit: '计量单位',
  name: '指标名称',
};

export type ChangeableIndicator = Record<IndicatorChangeField, string>;

/** The value of a field as compared and recorded (weights as 2-decimal strings). */
export function currentChangeValue(r: ChangeableIndicator, field: IndicatorChangeField): string {
  return field === 'weight' ? toFixed2(d(r.weight)) : r[field];
}

export type ChangeValueCheck =
  { ok: true; value: string } | { ok: false; violation: RuleViolation };

const refuse = (code: RuleViolation['code'], params: RuleViolation['params'] = {}) =>
  ({ ok: false, violation: { code, params } }) as const;

/** The new value as stored (trimmed; weights with two decimals), or the rule it breaks. */
export function normaliseChangeValue(field: IndicatorChangeField, raw: string): ChangeValueCheck {
  const v = raw.trim();
  switch (field) {
    case 'weight': {
      const w = weightViolation(v);
      return w ? { ok: false, violation: w } : { ok: true, value: toFixed2(d(v)) };
    }
    case 'operator':
      return (OPERATOR_CODES as readonly string[]).includes(v)
        ? { ok: true, value: v }
        : refuse('CHANGE_OPERATOR_INVALID', { operator: v });
    case 'name':
      return v === '' || v.length > 100 ? refuse('CHANGE_NAME_LENGTH') : { ok: true, value: v };
    case 'unit':
      return v.length > 20 ? refuse('CHANGE_UNIT_TOO_LONG') : { ok: true, value: v };
    case 'target':
      return v === '' || v.length > 200 ? refuse('CHANGE_TARGET_LENGTH') : { ok: true, value: v };
  }
}

export interface ChangeOfField {
  indicatorId: string;
  field: IndicatorChangeField;
  newValue: string;
}

/** The indicators as they will be once every change of the batch is applied. */
export function applyChanges<T extends { id: string } & ChangeableIndicator>(
  inds: T[],
  items: ChangeOfField[],
): T[] {
  return inds.map((i) => {
    let next = { ...i };
    for (const it of items.filter((x) => x.indicatorId === i.id)) {
      next = { ...next, [it.field]: it.newValue };
    }
    return next;
  });
}

/** A changed quantitative indicator must keep a numeric target (CHANGE_TARGET_NOT_NUMERIC); null when all do. */
export function changedTargetViolation<T extends { id: string } & ChangeableIndicator>(
  after: T[],
  items: ChangeOfField[],
): RuleViolation | null {
  for (const ind of after) {
    if (
      items.some((x) => x.indicatorId === ind.id) &&
      isQuantitative(ind.operator as Parameters<typeof isQuantitative>[0]) &&
      !isDecimalString(ind.target)
    ) {
      return {
        code: 'CHANGE_TARGET_NOT_NUMERIC',
        params: { indicator: ind.name, target: ind.target },
      };
    }
  }
  return null;
}

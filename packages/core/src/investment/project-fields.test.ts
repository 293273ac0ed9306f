import { describe, expect, it } from 'vitest';
import { checkProjectFields, type ProjectFields } from './project-fields.ts';

const UNITS = new Set(['JD-PAZHOU', '440105-TZCJ']);
const GOOD: ProjectFields = {
  code: 'ZS-2023-001',
  name: '示例项目',
  investor: '示例公司',
  industryCode: '6513',
  industryName: '应用软件开发',
  plannedInvestmentWan: '1250.5',
  isKeyProject: false,
  responsibleUnitCode: 'JD-PAZHOU',
  source: 'EXHIBITION',
};

describe('checkProjectFields', () => {
  it('accepts good fields and gives the amount in fen, exactly', () => {
    const r = checkProjectFields({ ...GOOD, plannedInvestmentWan: '12345.678901' }, UNITS, false);
    expect(r.errors).toEqual([]);
    expect(r.fen).toBe(12_345_678_901);
  });

  it('lists every problem in order, with the field label in Chinese', () => {
    const r = checkProjectFields(
      {
        ...GOOD,
        code: 'ZS 1',
        industryCode: '65X',
        plannedInvestmentWan: '-1',
        responsibleUnitCode: 'JD-NOWHERE',
        source: 'ROADSHOW',
      },
      UNITS,
      false,
    );
    expect(r.errors.map((e) => e.field)).toEqual([
      'code',
      'industryCode',
      'plannedInvestmentWan',
      'responsibleUnitCode',
      'source',
    ]);
    expect(r.errors[0]!.message).toBe('「项目编号」只能由字母、数字和 - _ . / 组成');
    expect(r.errors[2]!.message).toBe('「计划投资额（万元）」不能为负数');
    expect(r.errors[3]!.message).toBe('「责任单位」「JD-NOWHERE」不是本区的部门或街道');
    expect(r.fen).toBeNull();
  });

  it('requires every field unless partial; a partial check looks only at the fields given', () => {
    const full = checkProjectFields({ name: '只有名称' }, UNITS, false);
    expect(full.errors.map((e) => e.field)).toEqual([
      'code',
      'investor',
      'industryName',
      'industryCode',
      'plannedInvestmentWan',
      'responsibleUnitCode',
      'source',
    ]);
    expect(full.errors.every((e) => e.message.endsWith('必填'))).toBe(true);
    expect(checkProjectFields({ name: '只有名称' }, UNITS, true).errors).toEqual([]);
    expect(checkProjectFields({ name: ' ' }, UNITS, true).errors[0]!.message).toBe(
      '「项目名称」不能为空',
    );
    expect(checkProjectFields({ name: '名'.repeat(201) }, UNITS, true).errors[0]!.message).toBe(
      '「项目名称」不超过 200 个字',
    );
  });

  it('refuses an amount with more than 6 decimals of 万元', () => {
    const r = checkProjectFields({ plannedInvestmentWan: '12.3456789' }, UNITS, true);
    expect(r.errors[0]!.message).toBe(
      '「计划投资额（万元）」「12.3456789」不是有效金额（万元，最多 6 位小数，如 1250.5）',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { checkAmountInconsistent } from './amount-inconsistent.ts';
import { codesOf, run } from './test-helpers.ts';

const TITLE = '2023年度广州市海珠区投资促进局整体支出绩效自评报告\n';

describe('AMOUNT_INCONSISTENT', () => {
  it('flags the department budget printed with two values, at the second place', () => {
    const text = `${TITLE}（三）部门整体收支情况\n全年预算数12,480.60万元，执行数12,209.45万元。\n（一）自评结论综述\n部门全年预算数12,408.60万元。`;
    const [f] = run(checkAmountInconsistent, text);
    expect(f?.code).toBe('AMOUNT_INCONSISTENT');
    expect(f?.line).toBe(5);
    expect(f?.message).toContain('在第 3 行为 12,480.60万元，此处为 12,408.60万元');
  });

  it('accepts the same value printed twice, in another form (80 and 80.00)', () => {
    expect(
      codesOf(
        checkAmountInconsistent,
        `${TITLE}全年预算数 36,628.61 万元。\n全年预算数36,628.61万元。\n经费年初预算80万元。\n经费年初预算80.00万元。`,
      ),
    ).toEqual([]);
  });

  it('keeps a project, last year, 年初 and 全年 apart from the department total', () => {
    const text = [
      TITLE,
      '全年预算数36,628.61万元，执行数36,628.61万元。',
      '招商引资业务工作经费全年预算数80.00万元，执行数76.27万元。',
      '部门年初预算数36,512.40万元。',
      '2022年全年预算数30,000.00万元。',
      '1.基本支出',
      '全年预算数1,245.30万元，执行数1,249.03万元。',
      '2.项目支出',
      '全年预算数35,383.31万元，执行数35,379.58万元。',
    ].join('\n');
    expect(codesOf(checkAmountInconsistent, text)).toEqual([]);
  });

  it('flags project counts that disagree, not targets beside them', () => {
    expect(
      codesOf(
        checkAmountInconsistent,
        `${TITLE}其中一级项目 2个，二级项目 0个。\n本次对一级项目3个开展自评。`,
      ),
    ).toEqual([]);
    expect(
      codesOf(checkAmountInconsistent, `${TITLE}其中一级项目 2个。\n其中一级项目 3个。`),
    ).toEqual(['AMOUNT_INCONSISTENT']);
    expect(
      codesOf(
        checkAmountInconsistent,
        `${TITLE}新洽谈重点招商项目不少于300个。\n全年新洽谈重点招商项目336个。`,
      ),
    ).toEqual([]);
  });
});

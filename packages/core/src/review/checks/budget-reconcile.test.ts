import { describe, expect, it } from 'vitest';
import { checkBudgetReconcile } from './budget-reconcile.ts';
import { codesOf, run } from './test-helpers.ts';

const WHOLE = '全年预算数36,628.61万元，执行数36,628.61万元，预算执行率100.00%。';

describe('BUDGET_RECONCILE', () => {
  it('flags a whole executed 100% while a named part underspends and nothing overspends (the seed)', () => {
    const [f] = run(
      checkBudgetReconcile,
      `${WHOLE}\n招商引资业务工作经费年初预算 80万元，实际支出 76.27万元，执行率 95%。`,
    );
    expect(f?.code).toBe('BUDGET_RECONCILE');
    expect(f?.message).toContain('少支出 3.73万元');
  });

  it('accepts it when another part overspends by as much', () => {
    const text = `${WHOLE}\n基本支出全年预算数1,245.30万元，执行数1,249.03万元；项目支出全年预算数35,383.31万元，执行数35,379.58万元。\n招商引资业务工作经费全年预算数80.00万元，执行数76.27万元。`;
    expect(codesOf(checkBudgetReconcile, text)).toEqual([]);
  });

  it('accepts an underspent part when the whole is not fully executed', () => {
    expect(
      codesOf(
        checkBudgetReconcile,
        '全年预算数5,826.40万元，执行数5,712.18万元。\n科技创新券补助资金全年预算数2,000.00万元，执行数1,962.35万元。',
      ),
    ).toEqual([]);
  });

  it('flags a part larger than the whole', () => {
    expect(
      codesOf(
        checkBudgetReconcile,
        '全年预算数800.00万元，执行数790.00万元。\n专项经费全年预算数900.00万元，执行数880.00万元。',
      ),
    ).toEqual(['BUDGET_RECONCILE', 'BUDGET_RECONCILE']);
  });

  it('checks 基本支出 + 项目支出 against the total, budgets and executions separately', () => {
    const ok =
      '全年预算数12,480.60万元，执行数12,209.45万元。其中基本支出全年预算数3,480.60万元，执行数3,461.20万元；项目支出全年预算数9,000.00万元，执行数8,748.25万元。';
    expect(codesOf(checkBudgetReconcile, ok)).toEqual([]);
    const off = ok.replace('8,748.25', '8,648.25');
    const [f] = run(checkBudgetReconcile, off);
    expect(f?.message).toContain('之和为 12,109.45万元');
  });

  it("does not treat district-wide or last year's money as a part", () => {
    expect(
      codesOf(
        checkBudgetReconcile,
        `${WHOLE}\n全区招商引资专项资金全年预算数50,000.00万元，执行数48,000.00万元。`,
      ),
    ).toEqual([]);
  });
});

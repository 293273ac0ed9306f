import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import type { Fen } from '../money.ts';
import { executionRate, rollUpExecution, type ProjectBudget } from './roll-up.ts';

const f = (n: number) => n as Fen;
const budgets: ProjectBudget[] = [
  {
    code: 'XM-001',
    name: '招商引资业务工作经费',
    level: 1,
    fundSource: 'general',
    expenditureType: 'project',
    initialFen: f(80_000_00),
    budgetFen: f(80_000_00),
  },
  {
    code: 'XM-002',
    name: '专项资金',
    level: 1,
    fundSource: 'governmentFund',
    expenditureType: 'project',
    initialFen: f(100_00),
    budgetFen: f(300_00),
  },
];

describe('execution roll-up', () => {
  it('sums months per project, per funding source and in total, exactly in 分', () => {
    const r = rollUpExecution(
      budgets,
      [
        { projectCode: 'XM-001', month: 1, amountFen: f(10_000_01) },
        { projectCode: 'XM-001', month: 3, amountFen: f(20_000_02) },
        { projectCode: 'XM-002', month: 2, amountFen: f(150_00) },
        { projectCode: 'XM-001', month: 5, amountFen: f(99_99) }, // after the as-of month
      ],
      3,
      new Big(25),
    );
    expect(r.timeProgress).toBe('25.00');
    const p1 = r.projects[0]!;
    expect(p1.monthly).toEqual([10_000_01, 0, 20_000_02]);
    expect(p1.cumulative).toEqual([10_000_01, 10_000_01, 30_000_03]);
    // 30,000.03 / 80,000.00 = 37.5000375% → 37.50; 结转结余 49,999.97
    expect(p1).toMatchObject({
      executedFen: 30_000_03,
      rate: '37.50',
      carryoverFen: 49_999_97,
      gapToTimeProgress: '12.50',
    });
    expect(r.projects[1]).toMatchObject({ executedFen: 150_00, rate: '50.00' });
    expect(r.fundSources.map((g) => [g.key, g.executedFen, g.projects])).toEqual([
      ['general', 30_000_03, 1],
      ['governmentFund', 150_00, 1],
    ]);
    // (30,000.03 + 150.00) / (80,000.00 + 300.00) = 37.5467…% → 37.55
    expect(r.total).toMatchObject({
      budgetFen: 80_300_00,
      executedFen: 30_150_03,
      rate: '37.55',
      monthly: [10_000_01, 150_00, 20_000_02],
    });
  });
  it('a project without budget has no rate; spend on an unknown code is shown, not lost', () => {
    const r = rollUpExecution(
      [{ ...budgets[0]!, budgetFen: f(0) }],
      [{ projectCode: 'ZZ', month: 1, amountFen: f(5_00) }],
      12,
      new Big(100),
    );
    expect(r.projects[0]!.rate).toBeNull();
    expect(r.projects[1]).toMatchObject({ code: 'ZZ', unbudgeted: true, executedFen: 5_00 });
    expect(r.total.executedFen).toBe(5_00);
  });
});

describe('executionRate', () => {
  it('matches the decimal helper (half-up, 2 dp) on awkward values', async () => {
    const { percentOf, toFixed2 } = await import('../decimal.ts');
    const cases: [number, number][] = [
      [76_27_00, 80_00_00],
      [1, 3],
      [2, 3],
      [1_005, 100_000],
      [-1_005, 100_000],
      [12_345, 1],
      [0, 7],
      [9_999_999_999_99, 3],
      [50, 200_000],
      [-2, 3],
    ];
    for (const [e, b] of cases) {
      expect(executionRate(e, b)).toBe(toFixed2(percentOf(new Big(e), new Big(b))!));
    }
    expect(executionRate(1, 0)).toBeNull();
  });
});

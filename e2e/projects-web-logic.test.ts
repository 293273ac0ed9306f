// The pure pieces behind the projects page and the 扣分 dialog, with the domain's numbers: 二级 projects listed under
// their 一级 project; a deduction's bounds (0 … the weight, 2 decimals) and its live effect on the worked example of
// domain-rules §3.9 (indicator 1: 16.67 − 3 = 13.67, total 90.27 → 87.27); who deducted, from the goal listing.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ContractInput } from '../packages/web/src/api/types.ts';
import {
  validDeduction,
  withDeduction,
} from '../packages/web/src/modules/evaluation/deduction-dialog.tsx';
import { liveScore, scored } from '../packages/web/src/modules/evaluation/live-score.ts';
import { indicatorMetaFrom } from '../packages/web/src/modules/evaluation/use-goal-texts.ts';
import { treeOrder, type ProjectRow } from '../packages/web/src/modules/projects/projects-api.ts';

const worked = JSON.parse(
  fs.readFileSync(
    new URL('../packages/core/src/scoring/golden/worked-example.json', import.meta.url),
    'utf8',
  ),
) as { input: ContractInput };

const row = (id: string, code: string, parentId: string | null = null): ProjectRow => ({
  id,
  code,
  name: code,
  level: parentId ? 2 : 1,
  parentId,
  fundSource: 'general',
  expenditureType: 'project',
  initialYuan: '0.00',
  budgetYuan: '0.00',
});

describe('projects page', () => {
  it('lists each 二级 project right after its 一级 project; an orphan goes last', () => {
    const rows = [
      row('a', 'TZCJ-JB-2023'),
      row('b', 'TZCJ-XM-001'),
      row('c', 'TZCJ-XM-002'),
      row('d', 'TZCJ-XM-001-01', 'b'),
      row('e', 'X-9', 'gone'),
    ];
    expect(treeOrder(rows).map((r) => r.code)).toEqual([
      'TZCJ-JB-2023',
      'TZCJ-XM-001',
      'TZCJ-XM-001-01',
      'TZCJ-XM-002',
      'X-9',
    ]);
  });
});

describe('扣分 dialog', () => {
  it('accepts 0 … the weight with at most two decimals', () => {
    expect(['0', '3', '1.5', '15', '14.99'].map((x) => validDeduction(x, '15'))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['', '-1', '15.01', '16', '1.555', 'abc', '1,5'].map((x) => validDeduction(x, '15')),
    ).toEqual([false, false, false, false, false, false, false]);
  });

  it('previews a 3-point deduction on the worked example: indicator 1 16.67 → 13.67, total 90.27 → 87.27', () => {
    const before = scored(liveScore(worked.input));
    const after = scored(
      liveScore(withDeduction(worked.input, '1', '3', '两场推介活动无佐证材料')),
    );
    expect(before?.indicators.find((i) => i.id === '1')?.score).toBe('16.67');
    expect(after?.indicators.find((i) => i.id === '1')?.score).toBe('13.67');
    expect([before?.total, after?.total]).toEqual(['90.27', '87.27']);
    // without a reason the engine flags it (the dialog requires one before saving)
    const noReason = scored(liveScore(withDeduction(worked.input, '1', '3', null)));
    expect(noReason?.findings.some((f) => f.indicator === '1' && /扣分理由/.test(f.message))).toBe(
      true,
    );
    // a deduction larger than the score floors the indicator at 0
    expect(
      scored(liveScore(withDeduction(worked.input, '1', '20', '无佐证')))?.indicators.find(
        (i) => i.id === '1',
      )?.score,
    ).toBe('0.00');
  });

  it('reads who deducted when, and whether the targets are locked, from the goal listing', () => {
    const body = {
      goals: [
        {
          status: 'locked',
          tree: [
            {
              groups: [
                {
                  indicators: [
                    { id: 'i1', deductionBy: 'tzcj_head', deductionAt: '2023-12-20T02:00:00.000Z' },
                    { id: 'i2', deductionBy: null, deductionAt: null },
                  ],
                },
              ],
            },
          ],
        },
        { status: 'draft', tree: [{ groups: [{ indicators: [{ id: 'i3' }] }] }] },
      ],
    } as unknown as Parameters<typeof indicatorMetaFrom>[0];
    const m = indicatorMetaFrom(body);
    expect(m.get('i1')).toEqual({
      locked: true,
      deductionBy: 'tzcj_head',
      deductionAt: '2023-12-20T02:00:00.000Z',
    });
    expect(m.get('i2')).toEqual({ locked: true, deductionBy: null, deductionAt: null });
    expect(m.get('i3')?.locked).toBe(false);
    expect(indicatorMetaFrom(null).size).toBe(0);
  });
});

// 任务分解: splitting the city's targets over units, checking a decomposition, progress and ranking.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bucketByMonth,
  computeProgress,
  splitProportionally,
  summarizeAllocation,
  timeProgress,
  validateAllocation,
} from './target-allocation.ts';
import { toFixed2 } from '../decimal.ts';

const UNITS = new Map([
  ['JD-PAZHOU', '琶洲街'],
  ['JD-BINJIANG', '滨江街'],
  ['TZCJ', '区投资促进局'],
]);

describe('validateAllocation', () => {
  it('300 key projects split 120 + 80 + 110 = 310 covers the city target (10 extra: 加压)', () => {
    const lines = [
      { unitCode: 'JD-PAZHOU', value: 120 },
      { unitCode: 'JD-BINJIANG', value: 80 },
      { unitCode: 'TZCJ', value: 110 },
    ];
    expect(validateAllocation(300, lines, UNITS)).toEqual([]);
    expect(summarizeAllocation(300, lines)).toEqual({
      target: 300,
      allocated: 310,
      difference: 10,
      status: 'OVER',
    });
  });

  it('refuses a decomposition short of the city target, with the gap in Chinese', () => {
    const errors = validateAllocation(
      150,
      [
        { unitCode: 'JD-PAZHOU', value: 100 },
        { unitCode: 'TZCJ', value: 40 },
      ],
      UNITS,
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'UNDER_ALLOCATED', zh: expect.stringContaining('还差 10') }),
    ]);
  });

  it('refuses unknown and repeated units and non-whole shares', () => {
    const errors = validateAllocation(
      10,
      [
        { unitCode: 'JD-NOWHERE', value: 5 },
        { unitCode: 'TZCJ', value: 5 },
        { unitCode: 'TZCJ', value: 2.5 },
      ],
      UNITS,
    );
    expect(errors.map((e) => e.code)).toEqual(['UNKNOWN_UNIT', 'DUPLICATE_UNIT', 'NOT_WHOLE']);
    expect(errors[1]!.zh).toBe('责任单位「区投资促进局」重复分配');
  });
});

describe('splitProportionally', () => {
  it('336 in proportion 5:3:2 → 168, 101, 67 (largest remainder; sums exactly)', () => {
    const r = splitProportionally(336, [
      { unitCode: 'a', weight: 5 },
      { unitCode: 'b', weight: 3 },
      { unitCode: 'c', weight: 2 },
    ]);
    expect(r.map((x) => x.value)).toEqual([168, 101, 67]);
  });

  it('always sums to the total and never differs from the exact share by 1 or more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 25 }),
        (total, ws) => {
          fc.pre(ws.some((w) => w > 0));
          const lines = splitProportionally(
            total,
            ws.map((w, i) => ({ unitCode: String(i), weight: w })),
          );
          const sumW = ws.reduce((t, w) => t + w, 0);
          expect(lines.reduce((t, l) => t + l.value, 0)).toBe(total);
          lines.forEach((l, i) =>
            expect(Math.abs(l.value * sumW - total * ws[i]!)).toBeLessThan(sumW),
          );
        },
      ),
    );
  });
});

describe('progress and ranking', () => {
  const monthly = (pairs: [number, number][]): number[] => {
    const m = new Array<number>(12).fill(0);
    for (const [month, n] of pairs) {
      m[month - 1] = n;
    }
    return m;
  };

  it('June: 序时进度 50%; ranks by rate, ties share a rank, a unit without target comes last', () => {
    const rows = computeProgress(
      [
        {
          unitCode: 'A',
          unitName: '赤岗街',
          target: 10,
          monthly: monthly([
            [2, 3],
            [5, 2],
          ]),
        }, // 5/10 = 50.00%
        {
          unitCode: 'B',
          unitName: '新港街',
          target: 20,
          monthly: monthly([
            [1, 4],
            [6, 6],
            [7, 5],
          ]),
        }, // 10/20 = 50.00% (July not yet)
        { unitCode: 'C', unitName: '琶洲街', target: 40, monthly: monthly([[3, 44]]) }, // 110.00%
        { unitCode: 'D', unitName: '滨江街', target: 8, monthly: monthly([[4, 3]]) }, // 37.50%
        { unitCode: 'E', unitName: '区商务局', target: 0, monthly: monthly([[4, 2]]) },
      ],
      6,
    );
    expect(toFixed2(timeProgress(6))).toBe('50.00');
    expect(rows.map((r) => [r.unitName, r.actual, r.rate, r.status, r.rank])).toEqual([
      ['琶洲街', 44, '110.00', 'DONE', 1],
      ['新港街', 10, '50.00', 'ON_TRACK', 2], // same rate as 赤岗街, more projects
      ['赤岗街', 5, '50.00', 'ON_TRACK', 3],
      ['滨江街', 3, '37.50', 'BEHIND', 4],
      ['区商务局', 2, null, 'NO_TARGET', 5],
    ]);
    expect(rows[1]!.cumulative).toEqual([4, 4, 4, 4, 4, 10]);
  });

  it('equal rate and equal actual share a rank (1, 1, 3)', () => {
    const rows = computeProgress(
      [
        { unitCode: 'A', unitName: 'A', target: 4, monthly: monthly([[1, 2]]) },
        { unitCode: 'B', unitName: 'B', target: 4, monthly: monthly([[2, 2]]) },
        { unitCode: 'C', unitName: 'C', target: 4, monthly: monthly([[2, 1]]) },
      ],
      12,
    );
    expect(rows.map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it('buckets dated events per unit and month of the year', () => {
    const b = bucketByMonth(
      [
        { unitCode: 'A', date: '2023-01-31', amount: 1 },
        { unitCode: 'A', date: '2023-01-05', amount: 1 },
        { unitCode: 'A', date: '2023-12-01', amount: 1 },
        { unitCode: 'A', date: '2022-12-31', amount: 1 },
        { unitCode: null, date: '2023-03-01', amount: 1 },
      ],
      2023,
    );
    expect(b.get('A')).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(b.size).toBe(1);
  });
});

// Property tests (fast-check): the bands against an integer reference, and the sheet's sums.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conclusionFor } from './conclusion.ts';
import { scoreSheet, templatePoints } from './score-sheet.ts';
import { defaultExAnteTemplate } from './templates.ts';

function hundredthsToString(h: number): string {
  return `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
}

describe('ex-ante properties', () => {
  it('the conclusion is the half-open band of the total (integer hundredths reference)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (h) => {
        const expected = h >= 9000 ? 'SUPPORT' : h >= 7000 ? 'SUPPORT_AFTER_REVISION' : 'REJECT';
        expect(conclusionFor(hundredthsToString(h))).toBe(expected);
      }),
    );
  });

  it('the conclusion is monotone in the total', () => {
    const rank = { REJECT: 0, SUPPORT_AFTER_REVISION: 1, SUPPORT: 2 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10000 }),
        fc.integer({ min: 0, max: 10000 }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(rank[conclusionFor(hundredthsToString(lo))]).toBeLessThanOrEqual(
            rank[conclusionFor(hundredthsToString(hi))],
          );
        },
      ),
    );
  });

  it.each(['PROJECT', 'POLICY'] as const)(
    '%s: every parent is the sum of its children and the total the sum of the points',
    (type) => {
      const template = defaultExAnteTemplate(type);
      const points = templatePoints(template);
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 0, max: 500 }), {
            minLength: points.length,
            maxLength: points.length,
          }),
          (scores) => {
            const sheet = scoreSheet(
              template,
              points.map((p, i) => ({
                pointCode: p.code,
                score: hundredthsToString(scores[i]!),
                note: '说明',
              })),
            );
            const h = (s: string | null) => Math.round(Number(s) * 100);
            expect(sheet.complete).toBe(true);
            expect(h(sheet.total)).toBe(scores.reduce((a, b) => a + b, 0));
            const rows = sheet.rows;
            for (let i = 0; i < rows.length; i += 1) {
              const r = rows[i]!;
              if (r.level === 3) {
                continue;
              }
              let sum = 0;
              for (let j = i + 1; j < rows.length && rows[j]!.level > r.level; j += 1) {
                if (rows[j]!.level === r.level + 1) {
                  sum += h(rows[j]!.score);
                }
              }
              expect(h(r.score)).toBe(sum);
            }
            expect(sheet.conclusion).toBe(conclusionFor(sheet.total));
          },
        ),
        { numRuns: 200 },
      );
    },
  );
});

// Property tests (fast-check): every score within [0, 分值] with 2 decimals, monotone in its input, the proportional
// score equal to a BigInt reference, and the sheet total equal to the sum of its rows with the grade of that total.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { d } from '../decimal.ts';
import { scoreExtIndicator } from './score-indicator.ts';
import { extEvalGradeFor, scoreExtEvalSheet } from './score-sheet.ts';
import { defaultExtEvalTemplate } from './template.ts';
import type { ExtEvalIndicatorDef, ExtEvalInput } from './types.ts';

const F = 'byAvailable' as const;
const maxScore = fc.integer({ min: 1, max: 3000 }).map((h) => (h / 100).toFixed(2));

function scoreOf(def: Pick<ExtEvalIndicatorDef, 'maxScore' | 'rule'>, input: ExtEvalInput) {
  const r = scoreExtIndicator(def, input, F);
  if (!r.ok) {
    throw new Error(r.error);
  }
  return r.value.score;
}

/** round-half-up(maxH × min(n, den) / den) in hundredths, by BigInt. */
function refProportional(maxH: bigint, n: bigint, den: bigint): string {
  const num = maxH * (n < den ? n : den);
  const h = (2n * num + den) / (2n * den);
  return `${h / 100n}.${(h % 100n).toString().padStart(2, '0')}`;
}

describe('external evaluation properties', () => {
  it('proportional equals the BigInt reference and stays within [0, 分值]', () => {
    fc.assert(
      fc.property(
        maxScore,
        fc.nat(10_000_000),
        fc.integer({ min: 1, max: 10_000_000 }),
        (m, n, den) => {
          const s = scoreOf(
            { maxScore: m, rule: { type: 'proportional' } },
            {
              kind: 'ratio',
              numerator: String(n),
              denominator: String(den),
            },
          );
          const maxH = BigInt(Math.round(Number(m) * 100));
          expect(s.toFixed(2)).toBe(refProportional(maxH, BigInt(n), BigInt(den)));
          expect(s.gte(0) && s.lte(d(m))).toBe(true);
        },
      ),
    );
  });

  it('deduct per point is monotone in the rate and never below 0', () => {
    fc.assert(
      fc.property(
        maxScore,
        fc.nat(20000),
        fc.nat(20000),
        fc.integer({ min: 1, max: 500 }),
        (m, a, b, per) => {
          const rule = {
            type: 'deductPerPoint' as const,
            unit: 'percentPoint' as const,
            deduct: (per / 100).toFixed(2),
          };
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const sLo = scoreOf(
            { maxScore: m, rule },
            { kind: 'rate', percent: (lo / 100).toFixed(2) },
          );
          const sHi = scoreOf(
            { maxScore: m, rule },
            { kind: 'rate', percent: (hi / 100).toFixed(2) },
          );
          expect(sLo.lte(sHi)).toBe(true);
          expect(sLo.gte(0) && sHi.lte(d(m))).toBe(true);
        },
      ),
    );
  });

  it('a checklist scores met × each, capped at 分值', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), maxScore, (met, m) => {
        const rule = {
          type: 'checklist' as const,
          items: met.map((_, i) => `要点${i}`),
          pointsEach: '1.25',
        };
        const s = scoreOf({ maxScore: m, rule }, { kind: 'checklist', met });
        const raw = d('1.25').times(met.filter(Boolean).length);
        expect(s.toFixed(2)).toBe((raw.gt(d(m)) ? d(m) : raw).toFixed(2));
      }),
    );
  });

  it('the sheet total is the sum of its rows and its grade is the grade of that total', () => {
    const defs = defaultExtEvalTemplate().indicators;
    fc.assert(
      fc.property(
        fc.array(fc.nat(10000), { minLength: defs.length, maxLength: defs.length }),
        (pcts) => {
          const rows = defs.map((def, i) => ({
            def: { ...def, rule: { type: 'manual' as const }, metric: undefined },
            input: {
              kind: 'manual' as const,
              score: d(def.maxScore)
                .times((pcts[i] ?? 0) / 100)
                .div(100)
                .round(2, 0)
                .toFixed(2),
              note: '依据',
            },
            deductionReason: '理由',
          }));
          const sheet = scoreExtEvalSheet(rows, F);
          const sum = rows.reduce((acc, r) => acc.plus(d(r.input.score)), d(0));
          expect(sheet.total).toBe(sum.toFixed(2));
          expect(sheet.grade).toBe(extEvalGradeFor(sum));
        },
      ),
    );
  });
});

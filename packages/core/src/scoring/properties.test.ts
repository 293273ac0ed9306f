// Property tests (fast-check): bounds, monotonicity, rescaling, and agreement with a BigInt reference implementation.
import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFixed2 } from '../decimal.ts';
import { finalScore, formulaScore, type QuantOperator } from './score-indicator.ts';
import { parseScoringInput } from './parse-input.ts';
import { scoreFromJson } from './score-evaluation.ts';
import type { ReverseFormula, ScoredOutput } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Reference implementation, written separately: every quantity is a BigInt count of 0.00001 (U),
// scores and weights in whole hundredths (H); rationals are kept as numerator/denominator.
// ---------------------------------------------------------------------------------------------
const U_PER_H = 1000n; // 0.01 = 1000 × 0.00001

/** floor(n / d + 1/2) for n ≥ 0, d > 0: round half-up of a non-negative rational to an integer. */
function roundRational(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

function hToString(h: bigint): string {
  const sign = h < 0n ? '-' : '';
  const a = h < 0n ? -h : h;
  return `${sign}${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
}

function uToString(u: bigint): string {
  const sign = u < 0n ? '-' : '';
  const a = u < 0n ? -u : u;
  return `${sign}${a / 100000n}.${(a % 100000n).toString().padStart(5, '0')}`;
}

interface RefIndicator {
  op: QuantOperator | 'QUAL';
  targetU: bigint;
  actualU: bigint;
  weightH: bigint;
  scoreH: bigint; // QUAL only
  deductionU: bigint;
  applicable: boolean;
}

interface RefCase {
  formula: ReverseFormula;
  adjustedU: bigint;
  executedU: bigint;
  budgetWeightH: bigint;
  indicators: RefIndicator[];
}

/** The formula score as a rational in U (numerator, denominator). */
function refRaw(i: RefIndicator, formula: ReverseFormula): [bigint, bigint] {
  const w = i.weightH * U_PER_H;
  const a = i.actualU < 0n ? 0n : i.actualU;
  const t = i.targetU;
  switch (i.op) {
    case 'QUAL':
      return [i.scoreH * U_PER_H, 1n];
    case 'GE':
    case 'GT':
      return a >= t ? [w, 1n] : [a * w, t];
    case 'EQ':
      if (t === 0n) {
        return [a <= 0n ? w : 0n, 1n];
      }
      return a >= t ? [w, 1n] : [a * w, t];
    case 'LE':
    case 'LT':
      if (a <= t) {
        return [w, 1n];
      }
      if (formula === 'mof-linear') {
        return a < 2n * t ? [(2n * t - a) * w, t] : [0n, 1n];
      }
      if (a === 0n) {
        return [0n, 1n];
      }
      return t * w < 0n ? [0n, 1n] : [t * w, a];
  }
}

function refIndicatorH(i: RefIndicator, formula: ReverseFormula): bigint {
  const [n, d] = refRaw(i, formula);
  const w = i.weightH * U_PER_H;
  let num = n - i.deductionU * d; // (raw − deduction) as num / d
  if (num < 0n) {
    num = 0n;
  }
  if (num > w * d) {
    num = w * d;
  }
  return roundRational(num, d * U_PER_H);
}

function refScore(c: RefCase): {
  rate: string;
  budget: string;
  indicators: string[];
  total: string;
  grade: string;
} {
  const rateH = roundRational(c.executedU * 10000n, c.adjustedU);
  const budgetH =
    c.executedU >= c.adjustedU
      ? c.budgetWeightH
      : roundRational(c.executedU * c.budgetWeightH, c.adjustedU);
  let sumH = budgetH;
  let weightH = c.budgetWeightH;
  const indicators = c.indicators.map((i) => {
    if (!i.applicable) {
      return '0.00';
    }
    const s = refIndicatorH(i, c.formula);
    sumH += s;
    weightH += i.weightH;
    return hToString(s);
  });
  const totalH = roundRational(sumH * 10000n, weightH);
  const grade = totalH >= 9000n ? '优' : totalH >= 8000n ? '良' : totalH >= 6000n ? '中' : '差';
  return {
    rate: hToString(rateH),
    budget: hToString(budgetH),
    indicators,
    total: hToString(totalH),
    grade,
  };
}

// ---------------------------------------------------------------------------------------------
// Generators: valid inputs whose weights sum to 100.
// ---------------------------------------------------------------------------------------------
const OPS: QuantOperator[] = ['GE', 'GT', 'EQ', 'LT', 'LE'];
const OP_TEXT: Record<QuantOperator | 'QUAL', string> = {
  GE: '≥',
  GT: '>',
  EQ: '＝',
  LT: '<',
  LE: '≤',
  QUAL: '定性',
};

const valueU = fc.oneof(
  fc.bigInt({ min: -1_000_000n, max: 100_000_000n }),
  fc.constantFrom(0n, 100000n, 1_000_000n, 1_200_000n, 1_140_000n, 5_000_000n),
);

const rawIndicator = fc.record({
  op: fc.constantFrom<QuantOperator | 'QUAL'>(...OPS, 'QUAL'),
  targetU: valueU,
  actualU: valueU,
  actualMode: fc.constantFrom('free', 'equal', 'double'),
  level: fc.constantFrom('ACHIEVED', 'PARTIAL', 'NOT_ACHIEVED'),
  pick: fc.bigInt({ min: 0n, max: 1_000_000n }),
  share: fc.integer({ min: 1, max: 1000 }),
  deduction: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 4_000_000n })),
  applicable: fc.constantFrom(true, true, true, false), // mostly applicable
});

const refCase = fc
  .record({
    formula: fc.constantFrom<ReverseFormula>('mof-linear', 'ratio'),
    adjustedU: fc.bigInt({ min: 1n, max: 100_000_000_000n }),
    executedRatio: fc.oneof(fc.bigInt({ min: 0n, max: 120_000n }), fc.constant(100_000n)),
    budgetShare: fc.integer({ min: 1, max: 1000 }),
    indicators: fc.array(rawIndicator, { minLength: 0, maxLength: 8 }),
  })
  .map((r): RefCase => {
    const shares = [r.budgetShare, ...r.indicators.map((i) => i.share)];
    const sum = shares.reduce((a, b) => a + b, 0);
    const weights = shares.map((s) => BigInt(Math.floor((s * 10000) / sum)));
    const assigned = weights.reduce((a, b) => a + b, 0n);
    weights[0] = (weights[0] ?? 0n) + (10000n - assigned); // the budget takes the remainder: Σ = 100.00
    const budgetWeightH = weights[0] ?? 0n;
    const indicators = r.indicators.map((g, k): RefIndicator => {
      const weightH = weights[k + 1] ?? 0n;
      const actualU =
        g.actualMode === 'equal'
          ? g.targetU
          : g.actualMode === 'double'
            ? 2n * g.targetU
            : g.actualU;
      // A 定性 score inside its band (limits rounded half-up like the engine).
      const aMin = roundRational(8n * weightH, 10n);
      const pMin = roundRational(6n * weightH, 10n);
      const [lo, hi] =
        g.level === 'ACHIEVED'
          ? [aMin, weightH]
          : g.level === 'PARTIAL'
            ? [pMin, aMin - 1n]
            : [0n, pMin - 1n];
      const scoreH = hi >= lo ? lo + (g.pick % (hi - lo + 1n)) : weightH;
      return {
        op: g.op,
        targetU: g.targetU,
        actualU,
        weightH,
        scoreH,
        deductionU: g.deduction,
        applicable: g.applicable || budgetWeightH === 0n,
      };
    });
    return {
      formula: r.formula,
      adjustedU: r.adjustedU,
      executedU: (r.adjustedU * r.executedRatio) / 100_000n,
      budgetWeightH,
      indicators,
    };
  })
  .filter((c) => c.budgetWeightH > 0n || c.indicators.some((i) => i.applicable && i.weightH > 0n));

function levelOf(i: RefIndicator): string {
  const w = i.weightH;
  const aMin = roundRational(8n * w, 10n);
  const pMin = roundRational(6n * w, 10n);
  if (i.scoreH >= aMin) {
    return '达成年度指标';
  }
  return i.scoreH >= pMin ? '部分达成年度指标并具有一定效果' : '未达成年度指标且效果较差';
}

function toJson(c: RefCase): unknown {
  return {
    version: 1,
    rules: { reverseFormula: c.formula },
    subject: { kind: 'project', name: '性质测试', year: 2024 },
    budget: {
      adjusted: uToString(c.adjustedU),
      executed: uToString(c.executedU),
      weight: hToString(c.budgetWeightH),
    },
    indicators: c.indicators.map((i, k) => ({
      id: String(k + 1),
      level1: k % 3 === 0 ? '产出指标' : k % 3 === 1 ? '效益指标' : '满意度指标',
      name: `指标${k + 1}`,
      operator: OP_TEXT[i.op],
      target: i.op === 'QUAL' ? '明显提升' : uToString(i.targetU),
      actual: i.op === 'QUAL' ? levelOf(i) : uToString(i.actualU),
      weight: hToString(i.weightH),
      ...(i.op === 'QUAL' ? { score: hToString(i.scoreH) } : {}),
      deduction: uToString(i.deductionU),
      deductionReason: '测试',
      applicable: i.applicable,
    })),
  };
}

function scoreCase(c: RefCase): ScoredOutput {
  const r = scoreFromJson(toJson(c));
  if (!('output' in r)) {
    throw new Error(`generated input was rejected: ${JSON.stringify(r.errors)}`);
  }
  return r.output;
}

describe('scoring properties', () => {
  it('agrees with the BigInt reference implementation', () => {
    fc.assert(
      fc.property(refCase, (c) => {
        const out = scoreCase(c);
        const ref = refScore(c);
        expect(out.budget).toEqual({ rate: ref.rate, score: ref.budget });
        expect(out.indicators.map((i) => i.score)).toEqual(ref.indicators);
        expect(out.total).toBe(ref.total);
        expect(out.grade).toBe(ref.grade);
      }),
      { numRuns: 1500 },
    );
  });

  it('no indicator scores above its weight or below 0; the total stays within [0, 100]', () => {
    fc.assert(
      fc.property(refCase, (c) => {
        const out = scoreCase(c);
        out.indicators.forEach((s, k) => {
          const w = new Big(hToString(c.indicators[k]?.weightH ?? 0n));
          expect(new Big(s.score).gte(0) && new Big(s.score).lte(w)).toBe(true);
        });
        expect(new Big(out.total).gte(0) && new Big(out.total).lte(100)).toBe(true);
        expect(new Big(out.budget.score).lte(hToString(c.budgetWeightH))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('full marks everywhere give 100.00 whichever indicators do not apply', () => {
    fc.assert(
      fc.property(refCase, (c) => {
        const full: RefCase = {
          ...c,
          executedU: c.adjustedU,
          indicators: c.indicators.map((i) => ({
            ...i,
            op: 'GE',
            targetU: 0n,
            actualU: 0n,
            deductionU: 0n,
          })),
        };
        expect(scoreCase(full).total).toBe('100.00');
      }),
      { numRuns: 300 },
    );
  });

  it('rescaling: the total lies between the lowest and highest score/weight ratio of what applies', () => {
    fc.assert(
      fc.property(refCase, (c) => {
        const out = scoreCase(c);
        const ratios: Big[] = [];
        if (c.budgetWeightH > 0n) {
          ratios.push(new Big(out.budget.score).div(hToString(c.budgetWeightH)).times(100));
        }
        c.indicators.forEach((i, k) => {
          if (i.applicable && i.weightH > 0n) {
            ratios.push(
              new Big(out.indicators[k]?.score ?? '0').div(hToString(i.weightH)).times(100),
            );
          }
        });
        const lo = ratios.reduce((a, b) => (a.lt(b) ? a : b)).round(2, Big.roundDown);
        const hi = ratios.reduce((a, b) => (a.gt(b) ? a : b)).round(2, Big.roundUp);
        const total = new Big(out.total);
        expect(total.gte(lo) && total.lte(hi)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a parsed input parses to itself', () => {
    fc.assert(
      fc.property(refCase, (c) => {
        const once = parseScoringInput(toJson(c));
        expect(once.ok).toBe(true);
        if (once.ok) {
          expect(parseScoringInput(once.value)).toEqual(once);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('monotonicity', () => {
  const dec = fc.bigInt({ min: -1_000_000n, max: 100_000_000n }).map((u) => new Big(uToString(u)));
  const weight = fc.integer({ min: 0, max: 10000 }).map((h) => new Big(hToString(BigInt(h))));
  const formula = fc.constantFrom<ReverseFormula>('mof-linear', 'ratio');

  function final(op: QuantOperator, t: Big, a: Big, w: Big, f: ReverseFormula): Big {
    return finalScore(formulaScore(op, t, a, w, f), w, new Big(0));
  }

  it('more actual never lowers a ≥ / ＞ / ＝ score', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<QuantOperator>('GE', 'GT', 'EQ'),
        dec,
        dec,
        dec,
        weight,
        formula,
        (op, t, a1, a2, w, f) => {
          const [lo, hi] = a1.lte(a2) ? [a1, a2] : [a2, a1];
          if (op === 'EQ' && t.eq(0)) {
            return; // ＝ 0 is met only at ≤ 0: not monotone by definition
          }
          expect(final(op, t, hi, w, f).gte(final(op, t, lo, w, f))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('less actual never lowers a ≤ / ＜ score', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<QuantOperator>('LE', 'LT'),
        dec,
        dec,
        dec,
        weight,
        formula,
        (op, t, a1, a2, w, f) => {
          const [lo, hi] = a1.lte(a2) ? [a1, a2] : [a2, a1];
          expect(final(op, t, lo, w, f).gte(final(op, t, hi, w, f))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the ratio formula never scores below mof-linear on a reverse indicator', () => {
    fc.assert(
      fc.property(dec, dec, weight, (t, a, w) => {
        expect(final('LE', t, a, w, 'ratio').gte(final('LE', t, a, w, 'mof-linear'))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('scores are always 2-decimal strings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<QuantOperator>(...OPS),
        dec,
        dec,
        weight,
        formula,
        (op, t, a, w, f) => {
          expect(toFixed2(final(op, t, a, w, f))).toMatch(/^\d+\.\d{2}$/);
        },
      ),
      { numRuns: 500 },
    );
  });
});

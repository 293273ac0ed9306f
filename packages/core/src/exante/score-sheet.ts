// The score sheet: leaf points scored (≤ weight, at most two decimals, a note on every point below full marks),
// 优/良/中/差 converted by the configured shares, groups and dimensions the sums of their children, the total the
// sum of the dimensions and its conclusion from the bands. Pure and exact (Big decimals, never floats).
import { d, dSum, roundHalfUp2, toFixed2, type Decimal } from '../decimal.ts';
import { conclusionFor } from './conclusion.ts';
import type { ExAnteConclusion, ExAnteRating, ExAnteTemplate } from './types.ts';

/** Share of a point's weight that each rating earns (§A.2 default [CONV]: 100 / 80 / 60 / 40 %). */
export type RatingShares = Readonly<Record<ExAnteRating, string>>;

export const DEFAULT_RATING_SHARES: RatingShares = {
  EXCELLENT: '1',
  GOOD: '0.8',
  FAIR: '0.6',
  POOR: '0.4',
};

/** What the assessor entered on one point: a score, or a rating converted by the shares. */
export interface PointInput {
  pointCode: string;
  score?: string | null;
  rating?: ExAnteRating | null;
  note?: string | null;
  /** Names of attached evidence (佐证材料). */
  evidence?: readonly string[];
}

export type SheetProblemCode =
  | 'UNKNOWN_POINT'
  | 'NOT_A_NUMBER'
  | 'TOO_MANY_DECIMALS'
  | 'NEGATIVE'
  | 'OVER_WEIGHT'
  | 'NOTE_REQUIRED'
  | 'MISSING';

export interface SheetProblem {
  pointCode: string;
  code: SheetProblemCode;
  zh: string;
  en: string;
}

export interface SheetRow {
  code: string;
  name: string;
  level: 1 | 2 | 3;
  weight: string;
  /** Two-decimal score; null for an unscored point (a parent sums its scored children). */
  score: string | null;
  rating: ExAnteRating | null;
  note: string | null;
  evidence: readonly string[];
}

export interface ScoreSheet {
  rows: SheetRow[];
  /** Sum of the scored points, two decimals. */
  total: string;
  maxTotal: string;
  /** Every point scored and no problem. */
  complete: boolean;
  /** From the total, shown live while scoring (final once `complete`). */
  conclusion: ExAnteConclusion;
  problems: SheetProblem[];
}

const TWO_DP = /^\d+(\.\d{1,2})?$/;

/** A rating's points: weight × share, half-up to two decimals. */
export function ratingScore(weight: string, rating: ExAnteRating, shares: RatingShares): Decimal {
  return roundHalfUp2(d(weight).times(d(shares[rating])));
}

function problem(pointCode: string, code: SheetProblemCode, weight: string): SheetProblem {
  const text: Record<SheetProblemCode, [string, string]> = {
    UNKNOWN_POINT: ['模板中没有该评估要点', 'no such assessment point in the template'],
    NOT_A_NUMBER: ['得分须为数字', 'the score must be a number'],
    TOO_MANY_DECIMALS: ['得分最多两位小数', 'at most two decimals'],
    NEGATIVE: ['得分不能为负数', 'the score cannot be negative'],
    OVER_WEIGHT: [`评估得分大于权重（${weight} 分）`, `the score exceeds the weight (${weight})`],
    NOTE_REQUIRED: ['未得满分的要点须填写扣分说明', 'a point below full marks needs a note'],
    MISSING: ['尚未评分', 'not scored yet'],
  };
  const [zh, en] = text[code];
  return { pointCode, code, zh, en };
}

/** Validate one leaf input; the score or null, and its problems. */
function scorePoint(
  weight: string,
  input: PointInput | undefined,
  shares: RatingShares,
  pointCode: string,
): { score: Decimal | null; problems: SheetProblem[] } {
  const raw = input?.score?.trim() ?? '';
  let score: Decimal | null = null;
  if (raw !== '') {
    if (raw.startsWith('-') && TWO_DP.test(raw.slice(1))) {
      return { score: null, problems: [problem(pointCode, 'NEGATIVE', weight)] };
    }
    if (!/^\d+(\.\d*)?$/.test(raw)) {
      return { score: null, problems: [problem(pointCode, 'NOT_A_NUMBER', weight)] };
    }
    if (!TWO_DP.test(raw.replace(/\.$/, ''))) {
      return { score: null, problems: [problem(pointCode, 'TOO_MANY_DECIMALS', weight)] };
    }
    score = d(raw.replace(/\.$/, ''));
  } else if (input?.rating) {
    score = ratingScore(weight, input.rating, shares);
  }
  if (score === null) {
    return { score, problems: [problem(pointCode, 'MISSING', weight)] };
  }
  if (score.gt(d(weight))) {
    return { score: null, problems: [problem(pointCode, 'OVER_WEIGHT', weight)] };
  }
  const noted = (input?.note ?? '').trim() !== '';
  return {
    score,
    problems: score.lt(d(weight)) && !noted ? [problem(pointCode, 'NOTE_REQUIRED', weight)] : [],
  };
}

/** Score a sheet against its template. Unknown point codes are reported, never silently dropped. */
export function scoreSheet(
  template: ExAnteTemplate,
  inputs: readonly PointInput[],
  shares: RatingShares = DEFAULT_RATING_SHARES,
): ScoreSheet {
  const byCode = new Map(inputs.map((i) => [i.pointCode, i]));
  const known = new Set<string>();
  const rows: SheetRow[] = [];
  const problems: SheetProblem[] = [];
  const dimScores: Decimal[] = [];
  const dimWeights: Decimal[] = [];
  for (const dim of template.dimensions) {
    const dimRow: SheetRow = row(dim.code, dim.name, 1);
    rows.push(dimRow);
    const groupScores: (Decimal | null)[] = [];
    const groupWeights: Decimal[] = [];
    for (const group of dim.groups) {
      const groupRow = row(group.code, group.name, 2);
      rows.push(groupRow);
      const pointScores: (Decimal | null)[] = [];
      for (const p of group.points) {
        known.add(p.code);
        const input = byCode.get(p.code);
        const r = scorePoint(p.weight, input, shares, p.code);
        problems.push(...r.problems);
        pointScores.push(r.score);
        rows.push({
          code: p.code,
          name: p.name,
          level: 3,
          weight: toFixed2(d(p.weight)),
          score: r.score ? toFixed2(r.score) : null,
          rating: input?.rating ?? null,
          note: input?.note?.trim() || null,
          evidence: input?.evidence ?? [],
        });
      }
      const gw = dSum(group.points.map((p) => d(p.weight)));
      groupWeights.push(gw);
      const gs = sumScored(pointScores);
      groupScores.push(gs);
      groupRow.weight = toFixed2(gw);
      groupRow.score = gs ? toFixed2(gs) : null;
    }
    const dw = dSum(groupWeights);
    const ds = sumScored(groupScores);
    dimRow.weight = toFixed2(dw);
    dimRow.score = ds ? toFixed2(ds) : null;
    dimWeights.push(dw);
    dimScores.push(ds ?? d(0));
  }
  for (const i of inputs) {
    if (!known.has(i.pointCode)) {
      problems.push(problem(i.pointCode, 'UNKNOWN_POINT', '0'));
    }
  }
  const total = dSum(dimScores);
  return {
    rows,
    total: toFixed2(total),
    maxTotal: toFixed2(dSum(dimWeights)),
    complete: problems.length === 0,
    conclusion: conclusionFor(total),
    problems,
  };
}

function row(code: string, name: string, level: 1 | 2): SheetRow {
  return { code, name, level, weight: '0.00', score: null, rating: null, note: null, evidence: [] };
}

/** Sum of the scored children; null when none is scored. */
function sumScored(xs: readonly (Decimal | null)[]): Decimal | null {
  const scored = xs.filter((x): x is Decimal => x !== null);
  return scored.length === 0 ? null : dSum(scored);
}

/** The leaf points of a template, in order. */
export function templatePoints(template: ExAnteTemplate): { code: string; weight: string }[] {
  return template.dimensions.flatMap((dim) =>
    dim.groups.flatMap((g) => g.points.map((p) => ({ code: p.code, weight: p.weight }))),
  );
}

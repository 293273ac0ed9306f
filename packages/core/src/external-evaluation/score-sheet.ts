// The score sheet of an external evaluation: every indicator scored, 决策/过程/产出/效益 subtotals, the total (Σ of
// the 2-dp indicator scores, so the sheet adds up as printed) and the grade by the §B.5 bands.
import Big from 'big.js';
import { d, dSum, toFixed2 } from '../decimal.ts';
import { scoreExtIndicator, type ExtEvalIssueCode } from './score-indicator.ts';
import {
  DEFAULT_EXT_EVAL_GRADE_BANDS,
  EXT_EVAL_DIMENSIONS,
  type ExecutionRateFormula,
  type ExtEvalDimension,
  type ExtEvalGrade,
  type ExtEvalGradeBands,
  type ExtEvalIndicatorDef,
  type ExtEvalInput,
} from './types.ts';

export interface ExtEvalSheetRow {
  def: Pick<ExtEvalIndicatorDef, 'dimension' | 'maxScore' | 'rule' | 'metric'>;
  input: ExtEvalInput | null;
  deductionReason: string;
}

export interface ExtEvalRowResult {
  /** 2-dp string, or null while the row cannot be scored (see issue). */
  score: string | null;
  /** 扣分 = 分值 − 得分 (2 dp), null when unscored. */
  deducted: string | null;
  detail: Record<string, string>;
  issue: ExtEvalIssueCode | 'DEDUCTION_REASON_REQUIRED' | null;
}

export interface ExtEvalSheetResult {
  rows: ExtEvalRowResult[];
  /** Per 一级: Σ 分值 and Σ 得分 of the scored rows. */
  dimensions: Record<ExtEvalDimension, { max: string; score: string }>;
  /** Σ of the scored rows (a running total while scoring). */
  total: string;
  /** Every row scored and every deduction explained. */
  complete: boolean;
  /** The grade of the total once complete. */
  grade: ExtEvalGrade | null;
}

export function extEvalGradeFor(
  total: Big | string,
  bands: ExtEvalGradeBands = DEFAULT_EXT_EVAL_GRADE_BANDS,
): ExtEvalGrade {
  const t = d(total);
  if (t.gte(d(bands.excellent))) {
    return '优';
  }
  if (t.gte(d(bands.good))) {
    return '良';
  }
  return t.gte(d(bands.fair)) ? '中' : '差';
}

function scoreRow(row: ExtEvalSheetRow, formula: ExecutionRateFormula): ExtEvalRowResult {
  const r = scoreExtIndicator(row.def, row.input, formula);
  if (!r.ok) {
    return { score: null, deducted: null, detail: {}, issue: r.error };
  }
  const deducted = d(row.def.maxScore).minus(r.value.score);
  const unexplained = deducted.gt(0) && row.deductionReason.trim() === '';
  return {
    score: toFixed2(r.value.score),
    deducted: toFixed2(deducted),
    detail: r.value.detail,
    issue: unexplained ? 'DEDUCTION_REASON_REQUIRED' : null,
  };
}

/** Score the whole sheet (pure; the same function the server, the CLI and the browser's live total call). */
export function scoreExtEvalSheet(
  rows: readonly ExtEvalSheetRow[],
  formula: ExecutionRateFormula,
  bands: ExtEvalGradeBands = DEFAULT_EXT_EVAL_GRADE_BANDS,
): ExtEvalSheetResult {
  const results = rows.map((row) => scoreRow(row, formula));
  const scored = (i: number) => results[i]?.score ?? null;
  const dimensions = Object.fromEntries(
    EXT_EVAL_DIMENSIONS.map((dim) => {
      const idx = rows.flatMap((r, i) => (r.def.dimension === dim ? [i] : []));
      const max = dSum(idx.map((i) => d(rows[i]?.def.maxScore ?? '0')));
      const score = dSum(idx.flatMap((i) => (scored(i) === null ? [] : [d(scored(i) ?? '0')])));
      return [dim, { max: toFixed2(max), score: toFixed2(score) }];
    }),
  ) as Record<ExtEvalDimension, { max: string; score: string }>;
  const total = dSum(results.flatMap((r) => (r.score === null ? [] : [d(r.score)])));
  const complete = rows.length > 0 && results.every((r) => r.issue === null);
  return {
    rows: results,
    dimensions,
    total: toFixed2(total),
    complete,
    grade: complete ? extEvalGradeFor(total, bands) : null,
  };
}

// reviewReport(text): what a careful reviewer would flag in a self-evaluation report, with the place in the text.
import { checkAmountInconsistent } from './checks/amount-inconsistent.ts';
import { checkBudgetReconcile } from './checks/budget-reconcile.ts';
import { checkDuplicateText } from './checks/duplicate-text.ts';
import { checkGrade } from './checks/grade.ts';
import { checkMissingSection } from './checks/missing-section.ts';
import { checkNoSatisfaction } from './checks/no-satisfaction.ts';
import { checkNoTargetValues } from './checks/no-target-values.ts';
import { checkRates } from './checks/rate-mismatch.ts';
import { checkStaleText } from './checks/stale-text.ts';
import { checkTargetsAfterFact } from './checks/targets-after-fact.ts';
import { checkUnitPercentagePoints } from './checks/unit-percentage-points.ts';
import { isDate } from './numbers.ts';
import {
  buildReviewDocument,
  labelBefore,
  lineOf,
  nounAfter,
  type ReviewDocument,
  type ReviewOptions,
} from './review-document.ts';
import {
  REVIEW_CODES,
  type ReviewCheck,
  type ReviewFigure,
  type ReviewFinding,
  type ReviewResult,
} from './types.ts';

/** Every check, in the order of the contract's table. */
export const REVIEW_CHECKS: readonly ReviewCheck[] = [
  checkMissingSection,
  checkRates,
  checkAmountInconsistent,
  checkBudgetReconcile,
  checkGrade,
  checkTargetsAfterFact,
  checkNoTargetValues,
  checkNoSatisfaction,
  checkDuplicateText,
  checkUnitPercentagePoints,
  checkStaleText,
];

const FIGURE_UNITS = new Set([
  '万元',
  '亿元',
  '千元',
  '元',
  '%',
  '个百分点',
  '分',
  '个',
  '家',
  '万家',
  '项',
  '次',
  '场',
  '户',
  '人',
  '人次',
  '万人',
]);

/** The labelled figures of the report: amounts, rates, scores and counts, in text order. */
function figures(doc: ReviewDocument): ReviewFigure[] {
  const out: ReviewFigure[] = [];
  for (const q of doc.quantities) {
    if (q.start < doc.titleEnd || isDate(q) || !FIGURE_UNITS.has(q.unit)) {
      continue;
    }
    const label =
      labelBefore(doc, q)
        .label.replace(/^(?:其中|另外|此外)[，,：:]?/, '')
        .slice(-20) || nounAfter(doc, q).slice(0, 20);
    if (label === '') {
      continue;
    }
    out.push({ label, value: q.value, unit: q.unit, line: lineOf(doc, q.start) });
  }
  return out;
}

/** A line of the whole extracted text as page and line on that page (pageStarts: first line of each page). */
export function pageLine(
  pageStarts: readonly number[],
  line: number,
): { page: number; line: number } {
  let page = 0;
  while (page + 1 < pageStarts.length && (pageStarts[page + 1] ?? Infinity) <= line) {
    page += 1;
  }
  return { page: page + 1, line: line - (pageStarts[page] ?? 1) + 1 };
}

const OCR_NOTE = {
  zh: '（文字由扫描件识别，请对照原件核实。）',
  en: ' (Text read from a scan: check it against the original.)',
};

/** Page numbers for a PDF; the OCR mark for a scan. */
function locate(f: ReviewFinding, options: ReviewOptions): ReviewFinding {
  let out = f;
  const starts = options.pageStarts;
  if (starts !== undefined && starts.length > 0) {
    const a = pageLine(starts, f.line);
    const b = pageLine(starts, f.endLine);
    out = { ...out, page: a.page, line: a.line, endLine: b.page === a.page ? b.line : a.line };
  }
  if (options.ocr === true) {
    out = {
      ...out,
      ocr: true,
      message: `${out.message}${OCR_NOTE.zh}`,
      messageEn: `${out.messageEn}${OCR_NOTE.en}`,
    };
  }
  return out;
}

/** Review a report's text; see ReviewOptions for PDFs, scans and the kind of report. */
export function reviewReport(text: string, options: ReviewOptions = {}): ReviewResult {
  const doc = buildReviewDocument(text, options);
  const order = new Map<string, number>(REVIEW_CODES.map((c, i) => [c, i]));
  const findings = REVIEW_CHECKS.flatMap((check) => check(doc))
    .sort(
      (a, b) =>
        a.line - b.line || a.start - b.start || (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0),
    )
    .map((f) => locate(f, options));
  const starts = options.pageStarts;
  const figs = figures(doc).map((g) =>
    starts !== undefined && starts.length > 0 ? { ...g, ...pageLine(starts, g.line) } : g,
  );
  return {
    title: doc.title,
    year: doc.year,
    documentType: doc.documentType,
    ocr: doc.ocr,
    findings,
    figures: figs,
  };
}

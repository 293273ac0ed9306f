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
} from './review-document.ts';
import { REVIEW_CODES, type ReviewCheck, type ReviewFigure, type ReviewResult } from './types.ts';

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

export function reviewReport(text: string): ReviewResult {
  const doc = buildReviewDocument(text);
  const order = new Map<string, number>(REVIEW_CODES.map((c, i) => [c, i]));
  const findings = REVIEW_CHECKS.flatMap((check) => check(doc)).sort(
    (a, b) =>
      a.line - b.line || a.start - b.start || (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0),
  );
  return { title: doc.title, year: doc.year, findings, figures: figures(doc) };
}

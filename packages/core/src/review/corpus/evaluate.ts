// Precision and recall of the reviewer on a corpus of reports with their expected findings (npm run review:eval).
import type { ReviewOptions } from '../review-document.ts';
import { reviewReport } from '../review-report.ts';
import { REVIEW_CODES, REVIEW_SEVERITY, type ReviewCode } from '../types.ts';

export interface CorpusReport {
  name: string;
  text: string;
  /** The codes the report must yield, no more and no fewer. */
  codes: readonly ReviewCode[];
  options?: ReviewOptions;
}

export interface CodeScore {
  code: ReviewCode;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface CorpusEvaluation {
  reports: number;
  planted: number;
  perCode: CodeScore[];
  precision: number;
  recall: number;
  /** Reports given a high-severity code they do not expect: "report: CODE". */
  falseHigh: string[];
  /** Every report whose codes differ from the expected ones. */
  misses: { name: string; expected: ReviewCode[]; found: ReviewCode[] }[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** Review every report and compare its codes (once per report) with the expected ones. */
export function evaluateCorpus(reports: readonly CorpusReport[]): CorpusEvaluation {
  const scores = new Map<ReviewCode, CodeScore>(
    REVIEW_CODES.map((code) => [
      code,
      { code, truePositives: 0, falsePositives: 0, falseNegatives: 0 },
    ]),
  );
  const falseHigh: string[] = [];
  const misses: CorpusEvaluation['misses'] = [];
  for (const r of reports) {
    const found = new Set(reviewReport(r.text, r.options ?? {}).findings.map((f) => f.code));
    const expected = new Set(r.codes);
    for (const code of REVIEW_CODES) {
      const s = scores.get(code)!;
      if (found.has(code) && expected.has(code)) {
        s.truePositives += 1;
      } else if (found.has(code)) {
        s.falsePositives += 1;
        if (REVIEW_SEVERITY[code] === 'high') {
          falseHigh.push(`${r.name}: ${code}`);
        }
      } else if (expected.has(code)) {
        s.falseNegatives += 1;
      }
    }
    const same = found.size === expected.size && [...found].every((c) => expected.has(c));
    if (!same) {
      misses.push({ name: r.name, expected: [...expected].sort(), found: [...found].sort() });
    }
  }
  const perCode = [...scores.values()];
  const tp = perCode.reduce((n, s) => n + s.truePositives, 0);
  const fp = perCode.reduce((n, s) => n + s.falsePositives, 0);
  const fn = perCode.reduce((n, s) => n + s.falseNegatives, 0);
  return {
    reports: reports.length,
    planted: reports.filter((r) => r.codes.length > 0).length,
    perCode,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    falseHigh,
    misses,
  };
}

const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - s.length));
const fmt = (x: number): string => x.toFixed(3);

/** The evaluation as printed lines: one per code, then the overall figures and any miss. */
export function formatEvaluation(e: CorpusEvaluation): string[] {
  const lines = [
    `corpus: ${e.reports} reports, ${e.planted} with planted defects`,
    `${pad('code', 24)}${pad('TP', 5)}${pad('FP', 5)}${pad('FN', 5)}${pad('precision', 11)}recall`,
  ];
  for (const s of e.perCode) {
    const p = ratio(s.truePositives, s.truePositives + s.falsePositives);
    const r = ratio(s.truePositives, s.truePositives + s.falseNegatives);
    lines.push(
      `${pad(s.code, 24)}${pad(String(s.truePositives), 5)}${pad(String(s.falsePositives), 5)}${pad(String(s.falseNegatives), 5)}${pad(fmt(p), 11)}${fmt(r)}`,
    );
  }
  lines.push(`overall precision ${fmt(e.precision)}, recall ${fmt(e.recall)}`);
  lines.push(`false high findings: ${e.falseHigh.length === 0 ? 'none' : e.falseHigh.join('; ')}`);
  for (const m of e.misses) {
    lines.push(`  ${m.name}: expected [${m.expected.join(', ')}], found [${m.found.join(', ')}]`);
  }
  return lines;
}

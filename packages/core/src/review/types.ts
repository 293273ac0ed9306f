// The review result as the contract prints it (docs: shared/spec/review-contract.md).
import type { Severity } from '../vocabulary.ts';
import type { Bilingual } from '../result.ts';
import { sourceExcerpt } from './normalize-text.ts';
import { lineOf, type DocumentType, type ReviewDocument } from './review-document.ts';

export const REVIEW_CODES = [
  'MISSING_SECTION',
  'RATE_MISMATCH',
  'RATE_PRECISION',
  'AMOUNT_INCONSISTENT',
  'BUDGET_RECONCILE',
  'GRADE_WITHOUT_SCORE',
  'GRADE_SCORE_MISMATCH',
  'TARGETS_AFTER_FACT',
  'NO_TARGET_VALUES',
  'NO_SATISFACTION',
  'DUPLICATE_TEXT',
  'UNIT_PERCENTAGE_POINTS',
  'STALE_TEXT',
] as const;

export type ReviewCode = (typeof REVIEW_CODES)[number];

export type ReviewSeverity = Severity;

export const REVIEW_SEVERITY: Readonly<Record<ReviewCode, ReviewSeverity>> = {
  MISSING_SECTION: 'medium',
  RATE_MISMATCH: 'high',
  RATE_PRECISION: 'low',
  AMOUNT_INCONSISTENT: 'high',
  BUDGET_RECONCILE: 'high',
  GRADE_WITHOUT_SCORE: 'high',
  GRADE_SCORE_MISMATCH: 'high',
  TARGETS_AFTER_FACT: 'high',
  NO_TARGET_VALUES: 'medium',
  NO_SATISFACTION: 'medium',
  DUPLICATE_TEXT: 'low',
  UNIT_PERCENTAGE_POINTS: 'low',
  STALE_TEXT: 'low',
};

/** What each code means, for lists and legends. */
export const REVIEW_CODE_TITLES: Readonly<Record<ReviewCode, Bilingual>> = {
  MISSING_SECTION: { zh: '缺少提纲章节', en: 'Section of the outline missing' },
  RATE_MISMATCH: { zh: '比率与金额不符', en: 'Rate does not match the amounts' },
  RATE_PRECISION: { zh: '比率精度不足', en: 'Rate not shown to two decimals' },
  AMOUNT_INCONSISTENT: { zh: '同一数额前后不一致', en: 'Same quantity given different values' },
  BUDGET_RECONCILE: { zh: '部分与总额对不上', en: 'Parts and whole do not reconcile' },
  GRADE_WITHOUT_SCORE: { zh: '有等级无得分', en: 'Grade claimed without a score' },
  GRADE_SCORE_MISMATCH: { zh: '得分与等级不符', en: 'Score and grade disagree' },
  TARGETS_AFTER_FACT: { zh: '按实际完成情况倒设目标', en: 'Targets set from actual results' },
  NO_TARGET_VALUES: { zh: '结果缺少目标值', en: 'Results without target values' },
  NO_SATISFACTION: { zh: '缺少满意度指标', en: 'No satisfaction indicator' },
  DUPLICATE_TEXT: { zh: '文字重复', en: 'Repeated passage' },
  UNIT_PERCENTAGE_POINTS: { zh: '应使用“个百分点”', en: 'Use percentage points' },
  STALE_TEXT: { zh: '过时表述', en: 'Stale wording' },
};

export interface ReviewFinding {
  code: ReviewCode;
  severity: ReviewSeverity;
  /**
   * Where the excerpt starts: the line of a .txt, the paragraph of a .docx (blank ones not counted), the line
   * on its page of a .pdf (see `page`).
   */
  line: number;
  /** Where the excerpt ends (same counting as `line`). */
  endLine: number;
  /** For a PDF: the page of `line` (1-based). */
  page?: number;
  /** Set when the words were read from a scan by OCR: check them against the original. */
  ocr?: true;
  /** The flagged words exactly as in the input (each input line's part verbatim; hard line breaks joined). */
  excerpt: string;
  message: string;
  messageEn: string;
  /** [start, end) of the excerpt in normalizeReportText(input).text. */
  start: number;
  end: number;
}

export interface ReviewFigure {
  label: string;
  /** Decimal string without separators: "36628.61". */
  value: string;
  unit: string;
  line: number;
  page?: number;
}

export interface ReviewResult {
  title: string;
  year: number | null;
  /** The kind of report reviewed (its outline is the one MISSING_SECTION checks). */
  documentType: DocumentType;
  /** True when the text was read from a scan by OCR. */
  ocr: boolean;
  findings: ReviewFinding[];
  figures: ReviewFigure[];
}

/** A check reads the document and returns its findings (pure). */
export type ReviewCheck = (doc: ReviewDocument) => ReviewFinding[];

const MAX_EXCERPT = 160;

/** Build a finding whose excerpt is doc.text[start, end) (capped at 160 characters). */
export function makeFinding(
  doc: ReviewDocument,
  code: ReviewCode,
  start: number,
  end: number,
  message: Bilingual,
): ReviewFinding {
  const s = Math.max(0, Math.min(start, doc.text.length));
  let e = Math.max(s, Math.min(end, doc.text.length, s + MAX_EXCERPT));
  // Never end an excerpt on a paragraph break.
  while (e > s && doc.text[e - 1] === '\n') {
    e -= 1;
  }
  return {
    code,
    severity: REVIEW_SEVERITY[code],
    line: lineOf(doc, s),
    endLine: lineOf(doc, Math.max(s, e - 1)),
    excerpt: sourceExcerpt(doc.source, s, e),
    message: message.zh,
    messageEn: message.en,
    start: s,
    end: e,
  };
}

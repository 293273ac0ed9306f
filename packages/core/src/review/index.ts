// The report reviewer (报告智能审核): pure, browser-safe; the CLI, the API and the web UI all call reviewReport.
export { reviewReport, REVIEW_CHECKS, pageLine } from './review-report.ts';
export {
  DOCUMENT_TYPES as REVIEW_DOCUMENT_TYPES,
  detectDocumentType,
  type DocumentType as ReviewDocumentType,
  type ReviewOptions,
} from './review-document.ts';
export {
  REVIEW_CODES,
  REVIEW_CODE_TITLES,
  REVIEW_SEVERITY,
  type ReviewCheck,
  type ReviewCode,
  type ReviewFigure,
  type ReviewFinding,
  type ReviewResult,
  type ReviewSeverity,
} from './types.ts';
export { normalizeReportText, type NormalizedText } from './normalize-text.ts';
export { findQuantities, parseQuantity, type Quantity as ReviewQuantity } from './numbers.ts';

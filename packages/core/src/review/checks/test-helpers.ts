// Test support: run one check on a snippet of report text.
import { buildReviewDocument } from '../review-document.ts';
import type { ReviewCheck, ReviewFinding } from '../types.ts';

export function run(check: ReviewCheck, text: string): ReviewFinding[] {
  return check(buildReviewDocument(text));
}

export function codesOf(check: ReviewCheck, text: string): string[] {
  return run(check, text).map((f) => f.code);
}

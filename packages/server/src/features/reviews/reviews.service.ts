// Report review (报告智能审核): read any self-evaluation report (.txt/.docx/.pdf) or the one the system
// generates, and list what a careful reviewer would flag (core/review does the reading).
import path from 'node:path';
import type { ReviewDocumentType, ReviewResult } from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import { MAX_REVIEW_CHARS, reviewOffloaded } from './review-offload.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRole } from '../../auth/access.ts';
import { ServiceError } from '../../http/service-error.ts';
import { renderReport } from '../reports/reports.service.ts';

export const MAX_REVIEW_BYTES = 20 * 1024 * 1024;

export interface ReviewedReport {
  fileName: string;
  kind: 'txt' | 'docx' | 'pdf';
  /** The text that was reviewed (finding lines refer to it). */
  text: string;
  result: ReviewResult;
  /** For a PDF: the line of `text` on which each page starts. */
  pageStarts?: number[];
}

/** Review an uploaded report file. Nothing is stored. */
export async function reviewUploadedReport(
  actor: Actor,
  fileName: string,
  bytes: Uint8Array,
  documentType?: ReviewDocumentType,
): Promise<ReviewedReport> {
  requireRole(actor, 'financeReviewer', 'deptHead', 'clerk');
  if (bytes.byteLength === 0) {
    throw new ServiceError('REVIEW_FILE_EMPTY');
  }
  if (bytes.byteLength > MAX_REVIEW_BYTES) {
    throw new ServiceError('REVIEW_FILE_TOO_LARGE');
  }
  const ext = path.extname(fileName).toLowerCase();
  if (!['.txt', '.docx', '.pdf'].includes(ext)) {
    throw new ServiceError('REVIEW_FILE_TYPE');
  }
  // read and checked in a bounded worker, from memory: nothing is written to disk, nothing is left behind
  const done = await reviewOffloaded({
    type: 'bytes',
    fileName,
    bytes,
    maxChars: MAX_REVIEW_CHARS,
    ...(documentType === undefined ? {} : { documentType }),
  });
  return {
    fileName,
    kind: done.kind,
    text: done.text,
    result: done.result,
    ...(done.pageStarts === undefined ? {} : { pageStarts: done.pageStarts }),
  };
}

/** Review the report the system generates for a department-year (its plain-text rendering). */
export async function reviewGeneratedReport(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  now: Date,
): Promise<ReviewedReport> {
  const txt = await renderReport(db, actor, departmentCode, year, 'txt', now);
  const text = txt.body.toString('utf8');
  const done = await reviewOffloaded({ type: 'text', text, maxChars: MAX_REVIEW_CHARS });
  return { fileName: txt.fileName, kind: 'txt', text, result: done.result };
}

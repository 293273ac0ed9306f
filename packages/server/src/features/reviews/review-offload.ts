// The report review runs off the request thread (offload/offload.ts): a bounded worker per review, so a huge or
// hostile upload costs its own time limit and never freezes the server for anyone else.
import type { Bilingual, ReviewDocumentType, ReviewResult } from '@jixiao/core';
import {
  OffloadBusy,
  OffloadCrash,
  OffloadTimeout,
  runOffloaded,
  WARM_HEAP_MB,
} from '../../offload/offload.ts';
import { ServiceError } from '../../http/service-error.ts';

/** A review takes at most this long (a real report: well under a second). */
export const REVIEW_TIMEOUT_MS = 30_000;
/** A PDF may be a scan read by OCR (about 5 s a page on two cores; at most OCR_MAX_PAGES pages). */
export const PDF_REVIEW_TIMEOUT_MS = 240_000;
/** Text longer than this (about 20 times the longest real report) is not reviewed. */
export const MAX_REVIEW_CHARS = 1_000_000;

export type ReviewTask = (
  | { type: 'bytes'; fileName: string; bytes: Uint8Array; maxChars: number }
  | { type: 'text'; text: string; maxChars: number }
) & { documentType?: ReviewDocumentType };

export type ReviewTaskResult =
  | {
      type: 'done';
      kind: 'txt' | 'docx' | 'pdf';
      text: string;
      result: ReviewResult;
      /** For a PDF: the line of `text` on which each page starts. */
      pageStarts?: number[];
    }
  | { type: 'unreadable'; code: string; messages: Bilingual }
  | { type: 'tooLong'; chars: number };

const WORKER = new URL('./review.worker.ts', import.meta.url);

/** Reads and reviews in a worker; ServiceError for every refusal a user can act on. */
export async function reviewOffloaded(
  task: ReviewTask,
): Promise<Extract<ReviewTaskResult, { type: 'done' }>> {
  let r: ReviewTaskResult;
  try {
    const pdf = task.type === 'bytes' && /\.pdf$/i.test(task.fileName);
    r = await runOffloaded<ReviewTask, ReviewTaskResult>(WORKER, task, {
      timeoutMs: pdf ? PDF_REVIEW_TIMEOUT_MS : REVIEW_TIMEOUT_MS,
      maxHeapMb: WARM_HEAP_MB,
    });
  } catch (e) {
    if (e instanceof OffloadBusy) {
      throw new ServiceError('REVIEW_BUSY');
    }
    if (e instanceof OffloadTimeout || e instanceof OffloadCrash) {
      const ms =
        task.type === 'bytes' && /\.pdf$/i.test(task.fileName)
          ? PDF_REVIEW_TIMEOUT_MS
          : REVIEW_TIMEOUT_MS;
      throw new ServiceError('REVIEW_TOO_HEAVY', { seconds: String(ms / 1000) });
    }
    throw e;
  }
  if (r.type === 'unreadable') {
    throw new ServiceError('REVIEW_FILE_UNREADABLE', {
      problem: r.messages.zh,
      problemEn: r.messages.en,
    });
  }
  if (r.type === 'tooLong') {
    throw new ServiceError('REVIEW_TEXT_TOO_LONG', {
      chars: r.chars.toLocaleString('en-US'),
      max: MAX_REVIEW_CHARS.toLocaleString('en-US'),
    });
  }
  return r;
}

// The worker side of the report review (see offload/offload.ts): reads the uploaded bytes (or takes the text
// of a generated report) and runs the checks, then posts the result or the reader's refusal as plain data.
// A scanned PDF is read by OCR here too (child processes with their own time limits), never on the request thread.
import { reviewReport } from '@jixiao/core';
import type { OffloadHandler } from '../../offload/offload.ts';
import { ExtractError, extractTextFromBytes } from '../../extract/extract-text.ts';
import type { ReviewTask, ReviewTaskResult } from './review-offload.ts';

async function run(task: ReviewTask): Promise<ReviewTaskResult> {
  try {
    const extracted =
      task.type === 'text'
        ? { kind: 'txt' as const, text: task.text }
        : await extractTextFromBytes(task.fileName, task.bytes);
    if (extracted.text.length > task.maxChars) {
      return { type: 'tooLong', chars: extracted.text.length };
    }
    const pageStarts = 'pageStarts' in extracted ? extracted.pageStarts : undefined;
    const ocr = 'ocr' in extracted && extracted.ocr === true;
    const result = reviewReport(extracted.text, {
      ...(task.documentType === undefined ? {} : { documentType: task.documentType }),
      ...(pageStarts === undefined ? {} : { pageStarts }),
      ocr,
    });
    return {
      type: 'done',
      kind: extracted.kind,
      text: extracted.text,
      result,
      ...(pageStarts === undefined ? {} : { pageStarts }),
    };
  } catch (e) {
    if (e instanceof ExtractError) {
      return { type: 'unreadable', code: e.code, messages: e.messages };
    }
    throw e;
  }
}

/** Run on a pooled thread (offload/offload.ts), which keeps this module loaded between reviews. */
export const handle: OffloadHandler<ReviewTask, ReviewTaskResult> = run;

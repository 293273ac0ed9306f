// Report rendering off the request thread (offload/offload.ts): the .docx and the HTML preview of a report, and
// batches of .docx for the district zip, each in a bounded worker so a large report never stalls other requests.
import type { DepartmentReportData } from '@jixiao/core';
import {
  OffloadBusy,
  OffloadCrash,
  OffloadTimeout,
  runOffloaded,
  WARM_HEAP_MB,
} from '../../offload/offload.ts';
import { ServiceError } from '../../http/service-error.ts';

/** One report renders in well under a second; a batch gets this much per report. */
export const RENDER_TIMEOUT_MS = 30_000;

export type RenderTask =
  | { type: 'one'; format: 'docx' | 'html'; data: DepartmentReportData }
  | { type: 'many'; items: DepartmentReportData[] };

export type RenderTaskResult =
  { type: 'one'; body: Uint8Array } | { type: 'many'; bodies: Uint8Array[] };

const WORKER = new URL('./report-render.worker.ts', import.meta.url);
/** The rendering's worker module and heap limit (the server starts a pooled thread for it ahead of use). */
export const REPORT_RENDER_WORKER = { module: WORKER, maxHeapMb: WARM_HEAP_MB };

async function offload(
  task: RenderTask,
  timeoutMs: number,
  onProgress?: (done: number) => void,
): Promise<RenderTaskResult> {
  try {
    return await runOffloaded<RenderTask, RenderTaskResult>(
      WORKER,
      task,
      { timeoutMs, maxHeapMb: WARM_HEAP_MB },
      [],
      onProgress && ((v) => onProgress(Number(v))),
    );
  } catch (e) {
    if (e instanceof OffloadBusy) {
      throw new ServiceError('REPORT_RENDER_BUSY');
    }
    if (e instanceof OffloadTimeout || e instanceof OffloadCrash) {
      throw new ServiceError('REPORT_RENDER_FAILED', { seconds: String(timeoutMs / 1000) });
    }
    throw e;
  }
}

/** The report as .docx or as the HTML preview, rendered in a worker. */
export async function renderReportOffloaded(
  data: DepartmentReportData,
  format: 'docx' | 'html',
): Promise<Buffer> {
  const r = await offload({ type: 'one', format, data }, RENDER_TIMEOUT_MS);
  if (r.type !== 'one') {
    throw new Error('report worker answered a batch for one report');
  }
  return Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength);
}

/** Several reports as .docx in one worker (one start for the batch); onProgress after each report. */
export async function renderDocxBatchOffloaded(
  items: DepartmentReportData[],
  onProgress?: (done: number) => void,
): Promise<Buffer[]> {
  const r = await offload(
    { type: 'many', items },
    RENDER_TIMEOUT_MS * Math.max(1, items.length),
    onProgress,
  );
  if (r.type !== 'many') {
    throw new Error('report worker answered one report for a batch');
  }
  return r.bodies.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

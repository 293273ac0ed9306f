// Every downloadable document (.xlsx, .docx, zip) is written off the request thread: the caller gives plain data
// (structured-cloneable), a pooled thread (offload/offload.ts, compute lane) builds the workbook or document and
// answers its bytes. The request thread never builds the big object graph, and a document that overruns the time or
// heap limit is stopped with its thread. The builders stay in their feature folders; document-writer.worker.ts
// dispatches by `kind`.
import type { DepartmentReportData, ReportAnnex, ReportDocument } from '@jixiao/core';
import {
  OffloadBusy,
  OffloadCrash,
  OffloadTimeout,
  runOffloaded,
  WARM_HEAP_MB,
} from '../offload/offload.ts';
import { ServiceError, type ErrorCode } from '../http/service-error.ts';
import type { XlsxOptions, XlsxTable } from './xlsx/render-tables-xlsx.ts';
import type { LinkageTable } from '../features/linkage/linkage.service.ts';
import type { MonitoringReport } from '../features/monitoring/monitoring.types.ts';
import type { TemplateKind } from '../features/templates/templates-xlsx.ts';
import type { InvestmentProjectView } from '../features/investment/investment-views.ts';

/** What to write: a kind and the plain data its builder takes (dates as Date: they cross threads as they are). */
export type DocumentJob =
  | { kind: 'report-docx'; doc: ReportDocument }
  | { kind: 'annexes-docx'; doc: Pick<ReportDocument, 'title' | 'meta'>; annexes: ReportAnnex[] }
  | { kind: 'tables-xlsx'; tables: readonly XlsxTable[]; options: XlsxOptions }
  | { kind: 'self-evaluation-xlsx'; data: DepartmentReportData }
  | { kind: 'linkage-xlsx'; table: LinkageTable; now: Date }
  | { kind: 'monitoring-xlsx'; report: MonitoringReport; created: Date }
  | { kind: 'monitoring-docx'; report: MonitoringReport }
  | {
      kind: 'template-xlsx';
      template: TemplateKind;
      options: { created: Date; rows?: readonly (readonly string[])[] };
    }
  | { kind: 'investment-projects-xlsx'; projects: readonly InvestmentProjectView[]; now: Date }
  | { kind: 'investment-template-xlsx'; unitNames: readonly string[]; now: Date }
  | { kind: 'zip'; files: readonly { fileName: string; body: Uint8Array }[]; date: Date }
  /** Files on disk stored (not compressed) into a zip written to `out`; answers no bytes. */
  | { kind: 'zip-to-file'; entries: readonly { name: string; path: string }[]; out: string };

export interface DocumentTask {
  job: DocumentJob;
  /** Tests: the thread waits (blocking itself) until the gate's first Int32 is not 0, then writes. */
  gate?: SharedArrayBuffer;
}

/** A refusal a builder raised (a ServiceError) crosses as its code; the bytes otherwise. */
export type DocumentAnswer =
  | { ok: true; body: Uint8Array }
  | { ok: false; code: ErrorCode; params: Record<string, string>; details?: unknown };

/** Time limit of one document; a zip of a region's files on disk gets longer. */
export const DOCUMENT_TIMEOUT_MS = 60_000;
const ZIP_TO_FILE_TIMEOUT_MS = 600_000;

const WORKER = new URL('./document-writer.worker.ts', import.meta.url);
/** The writer's module and heap limit (the server's warm thread preloads it: main.ts). */
export const DOCUMENT_WRITER_WORKER = { module: WORKER, maxHeapMb: WARM_HEAP_MB };

/** Test hooks: `gate` holds every document until it is opened (see DocumentTask.gate). */
export const documentWriterHooks: { gate: SharedArrayBuffer | null } = { gate: null };

async function run(job: DocumentJob): Promise<Uint8Array> {
  const timeoutMs = job.kind === 'zip-to-file' ? ZIP_TO_FILE_TIMEOUT_MS : DOCUMENT_TIMEOUT_MS;
  const gate = documentWriterHooks.gate;
  let answer: DocumentAnswer;
  try {
    answer = await runOffloaded<DocumentTask, DocumentAnswer>(
      WORKER,
      gate ? { job, gate } : { job },
      {
        timeoutMs,
        maxHeapMb: WARM_HEAP_MB,
      },
    );
  } catch (e) {
    if (e instanceof OffloadBusy) {
      throw new ServiceError('REPORT_RENDER_BUSY');
    }
    if (e instanceof OffloadTimeout || e instanceof OffloadCrash) {
      // A builder's bug or the heap limit: the clerk gets the clear refusal, the log the cause.
      process.stderr.write(`document writer (${job.kind}): ${e.message.slice(0, 2000)}\n`);
      throw new ServiceError('REPORT_RENDER_FAILED', { seconds: String(timeoutMs / 1000) });
    }
    throw e;
  }
  if (!answer.ok) {
    throw new ServiceError(answer.code, answer.params, answer.details);
  }
  return answer.body;
}

/** The document's bytes, written on a pooled thread. */
export async function writeDocument(
  job: Exclude<DocumentJob, { kind: 'zip-to-file' }>,
): Promise<Buffer> {
  const body = await run(job);
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

/** Files on disk → one zip file at `out` (stored, streamed), on a pooled thread. */
export async function writeZipFile(
  entries: readonly { name: string; path: string }[],
  out: string,
): Promise<void> {
  await run({ kind: 'zip-to-file', entries, out });
}

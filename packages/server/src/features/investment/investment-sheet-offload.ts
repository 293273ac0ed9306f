// The uploaded 招商项目 workbook is parsed off the request thread, on a pooled worker thread (offload/offload.ts,
// the import lane), with the same sheet and the same refusals as readProjectSheet on this thread.
import { runOffloaded } from '../../offload/offload.ts';
import { errorFromData } from '../../import/ledger-batches.ts';
import { IMPORT_PARSE_WORKER, importOffloadError } from '../../import/ledger-batches-thread.ts';
import { SMALL_FILE_READ_TIMEOUT_MS } from '../../import/read-offloaded.ts';
import type { ProjectSheet } from '@jixiao/core/investment/index';
import type { SheetAnswer } from './investment-sheet.worker.ts';

const WORKER = new URL('./investment-sheet.worker.ts', import.meta.url);

export async function readProjectSheetOffloaded(body: Uint8Array): Promise<ProjectSheet> {
  const r = await runOffloaded<Uint8Array, SheetAnswer>(WORKER, body, {
    timeoutMs: SMALL_FILE_READ_TIMEOUT_MS,
    maxHeapMb: IMPORT_PARSE_WORKER.maxHeapMb,
    lane: 'import',
  }).catch((e: unknown) => {
    throw importOffloadError(e, SMALL_FILE_READ_TIMEOUT_MS);
  });
  if (r.type === 'failed') {
    throw errorFromData(r.error);
  }
  return r.sheet;
}

// The uploaded 招商项目 workbook is parsed off the request thread, on a pooled worker thread (offload/offload.ts,
// the import lane), with the same sheet and the same refusals as readProjectSheet on this thread.
import { runSmallFileParser } from '../../import/read-offloaded.ts';
import type { ProjectSheet } from '@jixiao/core/investment/index';
import type { SheetAnswer } from './investment-sheet.worker.ts';

const WORKER = new URL('./investment-sheet.worker.ts', import.meta.url);

export async function readProjectSheetOffloaded(body: Uint8Array): Promise<ProjectSheet> {
  return (await runSmallFileParser<Uint8Array, SheetAnswer>(WORKER, body)).sheet;
}

// The worker side of reading an uploaded 招商项目 workbook (investment-sheet-offload.ts), on a pooled thread.
import type { OffloadHandler } from '../../offload/offload.ts';
import { errorToData, type ErrorData } from '../../import/ledger-batches.ts';
import type { ProjectSheet } from '@jixiao/core/investment/index';
import { readProjectSheet } from './investment-workbook.ts';

export type SheetAnswer =
  { type: 'sheet'; sheet: ProjectSheet } | { type: 'failed'; error: ErrorData };

export const handle: OffloadHandler<Uint8Array, SheetAnswer> = async (body) => {
  try {
    return { type: 'sheet', sheet: await readProjectSheet(body) };
  } catch (e) {
    return { type: 'failed', error: errorToData(e) };
  }
};

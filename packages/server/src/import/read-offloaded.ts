// The readers of small import files (progress, budgets, goals, 单位名录, accounts) off the request thread: the
// file is parsed whole on a pooled worker thread (parse.worker.ts, the import lane) and its rows come back as
// data, with the same results and refusals as openTable/readGrids on this thread — a file that breaks half-way
// yields the rows before the break, then throws, as the streamed reader does.
import { runOffloaded } from '../offload/offload.ts';
import type { ImportSource } from './import-source.ts';
import { IMPORT_PARSE_WORKER, importOffloadError } from './ledger-batches-thread.ts';
import { errorFromData } from './ledger-batches.ts';
import type { ParseResult, ParseTask } from './parse.worker.ts';
import type { FileGrids } from './read-grid.ts';
import type { TableInfo, TableRow } from './read-table.ts';

/** A small file is read within this time (a real one: well under a second). */
export const SMALL_FILE_READ_TIMEOUT_MS = 2 * 60_000;

async function parse(type: 'table' | 'grids', source: ImportSource): Promise<ParseResult> {
  // Copied, not transferred: the import may read the source again (its hash, the stored file).
  const h = source.handOff?.({ keep: true });
  if (!h) {
    throw new Error(`import source "${source.fileName}" cannot be handed to a worker thread`);
  }
  const r = await runOffloaded<ParseTask, ParseResult>(
    IMPORT_PARSE_WORKER.module,
    { type, source: h.data },
    {
      timeoutMs: SMALL_FILE_READ_TIMEOUT_MS,
      maxHeapMb: IMPORT_PARSE_WORKER.maxHeapMb,
      lane: 'import',
    },
  ).catch((e: unknown) => {
    throw importOffloadError(e, SMALL_FILE_READ_TIMEOUT_MS);
  });
  if (r.type === 'failed') {
    throw errorFromData(r.error);
  }
  return r;
}

async function* rowsThenFailure(
  rows: TableRow[],
  failure: Extract<ParseResult, { type: 'table' }>['failure'],
): AsyncGenerator<TableRow> {
  yield* rows;
  if (failure) {
    throw errorFromData(failure);
  }
}

/** openTable (read-table.ts), parsed on a pooled thread. */
export async function openTableOffloaded(
  source: ImportSource,
): Promise<{ info: TableInfo; rows: AsyncIterable<TableRow> }> {
  const r = await parse('table', source);
  if (r.type !== 'table') {
    throw new Error(`the import parser answered ${r.type} for a table`);
  }
  return { info: r.info, rows: rowsThenFailure(r.rows, r.failure) };
}

/** readGrids (read-grid.ts), parsed on a pooled thread. */
export async function readGridsOffloaded(source: ImportSource): Promise<FileGrids> {
  const r = await parse('grids', source);
  if (r.type !== 'grids') {
    throw new Error(`the import parser answered ${r.type} for grids`);
  }
  return r.grids;
}

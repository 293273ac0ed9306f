// The readers of small import files (progress, budgets, goals, 单位名录, accounts) off the request thread: the
// file is parsed whole on a pooled worker thread (parse.worker.ts, the import lane) and its rows come back as
// data, with the same results and refusals as openTable/readGrids on this thread — a file that breaks half-way
// yields the rows before the break, then throws, as the streamed reader does.
import { runOffloaded } from '../offload/offload.ts';
import { handOffSource, type ImportSource } from './import-source.ts';
import { IMPORT_PARSE_WORKER, importOffloadError } from './ledger-batches-thread.ts';
import { errorFromData, type ErrorData } from './ledger-batches.ts';
import type { ParseResult, ParseTask } from './parse.worker.ts';
import type { FileGrids } from './read-grid.ts';
import type { TableInfo, TableRow } from './read-table.ts';

/** A small file is read within this time (a real one: well under a second). */
export const SMALL_FILE_READ_TIMEOUT_MS = 2 * 60_000;

/**
 * A small file's parser (`module`'s handle) on a pooled thread of the import lane, within the small-file time limit:
 * the pool's refusals become the import's own, and a `failed` answer is thrown as the error it carries.
 */
export async function runSmallFileParser<I, A extends { type: string }>(
  module: URL,
  input: I,
): Promise<Exclude<A, { type: 'failed' }>> {
  const r = await runOffloaded<I, A | { type: 'failed'; error: ErrorData }>(module, input, {
    timeoutMs: SMALL_FILE_READ_TIMEOUT_MS,
    maxHeapMb: IMPORT_PARSE_WORKER.maxHeapMb,
    lane: 'import',
  }).catch((e: unknown) => {
    throw importOffloadError(e, SMALL_FILE_READ_TIMEOUT_MS);
  });
  if (r.type === 'failed') {
    throw errorFromData((r as { error: ErrorData }).error);
  }
  return r as Exclude<A, { type: 'failed' }>;
}

async function parse(type: 'table' | 'grids', source: ImportSource): Promise<ParseResult> {
  // Copied, not transferred: the import may read the source again (its hash, the stored file).
  const h = handOffSource(source, { keep: true });
  return runSmallFileParser<ParseTask, ParseResult>(IMPORT_PARSE_WORKER.module, {
    type,
    source: h.data,
  });
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

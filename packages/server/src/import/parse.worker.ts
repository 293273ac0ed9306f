// The worker side of import parsing (read-offloaded.ts, ledger-batches-thread.ts), on a pooled thread (offload/offload.ts): a file read whole
// as rows or as grids, or the ledger's row loop streamed in batches over a MessagePort with credit-based
// back-pressure (ledger-batches-thread.ts). Errors travel as plain data and become their own classes again.
import v8 from 'node:v8';
import type { MessagePort } from 'node:worker_threads';
import type { OffloadHandler } from '../offload/offload.ts';
import { sourceFromHandOff, type SourceHandOff } from './import-source.ts';
import {
  errorToData,
  ledgerBatches,
  type ErrorData,
  type LedgerBatchesInput,
} from './ledger-batches.ts';
import {
  LEDGER_BATCHES_IN_FLIGHT,
  type FromLedgerWorker,
  type ThreadHeap,
  type ToLedgerWorker,
} from './ledger-batches-thread.ts';
import { readGrids, type FileGrids } from './read-grid.ts';
import { openTable, type TableInfo, type TableRow } from './read-table.ts';

export type ParseTask =
  | { type: 'table'; source: SourceHandOff }
  | { type: 'grids'; source: SourceHandOff }
  | {
      type: 'ledger';
      source: SourceHandOff;
      input: LedgerBatchesInput;
      port: MessagePort;
      /** Tests: wait (blocking this thread) until its first Int32 is not 0. */
      gate?: SharedArrayBuffer | undefined;
    };

export type ParseResult =
  /** table: the rows read before the reader stopped, and why it stopped (if not at the end). */
  | { type: 'table'; info: TableInfo; rows: TableRow[]; failure: ErrorData | null }
  | { type: 'grids'; grids: FileGrids }
  | { type: 'failed'; error: ErrorData }
  | { type: 'ledger' };

async function readTable(source: SourceHandOff): Promise<ParseResult> {
  const { info, rows } = await openTable(sourceFromHandOff(source));
  const out: TableRow[] = [];
  try {
    for await (const r of rows) {
      out.push(r);
    }
  } catch (e) {
    return { type: 'table', info, rows: out, failure: errorToData(e) };
  }
  return { type: 'table', info, rows: out, failure: null };
}

/** This thread's heap, read after each batch: the largest reserved and used, and the last used (MB). */
function heapWatch(): { read(): void; result(): ThreadHeap } {
  const mb = (n: number) => Math.round(n / 1048576);
  let peakTotal = 0;
  let peakUsed = 0;
  let used = 0;
  const read = () => {
    const h = v8.getHeapStatistics();
    peakTotal = Math.max(peakTotal, h.total_heap_size);
    used = h.used_heap_size;
    peakUsed = Math.max(peakUsed, used);
  };
  return {
    read,
    result: () => {
      read();
      return { peakTotalMb: mb(peakTotal), peakUsedMb: mb(peakUsed), endUsedMb: mb(used) };
    },
  };
}

/** ledgerBatches() posted batch by batch on `port`: at most LEDGER_BATCHES_IN_FLIGHT unacknowledged; stops on close. */
async function pumpLedger(m: Extract<ParseTask, { type: 'ledger' }>): Promise<void> {
  const { port } = m;
  if (m.gate) {
    Atomics.wait(new Int32Array(m.gate), 0, 0);
  }
  let credits = LEDGER_BATCHES_IN_FLIGHT;
  let closed = false;
  let wake: (() => void) | null = null;
  port.on('message', (msg: ToLedgerWorker) => {
    if (msg.type === 'ack') {
      credits++;
    } else {
      closed = true;
    }
    const w = wake;
    wake = null;
    w?.();
  });
  // A batch's bytes own their ArrayBuffer: moved to the importing thread, not copied.
  const post = (msg: FromLedgerWorker) =>
    port.postMessage(msg, msg.type === 'batch' ? [msg.batch.bytes.buffer as ArrayBuffer] : []);
  const batches = ledgerBatches(sourceFromHandOff(m.source), m.input);
  const heap = heapWatch();
  try {
    for (;;) {
      const r = await batches.next();
      heap.read();
      if (r.done) {
        post({ type: 'end', end: r.value, heap: heap.result() });
        break;
      }
      while (credits === 0 && !closed) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      if (closed) {
        break;
      }
      credits--;
      post({ type: 'batch', batch: r.value });
    }
  } catch (e) {
    post({ type: 'error', error: errorToData(e) });
  } finally {
    await batches.return(undefined as never); // closes the file when stopped mid-way
    // The importing thread closes the channel (both ends) once it has read what was posted.
  }
}

export const handle: OffloadHandler<ParseTask, ParseResult> = async (task) => {
  if (task.type === 'ledger') {
    await pumpLedger(task);
    return { type: 'ledger' };
  }
  try {
    if (task.type === 'table') {
      return await readTable(task.source);
    }
    return { type: 'grids', grids: await readGrids(sourceFromHandOff(task.source)) };
  } catch (e) {
    return { type: 'failed', error: errorToData(e) };
  }
};

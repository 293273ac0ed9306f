// Where ledgerBatches() runs: on the importing thread (small files), or in a worker thread so that parsing and
// row checks overlap the COPY, which on embedded PGlite is WASM running on the importing thread itself. Both
// are read through one interface; the worker is always terminated by close().
import { Worker } from 'node:worker_threads';
import type { ImportSource, SourceHandOff } from './import-source.ts';
import {
  errorFromData,
  ledgerBatches,
  type ErrorData,
  type LedgerBatch,
  type LedgerBatchesEnd,
  type LedgerBatchesInput,
} from './ledger-batches.ts';

/** Batches the worker may have posted that the importing thread has not consumed yet (credit-based back-pressure). */
export const LEDGER_BATCHES_IN_FLIGHT = 2;

/**
 * Files at least this large (≈ 110,000 ledger rows) are parsed in a worker thread. A worker costs about 0.6 s before
 * its first batch (thread start, tsx registered in the thread, papaparse/iconv/@jixiao/core loaded; measured on this
 * 2-core machine) while the importing thread has little to do but hash the file, and it saves the parsing time
 * (≈ 10 µs per row) only as far as that overlaps the COPY. Measured on PGlite, fresh database, median of 3
 * (thread / worker): 3.9 MB 1.48 / 1.88 s, 7.9 MB 3.70 / 4.01 s, 11.9 MB 5.36 / 5.07 s, 15.9 MB 7.31 / 6.63 s,
 * 94 MB (1M rows) ≈ 27 / 19 s.
 */
export const LEDGER_WORKER_MIN_BYTES = 10 * 1024 * 1024;

export type ToLedgerWorker =
  { type: 'start'; source: SourceHandOff; input: LedgerBatchesInput } | { type: 'ack' };
export type FromLedgerWorker =
  | { type: 'batch'; batch: LedgerBatch }
  | { type: 'end'; end: LedgerBatchesEnd }
  | { type: 'error'; error: ErrorData };

/** Batches until `done` (then the end summary); throws what the generator threw. close() in every case. */
export interface LedgerBatchReader {
  next(): Promise<IteratorResult<LedgerBatch, LedgerBatchesEnd>>;
  close(): Promise<void>;
}

/** ledgerBatches() on this thread. */
export function inThreadReader(source: ImportSource, input: LedgerBatchesInput): LedgerBatchReader {
  const batches = ledgerBatches(source, input);
  return {
    next: () => batches.next(),
    async close() {
      // Ends a generator left mid-file (its finally blocks close the file); no-op once it has finished.
      await batches.return(undefined as unknown as LedgerBatchesEnd);
    },
  };
}

/**
 * ledgerBatches() in a worker thread. Construct it early (the thread starts while this one hashes the file),
 * then start() once the import's input is known. The source's bytes are transferred, not copied.
 */
export class LedgerBatchesWorker implements LedgerBatchReader {
  readonly worker: Worker;
  private readonly inbox: FromLedgerWorker[] = [];
  private wake: (() => void) | null = null;
  private failure: Error | null = null;
  private unacked = 0;
  private closing: Promise<void> | null = null;

  constructor() {
    this.worker = new Worker(new URL('./tsx-worker.mjs', import.meta.url), {
      workerData: { module: new URL('./ledger-batches.worker.ts', import.meta.url).href },
      // The entry registers tsx itself; inheriting `--import tsx` would register it twice on newer Node.
      execArgv: [],
    });
    this.worker.on('message', (m: FromLedgerWorker) => {
      this.inbox.push(m);
      this.wakeUp();
    });
    this.worker.on('error', (e: Error) => {
      this.failure ??= e;
      this.wakeUp();
    });
    this.worker.on('exit', (code) => {
      if (!this.closing) {
        this.failure ??= new Error(
          `the ledger worker thread exited (code ${code}) before the import finished`,
        );
      }
      this.wakeUp();
    });
  }

  start(source: ImportSource, input: LedgerBatchesInput): void {
    const h = source.handOff?.();
    if (!h) {
      throw new Error(`import source "${source.fileName}" cannot be handed to a worker thread`);
    }
    const m: ToLedgerWorker = { type: 'start', source: h.data, input };
    this.worker.postMessage(m, h.transfer);
  }

  /** Batches posted by the worker and not yet acknowledged (never more than LEDGER_BATCHES_IN_FLIGHT). */
  get inFlight(): number {
    return this.inbox.filter((m) => m.type === 'batch').length + this.unacked;
  }

  async next(): Promise<IteratorResult<LedgerBatch, LedgerBatchesEnd>> {
    if (this.unacked > 0 && !this.closing) {
      // The previous batch is consumed (copied): the worker may post one more.
      this.unacked = 0;
      const ack: ToLedgerWorker = { type: 'ack' };
      this.worker.postMessage(ack);
    }
    const m = await this.receive();
    if (m.type === 'batch') {
      this.unacked = 1;
      return { done: false, value: m.batch };
    }
    if (m.type === 'end') {
      return { done: true, value: m.end };
    }
    throw errorFromData(m.error);
  }

  /** Terminates the thread (idempotent); resolves once it is gone. */
  close(): Promise<void> {
    this.closing ??= this.worker.terminate().then(() => undefined);
    return this.closing;
  }

  private async receive(): Promise<FromLedgerWorker> {
    for (;;) {
      if (this.closing) {
        throw new Error('the ledger worker thread was closed');
      }
      const m = this.inbox.shift();
      if (m) {
        return m;
      }
      if (this.failure) {
        throw this.failure;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private wakeUp(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }
}

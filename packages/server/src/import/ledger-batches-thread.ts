// Where ledgerBatches() runs: always off the importing thread, on a pooled worker thread (offload/offload.ts, the
// import lane) — warm, so a small file costs no thread start — streaming its batches over a MessagePort while the
// importing thread COPYs them (on embedded PGlite the COPY is WASM running on the importing thread itself).
// inThreadReader (the same generator on this thread) is kept for the unit tests that compare the two.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { ServiceError } from '../http/service-error.ts';
import {
  OffloadBusy,
  OffloadCrash,
  OffloadTimeout,
  runOffloaded,
  WARM_HEAP_MB,
} from '../offload/offload.ts';
import { handOffSource, type ImportSource } from './import-source.ts';
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

/** The parsing of imports: its worker module and heap limit (one pooled thread is kept warm for it). */
export const IMPORT_PARSE_WORKER = {
  module: new URL('./parse.worker.ts', import.meta.url),
  maxHeapMb: WARM_HEAP_MB,
};
/** A ledger file is read within this time (1M rows take ≈ 20 s; the COPY on this thread sets the pace). */
export const LEDGER_READ_TIMEOUT_MS = 30 * 60_000;

export type ToLedgerWorker = { type: 'ack' } | { type: 'close' };
export type FromLedgerWorker =
  | { type: 'batch'; batch: LedgerBatch }
  | { type: 'end'; end: LedgerBatchesEnd; heap: ThreadHeap }
  | { type: 'error'; error: ErrorData };

/** The parse thread's V8 heap during a ledger read, in MB (the bench attributes the import's memory with it). */
export interface ThreadHeap {
  /** Largest heap size V8 had reserved (total_heap_size), read after each batch. */
  peakTotalMb: number;
  /** Largest heap in use (live objects and not yet collected garbage), read after each batch. */
  peakUsedMb: number;
  /** At the end of the file. */
  endUsedMb: number;
}

/** Batches until `done` (then the end summary); throws what the generator threw. close() in every case. */
export interface LedgerBatchReader {
  next(): Promise<IteratorResult<LedgerBatch, LedgerBatchesEnd>>;
  close(): Promise<void>;
}

/** ledgerBatches() on this thread (unit tests compare it with the worker's). */
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

/** The pool's refusals as the import's own: busy, or stopped (time limit, memory). */
export function importOffloadError(e: unknown, timeoutMs: number): unknown {
  if (e instanceof OffloadBusy) {
    return new ServiceError('IMPORT_PARSE_BUSY');
  }
  if (e instanceof OffloadTimeout || e instanceof OffloadCrash) {
    return new ServiceError('IMPORT_PARSE_TOO_HEAVY', {
      minutes: String(Math.round(timeoutMs / 60_000)),
    });
  }
  return e;
}

/**
 * ledgerBatches() on a pooled worker thread: start() once the import's input is known (the source's bytes are
 * transferred, not copied), then next() until done, and close() in every case (it ends the task and frees its slot).
 */
export class LedgerBatchesWorker implements LedgerBatchReader {
  private port: MessagePort | null = null;
  private task: Promise<unknown> | null = null;
  private readonly inbox: FromLedgerWorker[] = [];
  private wake: (() => void) | null = null;
  private failure: unknown = null;
  private unacked = 0;
  private closing: Promise<void> | null = null;
  /** The parse thread's heap over this read, once it has ended (null before, or when it failed). */
  threadHeap: ThreadHeap | null = null;

  /**
   * `opts.gate` (tests): the worker waits, blocking its thread, until the gate's first Int32 is not 0 before it
   * reads — were the parse on this thread, this thread would block too.
   */
  start(
    source: ImportSource,
    input: LedgerBatchesInput,
    opts: { timeoutMs?: number; gate?: SharedArrayBuffer } = {},
  ): void {
    const h = handOffSource(source);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    port1.on('message', (m: FromLedgerWorker) => {
      this.inbox.push(m);
      this.wakeUp();
    });
    const timeoutMs = opts.timeoutMs ?? LEDGER_READ_TIMEOUT_MS;
    this.task = runOffloaded(
      IMPORT_PARSE_WORKER.module,
      { type: 'ledger', source: h.data, input, port: port2, gate: opts.gate },
      { timeoutMs, maxHeapMb: IMPORT_PARSE_WORKER.maxHeapMb, lane: 'import' },
      [port2, ...h.transfer],
    ).catch((e: unknown) => {
      this.failure ??= importOffloadError(e, timeoutMs);
      this.wakeUp();
    });
  }

  /** close() was called (the import is over with this reader). */
  get closed(): boolean {
    return this.closing !== null;
  }

  /** Batches posted by the worker and not yet acknowledged (never more than LEDGER_BATCHES_IN_FLIGHT). */
  get inFlight(): number {
    return this.inbox.filter((m) => m.type === 'batch').length + this.unacked;
  }

  async next(): Promise<IteratorResult<LedgerBatch, LedgerBatchesEnd>> {
    if (this.unacked > 0 && !this.closing) {
      // The previous batch is consumed (copied): the worker may post one more.
      this.unacked = 0;
      this.post({ type: 'ack' });
    }
    const m = await this.receive();
    if (m.type === 'batch') {
      this.unacked = 1;
      return { done: false, value: m.batch };
    }
    if (m.type === 'end') {
      this.threadHeap = m.heap;
      return { done: true, value: m.end };
    }
    throw errorFromData(m.error);
  }

  /** Stops the reading (idempotent); resolves once the worker's task has ended and its slot is free. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.post({ type: 'close' });
      await this.task;
      this.port?.close();
    })();
    return this.closing;
  }

  private post(m: ToLedgerWorker): void {
    this.port?.postMessage(m);
  }

  private async receive(): Promise<FromLedgerWorker> {
    for (;;) {
      if (this.closing) {
        throw new Error('the ledger reader was closed');
      }
      if (!this.task) {
        throw new Error('the ledger reader was not started');
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

// Heavy work off the request thread: a task runs in a fresh worker thread with a time limit, and at most
// OFFLOAD_CONCURRENCY tasks run at once (a few more wait; beyond that the caller is told the server is busy).
// The server's own thread keeps answering other requests whatever a task does; a task that overruns is
// terminated (its memory goes with the thread), so one hostile upload can cost at most its time limit.
import os from 'node:os';
import { Worker } from 'node:worker_threads';

export interface OffloadLimits {
  /** Wall-clock limit of one task, in ms. */
  timeoutMs: number;
  /** Heap limit of the worker thread, in MB. */
  maxHeapMb: number;
}

/** Tasks running at once: one per core but the one the server's own thread needs (at least one). */
export const OFFLOAD_CONCURRENCY = Math.max(1, Math.min(4, os.availableParallelism() - 1));
/** Tasks that may wait for a free slot; more are refused at once (OffloadBusy). */
export const OFFLOAD_QUEUE = 8;

export class OffloadBusy extends Error {
  override readonly name = 'OffloadBusy';
}
export class OffloadTimeout extends Error {
  override readonly name = 'OffloadTimeout';
}
/** The worker failed (out of memory, crashed): not the caller's data error, which the task reports itself. */
export class OffloadCrash extends Error {
  override readonly name = 'OffloadCrash';
}

let running = 0;
const waiting: (() => void)[] = [];

async function acquire(): Promise<void> {
  if (running < OFFLOAD_CONCURRENCY) {
    running += 1;
    return;
  }
  if (waiting.length >= OFFLOAD_QUEUE) {
    throw new OffloadBusy('too many heavy tasks at once');
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) {
    next(); // the slot passes to the next task
  } else {
    running -= 1;
  }
}

/** A progress message a worker may post before its answer (postProgress); the caller's onProgress gets `value`. */
interface ProgressMessage {
  offloadProgress: true;
  value: unknown;
}

function isProgress(m: unknown): m is ProgressMessage {
  return (
    typeof m === 'object' && m !== null && (m as Partial<ProgressMessage>).offloadProgress === true
  );
}

/** In a worker: tells the caller how far the task is (any number of times before the answer). */
export function postProgress(port: { postMessage(m: unknown): void }, value: unknown): void {
  port.postMessage({ offloadProgress: true, value } satisfies ProgressMessage);
}

/**
 * Runs `module` (a worker module that answers one message with one message, see review.worker.ts) on `input`.
 * Resolves with the worker's answer; rejects with OffloadBusy, OffloadTimeout or OffloadCrash. Messages the worker
 * posts with postProgress before its answer go to `onProgress`.
 */
export async function runOffloaded<I, O>(
  module: URL,
  input: I,
  limits: OffloadLimits,
  transfer: ArrayBuffer[] = [],
  onProgress?: (value: unknown) => void,
): Promise<O> {
  await acquire();
  try {
    return await runOnce<I, O>(module, input, limits, transfer, onProgress);
  } finally {
    release();
  }
}

function runOnce<I, O>(
  module: URL,
  input: I,
  limits: OffloadLimits,
  transfer: ArrayBuffer[],
  onProgress?: (value: unknown) => void,
): Promise<O> {
  return new Promise<O>((resolve, reject) => {
    const worker = new Worker(new URL('../import/tsx-worker.mjs', import.meta.url), {
      workerData: { module: module.href },
      // The entry registers tsx itself; inheriting `--import tsx` would register it twice on newer Node.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
    });
    let settled = false;
    const finish = (f: () => void): void => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        f();
        void worker.terminate();
      }
    };
    const timer = setTimeout(
      () => finish(() => reject(new OffloadTimeout(`over ${limits.timeoutMs} ms`))),
      limits.timeoutMs,
    );
    worker.on('message', (m: unknown) => {
      if (isProgress(m)) {
        onProgress?.(m.value);
      } else {
        finish(() => resolve(m as O));
      }
    });
    worker.once('error', (e: Error) =>
      finish(() => reject(new OffloadCrash(e.message, { cause: e }))),
    );
    worker.once('exit', (code) =>
      finish(() => reject(new OffloadCrash(`worker exited with code ${code}`))),
    );
    worker.postMessage(input, transfer);
  });
}

// What the offload pool and its threads say to each other, and what a worker module exports (see pool-worker.ts).
import type { TransferListItem } from 'node:worker_threads';

/** What a task's handler gets besides its input. */
export interface OffloadTaskContext {
  /** Tells the caller how far the task is (runOffloaded's onProgress), any number of times before the answer. */
  progress(value: unknown): void;
  /** Buffers (or ports) of the answer to move to the caller instead of copying them. */
  transfer(...items: TransferListItem[]): void;
}

/** A worker module exports `handle` of this type; a thread keeps the module and answers many tasks. */
export type OffloadHandler<I, O> = (input: I, ctx: OffloadTaskContext) => O | Promise<O>;

export type ToPoolThread =
  | { type: 'task'; id: number; module: string; input: unknown }
  | { type: 'preload'; modules: string[] };

export type FromPoolThread =
  | { type: 'ready' }
  | { type: 'progress'; id: number; value: unknown }
  | { type: 'done'; id: number; value: unknown; heapMb: number }
  | { type: 'failed'; id: number; message: string; heapMb: number };

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

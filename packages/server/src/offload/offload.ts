// Heavy work off the request thread: a task runs on a long-lived worker thread of a small pool (offload-pool.ts:
// started once, re-used, replaced after a timeout, a crash or too much memory) with a time limit and a heap limit,
// and at most OFFLOAD_CONCURRENCY tasks of a lane run at once (a few more wait; beyond that the caller is told the
// server is busy). Imports have a lane of their own, so a long file never holds back a report preview.
// The server's own thread keeps answering other requests whatever a task does; a task that overruns is
// terminated with its thread (its memory goes with it), so one hostile upload can cost at most its time limit.
import os from 'node:os';
import type { TransferListItem } from 'node:worker_threads';
import { runOnPool } from './offload-pool.ts';
import { OffloadBusy } from './offload-protocol.ts';

export { OffloadBusy, OffloadCrash, OffloadTimeout } from './offload-protocol.ts';
export type { OffloadHandler, OffloadTaskContext } from './offload-protocol.ts';

/** compute: review, rendering, scoring; import: parsing uploaded files (held as long as the import reads). */
export type OffloadLane = 'compute' | 'import';

export interface OffloadLimits {
  /** Wall-clock limit of one task, in ms. */
  timeoutMs: number;
  /** Heap limit of the worker thread, in MB. */
  maxHeapMb: number;
  /** Whose slots the task takes (default compute). */
  lane?: OffloadLane;
}

/** Tasks running at once per lane: one per core but the one the server's own thread needs (at least one). */
export const OFFLOAD_CONCURRENCY = Math.max(1, Math.min(4, os.availableParallelism() - 1));
/** Tasks that may wait for a free slot of a lane; more are refused at once (OffloadBusy). */
export const OFFLOAD_QUEUE = 8;

class Lane {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  async acquire(): Promise<void> {
    if (this.running < OFFLOAD_CONCURRENCY) {
      this.running += 1;
      return;
    }
    if (this.waiting.length >= OFFLOAD_QUEUE) {
      throw new OffloadBusy('too many heavy tasks at once');
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) {
      next(); // the slot passes to the next task
    } else {
      this.running -= 1;
    }
  }
}

const lanes: Record<OffloadLane, Lane> = { compute: new Lane(), import: new Lane() };

/**
 * Runs `module`'s `handle` (an OffloadHandler, see report-render.worker.ts) on `input` in a pooled thread.
 * Resolves with the handler's answer; rejects with OffloadBusy, OffloadTimeout or OffloadCrash. Values the handler
 * passes to ctx.progress before its answer go to `onProgress`. `transfer` moves buffers (or MessagePorts) of the
 * input to the thread instead of copying them.
 */
export async function runOffloaded<I, O>(
  module: URL,
  input: I,
  limits: OffloadLimits,
  transfer: readonly TransferListItem[] = [],
  onProgress?: (value: unknown) => void,
): Promise<O> {
  const lane = lanes[limits.lane ?? 'compute'];
  await lane.acquire();
  try {
    return await runOnPool<O>(module, input, limits, transfer, onProgress);
  } finally {
    lane.release();
  }
}

export {
  closePool as closeOffloadPool,
  poolStats as offloadPoolStats,
  WARM_HEAP_MB,
  prestartPool as prestartOffload,
} from './offload-pool.ts';

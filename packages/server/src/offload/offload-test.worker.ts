// A worker for offload.test.ts: answers { echo } with the thread that ran it; blocks its thread for { sleepMs }
// first (Atomics.wait: busy without burning a core); posts { steps } progress values; keeps { retainMb } of heap
// reachable (a thread that holds on to memory); ends its thread ({ exit }); throws ({ fail }).
import { threadId } from 'node:worker_threads';
import type { OffloadHandler } from './offload.ts';

interface Task {
  echo: string;
  sleepMs?: number;
  steps?: number;
  retainMb?: number;
  exit?: boolean;
  fail?: boolean;
}

const kept: unknown[] = [];

export const handle: OffloadHandler<Task, { echo: string; threadId: number }> = (m, ctx) => {
  if (m.sleepMs !== undefined) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, m.sleepMs);
  }
  for (let i = 1; i <= (m.steps ?? 0); i += 1) {
    ctx.progress(i);
  }
  if (m.retainMb !== undefined) {
    // Many small objects, not one buffer: they live on the V8 heap the thread reports.
    kept.push(
      Array.from({ length: m.retainMb * 16 * 1024 }, (_, i) => ({ i, pad: 'x'.repeat(24) })),
    );
  }
  if (m.exit) {
    process.exit(3);
  }
  if (m.fail) {
    throw new Error('a bug in the task');
  }
  return { echo: m.echo, threadId };
};

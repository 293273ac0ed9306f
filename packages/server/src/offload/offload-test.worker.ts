// A worker for offload.test.ts: answers { echo } at once, or blocks its thread for { sleepMs } first
// (Atomics.wait: a thread that is busy without burning a core).
import { parentPort } from 'node:worker_threads';

parentPort?.once('message', (m: { echo: string; sleepMs?: number }) => {
  if (m.sleepMs !== undefined) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, m.sleepMs);
  }
  parentPort?.postMessage({ echo: m.echo });
});

// A worker for offload.test.ts: answers { echo } at once, or blocks its thread for { sleepMs } first
// (Atomics.wait: a thread that is busy without burning a core); posts { steps } progress messages before answering.
import { parentPort } from 'node:worker_threads';
import { postProgress } from './offload.ts';

parentPort?.once('message', (m: { echo: string; sleepMs?: number; steps?: number }) => {
  if (m.sleepMs !== undefined) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, m.sleepMs);
  }
  for (let i = 1; i <= (m.steps ?? 0); i += 1) {
    postProgress(parentPort!, i);
  }
  parentPort?.postMessage({ echo: m.echo });
});

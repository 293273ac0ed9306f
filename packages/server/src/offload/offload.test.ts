// The bounds of heavy work off the request thread: a task that overruns is stopped, and past the queue the
// caller is told at once that the server is busy (issue 16, point 1).
import { describe, expect, it } from 'vitest';
import {
  OFFLOAD_CONCURRENCY,
  OFFLOAD_QUEUE,
  OffloadBusy,
  OffloadTimeout,
  runOffloaded,
} from './offload.ts';

const WORKER = new URL('./offload-test.worker.ts', import.meta.url);
const limits = { timeoutMs: 60_000, maxHeapMb: 64 };

describe('runOffloaded', () => {
  it('answers with what the worker posts', async () => {
    await expect(runOffloaded(WORKER, { echo: '你好' }, limits)).resolves.toEqual({ echo: '你好' });
  });

  it('passes the worker’s progress messages to onProgress before its answer', async () => {
    const seen: unknown[] = [];
    await expect(
      runOffloaded(WORKER, { echo: 'done', steps: 3 }, limits, [], (v) => seen.push(v)),
    ).resolves.toEqual({ echo: 'done' });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('stops a task that overruns its time limit', async () => {
    await expect(
      runOffloaded(WORKER, { echo: 'x', sleepMs: 600_000 }, { ...limits, timeoutMs: 500 }),
    ).rejects.toBeInstanceOf(OffloadTimeout);
  });

  it('refuses at once when every slot and the whole queue are taken, and frees them after', async () => {
    const slow = Array.from({ length: OFFLOAD_CONCURRENCY + OFFLOAD_QUEUE }, (_, i) =>
      runOffloaded(
        WORKER,
        { echo: String(i), sleepMs: 600_000 },
        { ...limits, timeoutMs: 300 },
      ).catch((e: unknown) => e),
    );
    await expect(runOffloaded(WORKER, { echo: 'one more' }, limits)).rejects.toBeInstanceOf(
      OffloadBusy,
    );
    const ended = await Promise.all(slow);
    expect(ended.every((e) => e instanceof OffloadTimeout)).toBe(true);
    await expect(runOffloaded(WORKER, { echo: 'after' }, limits)).resolves.toEqual({
      echo: 'after',
    });
  });
});

// The bounds of heavy work off the request thread: a task that overruns is stopped, and past the queue the
// caller is told at once that the server is busy (issue 16, point 1); the pool's threads are re-used, and replaced
// after a timeout, a crash or a task that leaves too much memory behind.
import { describe, expect, it } from 'vitest';
import {
  OFFLOAD_CONCURRENCY,
  OFFLOAD_QUEUE,
  OffloadBusy,
  OffloadCrash,
  OffloadTimeout,
  offloadPoolStats,
  type OffloadLimits,
  runOffloaded,
} from './offload.ts';

const WORKER = new URL('./offload-test.worker.ts', import.meta.url);
const limits: OffloadLimits = { timeoutMs: 60_000, maxHeapMb: 64 };
type Answer = { echo: string; threadId: number };
const run = (input: Record<string, unknown>, l = limits) =>
  runOffloaded<Record<string, unknown>, Answer>(WORKER, { echo: 'x', ...input }, l);

describe('runOffloaded', () => {
  it('answers with what the worker posts', async () => {
    await expect(run({ echo: '你好' })).resolves.toMatchObject({ echo: '你好' });
  });

  it('passes the worker’s progress messages to onProgress before its answer', async () => {
    const seen: unknown[] = [];
    await expect(
      runOffloaded(WORKER, { echo: 'done', steps: 3 }, limits, [], (v) => seen.push(v)),
    ).resolves.toMatchObject({ echo: 'done' });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('re-uses one warm thread for task after task', async () => {
    const a = await run({});
    const b = await run({});
    expect(b.threadId).toBe(a.threadId);
    expect(offloadPoolStats().threadIds).toContain(a.threadId);
  });

  it('stops a task that overruns its time limit; the next task runs on a fresh thread', async () => {
    const before = await run({});
    await expect(run({ sleepMs: 600_000 }, { ...limits, timeoutMs: 500 })).rejects.toBeInstanceOf(
      OffloadTimeout,
    );
    const after = await run({});
    expect(after.threadId).not.toBe(before.threadId);
    expect(offloadPoolStats().threadIds).not.toContain(before.threadId);
  });

  it('a thread that crashes or whose task throws fails that task only, and is replaced', async () => {
    const first = await run({});
    await expect(run({ exit: true })).rejects.toBeInstanceOf(OffloadCrash);
    const second = await run({});
    expect(second.threadId).not.toBe(first.threadId);
    await expect(run({ fail: true })).rejects.toThrow('a bug in the task');
    expect((await run({})).threadId).not.toBe(second.threadId);
  });

  it('a thread left holding too much heap after a task is replaced', async () => {
    const first = await run({});
    // 64 MB limit: a thread above half of it after a task is retired (its answer still arrives).
    await expect(run({ retainMb: 24 })).resolves.toMatchObject({ threadId: first.threadId });
    expect((await run({})).threadId).not.toBe(first.threadId);
  });

  it('refuses at once when every slot and the whole queue are taken, and frees them after', async () => {
    const slow = Array.from({ length: OFFLOAD_CONCURRENCY + OFFLOAD_QUEUE }, (_, i) =>
      run({ echo: String(i), sleepMs: 600_000 }, { ...limits, timeoutMs: 300 }).catch(
        (e: unknown) => e,
      ),
    );
    await expect(run({ echo: 'one more' })).rejects.toBeInstanceOf(OffloadBusy);
    // The import lane has slots of its own.
    await expect(run({ echo: 'import' }, { ...limits, lane: 'import' })).resolves.toMatchObject({
      echo: 'import',
    });
    const ended = await Promise.all(slow);
    expect(ended.every((e) => e instanceof OffloadTimeout)).toBe(true);
    await expect(run({ echo: 'after' })).resolves.toMatchObject({ echo: 'after' });
  });
});

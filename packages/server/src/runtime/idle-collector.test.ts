import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleCollector } from './idle-collector.ts';
import { collectGarbage } from './collect-garbage.ts';

describe('idleCollector', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('collects once when the server falls quiet after requests, never while idle', () => {
    const collect = vi.fn();
    const idle = idleCollector(10_000, collect);
    vi.advanceTimersByTime(30_000);
    expect(collect).not.toHaveBeenCalled(); // no request since start: nothing to collect
    idle.touch();
    vi.advanceTimersByTime(9_000);
    idle.touch(); // a request 9 s later postpones it
    vi.advanceTimersByTime(9_000);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(collect).toHaveBeenCalledTimes(1); // one collection per quiet period
    idle.touch();
    vi.advanceTimersByTime(10_000);
    expect(collect).toHaveBeenCalledTimes(2);
    idle.stop();
  });
});

describe('collectGarbage', () => {
  it('runs a full collection without --expose-gc (a dropped object is reclaimed)', async () => {
    const before = (globalThis as { gc?: unknown }).gc;
    let obj: object | null = { big: new Array(1000).fill('x') };
    const ref = new WeakRef(obj);
    obj = null;
    await new Promise((r) => setImmediate(r)); // WeakRef targets survive until the current job ends
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    expect((globalThis as { gc?: unknown }).gc).toBe(before); // exposed for the call only
  });
});

// The threads behind runOffloaded (offload.ts): long-lived worker threads, started once and re-used across tasks,
// one task at a time each. A thread's heap limit is fixed when it starts, so threads are kept per heap limit and a
// task only runs on a thread of exactly its limit. A thread is replaced (a fresh one started, warm with the modules
// its limit's tasks used) when a task overruns its time (the thread is terminated with whatever it was doing), when
// it crashes or runs out of memory, when its heap stays large after a task (RETIRE_HEAP_MB), or after
// MAX_TASKS_PER_THREAD tasks. One idle thread per heap limit is kept warm; more idle threads (after a burst) end
// after SURPLUS_IDLE_MS. Idle threads are unref'd: they never keep a process (the CLI, a test) alive.
import { Worker, type TransferListItem } from 'node:worker_threads';
import {
  OffloadCrash,
  OffloadTimeout,
  type FromPoolThread,
  type ToPoolThread,
} from './offload-protocol.ts';

/**
 * The heap limit of the server's warm thread. Threads are pooled per heap limit, so every heavy task (rendering,
 * documents, scoring, review, imports) names this one: one warm thread serves them all (decision 0015).
 */
export const WARM_HEAP_MB = 512;
/** A thread whose used heap is above this after a task (or above half its limit) is replaced. */
export const RETIRE_HEAP_MB = 96;
/** Tasks one thread runs before it is replaced (bounds whatever a module keeps between tasks). */
export const MAX_TASKS_PER_THREAD = 1000;
/** An idle thread beyond the first of its heap limit ends after this long without a task. */
export const SURPLUS_IDLE_MS = 60_000;

const ENTRY = new URL('../import/tsx-worker.mjs', import.meta.url);
const RUNTIME = new URL('./pool-worker.ts', import.meta.url).href;

interface Running {
  id: number;
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
  onProgress: ((value: unknown) => void) | undefined;
  timer: NodeJS.Timeout;
}

interface Thread {
  worker: Worker;
  maxHeapMb: number;
  tasks: number;
  ready: boolean;
  gone: boolean;
  running: Running | null;
  idleTimer: NodeJS.Timeout | null;
}

const threads = new Set<Thread>();
/** Per heap limit: the modules its tasks have used, preloaded by each new thread of that limit. */
const modulesByHeap = new Map<number, Set<string>>();
let nextTaskId = 1;

/** New threads of this heap limit preload `href`. */
function remember(maxHeapMb: number, href: string): void {
  const seen = modulesByHeap.get(maxHeapMb) ?? new Set<string>();
  seen.add(href);
  modulesByHeap.set(maxHeapMb, seen);
}

function startThread(maxHeapMb: number): Thread {
  const worker = new Worker(ENTRY, {
    workerData: { module: RUNTIME },
    // The entry registers tsx itself; inheriting `--import tsx` would register it twice on newer Node.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
  });
  const t: Thread = {
    worker,
    maxHeapMb,
    tasks: 0,
    ready: false,
    gone: false,
    running: null,
    idleTimer: null,
  };
  threads.add(t);
  worker.unref();
  const modules = [...(modulesByHeap.get(maxHeapMb) ?? [])];
  if (modules.length > 0) {
    worker.postMessage({ type: 'preload', modules } satisfies ToPoolThread);
  }
  worker.on('message', (m: FromPoolThread) => onMessage(t, m));
  worker.once('error', (e: Error) => lose(t, new OffloadCrash(e.message, { cause: e })));
  worker.once('exit', (code) => lose(t, new OffloadCrash(`worker exited with code ${code}`)));
  return t;
}

function onMessage(t: Thread, m: FromPoolThread): void {
  if (m.type === 'ready') {
    t.ready = true;
    return;
  }
  const r = t.running;
  if (r === null || r.id !== m.id) {
    return; // an answer after its task was given up (timed out): the thread is being terminated anyway
  }
  if (m.type === 'progress') {
    r.onProgress?.(m.value);
    return;
  }
  clearTimeout(r.timer);
  t.running = null;
  t.tasks += 1;
  if (m.type === 'done') {
    r.resolve(m.value);
    const over = m.heapMb > Math.min(RETIRE_HEAP_MB, t.maxHeapMb / 2);
    if (over || t.tasks >= MAX_TASKS_PER_THREAD) {
      retire(t);
    } else {
      park(t);
    }
  } else {
    // The handler threw: a bug, not a data error (handlers answer those). A fresh thread for the next task.
    r.reject(new OffloadCrash(m.message));
    retire(t);
  }
}

/**
 * Takes the thread out of the pool: its task (if any) fails with `e`, and its heap limit keeps one warm thread
 * (a new one unless another is left). `end` terminates it (retired) — a thread that exited by itself is gone.
 */
function remove(t: Thread, e: Error, end: boolean): void {
  if (t.gone) {
    return;
  }
  t.gone = true;
  threads.delete(t);
  if (t.idleTimer) {
    clearTimeout(t.idleTimer);
  }
  const r = t.running;
  t.running = null;
  if (r) {
    clearTimeout(r.timer);
    r.reject(e);
  }
  if (end) {
    void t.worker.terminate();
  }
  // A thread that never became ready would fail again: no replacement loop.
  if (t.ready) {
    keepWarm(t.maxHeapMb);
  }
}

/** The thread crashed, ran out of memory or was terminated. */
function lose(t: Thread, e: Error): void {
  remove(t, e, false);
}

/** Terminates the thread (a timeout, too much memory, enough tasks); a warm replacement starts. */
function retire(t: Thread): void {
  remove(t, new OffloadCrash('the worker thread was retired'), true);
}

function idleOf(maxHeapMb: number): Thread[] {
  return [...threads].filter((t) => !t.gone && t.running === null && t.maxHeapMb === maxHeapMb);
}

function keepWarm(maxHeapMb: number): void {
  if (![...threads].some((t) => !t.gone && t.maxHeapMb === maxHeapMb)) {
    startThread(maxHeapMb);
  }
}

function park(t: Thread): void {
  t.worker.unref();
  if (idleOf(t.maxHeapMb).length > 1) {
    t.idleTimer = setTimeout(() => {
      t.idleTimer = null;
      if (t.running === null && idleOf(t.maxHeapMb).length > 1) {
        retire(t);
      }
    }, SURPLUS_IDLE_MS);
    t.idleTimer.unref();
  }
}

/** An idle thread of this heap limit (the most recently started warm one), or a new one. */
function take(maxHeapMb: number): Thread {
  const idle = idleOf(maxHeapMb);
  const t = idle.find((x) => x.ready) ?? idle[0] ?? startThread(maxHeapMb);
  if (t.idleTimer) {
    clearTimeout(t.idleTimer);
    t.idleTimer = null;
  }
  t.worker.ref();
  return t;
}

/** Runs one task on a pooled thread (the caller has a slot: offload.ts bounds how many run at once). */
export function runOnPool<O>(
  module: URL,
  input: unknown,
  limits: { timeoutMs: number; maxHeapMb: number },
  transfer: readonly TransferListItem[],
  onProgress?: (value: unknown) => void,
): Promise<O> {
  remember(limits.maxHeapMb, module.href);
  const t = take(limits.maxHeapMb);
  return new Promise<O>((resolve, reject) => {
    const id = nextTaskId++;
    const timer = setTimeout(() => {
      if (t.running?.id === id) {
        t.running = null;
        reject(new OffloadTimeout(`over ${limits.timeoutMs} ms`));
        retire(t); // whatever the task was doing goes with the thread
      }
    }, limits.timeoutMs);
    t.running = { id, resolve: resolve as (v: unknown) => void, reject, onProgress, timer };
    const m: ToPoolThread = { type: 'task', id, module: module.href, input };
    try {
      t.worker.postMessage(m, transfer);
    } catch (e) {
      // Not cloneable: the caller's mistake, the thread is untouched.
      clearTimeout(timer);
      t.running = null;
      park(t);
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}

/** Starts one warm thread per heap limit, preloading the modules given (server start). */
export function prestartPool(specs: readonly { module: URL; maxHeapMb: number }[]): void {
  for (const s of specs) {
    remember(s.maxHeapMb, s.module.href);
  }
  for (const maxHeapMb of new Set(specs.map((s) => s.maxHeapMb))) {
    keepWarm(maxHeapMb);
  }
}

/** What the pool holds now (tests, the bench). */
export function poolStats(): { threads: number; idle: number; busy: number; threadIds: number[] } {
  const live = [...threads].filter((t) => !t.gone);
  return {
    threads: live.length,
    idle: live.filter((t) => t.running === null).length,
    busy: live.filter((t) => t.running !== null).length,
    threadIds: live.map((t) => t.worker.threadId),
  };
}

/** Ends every thread (server shutdown); running tasks fail. Later tasks start new threads. */
export async function closePool(): Promise<void> {
  const all = [...threads];
  modulesByHeap.clear();
  for (const t of all) {
    t.ready = false; // no replacement
  }
  await Promise.all(all.map((t) => t.worker.terminate()));
}

// The worker side of the offload pool (offload-pool.ts): a long-lived thread that runs one task at a time. A task
// names a module exporting `handle(input, ctx)` (an OffloadHandler); the module is imported on its first task (or
// when the pool asks it to be preloaded) and kept, so a warm thread answers without starting anything. After each
// task the thread reports its used heap, by which the pool retires a thread that holds on to too much memory.
import v8 from 'node:v8';
import { parentPort, type TransferListItem } from 'node:worker_threads';
import type { FromPoolThread, OffloadHandler, ToPoolThread } from './offload-protocol.ts';

if (!parentPort) {
  throw new Error('pool-worker.ts runs only as a worker thread');
}
const port = parentPort;
const handlers = new Map<string, Promise<OffloadHandler<unknown, unknown>>>();

function handlerOf(href: string): Promise<OffloadHandler<unknown, unknown>> {
  let h = handlers.get(href);
  if (h === undefined) {
    h = import(href).then((m: { handle?: unknown }) => {
      if (typeof m.handle !== 'function') {
        throw new Error(`${href} exports no handle(input, ctx)`);
      }
      return m.handle as OffloadHandler<unknown, unknown>;
    });
    handlers.set(href, h);
  }
  return h;
}

function heapMb(): number {
  return Math.round(v8.getHeapStatistics().used_heap_size / (1024 * 1024));
}

function post(m: FromPoolThread, transfer: TransferListItem[] = []): void {
  port.postMessage(m, transfer);
}

async function run(m: Extract<ToPoolThread, { type: 'task' }>): Promise<void> {
  const transfer: TransferListItem[] = [];
  try {
    const handle = await handlerOf(m.module);
    const value = await handle(m.input, {
      progress: (v) => post({ type: 'progress', id: m.id, value: v }),
      transfer: (...items) => void transfer.push(...items),
    });
    post({ type: 'done', id: m.id, value, heapMb: heapMb() }, transfer);
  } catch (e) {
    const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
    post({ type: 'failed', id: m.id, message, heapMb: heapMb() });
  }
}

port.on('message', (m: ToPoolThread) => {
  if (m.type === 'preload') {
    // Best effort: a module that fails to load reports it on its first task.
    for (const href of m.modules) {
      handlerOf(href).catch(() => undefined);
    }
    return;
  }
  void run(m);
});
post({ type: 'ready' });

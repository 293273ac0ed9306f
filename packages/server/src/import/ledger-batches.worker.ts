// The worker side of ledger-batches-thread.ts: runs ledgerBatches() on a source handed over by the importing
// thread and posts the batches back with credit-based back-pressure (at most LEDGER_BATCHES_IN_FLIGHT posted and
// not yet acknowledged), then the end summary or the error as plain data.
import { parentPort } from 'node:worker_threads';
import { sourceFromHandOff } from './import-source.ts';
import { errorToData, ledgerBatches } from './ledger-batches.ts';
import {
  LEDGER_BATCHES_IN_FLIGHT,
  type FromLedgerWorker,
  type ToLedgerWorker,
} from './ledger-batches-thread.ts';

if (!parentPort) {
  throw new Error('ledger-batches.worker.ts runs only as a worker thread');
}
const port = parentPort;
let credits = LEDGER_BATCHES_IN_FLIGHT;
let wake: (() => void) | null = null;

function post(m: FromLedgerWorker): void {
  // A batch's bytes own their ArrayBuffer: moved to the importing thread, not copied.
  port.postMessage(m, m.type === 'batch' ? [m.batch.bytes.buffer as ArrayBuffer] : []);
}

async function run(m: Extract<ToLedgerWorker, { type: 'start' }>): Promise<void> {
  try {
    const batches = ledgerBatches(sourceFromHandOff(m.source), m.input);
    for (;;) {
      const r = await batches.next();
      if (r.done) {
        post({ type: 'end', end: r.value });
        return;
      }
      while (credits === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      credits--;
      post({ type: 'batch', batch: r.value });
    }
  } catch (e) {
    post({ type: 'error', error: errorToData(e) });
  }
}

port.on('message', (m: ToLedgerWorker) => {
  if (m.type === 'ack') {
    credits++;
    const w = wake;
    wake = null;
    w?.();
  } else {
    void run(m);
  }
});

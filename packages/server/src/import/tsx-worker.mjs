// Entry of a worker thread that runs TypeScript source: registers tsx in this thread, then imports the module
// named by workerData.module (a file URL). `execArgv: ['--import', 'tsx']` is not enough on Node 20: tsx
// registers its hooks only on the main thread before Node 22.22.3 / 24.11.1 (its isFeatureSupported check),
// so a .ts worker fails with ERR_UNKNOWN_FILE_EXTENSION. Plain JS on purpose: it is what makes .ts loadable.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);

// Vitest setup file of the server project, run before each test file. The project runs many files in one process
// (isolate: false in vitest.config.ts), so what a file leaves in the process's shared state must not reach the next:
// the offload pool's threads (a task still running, a thread that loaded a module) end with the file.
import { afterAll } from 'vitest';
import { closePool } from '../offload/offload-pool.ts';

afterAll(async () => {
  await closePool();
});

// The probe of issue 16 §2: `jixiao import …` beside a running server on the same JIXIAO_DATA_DIR corrupted the
// embedded database. Now the CLI is refused (exit 2, one line naming the holder) and the database is untouched.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { lockDataDir } from '@jixiao/server/db/data-dir-lock';
import { seedDataDir } from '@jixiao/server/db/test-snapshot-dir';
import { JIXIAO_NODE_ARGS } from './test-node-args.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const base = path.join(os.tmpdir(), `jixiao-in-use-${randomUUID()}`);
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

function runCli(args: string[], dataDir: string): Promise<{ code: number; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    JIXIAO_DEMO: '0',
    JIXIAO_DATA_DIR: dataDir,
  };
  delete env['DATABASE_URL'];
  delete env['JIXIAO_LANG'];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...JIXIAO_NODE_ARGS, ...args],
      { cwd: repoRoot, env },
      (error, _out, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
          stderr,
        }),
    );
  });
}

it('a command on a data directory the server holds exits 2 naming the server, and opens nothing', async () => {
  const dataDir = path.join(base, 'data');
  const lock = lockDataDir(dataDir, '服务器 server http://localhost:3000');
  try {
    const run = await runCli(['departments'], dataDir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('正被另一个进程使用（服务器 server http://localhost:3000');
    expect(run.stderr).not.toMatch(/\n\s+at /); // one line, no stack
    expect(fs.existsSync(dataDir)).toBe(false); // PGlite was never opened
  } finally {
    lock.release();
  }
  // Once the server let go, the same command works (on the migrated snapshot: no initdb and migrations to wait for).
  seedDataDir(dataDir, 'empty');
  const free = await runCli(['departments'], dataDir);
  expect(free.code).toBe(0);
});

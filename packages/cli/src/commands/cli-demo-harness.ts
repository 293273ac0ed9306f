// Shared by CLI tests that run the real `jixiao` process on a data directory made from the demo snapshot:
// the directory (made before the file's tests, removed after) and the runner.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { seedDataDir } from '../../../server/src/db/test-snapshot-dir.ts';
import { JIXIAO_NODE_ARGS } from '../test-node-args.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Each command is a fresh process that opens the data directory: allow for a loaded machine. */
export const SLOW = 180_000;

/** A temp folder holding a demo data directory for this test file, and `jixiao` run on it (Chinese, no colour, no DATABASE_URL). */
export function useDemoDataDir(name: string): {
  tmp: string;
  dataDir: string;
  jixiao: (args: string[]) => Promise<Run>;
} {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `jixiao-${name}-cli-`));
  const dataDir = path.join(tmp, 'data');
  beforeAll(() => seedDataDir(dataDir, 'demo'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const jixiao = (args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', JIXIAO_DATA_DIR: dataDir };
      delete env['JIXIAO_LANG'];
      delete env['DATABASE_URL'];
      delete env['JIXIAO_DEMO'];
      execFile(
        process.execPath,
        [...JIXIAO_NODE_ARGS, ...args],
        { cwd: repoRoot, env, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          resolve({
            code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
            stdout,
            stderr,
          });
        },
      );
    });
  return { tmp, dataDir, jixiao };
}

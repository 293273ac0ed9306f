// `jixiao rectification` end to end (real processes) on a data directory made from the demo snapshot.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '@jixiao/server';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-rectification-cli-'));
const dataDir = path.join(tmp, 'data');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function jixiao(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', JIXIAO_DATA_DIR: dataDir };
    delete env['JIXIAO_LANG'];
    delete env['DATABASE_URL'];
    delete env['JIXIAO_DEMO'];
    execFile(
      process.execPath,
      ['packages/cli/bin/jixiao.mjs', ...args],
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
}

beforeAll(async () => {
  const snapshots = process.env['JIXIAO_TEST_SNAPSHOT_DIR'];
  if (!snapshots) {
    throw new Error('test snapshots missing: run through vitest (globalSetup)');
  }
  const blob = new Blob([fs.readFileSync(path.join(snapshots, 'demo.tar'))]);
  const database = await openDb({ kind: 'pglite', dataDir, loadDataDir: blob });
  await database.close();
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Each command is a fresh process that opens the data directory: allow for a loaded machine.
const SLOW = 180_000;

interface Item {
  issueNo: string;
  status: string;
  statusText: string;
  overdue: boolean;
}

describe('jixiao rectification', () => {
  it(
    'list --json gives the demo 2023 items with their status; --status filters; update closes one',
    async () => {
      const all = await jixiao(['rectification', 'list', '--department', '440105-TZCJ', '--json']);
      expect(all.stderr).toBe('');
      expect(all.code).toBe(0);
      const items = JSON.parse(all.stdout) as Item[];
      expect(items.map((i) => [i.issueNo, i.status])).toEqual([
        ['2023-整改-001', 'closed'],
        ['2023-整改-002', 'closed'],
        ['2023-整改-003', 'awaitingCheck'],
      ]);
      const waiting = await jixiao([
        'rectification',
        'list',
        '--department',
        '440105-TZCJ',
        '--status',
        'awaitingCheck',
        '--year',
        '2023',
        '--json',
      ]);
      expect((JSON.parse(waiting.stdout) as Item[]).map((i) => i.issueNo)).toEqual([
        '2023-整改-003',
      ]);
      const closed = await jixiao([
        'rectification',
        'update',
        '2023-整改-003',
        '--department',
        '440105-TZCJ',
        '--status',
        'closed',
        '--note',
        '整改到位',
      ]);
      expect([closed.code, closed.stdout.trim()]).toEqual([0, '2023-整改-003 已销号']);
      const bad = await jixiao([
        'rectification',
        'list',
        '--department',
        '440105-TZCJ',
        '--status',
        'x',
      ]);
      expect(bad.code).toBe(2);
    },
    SLOW,
  );
});

// jixiao backup / restore end to end, as an operator runs them: on the embedded database while the server
// holds it (refused without --user, then through the server as the system administrator), and on PostgreSQL
// directly; a change after the backup is gone after the restore, the restore asks for --yes over existing data,
// and `jixiao audit verify` passes afterwards.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadConfig, openDb, startServer } from '@jixiao/server';
import { queryRows } from '@jixiao/server/db/open-db';
import { adminQuery, withDatabase } from '@jixiao/server/db/test-global-setup';
import { seedDataDir } from '@jixiao/server/db/test-snapshot-dir';
import { JIXIAO_NODE_ARGS } from '../test-node-args.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const base = path.join(os.tmpdir(), `jixiao-backup-cli-${randomUUID()}`);
fs.mkdirSync(base, { recursive: true });
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const PASSWORD = 'Backup-Drill-2026-Haizhu!';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string>): Promise<Run> {
  const full: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', JIXIAO_DEMO: '0', ...env };
  if (!env['DATABASE_URL']) {
    delete full['DATABASE_URL'];
  }
  delete full['JIXIAO_LANG'];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...JIXIAO_NODE_ARGS, ...args],
      { cwd: repoRoot, env: full },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
          stdout,
          stderr,
        }),
    );
  });
}

/** Looks into the database directly (no CLI running then). */
async function regionExists(env: Record<string, string>, code: string): Promise<boolean> {
  const database = env['DATABASE_URL']
    ? await openDb({ kind: 'pg', url: env['DATABASE_URL'], max: 1 })
    : await openDb({ kind: 'pglite', dataDir: env['JIXIAO_DATA_DIR']!, holder: 'test' });
  try {
    const r = await queryRows(database.db, sql`select 1 from regions where code = ${code}`);
    return r.length > 0;
  } finally {
    await database.close();
  }
}

/** backup → change → restore → the change is gone and the chain verifies. */
async function drill(env: Record<string, string>, file: string): Promise<void> {
  const change = await runCli(
    ['region', 'create', '--code', '440111', '--name', '广州市白云区'],
    env,
  );
  expect(change.code, change.stderr).toBe(0);
  expect(await regionExists(env, '440111')).toBe(true);

  const refused = await runCli(['restore', file], env);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('--yes');

  const restored = await runCli(['restore', file, '--yes'], env);
  expect(restored.code, restored.stderr).toBe(0);
  expect(restored.stdout).toContain('已恢复');
  expect(await regionExists(env, '440111')).toBe(false);
  const verify = await runCli(['audit', 'verify'], env);
  expect(verify.code, verify.stderr).toBe(0);
  expect(verify.stdout).toContain('chain intact');
}

describe('jixiao backup / restore (embedded database)', () => {
  const dataDir = path.join(base, 'data');
  const env = { JIXIAO_DATA_DIR: dataDir };
  const file = path.join(base, 'embedded.backup.gz');

  it('while the server runs: refused without --user, then taken through the server', async () => {
    seedDataDir(dataDir, 'empty'); // migrated already: the server does not run every migration on PGlite again
    const port = 41000 + Math.floor(Math.random() * 9000);
    const server = await startServer(
      loadConfig({
        JIXIAO_DATA_DIR: dataDir,
        JIXIAO_DEMO: '0',
        PORT: String(port),
        JIXIAO_ADMIN_PASSWORD: PASSWORD,
      }),
    );
    try {
      const refused = await runCli(['backup', '--out', file], env);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--user');
      expect(fs.existsSync(file)).toBe(false);

      const wrong = await runCli(
        ['backup', '--out', file, '--user', 'admin', '--server', `http://127.0.0.1:${port}`],
        { ...env, JIXIAO_PASSWORD: 'not-the-password' },
      );
      expect(wrong.code).toBe(2);
      expect(fs.existsSync(file)).toBe(false);

      const taken = await runCli(
        ['backup', '--out', file, '--user', 'admin', '--server', `http://127.0.0.1:${port}`],
        { ...env, JIXIAO_PASSWORD: PASSWORD },
      );
      expect(taken.code, taken.stderr).toBe(0);
      expect(taken.stdout).toContain('已备份');
      expect(fs.existsSync(file)).toBe(true);
    } finally {
      await server.close();
    }
    const checked = await runCli(['restore', file, '--check'], env);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain('备份文件完好');
  }, 600_000);

  it('backup → change → restore: the change is gone, audit verify passes', async () => {
    await drill(env, file);
  }, 600_000);

  it('refuses a file that is not a backup (exit 2), changing nothing', async () => {
    const junk = path.join(base, 'junk.gz');
    fs.writeFileSync(junk, 'not a backup');
    const r = await runCli(['restore', junk, '--yes'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是 Jixiao 备份文件');
    expect((await runCli(['audit', 'verify'], env)).code).toBe(0);
  }, 600_000);
});

const pgUrl = process.env['JIXIAO_TEST_PG_URL'];
describe.runIf(pgUrl)('jixiao backup / restore (PostgreSQL)', () => {
  const name = `jixiao_cli_backup_${process.pid}`;
  const env = { DATABASE_URL: pgUrl ? withDatabase(pgUrl, name) : '' };
  const file = path.join(base, 'pg.backup.gz');
  afterAll(async () => {
    await adminQuery(pgUrl!, `drop database if exists ${name} with (force)`);
  });

  it('backs up directly and restores all or nothing', async () => {
    await adminQuery(pgUrl!, `drop database if exists ${name} with (force)`);
    // the migrated template: the first command does not run every migration again
    await adminQuery(
      pgUrl!,
      `create database ${name} template ${process.env['JIXIAO_TEST_PG_TEMPLATE_EMPTY']!}`,
    );
    const seed = await runCli(
      ['region', 'create', '--code', '440105', '--name', '广州市海珠区'],
      env,
    );
    expect(seed.code, seed.stderr).toBe(0);
    const taken = await runCli(['backup', '--out', file], env);
    expect(taken.code, taken.stderr).toBe(0);
    await drill(env, file);
  }, 600_000);
});

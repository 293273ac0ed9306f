// `jixiao audit verify` and `jixiao audit export` end to end (real processes) on a copy of the demo database:
// exit 0 with "N entries, chain intact"; after an entry is edited behind the trigger, exit 1 naming that entry.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, withDatabase } from '../../../server/src/db/test-global-setup.ts';
import { seedDataDir } from '../../../server/src/db/test-snapshot-dir.ts';
import { JIXIAO_NODE_ARGS } from '../test-node-args.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A database the CLI can open from another process: a PGlite data directory, or a PostgreSQL database from the demo template. */
interface Target {
  env: Record<string, string>;
  sql(text: string): Promise<void>;
  count(): Promise<number>;
  close(): Promise<void>;
}

async function pgliteTarget(): Promise<Target> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-cli-audit-'));
  seedDataDir(dir, 'demo');
  const withDb = async <T>(fn: (db: PGlite) => Promise<T>): Promise<T> => {
    const db = await PGlite.create({ dataDir: dir });
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  };
  return {
    env: { JIXIAO_DATA_DIR: dir },
    sql: (text) => withDb(async (db) => void (await db.exec(text))),
    count: () =>
      withDb(async (db) =>
        Number(
          (await db.query<{ n: number }>('select count(*)::int as n from audit_log')).rows[0]!.n,
        ),
      ),
    close: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function pgTarget(url: string): Promise<Target> {
  const name = `jixiao_cli_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await adminQuery(
    url,
    `create database ${name} template ${process.env['JIXIAO_TEST_PG_TEMPLATE_DEMO']!}`,
  );
  const dbUrl = withDatabase(url, name);
  const pg = (await import('pg')).default;
  const run = async <T>(fn: (c: InstanceType<typeof pg.Client>) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  return {
    env: { DATABASE_URL: dbUrl },
    sql: (text) => run(async (c) => void (await c.query(text))),
    count: () =>
      run(async (c) =>
        Number(
          (await c.query<{ n: number }>('select count(*)::int as n from audit_log')).rows[0]!.n,
        ),
      ),
    close: () => adminQuery(url, `drop database if exists ${name} with (force)`),
  };
}

function runCli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', JIXIAO_DEMO: '0', ...env };
    delete e['JIXIAO_LANG'];
    if (!env['DATABASE_URL']) {
      delete e['DATABASE_URL'];
    }
    execFile(
      process.execPath,
      [...JIXIAO_NODE_ARGS, ...args],
      { cwd: repoRoot, env: e },
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

const drivers = process.env['JIXIAO_TEST_PG_URL']
  ? (['pglite', 'pg'] as const)
  : (['pglite'] as const);

for (const driver of drivers) {
  describe(`jixiao audit [${driver}]`, () => {
    let target: Target;
    const out = path.join(os.tmpdir(), `jixiao-audit-${randomUUID()}.csv`);
    beforeAll(async () => {
      target =
        driver === 'pg' ? await pgTarget(process.env['JIXIAO_TEST_PG_URL']!) : await pgliteTarget();
    });
    afterAll(async () => {
      await target.close();
      fs.rmSync(out, { force: true });
    });

    it('verify: exit 0 and "N entries, chain intact"', async () => {
      const n = await target.count();
      // the demo's load, the indicator library's seed, the six demo accounts and the demo's own history
      // (the 2024 self-evaluation …): whatever the demo holds, verify counts every entry
      expect(n).toBeGreaterThanOrEqual(8);
      const run = await runCli(['audit', 'verify'], target.env);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${n} entries, chain intact\n审计日志共 ${n} 条，哈希链完好\n`);
    });

    it('export: CSV (UTF-8 BOM, header + one line per entry) to a file', async () => {
      const n = await target.count();
      const run = await runCli(
        ['audit', 'export', '--format', 'csv', '--from', '2000-01-01', '--out', out],
        target.env,
      );
      expect(run.code).toBe(0);
      const text = fs.readFileSync(out, 'utf8');
      expect(text.startsWith('\uFEFF序号 seq,')).toBe(true);
      expect(text.trimEnd().split('\r\n')).toHaveLength(n + 1);
    });

    // Refused before the database is opened: one database is enough.
    it.runIf(driver === drivers[0])('export: a bad format exits 2', async () => {
      const bad = await runCli(['audit', 'export', '--format', 'xml'], target.env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toBe('格式无效：xml（可选 csv、json）\n');
    });

    it('anchor: writes the head to a file (mode 600); verify --anchor checks it; a bad anchor file exits 2', async () => {
      const file = path.join(os.tmpdir(), `jixiao-anchor-${randomUUID()}.json`);
      try {
        const made = await runCli(['audit', 'anchor', '--out', file], target.env);
        expect(made.code).toBe(0);
        const anchor = JSON.parse(fs.readFileSync(file, 'utf8')) as { seq: number; hash: string };
        expect(anchor.seq).toBe(await target.count());
        expect(anchor.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        const ok = await runCli(['audit', 'verify', '--anchor', file], target.env);
        expect(ok.code).toBe(0);
        fs.writeFileSync(file, JSON.stringify({ ...anchor, hash: 'f'.repeat(64) }));
        const forged = await runCli(['audit', 'verify', '--anchor', file], target.env);
        expect(forged.code).toBe(1);
        expect(forged.stderr).toContain('锚点不符');
        fs.writeFileSync(file, 'not an anchor');
        const bad = await runCli(['audit', 'verify', '--anchor', file], target.env);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain('锚点文件无法读取或格式不对');
      } finally {
        fs.rmSync(file, { force: true });
      }
    });

    it('verify after an entry was edited behind the trigger: exit 1 naming the entry', async () => {
      await target.sql(`alter table audit_log disable trigger audit_log_no_update;
        update audit_log set after = jsonb_set(after, '{role}', '"auditAdmin"') where seq = 2;
        alter table audit_log enable trigger audit_log_no_update;`);
      const run = await runCli(['audit', 'verify'], target.env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('chain broken at seq 2');
      expect(run.stderr).toContain('哈希链在第 2 条处断裂');
    });
  });
}

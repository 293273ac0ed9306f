// Vitest global setup: build migrated database snapshots ONCE per test run (PGlite blobs, and
// template databases on PostgreSQL when JIXIAO_TEST_PG_URL is set), so each test file starts fast.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDb } from './open-db.ts';
import { migrate } from './migrate.ts';
import { loadDemo } from '../demo/load-demo.ts';

export const SNAPSHOT_DIR_ENV = 'JIXIAO_TEST_SNAPSHOT_DIR';

let createdDir: string | null = null;
const createdPgDbs: string[] = [];

export async function setup(): Promise<void> {
  if (
    process.env[SNAPSHOT_DIR_ENV] &&
    fs.existsSync(path.join(process.env[SNAPSHOT_DIR_ENV], 'demo.tar'))
  ) {
    return; // already built by an outer process
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-snap-'));
  createdDir = dir;
  process.env[SNAPSHOT_DIR_ENV] = dir;

  const database = await openDb({ kind: 'pglite' });
  await migrate(database);
  await writeSnapshot(database.pglite!, path.join(dir, 'empty.tar'));
  await loadDemo(database.db);
  await writeSnapshot(database.pglite!, path.join(dir, 'demo.tar'));
  await database.close();

  const pgUrl = process.env['JIXIAO_TEST_PG_URL'];
  if (pgUrl) {
    for (const kind of ['empty', 'demo'] as const) {
      const name = `jixiao_tpl_${kind}_${process.pid}`;
      await adminQuery(pgUrl, `drop database if exists ${name}`);
      await adminQuery(pgUrl, `create database ${name}`);
      createdPgDbs.push(name);
      const tpl = await openDb({ kind: 'pg', url: withDatabase(pgUrl, name), max: 2 });
      await migrate(tpl);
      if (kind === 'demo') {
        await loadDemo(tpl.db);
      }
      await tpl.close();
      process.env[`JIXIAO_TEST_PG_TEMPLATE_${kind.toUpperCase()}`] = name;
    }
  }
}

export async function teardown(): Promise<void> {
  if (createdDir) {
    fs.rmSync(createdDir, { recursive: true, force: true });
  }
  const pgUrl = process.env['JIXIAO_TEST_PG_URL'];
  if (pgUrl) {
    for (const name of createdPgDbs) {
      await adminQuery(pgUrl, `drop database if exists ${name} with (force)`);
    }
  }
}

async function writeSnapshot(
  client: import('@electric-sql/pglite').PGlite,
  file: string,
): Promise<void> {
  const blob = await client.dumpDataDir('none');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

export function withDatabase(url: string, dbName: string): string {
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  return u.toString();
}

// Test helper: a fresh database per test file, from the snapshots built by test-global-setup.ts,
// on PGlite and (when the test script started one) on a real PostgreSQL server.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { createRequire } from 'node:module';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import * as schema from './schema/index.ts';
import {
  openDb,
  pgliteStartParams,
  type Database,
  type Db,
  type Driver,
  type Queryable,
  type Tx,
} from './open-db.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit-log.ts';
import { SNAPSHOT_DIR_ENV, adminQuery, withDatabase } from './test-global-setup.ts';

export type Snapshot = 'empty' | 'demo';

export async function openTestDb(driver: Driver, snapshot: Snapshot = 'demo'): Promise<Database> {
  if (driver === 'pglite') {
    const dir = process.env[SNAPSHOT_DIR_ENV];
    if (!dir) {
      throw new Error('test snapshots missing: run through vitest (globalSetup)');
    }
    return openPgliteCopy(path.join(dir, `${snapshot}.tar`));
  }
  const url = process.env['JIXIAO_TEST_PG_URL'];
  const template = process.env[`JIXIAO_TEST_PG_TEMPLATE_${snapshot.toUpperCase()}`];
  if (!url || !template) {
    throw new Error('PostgreSQL test server not configured (JIXIAO_TEST_PG_URL)');
  }
  const name = `jixiao_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await adminQuery(url, `create database ${name} template ${template}`);
  const database = await openDb({ kind: 'pg', url: withDatabase(url, name), max: 4 });
  const close = database.close;
  // pool.end() resolves before its idle connections have ended on the server: the drop below then terminates them,
  // and a connection told so after its pool let it go has no one to tell (an uncaught error in the next test file
  // of this process). That one error, during close, is expected; any other still surfaces.
  let closing = false;
  database.pool?.on('connect', (client) => {
    client.on('error', (e: Error & { code?: string }) => {
      if (!closing || e.code !== '57P01') {
        throw e;
      }
    });
  });
  return {
    ...database,
    close: async () => {
      closing = true;
      await close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
  };
}

// Kept for the life of the test process: the server project runs many files per process (isolate: false in
// vitest.config.ts), so PGlite's WebAssembly is compiled once per worker — and the functions V8 has already
// optimised stay optimised for the next file — and each snapshot is read from disk once.
type WasmModule = NonNullable<PGliteOptions['pgliteWasmModule']>;
// The global WebAssembly object (the server's tsconfig has no DOM types, @types/node does not declare it).
const wasm = (
  globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> } }
).WebAssembly;
let pgliteModule: Promise<WasmModule> | null = null;
const snapshotBlobs = new Map<string, Blob>();

/** What openDb({ kind: 'pglite', loadDataDir }) opens, on this process's compiled PGlite module. */
async function openPgliteCopy(tarFile: string): Promise<Database> {
  pgliteModule ??= wasm.compile(
    fs.readFileSync(createRequire(import.meta.url).resolve('@electric-sql/pglite/pglite.wasm')),
  );
  let blob = snapshotBlobs.get(tarFile);
  if (!blob) {
    blob = new Blob([fs.readFileSync(tarFile)]);
    snapshotBlobs.set(tarFile, blob);
  }
  const client = await PGlite.create({
    startParams: pgliteStartParams(),
    loadDataDir: blob,
    pgliteWasmModule: await pgliteModule,
  });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    driver: 'pglite',
    pglite: client,
    pool: null,
    close: () => client.close(),
  };
}

/** Drivers available in this run: PGlite always; PostgreSQL when scripts/test.sh started it. */
export function testDrivers(): Driver[] {
  return process.env['JIXIAO_TEST_PG_URL'] ? ['pglite', 'pg'] : ['pglite'];
}

/**
 * Run the same suite on every available database. `use()` returns the database of the current
 * driver inside tests. Each driver gets its own fresh copy of the snapshot for this file.
 */
export function describeEachDb(
  name: string,
  fn: (use: () => Database, driver: Driver) => void,
  snapshot: Snapshot = 'demo',
): void {
  describeOn(testDrivers(), name, fn, snapshot);
}

function describeOn(
  drivers: Driver[],
  name: string,
  fn: (use: () => Database, driver: Driver) => void,
  snapshot: Snapshot,
): void {
  for (const driver of drivers) {
    describe(`${name} [${driver}]`, () => {
      let database: Database | null = null;
      beforeAll(async () => {
        database = await openTestDb(driver, snapshot);
      });
      afterAll(async () => {
        await database?.close();
      });
      fn(() => {
        if (!database) {
          throw new Error('database not open yet');
        }
        return database;
      }, driver);
    });
  }
}

/**
 * `describeEachDb` on PGlite only, for a suite whose database work another suite already runs on both databases
 * and whose own subject is not the database (converting a package to PDF, say): the second run would only
 * repeat the same SQL.
 */
export function describeOnOneDb(
  name: string,
  fn: (use: () => Database, driver: Driver) => void,
  snapshot: Snapshot = 'demo',
): void {
  describeOn(['pglite'], name, fn, snapshot);
}

/**
 * Tests only: a fixture change made directly in the database (not through a service), in one transaction with an
 * audit entry 'test.fixture' — the database refuses any change committed without one (migration audit_required).
 */
export async function fixtureWrite<T>(
  db: Queryable,
  what: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const out = await work(tx as Tx);
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'test.fixture',
      entity: 'test',
      entityId: what,
      departmentCode: null,
      before: null,
      after: null,
    });
    return out;
  });
}

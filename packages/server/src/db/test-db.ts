// Test helper: a fresh database per test file, from the snapshots built by test-global-setup.ts,
// on PGlite and (when the test script started one) on a real PostgreSQL server.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDb, type Database, type Driver, type Queryable, type Tx } from './open-db.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit-log.ts';
import { SNAPSHOT_DIR_ENV, adminQuery, withDatabase } from './test-global-setup.ts';

export type Snapshot = 'empty' | 'demo';

export async function openTestDb(driver: Driver, snapshot: Snapshot = 'demo'): Promise<Database> {
  if (driver === 'pglite') {
    const dir = process.env[SNAPSHOT_DIR_ENV];
    if (!dir) {
      throw new Error('test snapshots missing: run through vitest (globalSetup)');
    }
    const buf = fs.readFileSync(path.join(dir, `${snapshot}.tar`));
    return openDb({ kind: 'pglite', loadDataDir: new Blob([buf]) });
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
  return {
    ...database,
    close: async () => {
      await close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
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
  for (const driver of testDrivers()) {
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

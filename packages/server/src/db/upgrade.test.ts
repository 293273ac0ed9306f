// Upgrade: a database made by an older release (upgrade-fixtures/*.sql.gz — that release's server started once
// with the demo and a first administrator, frozen by make-fixture.sh) is migrated to this program's schema with
// its data kept: every row of every table of the old schema keeps every old column's value, the audit chain
// still verifies, the administrator signs in, and a backup taken before the upgrade restores into a new
// database and is upgraded inside the restore. On PGlite and PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, queryRows, type Database, type Driver } from './open-db.ts';
import { migrate } from './migrate.ts';
import { adminQuery, withDatabase } from './test-global-setup.ts';
import { testDrivers } from './test-db.ts';
import { verifyAuditChain } from '../audit/verify-chain.ts';
import { CLI_ACTOR } from '../auth/actor.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { TestClient } from '../http/test-client.ts';
import { listDepartments } from '../features/departments/departments.service.ts';
import { writeBackup } from '../features/operations/backup.service.ts';
import { readHeader, restoreBackup } from '../features/operations/restore.service.ts';
import { knownMigrations } from '../features/operations/backup-migrations.ts';
import {
  listTables,
  primaryKeyColumns,
  rowsQuery,
} from '../features/operations/backup.repository.ts';

const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'upgrade-fixtures');
const fixtures = fs.readdirSync(fixtureDir).filter((f) => f.endsWith('.sql.gz'));
const ADMIN_PASSWORD = 'Fixture-Haizhu-2023!';
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) {
    await c();
  }
});

/** An empty database of the driver (nothing in public). */
async function emptyDb(driver: Driver): Promise<{ database: Database; url: string | null }> {
  if (driver === 'pglite') {
    const database = await openDb({ kind: 'pglite' });
    cleanups.push(() => database.close());
    return { database, url: null };
  }
  const admin = process.env['JIXIAO_TEST_PG_URL']!;
  const name = `jixiao_upg_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await adminQuery(admin, `create database ${name}`);
  const url = withDatabase(admin, name);
  const database = await openDb({ kind: 'pg', url, max: 2 });
  cleanups.push(async () => {
    await database.close();
    await adminQuery(admin, `drop database if exists ${name} with (force)`);
  });
  return { database, url };
}

/** Runs the release's SQL script on an empty database (its own connection: the script clears search_path). */
async function loadFixture(driver: Driver, file: string): Promise<Database> {
  const script = zlib.gunzipSync(fs.readFileSync(path.join(fixtureDir, file))).toString('utf8');
  const { database, url } = await emptyDb(driver);
  if (driver === 'pglite') {
    await database.pglite!.exec('drop schema public cascade');
    await database.pglite!.exec(script);
    await database.pglite!.exec('reset search_path');
  } else {
    const client = new pg.Client({ connectionString: url! });
    await client.connect();
    try {
      await client.query('drop schema public cascade');
      await client.query(script);
    } finally {
      await client.end();
    }
  }
  return database;
}

async function tableRows(database: Database): Promise<Map<string, Record<string, unknown>[]>> {
  const out = new Map<string, Record<string, unknown>[]>();
  for (const table of await listTables(database.db)) {
    const key = await primaryKeyColumns(database.db, table);
    const rows = await queryRows<{ j: string }>(database.db, sql.raw(rowsQuery(table, key)));
    out.set(
      table,
      rows.map((r) => JSON.parse(r.j) as Record<string, unknown>),
    );
  }
  return out;
}

/**
 * Every old row is still there with every old column's value (new columns may be added). The audit log may
 * only grow (a migration or the restore may append entries); its head is checked by verifying the chain.
 */
function expectKept(
  before: Map<string, Record<string, unknown>[]>,
  after: Map<string, Record<string, unknown>[]>,
): void {
  for (const [table, rows] of before) {
    if (table === 'audit_chain_head') {
      continue;
    }
    const now = after.get(table) ?? [];
    if (table === 'audit_log') {
      expect(now.length, table).toBeGreaterThanOrEqual(rows.length);
    } else {
      expect(now.length, table).toBe(rows.length);
    }
    rows.forEach((row, i) => {
      const picked = Object.fromEntries(Object.keys(row).map((k) => [k, now[i]?.[k]]));
      expect(picked, `${table} row ${i}`).toEqual(row);
    });
  }
}

async function* asLines(lines: string[]): AsyncGenerator<string> {
  yield* lines;
}

for (const driver of testDrivers()) {
  describe.each(fixtures)(`upgrade from %s [${driver}]`, (file) => {
    it('migrates to the current schema with every row kept; the chain verifies; the admin signs in', async () => {
      const database = await loadFixture(driver, file);
      const oldLevel = (
        await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        )
      )[0]!.n;
      expect(oldLevel).toBeLessThan(knownMigrations().length);
      const before = await tableRows(database);
      expect(before.get('ledger_entries')!.length).toBeGreaterThan(0);

      // A backup of the old database, for the restore below.
      const backup: string[] = [];
      await writeBackup(database, async (text) => void backup.push(text), new Date());

      const { applied } = await migrate(database);
      expect(applied).toBe(knownMigrations().length - oldLevel);
      expectKept(before, await tableRows(database));
      expect((await verifyAuditChain(database.db)).intact).toBe(true);
      const departments = await listDepartments(database.db, CLI_ACTOR);
      expect(departments.map((d) => d.code)).toContain('440105-TZCJ');
      const client = new TestClient(
        createApp({ database, config: loadConfig({}), now: () => new Date() }),
      );
      expect((await client.login('admin', ADMIN_PASSWORD)).status).toBe(200);
      expect((await verifyAuditChain(database.db)).intact).toBe(true);

      // The old backup restores into a new database and is upgraded inside the restore.
      const target = (await emptyDb(driver)).database;
      const lines = backup.join('').split('\n').slice(0, -1);
      const restored = await restoreBackup(target, await readHeader(asLines(lines)), CLI_ACTOR);
      expect(restored.migrationsUpgraded).toBe(knownMigrations().length - oldLevel);
      expectKept(before, await tableRows(target));
      expect((await verifyAuditChain(target.db)).intact).toBe(true);
      expect((await migrate(target)).applied).toBe(0);
    }, 600_000);
  });
}

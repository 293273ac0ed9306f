// Backup → change → restore gives back byte-identical query results (every table dumped in key order), the
// audit chain verifies with the restore's own entry on top, and a bad file changes nothing — on both databases.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { queryRows, type Queryable } from '../../db/open-db.ts';
import { describeEachDb, fixtureWrite, openTestDb, testDrivers } from '../../db/test-db.ts';
import { verifyAuditChain } from '../../audit/verify-chain.ts';
import { ServiceError } from '../../http/service-error.ts';
import { backupFileLines, backupToFile } from './backup-file.ts';
import { writeBackup } from './backup.service.ts';
import { listTables, primaryKeyColumns, rowsQuery } from './backup.repository.ts';
import { readHeader, restoreBackup } from './restore.service.ts';
import type { Database } from '../../db/open-db.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-backup-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every table (sessions aside) as the JSON text of its rows in key order. */
export async function dumpTables(db: Queryable): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const table of await listTables(db)) {
    const rows = await queryRows<{ j: string }>(
      db,
      sql.raw(rowsQuery(table, await primaryKeyColumns(db, table))),
    );
    out.set(
      table,
      rows.map((r) => r.j),
    );
  }
  return out;
}

async function restoreFile(database: Database, file: string): Promise<unknown> {
  const lines = backupFileLines(file);
  try {
    return await restoreBackup(database, await readHeader(lines), CLI_ACTOR);
  } finally {
    await lines.return(undefined);
  }
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) {
      return e.code;
    }
    throw e;
  }
  return 'accepted';
}

function gzipLines(lines: string[]): Buffer {
  return zlib.gzipSync(lines.map((l) => `${l}\n`).join(''));
}

describeEachDb('backup and restore', (use, driver) => {
  const file = path.join(dir, `demo-${driver}.backup.gz`);
  let before: Map<string, string[]>;

  it('backs up, and a restore after changes gives every table back byte for byte', async () => {
    const { db } = use();
    before = await dumpTables(db);
    const summary = await backupToFile(use(), file, new Date('2026-12-03T12:00:00Z'));
    expect(summary.tables).toBe(before.size);
    expect(summary.rows).toBe([...before.values()].reduce((n, rows) => n + rows.length, 0));
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    await fixtureWrite(db, 'change after backup', async (tx) => {
      await tx.execute(sql`update departments set name = name || '（改）'`);
      await tx.execute(sql`delete from goal_events`);
    });
    expect(await dumpTables(db)).not.toEqual(before);

    const restored = (await restoreFile(use(), file)) as { rows: number; restoreEntrySeq: number };
    expect(restored.rows).toBe(summary.rows);
    const after = await dumpTables(db);
    for (const [table, rows] of before) {
      if (table === 'audit_log' || table === 'audit_chain_head') {
        continue;
      }
      expect(after.get(table), table).toEqual(rows);
    }
    // The log is the backup's, plus the restore's own entry chained onto it.
    const log = after.get('audit_log')!;
    expect(log.slice(0, -1)).toEqual(before.get('audit_log'));
    expect(JSON.parse(log.at(-1)!)).toMatchObject({
      action: 'database.restore',
      seq: summary.auditHead.seq + 1,
      prev_hash: summary.auditHead.hash,
    });
    expect(restored.restoreEntrySeq).toBe(summary.auditHead.seq + 1);
    const chain = await verifyAuditChain(db);
    expect(chain.intact).toBe(true);
    expect(chain.entries).toBe(summary.auditHead.seq + 1);
  }, 300_000);

  it('keeps working after a restore: sequences continue, the audit guard holds', async () => {
    const { db } = use();
    await fixtureWrite(db, 'write after restore', async (tx) => {
      await tx.execute(sql`update departments set name = name where code = '440105-TZCJ'`);
    });
    await expect(
      db.execute(sql`update departments set name = name where code = '440105-TZCJ'`),
    ).rejects.toThrow();
    expect((await verifyAuditChain(db)).intact).toBe(true);
  }, 300_000);

  it('is one snapshot: a change committed while the backup runs is not in it', async () => {
    const { db } = use();
    let write: Promise<unknown> | null = null;
    const chunks: string[] = [];
    await writeBackup(
      use(),
      async (text) => {
        chunks.push(text);
        if (write === null) {
          // After the header, before any table is read: another writer changes the departments.
          write = fixtureWrite(db, 'during backup', async (tx) => {
            await tx.execute(sql`update departments set name = name || '（备份中改）'`);
          });
          if (driver === 'pg') {
            await write; // PostgreSQL: committed while the snapshot is open
          }
        }
      },
      new Date(),
    );
    await write; // PGlite: the one connection queues the writer behind the snapshot
    const text = chunks.join('');
    expect(text).toContain('"name":"广州市海珠区投资促进局"');
    expect(text).not.toContain('备份中改');
    const now = await queryRows<{ name: string }>(
      db,
      sql`select name from departments where code = '440105-TZCJ'`,
    );
    expect(now[0]!.name).toContain('备份中改');
  }, 300_000);

  it('refuses a file that is not a backup, a truncated one and one from a newer program, changing nothing', async () => {
    const { db } = use();
    const state = await dumpTables(db);
    const notGzip = path.join(dir, `plain-${driver}.txt`);
    fs.writeFileSync(notGzip, 'hello\n');
    expect(await refusal(restoreFile(use(), notGzip))).toBe('BACKUP_FILE_INVALID');

    const notBackup = path.join(dir, `other-${driver}.gz`);
    fs.writeFileSync(notBackup, gzipLines(['{"format":"something-else"}']));
    expect(await refusal(restoreFile(use(), notBackup))).toBe('BACKUP_FILE_INVALID');

    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const truncated = path.join(dir, `truncated-${driver}.gz`);
    fs.writeFileSync(truncated, gzipLines(lines.slice(0, Math.floor(lines.length / 2))));
    expect(await refusal(restoreFile(use(), truncated))).toBe('BACKUP_FILE_INVALID');

    const edited = path.join(dir, `edited-${driver}.gz`);
    const body = lines.filter((l) => l !== '');
    const i = body.findIndex((l) => l.startsWith('{"code":"440105-TZCJ"'));
    body[i] = body[i]!.replace('440105-TZCJ', '440105-XXXX');
    fs.writeFileSync(edited, gzipLines(body));
    expect(await refusal(restoreFile(use(), edited))).toBe('BACKUP_FILE_INVALID');

    const header = JSON.parse(lines[0]!) as { migrations: { hash: string; createdAt: number }[] };
    header.migrations.push({ hash: 'f'.repeat(64), createdAt: 4_102_444_800_000 });
    const newer = path.join(dir, `newer-${driver}.gz`);
    fs.writeFileSync(newer, gzipLines([JSON.stringify(header), ...lines.slice(1)]));
    expect(await refusal(restoreFile(use(), newer))).toBe('BACKUP_SCHEMA_NEWER');

    expect(await dumpTables(db)).toEqual(state);
    expect((await verifyAuditChain(db)).intact).toBe(true);
  }, 300_000);
});

describe.runIf(testDrivers().includes('pg'))('a PGlite backup restores into PostgreSQL', () => {
  it('moves the embedded demo to PostgreSQL with every table identical', async () => {
    const source = await openTestDb('pglite', 'demo');
    const target = await openTestDb('pg', 'empty');
    try {
      const file = path.join(dir, 'pglite-to-pg.backup.gz');
      const summary = await backupToFile(source, file, new Date('2026-12-03T12:00:00Z'));
      const before = await dumpTables(source.db);
      await restoreFile(target, file);
      const after = await dumpTables(target.db);
      for (const [table, rows] of before) {
        if (table !== 'audit_log' && table !== 'audit_chain_head') {
          expect(after.get(table), table).toEqual(rows);
        }
      }
      expect(after.get('audit_log')!.slice(0, -1)).toEqual(before.get('audit_log'));
      const chain = await verifyAuditChain(target.db);
      expect(chain.intact).toBe(true);
      expect(chain.entries).toBe(summary.auditHead.seq + 1);
    } finally {
      await source.close();
      await target.close();
    }
  }, 300_000);
});

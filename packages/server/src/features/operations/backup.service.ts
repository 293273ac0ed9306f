// Backup: every table (but sign-in sessions) read in ONE read-only REPEATABLE READ transaction — a consistent
// snapshot while the server keeps serving (on PGlite the one connection is held for the duration) — and written
// as the Jixiao backup format (backup-format.ts). Who may: the system administrator (permission
// system.backup) through GET /api/admin/backup, or the operator on the host with the CLI. Each backup is
// written to the audit log after its snapshot (the file does not contain its own entry).
import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  END_MARKER,
  TABLE_MARKER,
  type BackupHeader,
} from './backup-format.ts';
import * as repo from './backup.repository.ts';
import { appliedMigrations, listTables, readTable } from './backup.repository.ts';

export interface BackupSummary {
  createdAt: string;
  tables: number;
  rows: number;
  sha256: string;
  auditHead: { seq: number; hash: string };
}

/** Receives the file's text, line by line ('\n' included); awaits for back-pressure. */
export type BackupSink = (text: string) => Promise<void>;

const BATCH = 2000;

async function chainHead(db: Queryable): Promise<{ seq: number; hash: string }> {
  return (await repo.auditChainHead(db)) ?? { seq: 0, hash: '0'.repeat(64) };
}

async function emitTables(
  tx: Queryable,
  emit: (line: string) => Promise<void>,
): Promise<{ tables: string[]; rows: number }> {
  const tables = await listTables(tx);
  let rows = 0;
  for (const table of tables) {
    await emit(`${TABLE_MARKER}${table}`);
    rows += await readTable(tx, table, BATCH, async (lines) => {
      await emit(lines.join('\n'));
    });
  }
  return { tables, rows };
}

/** Writes the whole database to `sink` from one consistent snapshot. */
export async function writeBackup(
  database: Database,
  sink: BackupSink,
  now: Date,
): Promise<BackupSummary> {
  const digest = createHash('sha256');
  const emit = async (line: string): Promise<void> => {
    const text = `${line}\n`;
    digest.update(text, 'utf8');
    await sink(text);
  };
  return database.db.transaction(
    async (tx) => {
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: now.toISOString(),
        driver: database.driver,
        migrations: await appliedMigrations(tx),
        auditHead: await chainHead(tx),
      };
      await emit(JSON.stringify(header));
      const { tables, rows } = await emitTables(tx, emit);
      const sha256 = digest.copy().digest('hex');
      await sink(`${END_MARKER}${JSON.stringify({ tables: tables.length, rows, sha256 })}\n`);
      return {
        createdAt: header.createdAt,
        tables: tables.length,
        rows,
        sha256,
        auditHead: header.auditHead,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The audit entry of a backup taken (after its snapshot). */
export async function auditBackup(
  db: Queryable,
  actor: Actor,
  summary: BackupSummary,
  via: 'api' | 'cli',
): Promise<void> {
  await recordAudit(db, actor, {
    action: 'database.backup',
    entity: 'database',
    entityId: summary.sha256.slice(0, 16),
    departmentCode: null,
    before: null,
    after: { via, ...summary },
  });
}

/** Backup through the API: system administrator only (三员分立: the auditor and the security officer may not). */
export function assertMayBackup(actor: Actor): void {
  assertPermission(actor, 'system.backup');
}

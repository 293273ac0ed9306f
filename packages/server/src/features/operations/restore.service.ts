// Restore: all or nothing, in ONE transaction — drop this application's schemas, rebuild the schema of the
// backup's version from the committed migrations, load every row, check the file's end line and checksum,
// put foreign keys and sequences back, apply the migrations newer than the backup, and write the audit entry
// 'database.restore' chained onto the restored log (so `audit verify` passes). Any failure rolls everything
// back: the database is as it was. Refused before anything starts: a file that is not a Jixiao backup
// (BACKUP_FILE_INVALID) or comes from a newer program (BACKUP_SCHEMA_NEWER). Run it with the server stopped.
import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import {
  backupLevel,
  damaged,
  parseHeader,
  parseMarker,
  type BackupHeader,
  type BackupTrailer,
} from './backup-format.ts';
import { applyMigrations, knownMigrations } from './backup-migrations.ts';
import * as repo from './backup.repository.ts';

export interface RestoreSummary {
  backupCreatedAt: string;
  tables: number;
  rows: number;
  migrationsUpgraded: number;
  previousAuditHead: { seq: number; hash: string } | null;
  auditHead: { seq: number; hash: string };
  restoreEntrySeq: number;
}

const BATCH = 1000;

/** What the target database holds now (to ask for confirmation before replacing it). */
export async function targetContents(db: Queryable): Promise<{ users: number; entries: number }> {
  return {
    users: await repo.countRows(db, 'users'),
    entries: await repo.countRows(db, 'audit_log'),
  };
}

/** PostgreSQL: how many other sessions use this database (a running server holds some). */
export const otherConnections = repo.otherConnections;

async function chainHeadIfAny(db: Queryable): Promise<{ seq: number; hash: string } | null> {
  if ((await repo.countRows(db, 'audit_chain_head')) === 0) {
    return null;
  }
  return repo.auditChainHead(db);
}

/** Reads the header line: refuses a file that is not a backup or is from a newer program. */
export async function readHeader(lines: AsyncIterator<string>): Promise<BackupRead> {
  const first = await lines.next();
  const headerLine = first.done ? undefined : first.value;
  const header = parseHeader(headerLine);
  return {
    header,
    headerLine: headerLine ?? '',
    level: backupLevel(header.migrations, knownMigrations()),
    lines,
  };
}

export interface BackupRead {
  header: BackupHeader;
  headerLine: string;
  /** How many of this program's migrations the backup's database had. */
  level: number;
  lines: AsyncIterator<string>;
}

interface Loaded {
  trailer: BackupTrailer;
  tables: number;
  rows: number;
  sha256: string;
}

/** Loads the table sections up to the end line, hashing every line as written. */
async function loadSections(tx: Queryable, read: BackupRead): Promise<Loaded> {
  const { lines } = read;
  const digest = createHash('sha256').update(`${read.headerLine}\n`, 'utf8');
  const existing = new Set(await repo.listTables(tx));
  let table: string | null = null;
  let pending: string[] = [];
  let tables = 0;
  let rows = 0;
  const flush = async (): Promise<void> => {
    if (table && pending.length > 0) {
      await repo.insertRows(tx, table, pending);
      rows += pending.length;
    }
    pending = [];
  };
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const line = next.value;
    if (line.startsWith('#')) {
      await flush();
      const marker = parseMarker(line);
      if ('end' in marker) {
        return { trailer: marker.end, tables, rows, sha256: digest.digest('hex') };
      }
      if (!existing.has(marker.table)) {
        throw damaged(`备份含有本版本没有的表 ${marker.table}`, `unknown table ${marker.table}`);
      }
      table = marker.table;
      tables += 1;
    } else if (table === null) {
      throw damaged('数据行出现在表名之前', 'a row before any table');
    } else {
      pending.push(line);
      if (pending.length >= BATCH) {
        await flush();
      }
    }
    digest.update(`${line}\n`, 'utf8');
  }
  throw damaged('文件不完整（缺少结束行）', 'incomplete file (no end line)');
}

function checkTrailer(loaded: Loaded): void {
  const t = loaded.trailer;
  if (t.sha256 !== loaded.sha256 || t.tables !== loaded.tables || t.rows !== loaded.rows) {
    throw damaged('校验和或行数不符', 'checksum or row count mismatch');
  }
}

/** Rebuilds the backup's schema version, loads its rows with triggers and foreign keys off, puts them back. */
async function rebuildAndLoad(tx: Queryable, read: BackupRead): Promise<Loaded> {
  await repo.dropEverything(tx);
  await applyMigrations(tx, 0, read.level);
  const fks = await repo.foreignKeys(tx);
  await repo.dropForeignKeys(tx, fks);
  // Loading fires no trigger: the append-only guards would refuse replacing the chain head, and the
  // per-row audit guards are answered by the restore's own entry in this transaction.
  const tables = await repo.allTables(tx);
  for (const t of tables) {
    await repo.setUserTriggers(tx, t, false);
  }
  if ((await repo.countRows(tx, 'audit_chain_head')) > 0) {
    await repo.deleteAuditChainHead(tx);
  }
  const loaded = await loadSections(tx, read);
  checkTrailer(loaded);
  const head = await chainHeadIfAny(tx);
  if (head?.seq !== read.header.auditHead.seq || head.hash !== read.header.auditHead.hash) {
    throw damaged('审计链头与文件头不符', 'audit chain head differs from the header');
  }
  for (const t of tables) {
    await repo.setUserTriggers(tx, t, true);
  }
  await repo.addForeignKeys(tx, fks);
  await repo.resetSequences(tx);
  return loaded;
}

/** Replaces the whole database with the backup read from `lines` (after readHeader). */
export async function restoreBackup(
  database: Database,
  read: BackupRead,
  actor: Actor,
): Promise<RestoreSummary> {
  const { header } = read;
  return database.db.transaction(async (tx) => {
    const previousAuditHead = await chainHeadIfAny(tx);
    const loaded = await rebuildAndLoad(tx, read);
    const migrationsUpgraded = await applyMigrations(tx, read.level, knownMigrations().length);
    const summary = {
      backupCreatedAt: header.createdAt,
      tables: loaded.tables,
      rows: loaded.rows,
      migrationsUpgraded,
      previousAuditHead,
      auditHead: header.auditHead,
    };
    const entry = await recordAudit(tx, actor, {
      action: 'database.restore',
      entity: 'database',
      entityId: loaded.sha256.slice(0, 16),
      departmentCode: null,
      before: previousAuditHead ? { auditHead: previousAuditHead } : null,
      after: { ...summary, previousAuditHead: undefined, backupDriver: header.driver },
    });
    return { ...summary, restoreEntrySeq: entry.seq };
  });
}

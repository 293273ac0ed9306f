// The Jixiao backup file: gzip of JSON lines, the same for PGlite and PostgreSQL (a backup of one restores
// into the other).
//   line 1     header {format:'jixiao-backup', version:1, createdAt, driver, migrations:[{hash,createdAt}], auditHead}
//   then, per table: `#table name` followed by one line per row (PostgreSQL's row_to_json text, ordered by key)
//   last line  `#end {"tables":…,"rows":…,"sha256":…}` — sha256 of every line before it, each with its '\n'
// Section lines start with '#', which no row (a JSON object) can.
// A file without the header, with a broken line or without a matching end line is refused before anything
// is committed.
import { ServiceError } from '../../http/service-error.ts';
import type { AppliedMigration } from './backup.repository.ts';

export const BACKUP_FORMAT = 'jixiao-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  driver: 'pglite' | 'pg';
  migrations: AppliedMigration[];
  auditHead: { seq: number; hash: string };
}

export interface BackupTrailer {
  tables: number;
  rows: number;
  sha256: string;
}

function invalid(reason: string, reasonEn: string): ServiceError {
  return new ServiceError('BACKUP_FILE_INVALID', { reason, reasonEn });
}

function parseLine(line: string | undefined, what: string): Record<string, unknown> {
  try {
    const v = JSON.parse(line ?? '') as unknown;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      return v as Record<string, unknown>;
    }
  } catch {
    // reported below
  }
  throw invalid(`${what}无法读取`, `unreadable ${what === '文件头' ? 'header' : 'line'}`);
}

export function parseHeader(line: string | undefined): BackupHeader {
  const h = parseLine(line, '文件头');
  if (h['format'] !== BACKUP_FORMAT) {
    throw invalid('缺少 Jixiao 备份文件头', 'no Jixiao backup header');
  }
  if (h['version'] !== BACKUP_VERSION) {
    throw invalid(`备份格式版本 ${String(h['version'])} 不受支持`, 'unsupported format version');
  }
  const migrations = h['migrations'];
  if (
    !Array.isArray(migrations) ||
    !migrations.every(
      (m: unknown) =>
        typeof (m as AppliedMigration).hash === 'string' &&
        typeof (m as AppliedMigration).createdAt === 'number',
    )
  ) {
    throw invalid('文件头缺少数据库版本', 'header without the database version');
  }
  return h as unknown as BackupHeader;
}

export const TABLE_MARKER = '#table ';
export const END_MARKER = '#end ';

/** A section line names the next table; the end line closes the file. */
export function parseMarker(line: string): { table: string } | { end: BackupTrailer } {
  if (line.startsWith(END_MARKER)) {
    const m = parseLine(line.slice(END_MARKER.length), '结束行');
    if (
      typeof m['sha256'] === 'string' &&
      typeof m['tables'] === 'number' &&
      typeof m['rows'] === 'number'
    ) {
      return { end: m as unknown as BackupTrailer };
    }
  }
  const table = line.startsWith(TABLE_MARKER) ? line.slice(TABLE_MARKER.length) : '';
  if (/^[a-z_][a-z0-9_]*$/.test(table)) {
    return { table };
  }
  throw invalid('分节行格式不对', 'malformed section line');
}

export function damaged(reason: string, reasonEn: string): ServiceError {
  return invalid(reason, reasonEn);
}

export interface KnownMigration {
  hash: string;
  createdAt: number;
}

/**
 * How many of this program's migrations the backup has. Refuses a backup from a newer program
 * (BACKUP_SCHEMA_NEWER) or from another history (BACKUP_SCHEMA_UNKNOWN). Migrations are matched by their
 * timestamps, as drizzle applies them.
 */
export function backupLevel(backup: AppliedMigration[], known: KnownMigration[]): number {
  const last = known[known.length - 1]?.createdAt ?? 0;
  if (
    backup.length > known.length ||
    backup.some((m) => m.createdAt > last && !known.some((k) => k.createdAt === m.createdAt))
  ) {
    throw new ServiceError('BACKUP_SCHEMA_NEWER', { backup: backup.length, known: known.length });
  }
  backup.forEach((m, i) => {
    if (known[i]?.createdAt !== m.createdAt) {
      throw new ServiceError('BACKUP_SCHEMA_UNKNOWN', { index: i + 1 });
    }
  });
  return backup.length;
}

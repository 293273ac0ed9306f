// Backup files on disk and on the wire: gzip of the backup lines. Writing goes to FILE.partial, renamed
// only once complete (a failed backup never leaves a file that looks whole); reading yields lines and
// turns a file that is not gzip into BACKUP_FILE_INVALID.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';
import zlib from 'node:zlib';
import type { Database } from '../../db/open-db.ts';
import { damaged, parseHeader, parseMarker, type BackupHeader } from './backup-format.ts';
import { writeBackup, type BackupSummary } from './backup.service.ts';

/** Writes a backup through gzip into `out` (a file or a response stream). */
export async function backupToStream(
  database: Database,
  out: Writable,
  now: Date,
): Promise<BackupSummary> {
  const gzip = zlib.createGzip();
  const done = pipeline(gzip, out);
  try {
    const summary = await writeBackup(
      database,
      async (text) => {
        if (!gzip.write(text)) {
          await once(gzip, 'drain');
        }
      },
      now,
    );
    gzip.end();
    await done;
    return summary;
  } catch (e) {
    gzip.destroy(e as Error);
    await done.catch(() => undefined);
    throw e;
  }
}

export async function backupToFile(
  database: Database,
  file: string,
  now: Date,
): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  try {
    const summary = await backupToStream(
      database,
      fs.createWriteStream(partial, { mode: 0o600 }),
      now,
    );
    fs.renameSync(partial, file);
    return summary;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** The lines of a gzip'd backup stream ('\n' removed). */
export async function* backupLines(input: Readable): AsyncGenerator<string> {
  const gunzip = zlib.createGunzip();
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      rest += decoder.write(chunk as Buffer);
      const parts = rest.split('\n');
      rest = parts.pop() ?? '';
      yield* parts;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code?.startsWith('Z_')) {
      throw damaged('不是 gzip 压缩的备份文件或已截断', 'not a gzip backup file, or truncated');
    }
    throw e;
  }
  rest += decoder.end();
  if (rest !== '') {
    yield rest;
  }
}

export function backupFileLines(file: string): AsyncGenerator<string> {
  return backupLines(fs.createReadStream(file));
}

export interface BackupCheck {
  header: BackupHeader;
  tables: number;
  rows: number;
  sha256: string;
}

/** Reads a backup file through to its end line and checks it (without touching any database). */
export async function checkBackupFile(file: string): Promise<BackupCheck> {
  const digest = createHash('sha256');
  const lines = backupFileLines(file);
  const first = await lines.next();
  const headerLine = first.done ? undefined : first.value;
  const header = parseHeader(headerLine);
  digest.update(`${headerLine ?? ''}\n`, 'utf8');
  let tables = 0;
  let rows = 0;
  for await (const line of lines) {
    if (line.startsWith('#')) {
      const marker = parseMarker(line);
      if ('end' in marker) {
        const sha256 = digest.digest('hex');
        const t = marker.end;
        if (t.sha256 !== sha256 || t.tables !== tables || t.rows !== rows) {
          throw damaged('校验和或行数不符', 'checksum or row count mismatch');
        }
        return { header, tables, rows, sha256 };
      }
      tables += 1;
    } else {
      rows += 1;
    }
    digest.update(`${line}\n`, 'utf8');
  }
  throw damaged('文件不完整（缺少结束行）', 'incomplete file (no end line)');
}

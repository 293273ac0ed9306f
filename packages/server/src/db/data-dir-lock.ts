// One process at a time on an embedded database: PGlite has a single writer and no shared-memory locking, so a
// second process opening the same data directory (the CLI while the server runs, two CLIs) corrupts it. The
// first opener creates `<dataDir>.lock` exclusively (pid, host, who, since); another process is refused with a
// message naming the holder; a lock left by a process that no longer runs (kill -9) is taken over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ServiceError } from '../http/service-error.ts';

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

interface LockInfo {
  pid: number;
  host: string;
  holder: string;
  since: string;
}

export function lockFileOf(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** Takes the data directory for this process, or throws DATA_DIR_IN_USE naming the process that has it. */
export function lockDataDir(dataDir: string, holder: string): DataDirLock {
  const file = lockFileOf(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const mine: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    holder,
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx', mode: 0o600 });
      return {
        file,
        release: () => {
          if (readLock(file)?.pid === process.pid) {
            fs.rmSync(file, { force: true });
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw e;
      }
    }
    const other = readLock(file);
    const stale = other === null || (other.host === mine.host && !isRunning(other.pid));
    if (!stale) {
      throw new ServiceError('DATA_DIR_IN_USE', {
        dataDir: path.resolve(dataDir),
        holder: other.holder,
        pid: other.pid,
        since: other.since,
      });
    }
    fs.rmSync(file, { force: true }); // left by a process that no longer runs
  }
  throw new ServiceError('DATA_DIR_IN_USE', {
    dataDir: path.resolve(dataDir),
    holder: '?',
    pid: 0,
    since: '?',
  });
}

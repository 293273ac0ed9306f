// One process at a time on an embedded data directory (issue 16 §2: the CLI beside a running server corrupted
// it). A second open is refused naming the holder; closing releases; a lock left by a dead process is taken over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Database } from './open-db.ts';
import { lockDataDir, lockFileOf } from './data-dir-lock.ts';
import { ServiceError } from '../http/service-error.ts';

const dirs: string[] = [];
const open: Database[] = [];
function tempDataDir(): string {
  const dir = path.join(os.tmpdir(), `jixiao-lock-${randomUUID()}`, 'data');
  dirs.push(path.dirname(dir));
  return dir;
}

afterEach(async () => {
  for (const d of open.splice(0)) {
    await d.close();
  }
  for (const d of dirs.splice(0)) {
    fs.rmSync(d, { recursive: true, force: true });
  }
});

describe('embedded data directory lock', () => {
  it('a second opener is refused with DATA_DIR_IN_USE naming the holder; after close it opens', async () => {
    const dataDir = tempDataDir();
    const first = await openDb({
      kind: 'pglite',
      dataDir,
      holder: '服务器 server http://localhost:3000',
    });
    open.push(first);
    const err = await openDb({ kind: 'pglite', dataDir, holder: 'cli' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).code).toBe('DATA_DIR_IN_USE');
    expect((err as ServiceError).messageZh).toContain('服务器 server http://localhost:3000');
    expect((err as ServiceError).messageZh).toContain(`进程 ${process.pid}`);
    await open.pop()!.close();
    expect(fs.existsSync(lockFileOf(dataDir))).toBe(false);
    const again = await openDb({ kind: 'pglite', dataDir, holder: 'cli' });
    open.push(again);
    expect(fs.existsSync(lockFileOf(dataDir))).toBe(true);
  });

  it('takes over a lock left by a process that no longer runs (kill -9)', () => {
    const dataDir = tempDataDir();
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    const deadPid = 2 ** 22 + 17; // above Linux's pid_max default: never a running process
    fs.writeFileSync(
      lockFileOf(dataDir),
      JSON.stringify({
        pid: deadPid,
        host: os.hostname(),
        holder: 'server',
        since: '2026-12-01T00:00:00Z',
      }),
    );
    const lock = lockDataDir(dataDir, 'cli');
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8'))).toMatchObject({
      pid: process.pid,
      holder: 'cli',
    });
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
  });
});

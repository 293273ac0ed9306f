// Test helper: a PGlite data directory on disk made from a snapshot of test-global-setup.ts, for tests that start
// another process on it (the CLI, the server of the browser tests). The snapshot is the tar PGlite's dumpDataDir
// wrote; unpacking it with tar is what PGlite's loadDataDir does, without starting a PGlite for it (≈0.3 s instead
// of ≈4 s). Node modules only, so the browser tests' harness can import it without the server's graph.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Set by test-global-setup.ts (SNAPSHOT_DIR_ENV there): the folder holding empty.tar and demo.tar. */
const SNAPSHOT_DIR_ENV = 'JIXIAO_TEST_SNAPSHOT_DIR';

export type DataDirSnapshot = 'empty' | 'demo';

/** The snapshot's tar file, or null outside a vitest run (no global setup). */
export function snapshotTar(snapshot: DataDirSnapshot): string | null {
  const dir = process.env[SNAPSHOT_DIR_ENV];
  if (!dir) {
    return null;
  }
  const file = path.join(dir, `${snapshot}.tar`);
  return fs.existsSync(file) ? file : null;
}

/** Fills `dataDir` (created if missing, must hold no database) with the snapshot: migrated, and the demo loaded for 'demo'. */
export function seedDataDir(dataDir: string, snapshot: DataDirSnapshot = 'demo'): void {
  const tar = snapshotTar(snapshot);
  if (!tar) {
    throw new Error('test snapshots missing: run through vitest (globalSetup)');
  }
  fs.mkdirSync(dataDir, { recursive: true });
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new Error(`${dataDir} already holds a database`);
  }
  // The members are named /base/…, /global/…: tar strips the leading '/' (and says so on stderr, ignored).
  execFileSync('tar', ['-xf', tar, '-C', dataDir], { stdio: ['ignore', 'ignore', 'pipe'] });
}

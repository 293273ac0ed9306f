// One engine × one size of `npm run bench`, in a process of its own so that its peak RSS is its own: a fresh
// database (PGlite in a temp dir, or a new PostgreSQL database), the budgets imported, then
//   1. the raw baseline: the same rows, already in the ledger's columns (bench/generate-ledger.ts), COPYed into
//      the same ledger_entries table with the same indexes, no checks — PostgreSQL: one COPY FROM STDIN stream;
//      PGlite: COPY FROM '/dev/blob' in 8 MB pieces (one blob of the whole file would be held twice in memory);
//   2. TRUNCATE, then our import through the real path (importLedger: hash, duplicate check, parse, every check,
//      COPY, months check, batch row, audit, VACUUM ANALYZE), RSS sampled every 50 ms;
//   3. with --execution, execution of every project (cold, then again).
// Prints one JSON line (ImportBenchResult). Usage: node --import tsx bench/import-bench.ts ENGINE ROWS DIR [PG_URL]
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { PoolClient } from 'pg';
import { CLI_ACTOR, migrate, openDb, type Database } from '@jixiao/server';
import * as s from '@jixiao/server/db/schema/index';
import { fileSource } from '@jixiao/server/import/import-source';
import { LEDGER_COLUMNS } from '@jixiao/server/import/ledger-batches';
import type { ThreadHeap } from '@jixiao/server/import/ledger-batches-thread';
import { poolStats } from '@jixiao/server/offload/offload-pool';
import { importBudgets, importLedger } from '@jixiao/server/features/imports/imports.service';
import { computeExecution } from '@jixiao/server/features/execution/execution.service';
import { auditInTx } from '@jixiao/server/audit/audit-log';
import { sql } from 'drizzle-orm';
import { BENCH_DEPT, BENCH_REGION, BENCH_YEAR } from './generate-ledger.ts';

export interface ImportBenchResult {
  engine: 'PGlite' | 'PostgreSQL';
  rows: number;
  rawCopyS: number;
  rawVacuumS: number;
  importS: number;
  /** Peak RSS of this process (the whole run of this engine and size). */
  peakRssMb: number;
  /** RSS growth during our import, over the RSS before it (peak; see `importMem`). */
  importRssGrowthMb: number;
  /** Where the raw COPY's memory went (the engine's own growth for this table: the reference). */
  rawMem: PhaseMemory;
  /** Where our import's memory went. */
  importMem: PhaseMemory;
  /** The parse thread's heap during our import (a thread of the pool: its memory is in this process's RSS). */
  parseThreadHeap: ThreadHeap | null;
  /** Pooled worker threads before and after our import (a retired thread is replaced by a warm one). */
  poolThreads: [number, number];
  executionS: number | null;
  warmExecutionS: number | null;
  executedYuan: string | null;
  projects: number | null;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; s: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, s: (performance.now() - t0) / 1000 };
}

/** The bench's region, department and fiscal year, audited like any write (the audit guard refuses otherwise). */
async function seed(database: Database): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx
      .insert(s.regions)
      .values({ code: BENCH_REGION, name: '基准测试区', parentCode: null, level: 'district' });
    await tx.insert(s.departments).values({
      code: BENCH_DEPT,
      regionCode: BENCH_REGION,
      name: '基准测试部门',
      shortName: '基准部门',
      kind: 'department',
    });
    await tx.insert(s.fiscalYears).values({ regionCode: BENCH_REGION, year: BENCH_YEAR });
    await auditInTx(tx, CLI_ACTOR, {
      action: 'bench.seed',
      entity: 'regions',
      entityId: BENCH_REGION,
      departmentCode: BENCH_DEPT,
      before: null,
      after: { department: BENCH_DEPT, year: BENCH_YEAR },
    });
  });
}

const COPY_SQL = (from: string) =>
  `COPY ledger_entries (${LEDGER_COLUMNS.join(', ')}) FROM ${from} WITH (FORMAT csv)`;

/** The file in pieces of about `size` bytes, each ending at a line end. */
async function* pieces(file: string, size = 8 << 20): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    pending.push(chunk as Buffer);
    pendingBytes += (chunk as Buffer).length;
    if (pendingBytes >= size) {
      const all = Buffer.concat(pending);
      const cut = all.lastIndexOf(10) + 1;
      yield all.subarray(0, cut);
      pending = [all.subarray(cut)];
      pendingBytes = all.length - cut;
    }
  }
  if (pendingBytes > 0) {
    yield Buffer.concat(pending);
  }
}

/** The raw baseline: COPY of the ledger-shaped file in one transaction, no checks. */
async function rawCopy(database: Database, copyCsv: string): Promise<void> {
  if (database.pglite) {
    await database.pglite.transaction(async (tx) => {
      for await (const piece of pieces(copyCsv)) {
        await tx.query(COPY_SQL(`'/dev/blob'`), [], {
          blob: new Blob([piece as unknown as BlobPart]),
        });
      }
    });
    return;
  }
  const client: PoolClient = await database.pool!.connect();
  try {
    await client.query('begin');
    await pipeline(
      fs.createReadStream(copyCsv, { highWaterMark: 1 << 20 }),
      client.query(copyFrom(COPY_SQL('STDIN'))),
    );
    await client.query('commit');
  } finally {
    client.release();
  }
}

/** One reading of this process's memory, in MB, after a full collection (node --expose-gc) when available. */
interface MemReading {
  rss: number;
  /** V8 heap in use, this (the importing) thread. */
  heap: number;
  /** ArrayBuffers and Buffers held from JS (COPY batches, file chunks), without PGlite's WASM memory. */
  buffers: number;
  /** PGlite's WASM linear memory, its resident pages (PostgreSQL's own heap, shared buffers, sorts); 0 on PostgreSQL. */
  wasm: number;
}

/** A phase's memory: peak RSS growth over the start (the kernel's high-water mark), and what is held after it. */
export interface PhaseMemory {
  peakGrowthMb: number;
  /** Growth held after the phase, each part after a full collection. */
  held: MemReading;
  /** Growth of the WASM memory's resident pages (they are never given back, so: after the phase = at its largest). */
  wasmGrowthMb: number;
  /** held.rss − heap − buffers − wasm: native memory, the parse thread's heap, allocator slack. */
  restMb: number;
}

const MB = 1048576;

/** PGlite's WASM memory in bytes (the Emscripten module is not public API: read defensively). */
function wasmBytes(database: Database): number {
  const mod = (database.pglite as unknown as { mod?: { HEAPU8?: Uint8Array } } | null)?.mod;
  return mod?.HEAPU8?.buffer.byteLength ?? 0;
}

/**
 * The resident part of PGlite's WASM memory, in bytes: the read-write mapping of exactly its size in
 * /proc/self/smaps (pages of it never touched are not resident). The largest if several match; `bytes` if none.
 */
function wasmResidentBytes(bytes: number): number {
  if (bytes === 0) {
    return 0;
  }
  let text: string;
  try {
    text = fs.readFileSync('/proc/self/smaps', 'utf8');
  } catch {
    return bytes;
  }
  let found = -1;
  let inMatch = false;
  for (const line of text.split('\n')) {
    const range = /^([0-9a-f]+)-([0-9a-f]+) rw/.exec(line);
    if (range) {
      inMatch = parseInt(range[2]!, 16) - parseInt(range[1]!, 16) === bytes;
    } else if (/^[0-9a-f]+-/.test(line)) {
      inMatch = false;
    } else if (inMatch && line.startsWith('Rss:')) {
      found = Math.max(found, Number(/(\d+) kB/.exec(line)?.[1] ?? 0) * 1024);
    }
  }
  return found < 0 ? bytes : found;
}

function procStatusKb(field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      fs.readFileSync('/proc/self/status', 'utf8'),
    );
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** The run's peak RSS in kB from the kernel's marks taken before each reset (resetting also lowers getrusage's). */
let runPeakKb = 0;

/** The peak RSS of the whole run, in MB (the kernel's marks across resets, and getrusage). */
function runPeakRssMb(): number {
  runPeakKb = Math.max(runPeakKb, procStatusKb('VmHWM') ?? 0);
  return Math.round(Math.max(runPeakKb, process.resourceUsage().maxRSS) / 1024);
}

/** Resets the kernel's peak-RSS mark of this process (Linux); false where it cannot. */
function resetPeakRss(): boolean {
  runPeakRssMb();
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function readMemory(database: Database): MemReading {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const wasm = wasmBytes(database); // counted in arrayBuffers
  return {
    rss: m.rss / MB,
    heap: m.heapUsed / MB,
    buffers: (m.arrayBuffers - wasm) / MB,
    wasm: wasmResidentBytes(wasm) / MB,
  };
}

/** Runs `fn` and says where its memory went (see PhaseMemory); RSS is also sampled every 50 ms as a fallback. */
async function withMemory<T>(
  database: Database,
  fn: () => Promise<T>,
): Promise<{ value: T; s: number; mem: PhaseMemory }> {
  const before = readMemory(database);
  const kernelPeak = resetPeakRss();
  let sampled = process.memoryUsage().rss;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage().rss);
  }, 50);
  let r: { value: T; s: number };
  try {
    r = await timed(fn);
  } finally {
    clearInterval(timer);
  }
  const hwm = kernelPeak ? procStatusKb('VmHWM') : null;
  const peak = Math.max(sampled / MB, hwm === null ? 0 : hwm / 1024);
  const after = readMemory(database);
  const d = (k: keyof MemReading) => Math.round(after[k] - before[k]);
  const held = { rss: d('rss'), heap: d('heap'), buffers: d('buffers'), wasm: d('wasm') };
  return {
    ...r,
    mem: {
      peakGrowthMb: Math.round(peak - before.rss),
      held,
      wasmGrowthMb: held.wasm,
      restMb: held.rss - held.heap - held.buffers - held.wasm,
    },
  };
}

export async function benchOneSize(
  engine: 'pglite' | 'pg',
  rows: number,
  dir: string,
  pgUrl: string | undefined,
  withExecution: boolean,
): Promise<ImportBenchResult> {
  const database =
    engine === 'pglite'
      ? await openDb({ kind: 'pglite', dataDir: path.join(dir, `pglite-${rows}`) })
      : await openDb({ kind: 'pg', url: pgUrl!, max: 4 });
  try {
    await migrate(database);
    await seed(database);
    const input = { departmentCode: BENCH_DEPT, year: BENCH_YEAR };
    await importBudgets(database, CLI_ACTOR, {
      ...input,
      source: fileSource(path.join(dir, 'budget.csv')),
    });
    const raw = await withMemory(database, async () => {
      const copy = await timed(() => rawCopy(database, path.join(dir, `ledger-${rows}.copy.csv`)));
      const vacuum = await timed(() => database.db.execute(sql`vacuum (analyze) ledger_entries`));
      return { copyS: copy.s, vacuumS: vacuum.s };
    });
    await database.db.execute(sql`truncate ledger_entries`);
    const threadsBefore = poolStats().threads;
    let reader: { threadHeap: ThreadHeap | null } | null = null;
    const ours = await withMemory(database, () =>
      importLedger(
        database,
        CLI_ACTOR,
        { ...input, source: fileSource(path.join(dir, `ledger-${rows}.csv`)) },
        { onReader: (r) => (reader = r) },
      ),
    );
    const threadsAfter = poolStats().threads;
    let exec: Awaited<ReturnType<typeof computeExecution>> | null = null;
    let executionS: number | null = null;
    let warmExecutionS: number | null = null;
    if (withExecution) {
      const dept = { code: BENCH_DEPT, name: '基准测试部门', regionCode: BENCH_REGION };
      const cold = await timed(() => computeExecution(database.db, dept, BENCH_YEAR, 12));
      const warm = await timed(() => computeExecution(database.db, dept, BENCH_YEAR, 12));
      exec = cold.value;
      executionS = cold.s;
      warmExecutionS = warm.s;
    }
    return {
      engine: engine === 'pglite' ? 'PGlite' : 'PostgreSQL',
      rows: ours.value.rows,
      rawCopyS: raw.value.copyS,
      rawVacuumS: raw.value.vacuumS,
      importS: ours.s,
      peakRssMb: runPeakRssMb(),
      importRssGrowthMb: ours.mem.peakGrowthMb,
      rawMem: raw.mem,
      importMem: ours.mem,
      parseThreadHeap: (reader as { threadHeap: ThreadHeap | null } | null)?.threadHeap ?? null,
      poolThreads: [threadsBefore, threadsAfter],
      executionS,
      warmExecutionS,
      executedYuan: exec?.executedYuan ?? null,
      projects: exec?.projects.length ?? null,
    };
  } finally {
    await database.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const [engine, rows, dir, pgUrl] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const result = await benchOneSize(
    engine as 'pglite' | 'pg',
    Number(rows),
    dir!,
    pgUrl,
    process.argv.includes('--execution'),
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

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
  /** RSS growth during our import, over the RSS before it. */
  importRssGrowthMb: number;
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

async function withRssSampling<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; s: number; growthMb: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const r = await timed(fn);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { ...r, growthMb: Math.round((peak - base) / 1048576) };
  } finally {
    clearInterval(timer);
  }
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
    const raw = await timed(() => rawCopy(database, path.join(dir, `ledger-${rows}.copy.csv`)));
    const vacuum = await timed(() => database.db.execute(sql`vacuum (analyze) ledger_entries`));
    await database.db.execute(sql`truncate ledger_entries`);
    const ours = await withRssSampling(() =>
      importLedger(database, CLI_ACTOR, {
        ...input,
        source: fileSource(path.join(dir, `ledger-${rows}.csv`)),
      }),
    );
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
      rawCopyS: raw.s,
      rawVacuumS: vacuum.s,
      importS: ours.s,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      importRssGrowthMb: ours.growthMb,
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

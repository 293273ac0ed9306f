// npm run bench — the ledger import against the engine itself (issue 19), then latency under load.
// For each size (10⁵ and 10⁶ rows; 4·10⁶ with JIXIAO_BENCH_4M=1, or JIXIAO_BENCH_SIZES=100000,1000000,…) and each
// engine (PGlite, PostgreSQL — JIXIAO_BENCH_PG_URL, or one started by bench/start-pg.sh and stopped at the end;
// JIXIAO_BENCH_ENGINES=pg or =pglite for one of them), a
// child process (bench/import-bench.ts, so peak RSS is per run) times the raw baseline — the same rows COPYed into
// the same ledger table with the same indexes, no checks — and our import through the real path, and at 10⁶ rows
// execution of all 10,000 projects; DuckDB reading the same CSV is printed for reference. Then the load part
// (bench/load.ts, both engines; JIXIAO_BENCH_SKIP_LOAD=1 leaves it out) and, opt-in, the memory soak
// (bench/soak.ts, JIXIAO_BENCH_SOAK_S=1800) and the province (bench/province.ts, JIXIAO_BENCH_PROVINCE=1). Every
// figure is printed beside its goal; it never asserts. It bounds its own runtime (JIXIAO_BENCH_TIME_LIMIT_S,
// default 720 s without the opt-in parts, plus the soak's length).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { fenToYuanString } from '@jixiao/core';
import pg from 'pg';
import { BENCH_YEAR, writeBudgetCsv, writeLedgerCsv } from './generate-ledger.ts';
import type { ImportBenchResult } from './import-bench.ts';
import { runLoadBench } from './load.ts';
import { runReportsBench } from './reports.ts';
import { runProvinceBench } from './province.ts';
import { runSoakBench } from './soak.ts';

const SIZES = (
  process.env['JIXIAO_BENCH_SIZES'] ??
  (process.env['JIXIAO_BENCH_4M'] === '1' ? '100000,1000000,4000000' : '100000,1000000')
)
  .split(',')
  .map(Number);
/** The engines measured (JIXIAO_BENCH_ENGINES=pglite,pg by default; one of them to run the other alone). */
const ENGINES = (process.env['JIXIAO_BENCH_ENGINES'] ?? 'pglite,pg').split(',');
/** The size at which execution and DuckDB are measured too. */
const MAIN_ROWS = SIZES.includes(1_000_000) ? 1_000_000 : SIZES[SIZES.length - 1]!;
const PROJECTS = Number(process.env['JIXIAO_BENCH_PROJECTS'] ?? 10_000);
const OPT_IN =
  process.env['JIXIAO_BENCH_4M'] === '1' ||
  process.env['JIXIAO_BENCH_PROVINCE'] === '1' ||
  SIZES.some((n) => n > 1_000_000);
/** The memory soak's length (issue 19 point 4; opt-in, e.g. 1800): added to the time limit. */
const SOAK_S = Number(process.env['JIXIAO_BENCH_SOAK_S'] ?? 0);
const LIMIT_S =
  Number(process.env['JIXIAO_BENCH_TIME_LIMIT_S'] ?? (OPT_IN ? 3600 : 720)) +
  (SOAK_S > 0 ? SOAK_S + 120 : 0);
const GOAL = { PGlite: 2, PostgreSQL: 1.5 } as const;
const here = path.dirname(fileURLToPath(import.meta.url));
const started = Date.now();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-'));
const cleanups: (() => void)[] = [() => fs.rmSync(tmp, { recursive: true, force: true })];

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function cleanup(): void {
  while (cleanups.length > 0) {
    try {
      cleanups.pop()!();
    } catch {
      // best effort
    }
  }
}

// Bound the runtime: print what we have and stop (after cleaning up what we started).
const watchdog = setTimeout(() => {
  out(
    `\n!! time limit of ${LIMIT_S} s reached: stopping (results above are complete, the rest was not measured)`,
  );
  cleanup();
  process.exit(0);
}, LIMIT_S * 1000);
watchdog.unref();
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; s: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, s: (performance.now() - t0) / 1000 };
}

async function runDuckDb(
  ledgerCsv: string,
  budgetCsv: string,
): Promise<{ loadS: number; aggregateS: number; totalYuan: string; groups: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const q = (p: string) => p.replace(/'/g, "''");
    const load = await timed(async () => {
      await con.run(
        `CREATE TABLE ledger AS SELECT * FROM read_csv('${q(ledgerCsv)}', header = true, columns = {'pay_date': 'DATE', 'project_code': 'VARCHAR', 'project_name': 'VARCHAR', 'economic_class': 'VARCHAR', 'amount': 'DECIMAL(18,2)', 'summary': 'VARCHAR', 'voucher_no': 'VARCHAR'})`,
      );
      await con.run(
        `CREATE TABLE budget AS SELECT * FROM read_csv('${q(budgetCsv)}', header = true, columns = {'project_code': 'VARCHAR', 'project_name': 'VARCHAR', 'kind': 'VARCHAR', 'amount': 'DECIMAL(18,2)', 'date': 'DATE', 'document_no': 'VARCHAR', 'reason': 'VARCHAR'})`,
      );
    });
    const agg = await timed(async () => {
      const monthly = await con.runAndReadAll(
        `SELECT project_code, month(pay_date) AS month, sum(amount)::VARCHAR AS amount FROM ledger GROUP BY 1, 2`,
      );
      const rows = monthly.getRowObjectsJson();
      const joined = await con.runAndReadAll(
        `SELECT b.project_code, sum(b.amount)::VARCHAR AS budget, coalesce(e.spent, 0)::VARCHAR AS spent, round(coalesce(e.spent, 0) * 100 / sum(b.amount), 2)::VARCHAR AS rate
         FROM budget b LEFT JOIN (SELECT project_code, sum(amount) AS spent FROM ledger GROUP BY 1) e USING (project_code)
         GROUP BY b.project_code, e.spent`,
      );
      const projects = joined.getRowObjectsJson();
      const total = await con.runAndReadAll(`SELECT sum(amount)::VARCHAR AS t FROM ledger`);
      return {
        groups: rows.length,
        projects: projects.length,
        total: String(total.getRowObjectsJson()[0]?.['t'] ?? ''),
      };
    });
    return {
      loadS: load.s,
      aggregateS: agg.s,
      totalYuan: agg.value.total,
      groups: agg.value.groups,
    };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

function startPostgres(): string | null {
  if (process.env['JIXIAO_BENCH_PG_URL']) {
    return process.env['JIXIAO_BENCH_PG_URL'];
  }
  try {
    const line = execFileSync('bash', [path.join(here, 'start-pg.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
    const [url, pid, dir] = line.split(' ');
    if (!url || !pid || !dir) {
      return null;
    }
    cleanups.push(() => {
      // stop what we started: fast shutdown of our postmaster, then remove its directory
      try {
        process.kill(Number(pid), 'SIGINT');
        for (let i = 0; i < 100; i++) {
          process.kill(Number(pid), 0);
          execFileSync('sleep', ['0.1']);
        }
      } catch {
        // gone
      }
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return url;
  } catch (e) {
    out(
      `   (PostgreSQL not measured: ${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
    );
    return null;
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

function ratio(a: number, b: number): string {
  return b > 0 ? `${(a / b).toFixed(1)}×` : '—';
}

/** One engine × size in a child process (its own peak RSS); its JSON line. */
async function runChild(
  engine: 'pglite' | 'pg',
  rows: number,
  pgUrl?: string,
): Promise<ImportBenchResult> {
  const args = [
    '--expose-gc', // readings after a full collection, not wherever V8's sawtooth is
    '--import',
    'tsx',
    path.join(here, 'import-bench.ts'),
    engine,
    String(rows),
    tmp,
  ];
  if (pgUrl) {
    args.push(pgUrl);
  }
  if (rows === MAIN_ROWS) {
    args.push('--execution');
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => child.kill('SIGKILL'));
  let text = '';
  child.stdout.on('data', (d: Buffer) => {
    text += d.toString('utf8');
  });
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  const line = text.trim().split('\n').pop() ?? '';
  if (code !== 0 || !line.startsWith('{')) {
    throw new Error(`${engine} ${rows} rows: the child exited ${code}: ${text.slice(-500)}`);
  }
  return JSON.parse(line) as ImportBenchResult;
}

async function onPostgres<T>(pgUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `jixiao_bench_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  await adminQuery(pgUrl, `create database ${name}`);
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  try {
    return await fn(u.toString());
  } finally {
    await adminQuery(pgUrl, `drop database if exists ${name} with (force)`);
  }
}

/** The import's own memory: peak growth less the engine's (WASM) growth — what the goal is judged on. */
function oursMb(r: ImportBenchResult): number {
  return r.importMem.peakGrowthMb - r.importMem.wasmGrowthMb;
}

function memText(m: ImportBenchResult['importMem']): string {
  const h = m.held;
  return `RSS +${m.peakGrowthMb} MB at peak (ours +${m.peakGrowthMb - m.wasmGrowthMb}, engine +${m.wasmGrowthMb}); held after GC +${h.rss} MB = heap ${h.heap} + buffers ${h.buffers} + WASM ${h.wasm} + rest ${m.restMb}`;
}

function printResult(r: ImportBenchResult): void {
  const rate = Math.round(r.rows / r.importS).toLocaleString('en');
  out(
    `   ${r.engine} ${r.rows.toLocaleString('en')} rows: raw COPY ${r.rawCopyS.toFixed(2)} s (+ VACUUM ANALYZE ${r.rawVacuumS.toFixed(2)} s) · our import ${r.importS.toFixed(2)} s (${rate} rows/s) = ${ratio(r.importS, r.rawCopyS)} (goal ≤ ${GOAL[r.engine]}×) · peak RSS ${r.peakRssMb} MB` +
      (r.executionS === null
        ? ''
        : ` · execution of ${r.projects?.toLocaleString('en')} projects ${r.executionS.toFixed(2)} s (again ${r.warmExecutionS?.toFixed(2)} s)`),
  );
  const t = r.parseThreadHeap;
  out(
    `      memory, our import: ${memText(r.importMem)}` +
      (t
        ? ` · parse thread's V8 heap: at most ${t.peakTotalMb} MB reserved, ${t.peakUsedMb} MB in use, ${t.endUsedMb} MB at the end`
        : '') +
      ` · pooled threads ${r.poolThreads[0]} → ${r.poolThreads[1]}`,
  );
  out(`      memory, raw COPY + VACUUM (the engine alone): ${memText(r.rawMem)}`);
}

/** Time per row against the smallest size's (goal: within 10%), and the memory check (goal: ≤ 10⁶'s + 50 MB). */
function printGoals(results: ImportBenchResult[]): void {
  for (const engine of ['PGlite', 'PostgreSQL'] as const) {
    const rs = results.filter((r) => r.engine === engine);
    const first = rs[0];
    if (!first || rs.length < 2) {
      continue;
    }
    const perRow = (r: ImportBenchResult, s: number) => (s / r.rows) * 1e6;
    const lin = rs.slice(1).map((r) => {
      const x = perRow(r, r.importS) / perRow(first, first.importS);
      const rawX = perRow(r, r.rawCopyS) / perRow(first, first.rawCopyS);
      return `${r.rows.toLocaleString('en')}: ${perRow(r, r.importS).toFixed(1)} µs/row = ${x.toFixed(2)}× (${Math.abs(x - 1) <= 0.1 ? 'within 10%' : x < 1 ? 'NOT within 10% — faster per row' : 'NOT within 10% — slower per row'}; raw COPY ${rawX.toFixed(2)}×)`;
    });
    out(
      `   ${engine} linearity (our time per row vs ${first.rows.toLocaleString('en')} rows' ${perRow(first, first.importS).toFixed(1)} µs/row; goal within 10%): ${lin.join(' · ')}`,
    );
    const at1m = rs.find((r) => r.rows === 1_000_000);
    const largest = rs[rs.length - 1]!;
    if (at1m && largest.rows > at1m.rows) {
      const check = (a: number, b: number) =>
        `${a} MB vs ${b} + 50 MB: ${a <= b + 50 ? 'met' : 'NOT met'}`;
      out(
        `   ${engine} memory (goal: growth at ${largest.rows.toLocaleString('en')} ≤ at 1,000,000 + 50 MB): ours ${check(oursMb(largest), oursMb(at1m))}; whole RSS growth ${check(largest.importMem.peakGrowthMb, at1m.importMem.peakGrowthMb)}; held after GC ${check(largest.importMem.held.rss, at1m.importMem.held.rss)}`,
      );
    }
  }
}

function printImportTable(results: ImportBenchResult[]): void {
  out('');
  out(
    'Ledger import vs raw COPY (same rows, same table and indexes, no checks), per engine and size',
  );
  out(
    '| engine | rows | raw COPY (s) | our import (s) | import / raw (goal) | time per row vs smallest (goal 0.9–1.1) | peak RSS (MB) | import RSS growth: ours + engine (MB) | raw COPY RSS growth (MB) |',
  );
  out('|---|---|---|---|---|---|---|---|---|');
  for (const engine of ['PGlite', 'PostgreSQL'] as const) {
    const rs = results.filter((r) => r.engine === engine);
    const first = rs[0];
    for (const r of rs) {
      const growth =
        first && r !== first ? r.importS / first.importS / (r.rows / first.rows) : null;
      const m = r.importMem;
      out(
        `| ${engine} | ${r.rows.toLocaleString('en')} | ${r.rawCopyS.toFixed(2)} | ${r.importS.toFixed(2)} | ${ratio(r.importS, r.rawCopyS)} (≤ ${GOAL[engine]}×) | ${growth === null ? '—' : growth.toFixed(2)} | ${r.peakRssMb} | ${m.peakGrowthMb}: ${oursMb(r)} + ${m.wasmGrowthMb} | ${r.rawMem.peakGrowthMb} |`,
      );
    }
  }
}

async function main(): Promise<void> {
  out(
    `Jixiao bench — ledger import at ${SIZES.map((n) => n.toLocaleString('en')).join(', ')} rows over ${PROJECTS.toLocaleString('en')} projects, fiscal year ${BENCH_YEAR} (time limit ${LIMIT_S} s)`,
  );
  out(
    `   node ${process.version}, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} at start`,
  );
  await writeBudgetCsv(path.join(tmp, 'budget.csv'), PROJECTS);
  const pgUrl = startPostgres();
  const results: ImportBenchResult[] = [];
  let expectedTotal = '';
  for (const rows of SIZES) {
    const ledgerCsv = path.join(tmp, `ledger-${rows}.csv`);
    const gen = await timed(() =>
      writeLedgerCsv(
        ledgerCsv,
        rows,
        PROJECTS,
        undefined,
        path.join(tmp, `ledger-${rows}.copy.csv`),
      ),
    );
    out(
      `${rows.toLocaleString('en')} rows: generated ${(gen.value.bytes / 1048576).toFixed(1)} MB CSV (and its COPY-ready twin) in ${gen.s.toFixed(1)} s`,
    );
    if (rows === MAIN_ROWS) {
      expectedTotal = fenToYuanString(gen.value.totalFen);
      const duck = await runDuckDb(ledgerCsv, path.join(tmp, 'budget.csv'));
      out(
        `   DuckDB (reference): read_csv ${duck.loadS.toFixed(2)} s · aggregate ${duck.aggregateS.toFixed(3)} s · Σ ${duck.totalYuan === expectedTotal ? 'matches' : 'MISMATCH'}`,
      );
    }
    if (ENGINES.includes('pglite')) {
      const r1 = await runChild('pglite', rows);
      printResult(r1);
      results.push(r1);
    }
    if (pgUrl && ENGINES.includes('pg')) {
      const r2 = await onPostgres(pgUrl, (url) => runChild('pg', rows, url));
      printResult(r2);
      results.push(r2);
    }
    for (const r of [...results.slice(-2)]) {
      if (r.executedYuan !== null && r.executedYuan !== expectedTotal) {
        out(`   !! ${r.engine}: Σ executed ${r.executedYuan} ≠ ${expectedTotal}`);
      }
    }
    fs.rmSync(ledgerCsv, { force: true });
    fs.rmSync(path.join(tmp, `ledger-${rows}.copy.csv`), { force: true });
    fs.rmSync(path.join(tmp, `pglite-${rows}`), { recursive: true, force: true });
  }
  if (!pgUrl) {
    out('   PostgreSQL skipped (set JIXIAO_BENCH_PG_URL, or install postgresql)');
  }
  printImportTable(results);
  printGoals(results);
  out(
    `Load average now: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(
        ' / ',
      )} (other work on this machine slows every engine; the ratios are taken in the same minutes)`,
  );
  if (process.env['JIXIAO_BENCH_SKIP_LOAD'] !== '1') {
    await runLoadBench(out, pgUrl ? (fn) => onPostgres(pgUrl, fn) : null);
  }
  if (process.env['JIXIAO_BENCH_SKIP_REPORTS'] !== '1') {
    await runReportsBench(out); // issue 19.3: a generated region of 100 departments
  }
  if (SOAK_S > 0) {
    await runSoakBench(out); // issue 19.4: RSS every minute under a mixed load with writes
  }
  if (process.env['JIXIAO_BENCH_PROVINCE'] === '1') {
    if (pgUrl) {
      await onPostgres(pgUrl, (url) => runProvinceBench(out, url));
    } else {
      out('province: skipped (needs PostgreSQL)');
    }
  }
  out(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main()
  .catch((e: unknown) => {
    out(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  })
  .finally(() => {
    cleanup();
    clearTimeout(watchdog);
  });

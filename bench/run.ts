// npm run bench — a 1,000,000-row ledger (≈10,000 projects, deterministic) imported through the REAL import path
// (importBudgets + importLedger: stream parse, row checks, COPY in one transaction) into a fresh embedded PGlite
// (file dataDir in a temp dir), then execution computed for every project (computeExecution), each time printed
// as a ratio against DuckDB reading and aggregating the same CSV in the same run; peak RSS; and the same on
// PostgreSQL (JIXIAO_BENCH_PG_URL, or one started by bench/start-pg.sh and stopped at the end).
// Then the load part (bench/load.ts): 20 sessions on the real server, p50/p99 per page against a baseline.
// It bounds its own runtime (JIXIAO_BENCH_TIME_LIMIT_S, default 900 s) and prints — it never asserts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { fenToYuanString } from '@jixiao/core';
import { CLI_ACTOR, migrate, openDb, type Database } from '@jixiao/server';
import * as s from '@jixiao/server/db/schema/index';
import { fileSource } from '@jixiao/server/import/import-source';
import { importBudgets, importLedger } from '@jixiao/server/features/imports/imports.service';
import { computeExecution } from '@jixiao/server/features/execution/execution.service';
import pg from 'pg';
import { BENCH_YEAR, writeBudgetCsv, writeLedgerCsv } from './generate-ledger.ts';
import { runLoadBench } from './load.ts';
import { runReportsBench } from './reports.ts';

const ROWS = Number(process.env['JIXIAO_BENCH_ROWS'] ?? 1_000_000);
const PROJECTS = Number(process.env['JIXIAO_BENCH_PROJECTS'] ?? 10_000);
const LIMIT_S = Number(process.env['JIXIAO_BENCH_TIME_LIMIT_S'] ?? 900);
const REGION = '990001';
const DEPT = '990001-BENCH';
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

const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
const peakRss = () => process.resourceUsage().maxRSS; // KB

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; s: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, s: (performance.now() - t0) / 1000 };
}

/** Samples RSS while `fn` runs: the peak increase shows whether memory stays flat (streamed). */
async function withRssSampling<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; s: number; rssGrowthMb: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  try {
    const r = await timed(fn);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { ...r, rssGrowthMb: Math.round((peak - base) / 1048576) };
  } finally {
    clearInterval(timer);
  }
}

async function seedDepartment(database: Database): Promise<void> {
  const db = database.db;
  await db
    .insert(s.regions)
    .values({ code: REGION, name: '基准测试区', parentCode: null, level: 'district' });
  await db.insert(s.departments).values({
    code: DEPT,
    regionCode: REGION,
    name: '基准测试部门',
    shortName: '基准部门',
    kind: 'department',
  });
  await db.insert(s.fiscalYears).values({ regionCode: REGION, year: BENCH_YEAR });
}

interface EngineResult {
  engine: string;
  importS: number;
  importRssGrowthMb: number;
  budgetImportS: number;
  executionS: number;
  warmExecutionS: number;
  totalYuan: string;
  projects: number;
}

async function runOurs(
  engine: string,
  database: Database,
  ledgerCsv: string,
  budgetCsv: string,
): Promise<EngineResult> {
  await migrate(database);
  await seedDepartment(database);
  const budgets = await timed(() =>
    importBudgets(database, CLI_ACTOR, {
      departmentCode: DEPT,
      year: BENCH_YEAR,
      source: fileSource(budgetCsv),
    }),
  );
  const ledger = await withRssSampling(() =>
    importLedger(database, CLI_ACTOR, {
      departmentCode: DEPT,
      year: BENCH_YEAR,
      source: fileSource(ledgerCsv),
    }),
  );
  const dept = { code: DEPT, name: '基准测试部门', regionCode: REGION };
  const exec = await timed(() => computeExecution(database.db, dept, BENCH_YEAR, 12));
  // The first scan after a bulk load also writes hint bits on every page; the second shows the steady state.
  const warm = await timed(() => computeExecution(database.db, dept, BENCH_YEAR, 12));
  out(
    `   ${engine}: budgets ${budgets.value.rows} lines ${budgets.s.toFixed(2)} s · ledger ${ledger.value.rows.toLocaleString('en')} rows ${ledger.s.toFixed(2)} s (${Math.round(ledger.value.rows / ledger.s).toLocaleString('en')} rows/s, RSS +${ledger.rssGrowthMb} MB during import) · execution of ${exec.value.projects.length.toLocaleString('en')} projects ${exec.s.toFixed(2)} s (again: ${warm.s.toFixed(2)} s)`,
  );
  return {
    engine,
    importS: ledger.s,
    importRssGrowthMb: ledger.rssGrowthMb,
    budgetImportS: budgets.s,
    executionS: exec.s,
    warmExecutionS: warm.s,
    totalYuan: exec.value.executedYuan,
    projects: exec.value.projects.length,
  };
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

async function main(): Promise<void> {
  out(
    `Jixiao bench — ${ROWS.toLocaleString('en')} ledger rows, ${PROJECTS.toLocaleString('en')} projects, fiscal year ${BENCH_YEAR} (time limit ${LIMIT_S} s)`,
  );
  out(`   node ${process.version}, ${os.cpus().length} cores, temp ${tmp}`);
  const ledgerCsv = path.join(tmp, 'ledger.csv');
  const budgetCsv = path.join(tmp, 'budget.csv');
  const gen = await timed(async () => {
    const l = await writeLedgerCsv(ledgerCsv, ROWS, PROJECTS);
    await writeBudgetCsv(budgetCsv, PROJECTS);
    return l;
  });
  const expectedTotal = fenToYuanString(gen.value.totalFen);
  out(
    `1. generated ${(gen.value.bytes / 1048576).toFixed(1)} MB CSV in ${gen.s.toFixed(2)} s (Σ ${expectedTotal} 元)`,
  );

  out('2. DuckDB (read_csv + aggregate, the reference)');
  const duck = await runDuckDb(ledgerCsv, budgetCsv);
  out(
    `   DuckDB: load ${duck.loadS.toFixed(2)} s · aggregate (${duck.groups.toLocaleString('en')} project-months + ${PROJECTS.toLocaleString('en')}-project join) ${duck.aggregateS.toFixed(3)} s · Σ ${duck.totalYuan} ${duck.totalYuan === expectedTotal ? '✓' : '✗ MISMATCH'}`,
  );

  const results: EngineResult[] = [];
  out('3. PGlite (file dataDir, fresh), through the real import path');
  const pgliteDir = path.join(tmp, 'pglite');
  const embedded = await openDb({ kind: 'pglite', dataDir: pgliteDir });
  try {
    results.push(await runOurs('PGlite', embedded, ledgerCsv, budgetCsv));
  } finally {
    await embedded.close();
  }
  out(`   peak RSS so far ${mb(peakRss())}`);

  out('4. PostgreSQL');
  const pgUrl = startPostgres();
  if (pgUrl) {
    const name = `jixiao_bench_${process.pid}`;
    await adminQuery(pgUrl, `create database ${name}`);
    const u = new URL(pgUrl);
    u.pathname = `/${name}`;
    const server = await openDb({ kind: 'pg', url: u.toString(), max: 4 });
    try {
      results.push(await runOurs('PostgreSQL', server, ledgerCsv, budgetCsv));
    } finally {
      await server.close();
      await adminQuery(pgUrl, `drop database if exists ${name} with (force)`);
    }
  } else {
    out('   skipped (set JIXIAO_BENCH_PG_URL, or install postgresql)');
  }

  out('');
  out('Results (ratio = ours / DuckDB; goal ≤ 3×)');
  out(
    '| engine | ledger import (s) | vs DuckDB load | execution, all projects (s) | vs DuckDB aggregate | execution again (s) | vs DuckDB | RSS growth during import | Σ matches |',
  );
  out('|---|---|---|---|---|---|---|---|---|');
  out(
    `| DuckDB | ${duck.loadS.toFixed(2)} | 1.0× | ${duck.aggregateS.toFixed(3)} | 1.0× | — | — | — | ${duck.totalYuan === expectedTotal ? 'yes' : 'NO'} |`,
  );
  for (const r of results) {
    out(
      `| ${r.engine} | ${r.importS.toFixed(2)} | ${ratio(r.importS, duck.loadS)} | ${r.executionS.toFixed(3)} | ${ratio(r.executionS, duck.aggregateS)} | ${r.warmExecutionS.toFixed(3)} | ${ratio(r.warmExecutionS, duck.aggregateS)} | +${r.importRssGrowthMb} MB | ${r.totalYuan === expectedTotal ? 'yes' : `NO (${r.totalYuan})`} |`,
    );
  }
  out(
    `Load average during the run: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} (other work on this machine slows every engine)`,
  );
  out(
    `Peak RSS of the whole run (process.resourceUsage().maxRSS): ${mb(peakRss())}; total ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

main()
  // the load part (issue 16): 20 sessions on the real server; JIXIAO_BENCH_SKIP_LOAD=1 leaves it out
  .then(() => (process.env['JIXIAO_BENCH_SKIP_LOAD'] === '1' ? undefined : runLoadBench(out)))
  // the reports part (issue 19.3): a generated region of 100 departments; JIXIAO_BENCH_SKIP_REPORTS=1 leaves it out
  .then(() => (process.env['JIXIAO_BENCH_SKIP_REPORTS'] === '1' ? undefined : runReportsBench(out)))
  .catch((e: unknown) => {
    out(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  })
  .finally(() => {
    cleanup();
    clearTimeout(watchdog);
  });

// The load part of `npm run bench` (issue 16 point 10, issue 19 points 4–5): the real server on the demo, on
// embedded PGlite (temp dir) and on PostgreSQL (a fresh database), as a child process; 20 signed-in sessions of
// the finance reviewer for JIXIAO_BENCH_LOAD_S seconds (default 30) per page, each looping over one page's
// request; requests/s, p50/p99 and non-200 answers printed for the bureau overview, a department's execution,
// the live self-evaluation and the report preview beside the goal (p99 ≤ 250 ms, no errors), and as a ratio
// against the same load on /api/auth/me (session lookup only). On PGlite the server's RSS (/proc/PID/status
// VmRSS) is read once idle after start and again after the load, beside the goal (≤ 600 MB, flat ±10%).
// It prints — it never asserts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBenchServer, type BenchServer } from './bench-server.ts';
import { writeThenRead } from './load-write-read.ts';
import { IDLE_COLLECT_AFTER_MS } from '../packages/server/src/runtime/idle-collector.ts';

const SESSIONS = Number(process.env['JIXIAO_BENCH_SESSIONS'] ?? 20);
const SECONDS = Number(process.env['JIXIAO_BENCH_LOAD_S'] ?? 30);
const REVIEWER = { username: 'czj_reviewer', password: 'Demo#Review2023' };

const PAGES: { name: string; path: string }[] = [
  { name: '/api/auth/me (baseline)', path: '/api/auth/me' },
  { name: '部门总览 /api/overview', path: '/api/overview?year=2024' },
  { name: '执行 execution', path: '/api/departments/440105-TZCJ/execution?year=2024' },
  { name: '自评表 live evaluation', path: '/api/departments/440105-TZCJ/evaluation?year=2024' },
  {
    name: '报告预览 report preview',
    path: '/api/departments/440105-TZCJ/report?year=2024&format=html',
  },
];

/** The server (demo loaded) on PGlite in a temp dir, or on the PostgreSQL database at `pgUrl`. */
async function startServer(pgUrl: string | null): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-load-'));
  const server = await startBenchServer(dataDir, pgUrl);
  return {
    ...server,
    stop: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(REVIEWER),
  });
  if (!res.ok) {
    throw new Error(`sign-in failed: ${res.status}`);
  }
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** SESSIONS loops of one request each, for SECONDS: every latency, and how many answered 200. */
async function load(url: string, cookies: string[], pagePath: string) {
  const until = performance.now() + SECONDS * 1000;
  const times: number[] = [];
  let failed = 0;
  await Promise.all(
    cookies.map(async (cookie) => {
      while (performance.now() < until) {
        const t0 = performance.now();
        // A refused or reset connection is an error of the run, counted like a non-200 answer.
        const status = await fetch(`${url}${pagePath}`, { headers: { cookie } }).then(
          async (res) => {
            await res.arrayBuffer();
            return res.status;
          },
          () => 0,
        );
        times.push(performance.now() - t0);
        if (status !== 200) {
          failed += 1;
        }
      }
    }),
  );
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    rps: times.length / SECONDS,
    failed,
  };
}

/** VmRSS of a process in MB (Linux /proc), null elsewhere. */
export function rssMbOf(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

const GOAL_P99_MS = 250;
const GOAL_IDLE_RSS_MB = 600;

async function loadOneEngine(
  out: (line?: string) => void,
  engine: string,
  pgUrl: string | null,
): Promise<void> {
  out(
    `\n== load on ${engine}: ${SESSIONS} sessions × ${SECONDS} s per page, real server on the demo`,
  );
  const t0 = performance.now();
  const server = await startServer(pgUrl);
  // Idle as long as after the load (below): the server's quiet-period collection (runtime/idle-collector.ts) has
  // run in both readings, so they compare the same state.
  await new Promise((r) => setTimeout(r, IDLE_COLLECT_AFTER_MS + 5000));
  const idleRss = rssMbOf(server.pid);
  out(
    `   server up in ${((performance.now() - t0) / 1000).toFixed(1)} s · RSS idle after start ${idleRss ?? '?'} MB`,
  );
  try {
    const cookies: string[] = [];
    for (let i = 0; i < SESSIONS; i += 1) {
      cookies.push(await signIn(server.url));
    }
    let base: { p50: number; p99: number } | null = null;
    out(
      `page                            p50 ms   p99 ms   req/s   p99 vs baseline    errors   goal p99 ≤ ${GOAL_P99_MS} ms, 0 errors`,
    );
    for (const page of PAGES) {
      const r = await load(server.url, cookies, page.path);
      base ??= r;
      const met = r.p99 <= GOAL_P99_MS && r.failed === 0 ? 'met' : 'NOT met';
      out(
        `${page.name.padEnd(30)} ${r.p50.toFixed(0).padStart(7)} ${r.p99.toFixed(0).padStart(8)} ${r.rps.toFixed(1).padStart(7)} ${`${(r.p99 / base.p99).toFixed(1)}×`.padStart(17)} ${String(r.failed).padStart(9)}   ${met}`,
      );
    }
    if (!pgUrl) {
      // Idle long enough for the server's collection after a burst (runtime/idle-collector.ts), as a server is
      // between two users' clicks.
      await new Promise((r) => setTimeout(r, IDLE_COLLECT_AFTER_MS + 5000));
      const after = rssMbOf(server.pid);
      const change = idleRss && after ? ((after - idleRss) / idleRss) * 100 : NaN;
      out(
        `   PGlite server RSS: idle after start ${idleRss ?? '?'} MB (goal ≤ ${GOAL_IDLE_RSS_MB} MB: ${idleRss !== null && idleRss <= GOAL_IDLE_RSS_MB ? 'met' : 'NOT met'}) · after ${PAGES.length} × ${SECONDS} s of load, idle again ${after ?? '?'} MB (${change >= 0 ? '+' : ''}${change.toFixed(0)}%; goal ±10%: ${Math.abs(change) <= 10 ? 'met' : 'NOT met'})`,
      );
    }
    await writeThenRead(server.url, cookies, out); // a write invalidates the cache, then 20 sessions read
  } finally {
    await server.stop();
  }
}

/** PGlite, then PostgreSQL when `onPostgres` gives a fresh database (it drops it afterwards). */
export async function runLoadBench(
  out: (line?: string) => void,
  onPostgres: ((fn: (url: string) => Promise<void>) => Promise<void>) | null = null,
): Promise<void> {
  await loadOneEngine(out, 'PGlite', null);
  if (onPostgres) {
    await onPostgres((url) => loadOneEngine(out, 'PostgreSQL', url));
  } else {
    out('   (load on PostgreSQL skipped: no PostgreSQL)');
  }
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  await runLoadBench((line = '') => process.stdout.write(`${line}\n`));
}

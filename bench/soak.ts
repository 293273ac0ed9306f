// The memory soak of issue 19 point 4 (opt-in: JIXIAO_BENCH_SOAK_S=1800 npm run bench, or alone:
// JIXIAO_BENCH_SOAK_S=1800 node --import tsx bench/soak.ts): the real server on the demo in embedded PGlite (temp
// dir), its RSS read idle after start, then JIXIAO_BENCH_SOAK_SESSIONS (default 10) signed-in reviewer sessions
// loop over the pages the dashboard and the bureau use (overview, execution, live evaluation, report preview,
// monitoring, the bureau's warnings, the to-do list) with a short pause between requests, and a clerk changes a report paragraph every
// 30 s (a write moves the data version, so the caches recompute). RSS (/proc/PID/status VmRSS) is sampled every
// minute; at the end, idle again, it prints first/last/max and the verdict beside the goals (idle ≤ 600 MB after
// start; flat ±10% after the load). It prints — it never asserts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBenchServer, type BenchServer } from './bench-server.ts';
import { rssMbOf } from './load.ts';
import { IDLE_COLLECT_AFTER_MS } from '../packages/server/src/runtime/idle-collector.ts';

const SECONDS = Number(process.env['JIXIAO_BENCH_SOAK_S'] ?? 1800);
const SESSIONS = Number(process.env['JIXIAO_BENCH_SOAK_SESSIONS'] ?? 10);
const PAUSE_MS = Number(process.env['JIXIAO_BENCH_SOAK_PAUSE_MS'] ?? 100);
const SAMPLE_MS = 60_000;
const WRITE_EVERY_MS = 30_000;
const GOAL_IDLE_MB = 600;
const REVIEWER = { username: 'czj_reviewer', password: 'Demo#Review2023' };
const CLERK = { username: 'tzcj_clerk', password: 'Demo#Clerk2023' };
const DEPT = '/api/departments/440105-TZCJ';
const PAGES = [
  '/api/overview?year=2024',
  `${DEPT}/execution?year=2024`,
  `${DEPT}/evaluation?year=2024`,
  `${DEPT}/report?year=2024&format=html`,
  '/api/overview?year=2023',
  `${DEPT}/evaluation?year=2023`,
  `${DEPT}/monitoring/6?year=2024`,
  '/api/monitoring/overview?year=2024',
  '/api/todos?year=2024',
];
const PARAGRAPH = `${DEPT}/report/paragraphs/basic.functions?year=2024`;

async function startServer(dataDir: string): Promise<BenchServer> {
  return startBenchServer(dataDir);
}

async function signIn(
  url: string,
  who: { username: string; password: string },
): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (!res.ok) {
    throw new Error(`sign-in of ${who.username} failed: ${res.status}`);
  }
  const body = (await res.json()) as { csrfToken?: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.csrfToken ?? '' };
}

/** Threads of a process (Linux /proc): the offload pool keeps warm worker threads, each with its own heap. */
function threadsOf(pid: number): number | null {
  try {
    const m = /Threads:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Counts {
  requests: number;
  errors: number;
  writes: number;
  failedPages: Set<string>;
}

/** One reviewer session: the pages in turn, a pause between requests, until `until`. */
async function reader(url: string, cookie: string, offset: number, until: number, c: Counts) {
  for (let i = offset; performance.now() < until; i += 1) {
    const status = await fetch(`${url}${PAGES[i % PAGES.length]}`, { headers: { cookie } }).then(
      async (res) => {
        await res.arrayBuffer();
        return res.status;
      },
      () => 0,
    );
    c.requests += 1;
    if (status !== 200) {
      c.errors += 1;
      c.failedPages.add(`${PAGES[i % PAGES.length]} → ${status}`);
    }
    await sleep(PAUSE_MS);
  }
}

/** The clerk: a report paragraph changed every WRITE_EVERY_MS (the data version moves, caches recompute). */
async function writer(url: string, until: number, c: Counts) {
  const clerk = await signIn(url, CLERK);
  for (let n = 1; performance.now() + WRITE_EVERY_MS < until; n += 1) {
    await sleep(WRITE_EVERY_MS);
    const res = await fetch(`${url}${PARAGRAPH}`, {
      method: 'PUT',
      headers: {
        cookie: clerk.cookie,
        'x-csrf-token': clerk.csrf,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ text: `本部门主要职能（内存测试第 ${n} 次修改）。` }),
    }).then(
      async (r) => {
        await r.arrayBuffer();
        return r.status;
      },
      () => 0,
    );
    c.writes += 1;
    if (res !== 200) {
      c.errors += 1;
      c.failedPages.add(`PUT ${PARAGRAPH} → ${res}`);
    }
  }
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'NOT met';
}

export async function runSoakBench(out: (line?: string) => void): Promise<void> {
  out(
    `\n== memory soak on PGlite: ${SESSIONS} reviewer sessions (pause ${PAUSE_MS} ms) + a clerk's write every ${WRITE_EVERY_MS / 1000} s, for ${SECONDS} s; RSS every minute`,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-soak-'));
  // The first start loads the demo (its garbage stays in the heap until the next collections); an installation
  // restarts on its data: that second start is the server's idle size.
  const first = await startServer(dataDir);
  await sleep(10_000);
  const idleFirst = rssMbOf(first.pid) ?? NaN;
  await first.stop();
  const server = await startServer(dataDir);
  try {
    await sleep(10_000);
    const idleStart = rssMbOf(server.pid) ?? NaN;
    const threadsStart = threadsOf(server.pid);
    out(
      `   idle after start: ${idleStart} MB (goal ≤ ${GOAL_IDLE_MB} MB: ${verdict(idleStart <= GOAL_IDLE_MB)}); the first start, which loads the demo: ${idleFirst} MB`,
    );
    const cookies: string[] = [];
    for (let i = 0; i < SESSIONS; i += 1) {
      cookies.push((await signIn(server.url, REVIEWER)).cookie);
    }
    const t0 = performance.now();
    const until = t0 + SECONDS * 1000;
    const c: Counts = { requests: 0, errors: 0, writes: 0, failedPages: new Set() };
    const samples: number[] = [];
    const sampler = setInterval(() => {
      const rss = rssMbOf(server.pid) ?? NaN;
      samples.push(rss);
      out(
        `   ${String(samples.length).padStart(3)} min: RSS ${rss} MB · ${c.requests} requests, ${c.writes} writes, ${c.errors} errors · load ${os.loadavg()[0]!.toFixed(1)}`,
      );
    }, SAMPLE_MS);
    try {
      await Promise.all([
        ...cookies.map((cookie, i) => reader(server.url, cookie, i, until, c)),
        writer(server.url, until, c),
      ]);
    } finally {
      clearInterval(sampler);
    }
    await sleep(IDLE_COLLECT_AFTER_MS + 5000); // the server's collection once quiet (runtime/idle-collector.ts)
    const idleEnd = rssMbOf(server.pid) ?? NaN;
    const threadsEnd = threadsOf(server.pid);
    const firstMin = samples[0] ?? NaN;
    const last = samples[samples.length - 1] ?? NaN;
    const max = Math.max(...samples);
    const underLoad = ((last - firstMin) / firstMin) * 100;
    const idle = ((idleEnd - idleStart) / idleStart) * 100;
    if (c.failedPages.size > 0) {
      out(`   failed: ${[...c.failedPages].join(', ')}`);
    }
    const pct = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(0)}%`;
    out(
      `   ${c.requests} requests (${(c.requests / SECONDS).toFixed(1)}/s), ${c.writes} writes, ${c.errors} errors in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    out(
      `   RSS under load: first minute ${firstMin} MB, last ${last} MB (${pct(underLoad)}), max ${max} MB — flat ±10%: ${verdict(Math.abs(underLoad) <= 10)}`,
    );
    out(
      `   RSS idle: after start ${idleStart} MB, after the load ${idleEnd} MB (${pct(idle)}) — goal ≤ ${GOAL_IDLE_MB} MB and ±10%: ${verdict(idleEnd <= GOAL_IDLE_MB && Math.abs(idle) <= 10)}; threads ${threadsStart ?? '?'} → ${threadsEnd ?? '?'} (warm offload threads)`,
    );
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  await runSoakBench((line = '') => process.stdout.write(`${line}\n`));
}

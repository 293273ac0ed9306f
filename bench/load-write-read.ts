// The write-then-read scenario of the load bench (issue 16: results cached per data version, invalidated by any
// write): a clerk changes a report paragraph (one write, which moves the data version), then the 20 reviewer
// sessions read the bureau overview and the report preview at once — every read of the round meets a cold cache,
// so this measures the recomputation and its single flight, not a cache hit. JIXIAO_BENCH_WRITE_ROUNDS rounds
// (default 10); p50/p99 of all reads after a write, beside the goal (p99 ≤ 250 ms). It prints — it never asserts.
const ROUNDS = Number(process.env['JIXIAO_BENCH_WRITE_ROUNDS'] ?? 10);
const CLERK = { username: 'tzcj_clerk', password: 'Demo#Clerk2023' };
const PARAGRAPH = '/api/departments/440105-TZCJ/report/paragraphs/basic.functions?year=2024';
const READS = [
  { name: '部门总览 overview', path: '/api/overview?year=2024' },
  {
    name: '报告预览 report preview',
    path: '/api/departments/440105-TZCJ/report?year=2024&format=html',
  },
];

async function signInClerk(url: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(CLERK),
  });
  if (!res.ok) {
    throw new Error(`clerk sign-in failed: ${res.status}`);
  }
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.csrfToken };
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export async function writeThenRead(
  url: string,
  readers: string[],
  out: (line?: string) => void,
): Promise<void> {
  const clerk = await signInClerk(url);
  const times = new Map<string, number[]>(READS.map((r) => [r.name, []]));
  let failed = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const w = await fetch(`${url}${PARAGRAPH}`, {
      method: 'PUT',
      headers: {
        cookie: clerk.cookie,
        'x-csrf-token': clerk.csrf,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ text: `本部门主要职能（基准测试第 ${round + 1} 次修改）。` }),
    });
    failed += w.ok ? 0 : 1;
    await w.arrayBuffer();
    for (const read of READS) {
      await Promise.all(
        readers.map(async (cookie) => {
          const t0 = performance.now();
          const res = await fetch(`${url}${read.path}`, { headers: { cookie } });
          await res.arrayBuffer();
          times.get(read.name)!.push(performance.now() - t0);
          failed += res.status === 200 ? 0 : 1;
        }),
      );
    }
  }
  out(
    `   write-then-read: ${ROUNDS} rounds of one write (a report paragraph) then ${readers.length} sessions reading at once`,
  );
  for (const [name, xs] of times) {
    xs.sort((a, b) => a - b);
    const p99 = pct(xs, 99);
    out(
      `   ${name.padEnd(24)} p50 ${pct(xs, 50).toFixed(0).padStart(5)} ms · p99 ${p99.toFixed(0).padStart(5)} ms (${xs.length} reads; goal p99 ≤ 250 ms: ${p99 <= 250 ? 'met' : 'NOT met'})`,
    );
  }
  out(`   non-200 answers (writes and reads): ${failed}`);
}

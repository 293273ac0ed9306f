// The province-sized dataset of issue 19 point 6, on PostgreSQL (opt-in: JIXIAO_BENCH_PROVINCE=1): 100 regions ×
// 80 departments × 25 projects, 100 ledger rows per project (20M), generated inside the database
// (generate_series; deterministic) — this times the reads at that size, not the import (measured above). A
// scaled fraction: JIXIAO_BENCH_PROVINCE_REGIONS=10 (the default 100 takes long on 2 cores). Then timed, as the
// application runs them: the bureau overview of one region, that region's execution (all 80 departments), one
// department's report document, and the province-wide sum per region (the query that crosses every shard in
// docs/decisions/0010-scale-out-citus.md). The overview is timed on the first and on the last region (each cold:
// the first pays the scoring thread's start): a region's cost must not depend on how many regions there are. A
// database that already holds the first N regions (JIXIAO_BENCH_PG_URL kept from a smaller run) is extended to
// the requested number, so 2, 10 and 100 regions can be timed on one database. It prints — it never asserts.
import { sql } from 'drizzle-orm';
import { CLI_ACTOR, migrate, openDb, type Actor, type Database } from '@jixiao/server';
import { auditInTx } from '@jixiao/server/audit/audit-log';
import { computeExecution } from '@jixiao/server/features/execution/execution.service';
import { regionOverview } from '@jixiao/server/features/overview/overview.service';
import { buildReportDocument } from '@jixiao/server/features/reports/reports.service';

const REGIONS = Number(process.env['JIXIAO_BENCH_PROVINCE_REGIONS'] ?? 100);
const DEPTS = 80;
const PROJECTS = 25;
const ROWS_PER_PROJECT = 100;
const YEAR = 2025;
const PROVINCE = '990000';

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; s: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, s: (performance.now() - t0) / 1000 };
}

const regionCode = (r: number) => String(991000 + r);

/** Regions from..to: regions, departments, fiscal years, projects and one 年初 budget line each (one audited
 * transaction; the province row with the first region). */
async function loadOrganisation(database: Database, from: number, to: number): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(
      sql.raw(`
      insert into regions (code, name, parent_code, level) values ('${PROVINCE}', '基准省', null, 'province')
        on conflict do nothing;
      insert into regions (code, name, parent_code, level)
        select (991000 + r)::text, '基准区' || r, '${PROVINCE}', 'district' from generate_series(${from}, ${to}) r;
      insert into fiscal_years (region_code, year)
        select (991000 + r)::text, ${YEAR} from generate_series(${from}, ${to}) r;
      insert into departments (code, region_code, name, short_name, kind)
        select (991000 + r)::text || '-D' || d, (991000 + r)::text, '部门' || d, '部门' || d, 'department'
        from generate_series(${from}, ${to}) r, generate_series(1, ${DEPTS}) d;
      insert into projects (id, region_code, fiscal_year, department_code, code, name)
        select md5(r || '-' || d || '-' || p), (991000 + r)::text, ${YEAR}, (991000 + r)::text || '-D' || d,
               'P' || lpad(p::text, 3, '0'), '项目' || p
        from generate_series(${from}, ${to}) r, generate_series(1, ${DEPTS}) d, generate_series(1, ${PROJECTS}) p;
      insert into budget_lines (id, region_code, fiscal_year, department_code, project_id, kind, amount, effective_date)
        select md5('b' || id), region_code, fiscal_year, department_code, id, 'initial',
               1000000 + (hashtext(id) & 1048575) * 10, '${YEAR}-01-10'
        from projects where region_code between '${regionCode(from)}' and '${regionCode(to)}' and fiscal_year = ${YEAR};
    `),
    );
    await auditInTx(tx, CLI_ACTOR, {
      action: 'bench.province',
      entity: 'regions',
      entityId: PROVINCE,
      departmentCode: null,
      before: null,
      after: {
        regions: `${from}-${to}`,
        departments: (to - from + 1) * DEPTS,
        projects: (to - from + 1) * DEPTS * PROJECTS,
      },
    });
  });
}

/** ROWS_PER_PROJECT ledger rows per project, one region per statement (the ledger is not audit-guarded). */
async function loadLedger(database: Database, from: number, to: number): Promise<void> {
  for (let r = from; r <= to; r++) {
    await database.db.execute(
      sql.raw(`
      insert into ledger_entries (region_code, fiscal_year, department_code, project_code, pay_date, month,
                                  economic_class, amount, summary, voucher_no)
        select p.region_code, p.fiscal_year, p.department_code, p.code,
               make_date(${YEAR}, 1 + (i % 12), 1 + (i % 28)), 1 + (i % 12), '30201 办公费',
               1 + ((hashtext(p.id || i) & 65535) * 7) / 100.0, '支付', 'V' || i
        from projects p, generate_series(1, ${ROWS_PER_PROJECT}) i
        where p.region_code = '${regionCode(r)}' and p.fiscal_year = ${YEAR}
        order by p.department_code, p.code;
    `),
    );
  }
  await database.db.execute(sql`vacuum (analyze) ledger_entries`);
}

function bureauOf(region: string): Actor {
  return {
    userId: 'bench',
    username: 'bench',
    displayName: '基准',
    role: 'financeReviewer',
    departmentCode: null,
    regionCode: region,
    ip: null,
  };
}

export async function runProvinceBench(out: (line?: string) => void, url: string): Promise<void> {
  const rows = REGIONS * DEPTS * PROJECTS * ROWS_PER_PROJECT;
  out(
    `\n== province on PostgreSQL: ${REGIONS} regions × ${DEPTS} departments × ${PROJECTS} projects, ${rows.toLocaleString('en')} ledger rows${REGIONS < 100 ? ` (a ${REGIONS}% fraction of the province)` : ''}`,
  );
  const database = await openDb({ kind: 'pg', url, max: 4 });
  try {
    await migrate(database);
    // A database that already holds the first regions (JIXIAO_BENCH_PG_URL kept from a smaller run) is extended.
    const have = (await database.db.execute(
      sql`select count(*)::int as n from regions where parent_code = ${PROVINCE}`,
    )) as unknown as { rows: { n: number }[] };
    const from = (have.rows[0]?.n ?? 0) + 1;
    if (from <= REGIONS) {
      const added = (REGIONS - from + 1) * DEPTS * PROJECTS * ROWS_PER_PROJECT;
      const org = await timed(() => loadOrganisation(database, from, REGIONS));
      const ledger = await timed(() => loadLedger(database, from, REGIONS));
      out(
        `   loaded regions ${from}–${REGIONS} in the database: organisation ${org.s.toFixed(1)} s, ledger ${ledger.s.toFixed(1)} s (${Math.round(added / ledger.s).toLocaleString('en')} rows/s incl. VACUUM ANALYZE)`,
      );
    } else {
      out(`   the ${REGIONS} regions were already in the database`);
    }
    const region = regionCode(1);
    const actor = bureauOf(region);
    const overview = await timed(() => regionOverview(database.db, actor, YEAR));
    const last = await timed(() =>
      regionOverview(database.db, bureauOf(regionCode(REGIONS)), YEAR),
    );
    out(
      `   bureau overview of one region (${overview.value.length} departments): ${overview.s.toFixed(2)} s (the first region, cold), ${last.s.toFixed(2)} s (the last region)`,
    );
    const execution = await timed(async () => {
      for (let d = 1; d <= DEPTS; d++) {
        const code = `${region}-D${d}`;
        await computeExecution(database.db, { code, name: code, regionCode: region }, YEAR);
      }
    });
    out(
      `   one region's execution (${DEPTS} departments, one after another): ${execution.s.toFixed(2)} s`,
    );
    const report = await timed(() =>
      buildReportDocument(database.db, actor, `${region}-D1`, YEAR, new Date()).then(
        () => 'built',
        (e: unknown) => `failed: ${e instanceof Error ? e.message : String(e)}`,
      ),
    );
    out(`   one department's report document: ${report.s.toFixed(2)} s (${report.value})`);
    const cross = await timed(() =>
      database.db.execute(
        sql`select region_code, sum(amount) from ledger_entries where fiscal_year = ${YEAR} group by region_code`,
      ),
    );
    out(
      `   province-wide Σ per region (crosses every region; a Citus fan-out): ${cross.s.toFixed(2)} s`,
    );
  } finally {
    await database.close();
  }
}

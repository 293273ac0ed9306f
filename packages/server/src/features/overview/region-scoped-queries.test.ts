// Issue 19: what one region's users open must not read beyond their region (or department). Every statement the
// bureau overview, a department's execution and its report document send is captured (drizzle's logger) and
// EXPLAINed with sequential scans disabled: a table still read by a Seq Scan then is one the statement cannot reach
// through an index on its region or department — at a province's size, a read of every region's rows. Plans, not
// timings: the demo is small, the verdict does not depend on the machine.
import { expect, it } from 'vitest';
import type pg from 'pg';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { computeExecution } from '../execution/execution.service.ts';
import { buildReportDocument } from '../reports/reports.service.ts';
import { regionOverview } from './overview.service.ts';

const REGION = '440105';
const DEPT = '440105-TZCJ';
const YEAR = 2023;
/** Small lookup tables read whole by design (a region's handful of rows, or the installation's few). */
const WHOLE_READ_ALLOWED = new Set([
  'regions',
  'fiscal_years',
  'audit_chain_head',
  'system_settings',
]);

const bureau: Actor = {
  userId: 'test-bureau',
  username: 'test-bureau',
  displayName: '财政局',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: REGION,
  ip: null,
};

interface Captured {
  text: string;
  params: unknown[];
}

async function captureStatements(
  database: Database,
  run: () => Promise<unknown>,
): Promise<Captured[]> {
  const session = (database.db as unknown as { session: { logger: unknown } }).session;
  const before = session.logger;
  const captured: Captured[] = [];
  session.logger = {
    logQuery: (text: string, params: unknown[]) => captured.push({ text, params }),
  };
  try {
    await run();
  } finally {
    session.logger = before;
  }
  return captured.filter((c) => /^\s*(select|with)\b/i.test(c.text));
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

/** Tables read whole: a Seq Scan, or an index walked end to end (no condition on it — an ORDER BY's index). */
function seqScannedTables(node: PlanNode, out: Set<string>): Set<string> {
  const type = node['Node Type'];
  const whole =
    type === 'Seq Scan' ||
    ((type === 'Index Scan' || type === 'Index Only Scan') && node['Index Cond'] === undefined);
  if (whole && node['Relation Name']) {
    out.add(node['Relation Name']);
  }
  for (const child of node.Plans ?? []) {
    seqScannedTables(child, out);
  }
  return out;
}

/** EXPLAINs each statement on one connection with enable_seqscan off; answers the tables still read whole. */
async function wholeTableReads(database: Database, statements: Captured[]): Promise<string[]> {
  const found = new Set<string>();
  const explainAll = async (query: (text: string, params: unknown[]) => Promise<unknown[]>) => {
    await query('set enable_seqscan = off', []);
    for (const s of statements) {
      const rows = (await query(`explain (format json) ${s.text}`, s.params)) as {
        'QUERY PLAN': { Plan: PlanNode }[];
      }[];
      for (const t of seqScannedTables(rows[0]!['QUERY PLAN'][0]!.Plan, new Set())) {
        if (!WHOLE_READ_ALLOWED.has(t)) {
          found.add(`${t}: ${s.text.replace(/\s+/g, ' ').slice(0, 160)}`);
        }
      }
    }
    await query('reset enable_seqscan', []);
  };
  if (database.pglite) {
    const lite = database.pglite;
    await explainAll(async (text, params) => (await lite.query(text, params)).rows);
  } else {
    const client: pg.PoolClient = await database.pool!.connect();
    try {
      await explainAll(async (text, params) => (await client.query(text, params)).rows);
    } finally {
      client.release();
    }
  }
  return [...found].sort();
}

describeEachDb('a region reads only its own rows', (use) => {
  it('the bureau overview of one region', async () => {
    const statements = await captureStatements(use(), () => regionOverview(use().db, bureau, YEAR));
    expect(statements.length).toBeGreaterThan(5);
    expect(await wholeTableReads(use(), statements)).toEqual([]);
  });

  it("one department's execution", async () => {
    const dept = { code: DEPT, name: '海珠区投资促进局', regionCode: REGION };
    const statements = await captureStatements(use(), () => computeExecution(use().db, dept, YEAR));
    expect(statements.length).toBeGreaterThan(0);
    expect(await wholeTableReads(use(), statements)).toEqual([]);
  });

  it("one department's report document", async () => {
    const statements = await captureStatements(use(), () =>
      buildReportDocument(use().db, bureau, DEPT, YEAR, new Date('2024-03-01T00:00:00Z')),
    );
    expect(statements.length).toBeGreaterThan(5);
    expect(await wholeTableReads(use(), statements)).toEqual([]);
  });
});

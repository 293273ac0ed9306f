// The investment demo: deterministic, consistent with the stage rules, and tied to the ledger.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { PIPELINE_STAGES, validateStageDates, workingDaysBetween } from '@jixiao/core/investment/index';
import { queryRows } from '../db/open-db.ts';
import { describeEachDb } from '../db/test-db.ts';
import { buildPipeline, buildRequests } from './investment-demo-build.ts';
import { HAIZHU_SUBDISTRICTS } from './investment-demo-units.ts';
import { Rand } from './demo-random.ts';

it('generates the same pipeline and requests on every load (seeded PRNG)', () => {
  const a = buildPipeline(new Rand(7), 2023);
  const b = buildPipeline(new Rand(7), 2023);
  expect(a).toEqual(b);
  expect(buildPipeline(new Rand(8), 2023)).not.toEqual(a);
  const key2023 = a.filter((p) => p.isKey && p.dates.NEGOTIATING?.startsWith('2023'));
  expect(key2023).toHaveLength(336);
  expect(key2023.filter((p) => p.dates.REGISTERED?.startsWith('2023'))).toHaveLength(170);
  expect(a.filter((p) => p.dates.REGISTERED?.startsWith('2023'))).toHaveLength(170);
  const requests = buildRequests(new Rand(7), 2023).filter((q) => q.status === 'closed' && q.closedOn!.startsWith('2023'));
  expect(requests).toHaveLength(400);
  expect(requests.reduce((t, q) => t + workingDaysBetween(q.receivedOn, q.closedOn!), 0)).toBe(3440);
});

it('lists the 18 街道 of 海珠区', () => {
  expect(HAIZHU_SUBDISTRICTS.map((u) => u.name.replace('街道', ''))).toEqual(['赤岗', '新港', '昌岗', '江南中', '滨江', '素社', '海幢', '南华西', '龙凤', '沙园', '南石头', '凤阳', '瑞宝', '江海', '琶洲', '南洲', '华洲', '官洲']);
});

describeEachDb('investment demo data', (use) => {
  it('every project satisfies the stage rules and has one history row per stage reached', async () => {
    const rows = await queryRows<{ id: string; stage: (typeof PIPELINE_STAGES)[number]; lead_on: string; negotiating_on: string | null; signed_on: string | null; registered_on: string | null; operating_on: string | null; illustrative: boolean }>(
      use().db,
      sql`select id, stage, lead_on::text, negotiating_on::text, signed_on::text, registered_on::text, operating_on::text, illustrative from investment_projects`,
    );
    expect(rows.length).toBeGreaterThan(500);
    for (const r of rows) {
      const dates = { LEAD: r.lead_on, NEGOTIATING: r.negotiating_on, SIGNED: r.signed_on, REGISTERED: r.registered_on, OPERATING: r.operating_on };
      expect(validateStageDates(r.stage, dates, '2024-01-31')).toEqual([]);
      expect(r.illustrative).toBe(true);
    }
    const mismatched = await queryRows<{ n: number }>(
      use().db,
      sql`select count(*)::int as n from investment_projects p where (select count(*) from investment_stage_changes h where h.project_id = p.id)
            <> 1 + (p.negotiating_on is not null)::int + (p.signed_on is not null)::int + (p.registered_on is not null)::int + (p.operating_on is not null)::int`,
    );
    expect(Number(mismatched[0]!.n)).toBe(0);
  });

  it('non-key projects never register in 2023, so 注册落地 170 are all key projects negotiated in 2023', async () => {
    const r = await queryRows<{ n: number }>(use().db, sql`select count(*)::int as n from investment_projects where registered_on between '2023-01-01' and '2023-12-31' and not (is_key_project and negotiating_on >= '2023-01-01')`);
    expect(Number(r[0]!.n)).toBe(0);
  });

  it('the 2023 policy grants add up to TZCJ-XM-002’s execution in the ledger, to the fen', async () => {
    const r = await queryRows<{ grants: string; ledger: string }>(
      use().db,
      sql`select (select sum(amount)::text from policy_grants where granted_on between '2023-01-01' and '2023-12-31') as grants,
                 (select sum(amount)::text from ledger_entries where project_code = 'TZCJ-XM-002' and fiscal_year = 2023) as ledger`,
    );
    expect(r[0]).toEqual({ grants: '354001100.00', ledger: '354001100.00' });
  });
});

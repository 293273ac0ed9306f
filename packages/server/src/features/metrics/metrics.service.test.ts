// Live indicator values from the business records, on the Haizhu 2023 demo: each metric-bound
// indicator's actual equals the count of the matching records, follows the records when they change,
// and is frozen into the self-evaluation at submission.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';
import {
  closeRequest,
  createPolicyGrant,
  createRequest,
} from '../enterprises/enterprises.service.ts';
import { moveInvestmentProjectStage } from '../investment/investment.service.ts';
import { listDepartmentMetrics, resolveMetricActuals } from './metrics.service.ts';
import { getEvaluation } from '../evaluations/evaluations.service.ts';
import { submitToBureau } from '../evaluations/evaluation-test-signoff.ts';

const DEPT = '440105-TZCJ';
const clerk: Actor = {
  userId: 'u-clerk',
  username: 'tzcj_clerk',
  displayName: '填报员',
  role: 'clerk',
  departmentCode: DEPT,
  regionCode: '440105',
  ip: null,
};
const reviewer: Actor = {
  userId: 'u-rev',
  username: 'czj_reviewer',
  displayName: '财政审核',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};
const foreignClerk: Actor = {
  ...clerk,
  userId: 'u-f',
  departmentCode: '440106-ABCD',
  regionCode: '440106',
};
const NOW = new Date('2024-02-01T08:00:00Z');

interface Row {
  n: number;
}

describeEachDb('live metrics', (use) => {
  const db = () => use().db;
  const app = (actor: Actor) =>
    createApp({ database: use(), config: loadConfig({}), now: () => NOW }, { testActor: actor });
  const count = async (q: ReturnType<typeof sql>) => Number((await queryRows<Row>(db(), q))[0]!.n);
  const valueOf = async (name: string) => {
    const all = await listDepartmentMetrics(db(), clerk, DEPT, 2023);
    const m = all.find((x) => x.indicator === name);
    if (!m) {
      throw new Error(`no metric-bound indicator ${name}`);
    }
    return m;
  };

  it('the demo indicators read 336, 170, 93.50, 8.60, 92.40 and 652 from the records', async () => {
    const all = await listDepartmentMetrics(db(), clerk, DEPT, 2023);
    const seen = Object.fromEntries(all.map((m) => [m.indicator, m.value]));
    expect(seen).toEqual({
      新洽谈重点招商项目数: '336',
      推动注册落地项目数: '170',
      企业诉求按期办结率: '93.50',
      企业诉求平均办结时长: '8.60',
      企业满意度: '92.40',
      政策兑现企业数: '652',
    });
    expect(all.find((m) => m.indicator === '企业诉求平均办结时长')).toMatchObject({
      metric: { key: 'services.meanDaysToClose', unit: '个工作日' },
      numerator: '3440',
      denominator: '400',
    });
    expect(all).toHaveLength(8); // 5 of the department goal, 2 of TZCJ-XM-001, 1 of TZCJ-XM-002
  });

  it('each count equals the matching records counted independently in SQL', async () => {
    const negotiated = await count(
      sql`select count(*)::int as n from investment_projects where department_code = ${DEPT} and is_key_project and negotiating_on between '2023-01-01' and '2023-12-31'`,
    );
    const registered = await count(
      sql`select count(*)::int as n from investment_projects where department_code = ${DEPT} and registered_on between '2023-01-01' and '2023-12-31'`,
    );
    const beneficiaries = await count(
      sql`select count(distinct enterprise_id)::int as n from policy_grants where department_code = ${DEPT} and granted_on between '2023-01-01' and '2023-12-31'`,
    );
    const due = await count(
      sql`select count(*)::int as n from enterprise_requests where department_code = ${DEPT} and status <> 'withdrawn' and due_on between '2023-01-01' and '2023-12-31'`,
    );
    const onTime = await count(
      sql`select count(*)::int as n from enterprise_requests where department_code = ${DEPT} and status = 'closed' and closed_on <= due_on and due_on between '2023-01-01' and '2023-12-31'`,
    );
    expect([negotiated, registered, beneficiaries]).toEqual([336, 170, 652]);
    expect([onTime, due]).toEqual([374, 400]);
    const ids = (await valueOf('新洽谈重点招商项目数')).records;
    const sqlIds = (
      await queryRows<{ id: string }>(
        db(),
        sql`select id from investment_projects where department_code = ${DEPT} and is_key_project and negotiating_on between '2023-01-01' and '2023-12-31'`,
      )
    ).map((r) => r.id);
    expect([...ids].sort()).toEqual([...sqlIds].sort());
  });

  it('as of 2023-06-30 the pipeline gives the mid-year progress 152 and 61', async () => {
    const mid = await resolveMetricActuals(db(), DEPT, 2023, '2023-06-30');
    const values = [...mid.values()]
      .filter((v) => v.metric.startsWith('investment.'))
      .map((v) => [v.metric, v.value, v.records, v.asOf]);
    expect(values).toContainEqual(['investment.negotiatedKeyProjects', '152', 152, '2023-06-30']);
    expect(values).toContainEqual(['investment.registeredProjects', '61', 61, '2023-06-30']);
  });

  it('GET /api/indicators/{id}/metric gives the value, the record ids and a link that lists exactly them', async () => {
    const m = await valueOf('推动注册落地项目数');
    const res = await app(clerk).request(`/api/indicators/${m.indicatorId}/metric`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      value: string;
      asOf: string;
      records: string[];
      recordCount: number;
      link: string;
      metric: { key: string; name: string };
    };
    expect(body).toMatchObject({
      value: '170',
      asOf: '2023-12-31',
      recordCount: 170,
      metric: { key: 'investment.registeredProjects', name: '注册落地项目数' },
    });
    expect(body.link).toBe(
      `/api/departments/${DEPT}/investment-projects?reachedStage=REGISTERED&reachedFrom=2023-01-01&reachedTo=2023-12-31`,
    );
    const listed = (await (await app(clerk).request(`${body.link}&pageSize=200`)).json()) as {
      total: number;
      items: { id: string }[];
    };
    expect(listed.total).toBe(170);
    expect(listed.items.map((i) => i.id).sort()).toEqual([...body.records].sort());
    const asOf = (await (
      await app(clerk).request(`/api/indicators/${m.indicatorId}/metric?asOf=2023-06-30`)
    ).json()) as { value: string };
    expect(asOf.value).toBe('61');
    const grants = await valueOf('政策兑现企业数');
    const listedGrants = (await (await app(reviewer).request(grants.link)).json()) as {
      enterprises: number;
      totalAmountYuan: string;
    };
    expect(listedGrants).toMatchObject({ enterprises: 652, totalAmountYuan: '354001100.00' });
  });

  it('refuses other departments’ users, unknown indicators and bad dates with Chinese messages', async () => {
    const m = await valueOf('企业满意度');
    expect(
      (await app(foreignClerk).request(`/api/indicators/${m.indicatorId}/metric`)).status,
    ).toBe(403);
    const missing = await app(clerk).request('/api/indicators/nope/metric');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe(
      '未找到指标',
    );
    const badDate = await app(clerk).request(
      `/api/indicators/${m.indicatorId}/metric?asOf=2023-6-30`,
    );
    expect(badDate.status).toBe(400);
    expect(((await badDate.json()) as { error: { message: string } }).error.message).toContain(
      '截止日期格式应为 YYYY-MM-DD',
    );
    const locked = await app(clerk).request(`/api/indicators/${m.indicatorId}/metric`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: null }),
    });
    expect(locked.status).toBe(423);
    const unknownKey = await app(clerk).request(`/api/indicators/${m.indicatorId}/metric`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'services.happiness' }),
    });
    expect(unknownKey.status).toBe(400);
    expect(((await unknownKey.json()) as { error: { message: string } }).error.message).toContain(
      '取数口径应为',
    );
  });

  it('the self-evaluation input takes the metric values, with the record count and as-of date', async () => {
    const ev = await getEvaluation(db(), clerk, DEPT, 2023);
    const ind = ev.department.input.indicators.find((i) => i.name === '企业诉求平均办结时长')!;
    expect(ind).toMatchObject({
      actual: '8.60',
      metric: { key: 'services.meanDaysToClose', value: '8.60', records: 400, asOf: '2023-12-31' },
    });
  });

  it('changing a record changes the value; submission freezes it; later changes move the live value only', async () => {
    // A key project at the lead stage starts negotiating in August 2023: 336 → 337.
    const lead = (
      await queryRows<{ id: string }>(
        db(),
        sql`select id from investment_projects where department_code = ${DEPT} and is_key_project and stage = 'LEAD' and lead_on < '2023-08-01' order by code limit 2`,
      )
    ).map((r) => r.id);
    await moveInvestmentProjectStage(
      db(),
      clerk,
      DEPT,
      lead[0]!,
      { to: 'NEGOTIATING', date: '2023-08-01' },
      NOW,
    );
    expect((await valueOf('新洽谈重点招商项目数')).value).toBe('337');
    // A registered project is corrected back to 签约: 170 → 169.
    const reg = (
      await queryRows<{ id: string }>(
        db(),
        sql`select id from investment_projects where department_code = ${DEPT} and stage = 'REGISTERED' and registered_on >= '2023-01-01' order by code limit 1`,
      )
    )[0]!.id;
    await moveInvestmentProjectStage(
      db(),
      clerk,
      DEPT,
      reg,
      { to: 'SIGNED', reason: '营业执照尚未核发，误录为注册落地' },
      NOW,
    );
    expect((await valueOf('推动注册落地项目数')).value).toBe('169');
    // A request due in 2023 closed one day late: 374/401 = 93.27 %.
    const ent = (
      await queryRows<{ id: string }>(
        db(),
        sql`select id from enterprises where department_code = ${DEPT} order by name limit 1`,
      )
    )[0]!.id;
    const req = await createRequest(
      db(),
      clerk,
      DEPT,
      {
        enterpriseId: ent,
        category: 'APPROVAL',
        summary: '协调竣工验收',
        receivedOn: '2023-11-01',
        dueOn: '2023-11-15',
      },
      NOW,
    );
    await closeRequest(
      db(),
      clerk,
      DEPT,
      req.id,
      { closedOn: '2023-11-16', closureNote: '已协调完成验收' },
      NOW,
    );
    expect((await valueOf('企业诉求按期办结率')).value).toBe('93.27');
    // A policy grant to an enterprise paid nothing in 2023: 652 → 653.
    const unpaid = (
      await queryRows<{ id: string }>(
        db(),
        sql`select e.id from enterprises e where e.department_code = ${DEPT} and not exists (select 1 from policy_grants g where g.enterprise_id = e.id and g.granted_on between '2023-01-01' and '2023-12-31') order by e.name limit 1`,
      )
    )[0]!.id;
    const pkg = (
      await queryRows<{ id: string }>(
        db(),
        sql`select id from policy_packages where department_code = ${DEPT} and fiscal_year = 2023 order by code limit 1`,
      )
    )[0]!.id;
    await createPolicyGrant(
      db(),
      clerk,
      DEPT,
      { packageId: pkg, enterpriseId: unpaid, grantedOn: '2023-12-28', amountWan: '12.5' },
      NOW,
    );
    expect((await valueOf('政策兑现企业数')).value).toBe('653');

    const submitted = await submitToBureau(db(), clerk, DEPT, 2023, NOW);
    const frozen = submitted.department.input.indicators.find(
      (i) => i.name === '新洽谈重点招商项目数',
    )!;
    expect(frozen).toMatchObject({ actual: '337', metric: { value: '337', records: 337 } });
    await moveInvestmentProjectStage(
      db(),
      clerk,
      DEPT,
      lead[1]!,
      { to: 'NEGOTIATING', date: '2023-09-01' },
      NOW,
    );
    expect((await valueOf('新洽谈重点招商项目数')).value).toBe('338');
    const after = await getEvaluation(db(), clerk, DEPT, 2023);
    expect(
      after.department.input.indicators.find((i) => i.name === '新洽谈重点招商项目数')!.actual,
    ).toBe('337');
    expect(after.department.status).toBe('submitted');
  });
});

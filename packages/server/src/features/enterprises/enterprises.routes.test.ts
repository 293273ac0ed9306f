// Enterprise services over HTTP on the demo: enterprises and chief service officers, a request from
// receipt (due in 10 working days) to closure and survey, withdrawal, policy packages and grants.
import { expect, it } from 'vitest';
import { parseYuan } from '@jixiao/core';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { describeEachDb } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';

const DEPT = '440105-TZCJ';
const BASE = `/api/departments/${DEPT}`;
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

interface ErrorBody {
  error: { code: string; message: string };
}

describeEachDb('enterprise service routes', (use) => {
  const app = (actor: Actor = clerk) =>
    createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2024-01-15T02:00:00Z') },
      { testActor: actor },
    );
  const send = (method: string, path: string, body: unknown, actor: Actor = clerk) =>
    app(actor).request(`${BASE}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const message = async (res: Response) => ((await res.json()) as ErrorBody).error.message;

  it('lists key enterprises with their chief service officer', async () => {
    const page = (await (
      await app(reviewer).request(`${BASE}/enterprises?key=true&hasOfficer=true&pageSize=5`)
    ).json()) as {
      total: number;
      items: { isKeyEnterprise: boolean; serviceOfficer: string | null; creditCode: string }[];
    };
    expect(page.total).toBeGreaterThan(50);
    expect(
      page.items.every(
        (e) => e.isKeyEnterprise && e.serviceOfficer !== null && e.creditCode.length === 18,
      ),
    ).toBe(true);
  });

  let enterpriseId = '';
  let requestId = '';

  it('registers an enterprise (credit code checked), then assigns its chief service officer', async () => {
    const bad = await send('POST', '/enterprises', {
      name: '广州测试科技有限公司',
      creditCode: '91350100M000100Y44',
    });
    expect(bad.status).toBe(400);
    expect(await message(bad)).toContain('统一社会信用代码「91350100M000100Y44」不正确');
    const created = await send('POST', '/enterprises', {
      name: '广州测试科技有限公司',
      creditCode: '91350100M000100Y43',
      subdistrictCode: 'JD-PAZHOU',
      industryCode: '6513',
      industryName: '应用软件开发',
    });
    expect(created.status).toBe(201);
    const e = (await created.json()) as {
      id: string;
      subdistrictName: string;
      serviceOfficer: string | null;
    };
    expect(e).toMatchObject({ subdistrictName: '琶洲街道', serviceOfficer: null });
    enterpriseId = e.id;
    const dup = await send('POST', '/enterprises', {
      name: '另一家',
      creditCode: '91350100m000100y43',
    });
    expect(dup.status).toBe(409);
    expect(await message(dup)).toBe(
      '统一社会信用代码 91350100M000100Y43 已登记为「广州测试科技有限公司」',
    );
    const notStreet = await send('PATCH', `/enterprises/${enterpriseId}`, {
      subdistrictCode: 'BM-TZCJ',
    });
    expect(await message(notStreet)).toContain('不是本区的街道');
    const cso = (await (
      await send('PATCH', `/enterprises/${enterpriseId}`, {
        isKeyEnterprise: true,
        serviceOfficer: '陈志明',
        serviceOfficerUnit: '区投资促进局企业服务科',
      })
    ).json()) as { serviceOfficer: string; serviceOfficerSince: string };
    expect(cso).toMatchObject({ serviceOfficer: '陈志明', serviceOfficerSince: '2024-01-15' });
  });

  it('a request received Thu 2023-09-28 is due 10 working days later, 2023-10-18 (after the National Day holiday)', async () => {
    const res = await send('POST', '/enterprise-requests', {
      enterpriseId,
      category: 'LAND_SPACE',
      summary: '新增研发办公场地需求约 800 平方米',
      receivedOn: '2023-09-28',
    });
    expect(res.status).toBe(201);
    const r = (await res.json()) as {
      id: string;
      dueOn: string;
      status: string;
      statusLabel: string;
      categoryLabel: string;
    };
    expect(r).toMatchObject({
      dueOn: '2023-10-18',
      status: 'open',
      statusLabel: '办理中',
      categoryLabel: '用地与办公空间',
    });
    requestId = r.id;
    const future = await send('POST', '/enterprise-requests', {
      enterpriseId,
      category: 'POLICY',
      summary: '咨询',
      receivedOn: '2024-02-01',
    });
    expect(await message(future)).toBe('「受理日期」2024-02-01 晚于今天（2024-01-15）');
    const badCat = await send('POST', '/enterprise-requests', {
      enterpriseId,
      category: 'CATERING',
      summary: '咨询',
      receivedOn: '2023-10-01',
    });
    expect(badCat.status).toBe(400);
    expect(await message(badCat)).toContain('诉求类别应为');
  });

  it('closes, then surveys the request; refuses closing twice, a survey before closure and a score of 6', async () => {
    const early = await send('POST', `/enterprise-requests/${requestId}/survey`, {
      surveyedOn: '2023-10-20',
      score: 5,
    });
    expect(early.status).toBe(409);
    expect(await message(early)).toBe('诉求办结后才能进行满意度回访');
    const before = await send('POST', `/enterprise-requests/${requestId}/close`, {
      closedOn: '2023-09-27',
      closureNote: '已推荐楼宇',
    });
    expect(await message(before)).toContain('早于受理日期 2023-09-28');
    const closed = (await (
      await send('POST', `/enterprise-requests/${requestId}/close`, {
        closedOn: '2023-10-16',
        closureNote: '已推荐3处楼宇并组织看楼',
      })
    ).json()) as { status: string; onTime: boolean };
    expect(closed).toMatchObject({ status: 'closed', onTime: true });
    const again = await send('POST', `/enterprise-requests/${requestId}/close`, {
      closedOn: '2023-10-17',
      closureNote: '重复',
    });
    expect(again.status).toBe(409);
    const six = await send('POST', `/enterprise-requests/${requestId}/survey`, {
      surveyedOn: '2023-10-20',
      score: 6,
    });
    expect(six.status).toBe(400);
    expect(await message(six)).toContain('评分为 1–5');
    const none = await send('POST', `/enterprise-requests/${requestId}/survey`, {
      surveyedOn: '2023-10-20',
    });
    expect(await message(none)).toContain('请填写评分（1–5 分）或是否满意');
    expect(
      (
        await send('POST', `/enterprise-requests/${requestId}/survey`, {
          surveyedOn: '2023-10-20',
          score: 4,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await send('POST', `/enterprise-requests/${requestId}/survey`, {
          surveyedOn: '2023-10-21',
          satisfied: true,
        })
      ).status,
    ).toBe(409);
    const list = (await (
      await app(reviewer).request(`${BASE}/enterprise-requests?enterpriseId=${enterpriseId}`)
    ).json()) as { items: { survey: { score: number } | null }[] };
    expect(list.items[0]!.survey).toEqual({ score: 4, satisfied: null });
  });

  it('filters the request ledger the way the metrics count it', async () => {
    const due = (await (
      await app(reviewer).request(
        `${BASE}/enterprise-requests?dueFrom=2023-01-01&dueTo=2023-12-31&excludeWithdrawn=true&pageSize=1`,
      )
    ).json()) as { total: number };
    expect(due.total).toBe(401); // the demo's 400 + the one above
    const overdue = (await (
      await app(reviewer).request(`${BASE}/enterprise-requests?overdueOn=2024-01-31`)
    ).json()) as { total: number };
    expect(overdue.total).toBe(12); // received 12-18…12-29, still open, due 2024-01-02…01-15
    const withdrawn = await send('POST', `/enterprise-requests/${requestId}/withdraw`, {
      reason: '已自行解决',
    });
    expect(withdrawn.status).toBe(409);
  });

  it('policy packages and grants: exact 万元 amounts, totals per package, reviewers cannot write', async () => {
    const pkgs = (await (
      await app(reviewer).request(`${BASE}/policy-packages?year=2023`)
    ).json()) as { id: string; code: string; enterprises: number; amountYuan: string }[];
    expect(pkgs.map((p) => p.code)).toEqual([
      'HZ-2023-CYHLW',
      'HZ-2023-HQJL',
      'HZ-2023-KBBT',
      'HZ-2023-LYJJ',
    ]);
    const total = pkgs.reduce((t, p) => t + (parseYuan(p.amountYuan) ?? NaN), 0);
    expect(total).toBe(35_400_110_000); // = TZCJ-XM-002 executed in the ledger, to the fen
    const bad = await send('POST', '/policy-grants', {
      packageId: pkgs[0]!.id,
      enterpriseId,
      grantedOn: '2023-12-20',
      amountWan: '0',
    });
    expect(await message(bad)).toContain('应为大于 0 的金额');
    const g = await send('POST', '/policy-grants', {
      packageId: pkgs[0]!.id,
      enterpriseId,
      grantedOn: '2023-12-20',
      amountWan: '3.141593',
      batch: 4,
    });
    expect(g.status).toBe(201);
    expect(await g.json()).toMatchObject({
      amountYuan: '31415.93',
      enterpriseName: '广州测试科技有限公司',
    });
    const mine = (await (
      await app(reviewer).request(`${BASE}/policy-grants?enterpriseId=${enterpriseId}`)
    ).json()) as { total: number; totalAmountYuan: string; enterprises: number };
    expect(mine).toEqual(
      expect.objectContaining({ total: 1, totalAmountYuan: '31415.93', enterprises: 1 }),
    );
    const newPkg = await send('POST', '/policy-packages?year=2023', {
      code: 'HZ-2023-ZJTX',
      name: '专精特新小巨人奖励',
      projectCode: 'TZCJ-XM-002',
    });
    expect(newPkg.status).toBe(201);
    const badProject = await send('POST', '/policy-packages?year=2023', {
      code: 'HZ-2023-X',
      name: 'X',
      projectCode: 'TZCJ-XM-999',
    });
    expect(await message(badProject)).toContain('预算项目「TZCJ-XM-999」在 2023 年度不存在');
    expect(
      (
        await send(
          'POST',
          '/policy-grants',
          { packageId: pkgs[0]!.id, enterpriseId, grantedOn: '2023-12-20', amountWan: '1' },
          reviewer,
        )
      ).status,
    ).toBe(403);
  });
});

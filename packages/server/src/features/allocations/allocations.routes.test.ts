// 任务分解 over HTTP on the demo: the city's three targets split over 22 units, each unit's progress and
// rank counted from the pipeline, and the checks on saving a decomposition.
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { describeEachDb } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';

const DEPT = '440105-TZCJ';
const BASE = `/api/departments/${DEPT}/investment-targets`;
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

interface Target {
  kind: string;
  target: string;
  allocated: string;
  status: string;
  allocations: { unitCode: string; unitName: string; value: string }[];
}
interface Progress {
  month: number;
  timeProgress: string;
  district: { target: string | null; actual: string; rate: string | null; cumulative: string[] };
  units: {
    unitCode: string;
    unitName: string;
    target: string;
    actual: string;
    cumulative: string[];
    monthly: string[];
    rate: string | null;
    status: string;
    rank: number;
  }[];
}

describeEachDb('target decomposition routes', (use) => {
  const app = (actor: Actor) =>
    createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2024-01-15T02:00:00Z') },
      { testActor: actor },
    );
  const put = (kind: string, body: unknown) =>
    app(clerk).request(`${BASE}/${kind}?year=2023`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('the city targets 300 and 150 projects are split over 22 units with 10 % extra', async () => {
    const targets = (await (await app(reviewer).request(`${BASE}?year=2023`)).json()) as Target[];
    expect(targets.map((t) => [t.kind, t.target, t.allocated, t.status])).toEqual([
      ['negotiatedKeyProjects', '300', '330', 'OVER'],
      ['registeredProjects', '150', '165', 'OVER'],
      ['signedInvestment', expect.stringMatching(/^\d+0000\.00$/), expect.any(String), 'OVER'],
    ]);
    expect(targets[0]!.allocations).toHaveLength(22);
    expect(targets[0]!.allocations.slice(4).every((a) => a.unitName.endsWith('街道'))).toBe(true);
  });

  it('progress for the year: the units add up to the district’s 336, ranked by completion rate', async () => {
    const p = (await (
      await app(clerk).request(`${BASE}/negotiatedKeyProjects/progress?year=2023`)
    ).json()) as Progress;
    expect(p.month).toBe(12); // a past year: the whole year
    expect(p.district).toMatchObject({ target: '300', actual: '336', rate: '112.00' });
    expect(p.district.cumulative[5]).toBe('152'); // end of June
    expect(p.units.reduce((t, u) => t + Number(u.actual), 0)).toBe(336);
    const rates = p.units.map((u) => Number(u.rate));
    expect([...rates].sort((a, b) => b - a)).toEqual(rates);
    expect(p.units[0]!.rank).toBe(1);
    for (const u of p.units) {
      expect(u.cumulative).toHaveLength(12);
      expect(u.cumulative[11]).toBe(u.actual);
      expect(u.monthly.reduce((t, m) => t + Number(m), 0)).toBe(Number(u.actual));
    }
  });

  it('progress through June compares with the 50 % time progress; 注册落地 reads 61 then', async () => {
    const p = (await (
      await app(clerk).request(`${BASE}/registeredProjects/progress?year=2023&month=6`)
    ).json()) as Progress;
    expect(p).toMatchObject({ month: 6, timeProgress: '50.00', district: { actual: '61' } });
    for (const u of p.units) {
      const rate = u.rate === null ? null : Number(u.rate);
      const expected =
        rate === null ? 'NO_TARGET' : rate >= 100 ? 'DONE' : rate >= 50 ? 'ON_TRACK' : 'BEHIND';
      expect(u.status).toBe(expected);
    }
    const money = (await (
      await app(clerk).request(`${BASE}/signedInvestment/progress?year=2023`)
    ).json()) as Progress & { unit: string };
    expect(money.unit).toBe('万元');
    expect(money.district.actual).toMatch(/^\d+\.\d{2,6}$/);
  });

  it('saves a decomposition in one go and refuses one short of the city target, in Chinese', async () => {
    const short = await put('registeredProjects', {
      target: '150',
      documentNo: '穗投促〔2023〕5号',
      allocations: [
        { unitCode: 'JD-PAZHOU', value: '100' },
        { unitCode: 'BM-TZCJ', value: '40' },
      ],
    });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { error: { message: string } }).error.message).toBe(
      '分解合计 140 个 少于市下达目标 150 个，还差 10 个：任务须全部分解到责任单位',
    );
    const unknown = await put('registeredProjects', {
      target: '150',
      allocations: [{ unitCode: 'JD-MARS', value: '150' }],
    });
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe(
      '责任单位「JD-MARS」不存在',
    );
    const fraction = await put('registeredProjects', { target: '150.5', allocations: [] });
    expect(((await fraction.json()) as { error: { message: string } }).error.message).toContain(
      '应为不小于 0 的整数',
    );
    const before = (await (await app(clerk).request(`${BASE}?year=2023`)).json()) as Target[];
    expect(before[1]!.allocated).toBe('165'); // nothing of the refused saves was written

    const ok = await put('registeredProjects', {
      target: '150',
      allocations: [
        { unitCode: 'JD-PAZHOU', value: '100' },
        { unitCode: 'BM-TZCJ', value: '50' },
      ],
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      target: '150',
      allocated: '150',
      status: 'EXACT',
      allocations: [
        { unitName: '区投资促进局', value: '50' },
        { unitName: '琶洲街道', value: '100' },
      ],
    });
    const p = (await (
      await app(clerk).request(`${BASE}/registeredProjects/progress?year=2023`)
    ).json()) as Progress;
    expect(
      p.units
        .filter((u) => u.status !== 'NO_TARGET')
        .map((u) => u.unitName)
        .sort(),
    ).toEqual(['区投资促进局', '琶洲街道']);
    expect(p.units.reduce((t, u) => t + Number(u.actual), 0)).toBe(170); // units without a share still show what they landed

    const money = await put('signedInvestment', {
      target: '1000000.5',
      allocations: [{ unitCode: 'JD-PAZHOU', value: '1000000.50' }],
    });
    expect(await money.json()).toMatchObject({
      target: '1000000.50',
      allocated: '1000000.50',
      status: 'EXACT',
    });
    expect(
      (
        await app(reviewer).request(`${BASE}/registeredProjects?year=2023`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            target: '1',
            allocations: [{ unitCode: 'JD-PAZHOU', value: '1' }],
          }),
        })
      ).status,
    ).toBe(403);
    const badKind = await app(clerk).request(`${BASE}/gdp/progress?year=2023`);
    expect(badKind.status).toBe(400);
  });
});

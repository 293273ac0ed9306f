// The pipeline over HTTP on the Haizhu 2023 demo: the responsible units, filters and paging, the board.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/open-db.ts';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../db/test-db.ts';
import {
  BASE,
  clerk,
  DEPT,
  pipelineApp,
  reviewer,
  type ErrorBody,
  type Page,
} from './investment-test-setup.ts';

describeEachDb('investment pipeline routes: lists and board', (use) => {
  const app = pipelineApp(use);

  it('lists the 18 街道 and 4 departments as responsible units', async () => {
    const units = (await (
      await app(clerk).request(`/api/departments/${DEPT}/investment-units`)
    ).json()) as { name: string; kind: string }[];
    expect(units.filter((u) => u.kind === 'subdistrict').map((u) => u.name)).toEqual([
      '赤岗街道',
      '新港街道',
      '昌岗街道',
      '江南中街道',
      '滨江街道',
      '素社街道',
      '海幢街道',
      '南华西街道',
      '龙凤街道',
      '沙园街道',
      '南石头街道',
      '凤阳街道',
      '瑞宝街道',
      '江海街道',
      '琶洲街道',
      '南洲街道',
      '华洲街道',
      '官洲街道',
    ]);
    expect(units.filter((u) => u.kind === 'department')).toHaveLength(4);
  });

  it('filters by key flag, stage, year and text, and pages', async () => {
    const key = (await (
      await app(clerk).request(
        `${BASE}?key=true&reachedStage=NEGOTIATING&reachedFrom=2023-01-01&reachedTo=2023-12-31&pageSize=50&page=7`,
      )
    ).json()) as Page;
    expect(key.total).toBe(336);
    expect(key.items).toHaveLength(36); // page 7 of 50
    const leads = (await (await app(clerk).request(`${BASE}?stage=LEAD&year=2023`)).json()) as Page;
    expect(leads.total).toBe(90); // 40 key + 50 non-key, all entered in 2023
    const nonKey = (await (
      await app(clerk).request(`${BASE}?key=false&stage=NEGOTIATING,SIGNED`)
    ).json()) as Page;
    expect(nonKey.total).toBe(60);
    const first = (await (await app(clerk).request(`${BASE}?pageSize=1`)).json()) as Page;
    const found = (await (
      await app(clerk).request(`${BASE}?q=${encodeURIComponent(first.items[0]!.code)}`)
    ).json()) as Page;
    expect(found.items.map((i) => i.id)).toEqual([first.items[0]!.id]);
    const bad = await app(clerk).request(`${BASE}?stage=DONE`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.message).toContain('阶段「DONE」');
    const badPage = await app(clerk).request(`${BASE}?pageSize=500`);
    expect(((await badPage.json()) as ErrorBody).error.message).toContain('每页最多 200 条');
  });

  it('the board has one column per stage, with counts that add up to the whole pipeline', async () => {
    const board = (await (await app(reviewer).request(`${BASE}/board`)).json()) as {
      stage: string;
      label: string;
      count: number;
      investmentYuan: string;
      items: unknown[];
    }[];
    expect(board.map((c) => c.label)).toEqual(['线索', '洽谈', '签约', '注册落地', '开工/开业']);
    const total = (
      await queryRows<{ n: number }>(
        use().db,
        sql`select count(*)::int as n from investment_projects where department_code = ${DEPT}`,
      )
    )[0]!.n;
    expect(board.reduce((t, c) => t + c.count, 0)).toBe(Number(total));
    expect(board.find((c) => c.stage === 'OPERATING')!.count).toBe(40);
    expect(board.every((c) => c.items.length <= 30 && /^\d+\.\d{2}$/.test(c.investmentYuan))).toBe(
      true,
    );
  });
});

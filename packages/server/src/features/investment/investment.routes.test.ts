// The pipeline over HTTP on the Haizhu 2023 demo: filters and paging, the board, create/edit with
// Chinese 4xx messages, stage moves and their history, and Excel export → import (all-or-nothing).
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';

const DEPT = '440105-TZCJ';
const BASE = `/api/departments/${DEPT}/investment-projects`;
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
const otherClerk: Actor = { ...clerk, userId: 'u-k', departmentCode: '440105-KGXJ' };

interface Page {
  items: {
    id: string;
    code: string;
    stage: string;
    isKeyProject: boolean;
    plannedInvestmentWan: string;
    plannedInvestmentYuan: string;
    stageDates: Record<string, string | null>;
    responsibleUnit: { name: string };
  }[];
  total: number;
}
interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: {
      fields?: { field: string; message: string }[];
      errors?: { row: number; column: string | null; message: string }[];
    };
  };
}

const NEW_PROJECT = {
  code: 'ZS-T-0001',
  name: '示例数字营销华南总部项目',
  investor: '深圳示例数字营销有限公司',
  industryCode: '7251',
  industryName: '互联网广告服务',
  plannedInvestmentWan: '12345.678901',
  isKeyProject: true,
  responsibleUnitCode: 'JD-PAZHOU',
  source: 'EXHIBITION',
  stage: 'NEGOTIATING',
  stageDates: { LEAD: '2023-09-01', NEGOTIATING: '2023-09-20' },
};

describeEachDb('investment pipeline routes', (use) => {
  const app = (actor: Actor) =>
    createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2024-01-15T02:00:00Z') },
      { testActor: actor },
    );
  const json = (method: string, body: unknown) => ({
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

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

  it('creates a project with exact money, implied dates and history; refuses bad input in Chinese', async () => {
    const res = await app(clerk).request(BASE, json('POST', NEW_PROJECT));
    expect(res.status).toBe(201);
    const p = (await res.json()) as Page['items'][number];
    expect(p).toMatchObject({
      plannedInvestmentWan: '12345.678901',
      plannedInvestmentYuan: '123456789.01',
      stage: 'NEGOTIATING',
      responsibleUnit: { name: '琶洲街道' },
    });
    const dup = await app(clerk).request(BASE, json('POST', NEW_PROJECT));
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as ErrorBody).error.message).toBe('项目编号「ZS-T-0001」已存在');

    const bad = await app(clerk).request(
      BASE,
      json('POST', { ...NEW_PROJECT, code: 'ZS-T-0002', plannedInvestmentWan: '12.3456789' }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.message).toContain(
      '计划投资额应为万元金额，最多 6 位小数',
    );
    const badUnit = await app(clerk).request(
      BASE,
      json('POST', { ...NEW_PROJECT, code: 'ZS-T-0002', responsibleUnitCode: 'JD-NOWHERE' }),
    );
    expect(((await badUnit.json()) as ErrorBody).error.message).toBe(
      '输入有误：「责任单位」「JD-NOWHERE」不是本区的部门或街道',
    );
    const future = await app(clerk).request(
      BASE,
      json('POST', {
        ...NEW_PROJECT,
        code: 'ZS-T-0002',
        stageDates: { LEAD: '2024-01-10', NEGOTIATING: '2024-02-01' },
      }),
    );
    expect(future.status).toBe(400);
    expect(((await future.json()) as ErrorBody).error.message).toContain('晚于今天（2024-01-15）');
    const skipped = await app(clerk).request(
      BASE,
      json('POST', {
        ...NEW_PROJECT,
        code: 'ZS-T-0003',
        stage: 'SIGNED',
        stageDates: { LEAD: '2023-10-01', SIGNED: '2023-11-01' },
      }),
    );
    expect(((await skipped.json()) as Page['items'][number]).stageDates).toMatchObject({
      LEAD: '2023-10-01',
      NEGOTIATING: '2023-11-01',
      SIGNED: '2023-11-01',
    });
    expect(
      (await app(reviewer).request(BASE, json('POST', { ...NEW_PROJECT, code: 'ZS-T-0004' })))
        .status,
    ).toBe(403);
    expect((await app(otherClerk).request(BASE)).status).toBe(403);
  });

  it('moves stages forward with dates and back only with a reason; the history says who and when', async () => {
    const { items } = (await (await app(clerk).request(`${BASE}?q=ZS-T-0001`)).json()) as Page;
    const id = items[0]!.id;
    const early = await app(clerk).request(
      `${BASE}/${id}/stage`,
      json('POST', { to: 'SIGNED', date: '2023-09-19' }),
    );
    expect(early.status).toBe(400);
    expect(((await early.json()) as ErrorBody).error.message).toBe(
      '「签约」日期 2023-09-19 早于「洽谈」日期 2023-09-20',
    );
    const moved = (await (
      await app(clerk).request(
        `${BASE}/${id}/stage`,
        json('POST', { to: 'REGISTERED', date: '2023-12-01' }),
      )
    ).json()) as Page['items'][number];
    expect(moved.stageDates).toMatchObject({ SIGNED: '2023-12-01', REGISTERED: '2023-12-01' });
    const noReason = await app(clerk).request(
      `${BASE}/${id}/stage`,
      json('POST', { to: 'NEGOTIATING' }),
    );
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as ErrorBody).error.message).toContain('请填写退回原因');
    const same = await app(clerk).request(
      `${BASE}/${id}/stage`,
      json('POST', { to: 'REGISTERED', date: '2023-12-02' }),
    );
    expect(same.status).toBe(409);
    await app(clerk).request(
      `${BASE}/${id}/stage`,
      json('POST', { to: 'NEGOTIATING', reason: '签约主体变更，重新洽谈' }),
    );
    const history = (await (await app(reviewer).request(`${BASE}/${id}/history`)).json()) as {
      kind: string;
      toStage: string;
      reachedOn: string | null;
      reason: string | null;
      changedByName: string;
    }[];
    expect(history.map((h) => [h.kind, h.toStage, h.reachedOn])).toEqual([
      ['create', 'LEAD', '2023-09-01'],
      ['create', 'NEGOTIATING', '2023-09-20'],
      ['forward', 'SIGNED', '2023-12-01'],
      ['forward', 'REGISTERED', '2023-12-01'],
      ['back', 'NEGOTIATING', null],
    ]);
    expect(history[4]).toMatchObject({ reason: '签约主体变更，重新洽谈', changedByName: '填报员' });
    const patched = await app(clerk).request(
      `${BASE}/${id}`,
      json('PATCH', { name: '示例数字营销华南总部（二期）项目', stage: 'LEAD' }),
    );
    expect(patched.status).toBe(400); // stage is not editable here
    const ok = (await (
      await app(clerk).request(`${BASE}/${id}`, json('PATCH', { plannedInvestmentWan: '20000' }))
    ).json()) as Page['items'][number];
    expect(ok.plannedInvestmentYuan).toBe('200000000.00');
  });

  it('exports to Excel with formula-like text neutralised, and the export imports back unchanged', async () => {
    await app(clerk).request(
      BASE,
      json('POST', {
        ...NEW_PROJECT,
        code: 'ZS-T-0009',
        name: '=HYPERLINK("http://x","点我")',
        stage: 'LEAD',
        stageDates: { LEAD: '2023-12-20' },
      }),
    );
    const res = await app(clerk).request(`${BASE}/export?q=ZS-T`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      encodeURIComponent('区投资促进局招商项目库.xlsx'),
    );
    const buf = Buffer.from(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.getWorksheet('招商项目')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual([
      '项目编号',
      '项目名称',
      '投资方',
      '行业代码',
      '行业名称',
      '计划投资额（万元）',
    ]);
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const injected = rows.find((r) => r[1] === 'ZS-T-0009')!;
    expect(injected[2]).toBe('\'=HYPERLINK("http://x","点我")');
    expect(rows.find((r) => r[1] === 'ZS-T-0001')![6]).toBe(20000);

    const form = new FormData();
    form.set('file', new File([buf], 'export.xlsx'));
    const back = await app(clerk).request(`${BASE}/import`, { method: 'POST', body: form });
    expect(back.status).toBe(200);
    // The apostrophe written against injection comes back as part of the name: that row changes, the rest do not.
    expect(await back.json()).toMatchObject({ rows: 3, created: 0, updated: 1, unchanged: 2 });
  });

  it('imports all-or-nothing: one bad row and nothing is written, every error listed by row in Chinese', async () => {
    const before = (
      await queryRows<{ n: number }>(
        use().db,
        sql`select count(*)::int as n from investment_projects`,
      )
    )[0]!.n;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('招商项目');
    ws.addRow([
      '项目编号',
      '项目名称',
      '投资方',
      '行业代码',
      '行业名称',
      '计划投资额（万元）',
      '重点项目',
      '责任单位',
      '招商方式',
      '当前阶段',
      '线索日期',
      '洽谈日期',
      '签约日期',
      '注册落地日期',
      '开工开业日期',
    ]);
    ws.addRow([
      'ZS-I-0001',
      '导入测试项目一',
      '广州导入科技有限公司',
      '6513',
      '应用软件开发',
      800,
      '是',
      '琶洲',
      '楼长招商',
      '洽谈',
      '2023-05-06',
      '2023-06-01',
    ]);
    ws.addRow([
      'ZS-I-0002',
      '导入测试项目二',
      '广州导入二号有限公司',
      '65A',
      '应用软件开发',
      'abc',
      '也许',
      '火星街道',
      '路演招商',
      '',
      '2023-05-06',
      '',
      '2023-04-01',
    ]);
    ws.addRow([
      'ZS-I-0001',
      '重复编号',
      '广州导入三号有限公司',
      '6513',
      '应用软件开发',
      10,
      '否',
      '新港街道',
      '以商招商',
      '线索',
      new Date(Date.UTC(2023, 6, 3)),
    ]);
    const form = new FormData();
    form.set('file', new File([Buffer.from(await wb.xlsx.writeBuffer())], 'bad.xlsx'));
    const res = await app(clerk).request(`${BASE}/import`, { method: 'POST', body: form });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.message).toMatch(/^导入失败：发现 \d+ 处错误，未导入任何数据。/);
    const messages = body.error.details!.errors!.map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '第 3 行「责任单位」：「火星街道」不是本区的部门或街道',
        '第 3 行「招商方式」：「路演招商」应为 楼长招商、链主招商、以商招商、中介招商、展会招商、基金招商、其他 之一',
        '第 3 行「重点项目」：「也许」应填「是」或「否」',
        '第 3 行「行业代码」：应为国民经济行业分类（GB/T 4754-2017）的 2–4 位数字代码，如 6513',
        '第 3 行「计划投资额（万元）」：「abc」不是有效金额（万元，最多 6 位小数，如 1250.5）',
        '第 3 行「签约日期」：「洽谈」日期 2023-04-01 早于「线索」日期 2023-05-06（「洽谈日期」未填，按「签约日期」推定）',
        '第 4 行「项目编号」：「ZS-I-0001」与第 2 行重复',
      ]),
    );
    expect(body.error.details!.errors!.every((e) => e.row !== 2)).toBe(true);
    const after = (
      await queryRows<{ n: number }>(
        use().db,
        sql`select count(*)::int as n from investment_projects`,
      )
    )[0]!.n;
    expect(after).toBe(before);

    const notXlsx = new FormData();
    notXlsx.set('file', new File([Buffer.from('项目编号,项目名称\n')], 'x.csv'));
    const refused = await app(clerk).request(`${BASE}/import`, { method: 'POST', body: notXlsx });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as ErrorBody).error.message).toContain(
      '请上传 Excel 2007 及以上格式',
    );
  });

  it('imports a good sheet in one go: new codes created, the template downloads', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('招商项目');
    ws.addRow([
      '项目编号',
      '项目名称',
      '投资方',
      '行业代码',
      '行业名称',
      '计划投资额（万元）',
      '重点项目',
      '责任单位',
      '招商方式',
      '线索日期',
      '洽谈日期',
      '签约日期',
    ]);
    ws.addRow([
      'ZS-I-0101',
      '导入项目甲',
      '广州甲科技有限公司',
      '6513',
      '应用软件开发',
      '1,250.50',
      '是',
      '琶洲街',
      '链主招商',
      '2023-03-01',
      '2023-03-15',
      '2023/4/2',
    ]);
    ws.addRow([
      'ZS-I-0102',
      '导入项目乙',
      '广州乙供应链有限公司',
      '7224',
      '供应链管理服务',
      300,
      '否',
      'BM-KGXJ',
      '中介',
      new Date(Date.UTC(2023, 2, 1)),
    ]);
    const form = new FormData();
    form.set('file', new File([Buffer.from(await wb.xlsx.writeBuffer())], 'good.xlsx'));
    const res = await app(clerk).request(`${BASE}/import`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      fileName: 'good.xlsx',
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    const { items } = (await (await app(clerk).request(`${BASE}?q=ZS-I-01`)).json()) as Page;
    expect(
      items.map((i) => [i.code, i.stage, i.plannedInvestmentWan, i.responsibleUnit.name]),
    ).toEqual([
      ['ZS-I-0101', 'SIGNED', '1250.50', '琶洲街道'],
      ['ZS-I-0102', 'LEAD', '300.00', '区科技工业商务和信息化局'],
    ]);
    expect(items[0]!.stageDates).toMatchObject({ SIGNED: '2023-04-02' });
    const template = await app(clerk).request(`${BASE}/template`);
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toContain('spreadsheetml');
  });
});

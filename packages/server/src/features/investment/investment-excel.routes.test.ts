// The pipeline over HTTP: Excel export → import (all-or-nothing, errors by row in Chinese), the template.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/open-db.ts';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../db/test-db.ts';
import {
  BASE,
  clerk,
  json,
  NEW_PROJECT,
  pipelineApp,
  type ErrorBody,
  type Page,
} from './investment-test-setup.ts';

describeEachDb('investment pipeline routes: Excel', (use) => {
  const app = pipelineApp(use);

  it('exports to Excel with formula-like text neutralised, and the export imports back unchanged', async () => {
    await app(clerk).request(BASE, json('POST', { ...NEW_PROJECT, plannedInvestmentWan: '20000' }));
    await app(clerk).request(
      BASE,
      json('POST', {
        ...NEW_PROJECT,
        code: 'ZS-T-0003',
        stage: 'SIGNED',
        stageDates: { LEAD: '2023-10-01', SIGNED: '2023-11-01' },
      }),
    );
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
    expect(body.error.code).toBe('PIPELINE_IMPORT_ROWS_INVALID');
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
    const refusedError = ((await refused.json()) as ErrorBody).error;
    expect(refusedError.message).toContain('请上传 Excel 2007 及以上格式');
    expect(refusedError.code).toBe('PIPELINE_WORKBOOK_UNREADABLE');
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

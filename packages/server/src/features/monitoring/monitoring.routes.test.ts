// Execution, ledger and monitoring over HTTP on the demo; the 绩效运行监控表 downloads as .docx and .xlsx.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { describeEachDb } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';

const clerk: Actor = {
  userId: 'u-clerk',
  username: 'tzcj_clerk',
  displayName: '填报员',
  role: 'clerk',
  departmentCode: '440105-TZCJ',
  regionCode: '440105',
  ip: null,
};
const reviewer: Actor = {
  userId: 'u-rev',
  username: 'czj',
  displayName: '财政审核',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};

describeEachDb('execution and monitoring routes', (use) => {
  const app = (actor: Actor) =>
    createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2023-07-10T00:00:00Z') },
      { testActor: actor },
    );

  it('GET execution: projects, monthly series for charts, 序时进度, fund sources', async () => {
    const res = await app(clerk).request(
      '/api/departments/440105-TZCJ/execution?year=2023&month=6',
    );
    expect(res.status).toBe(200);
    const e = (await res.json()) as {
      month: number;
      timeProgress: string;
      budgetYuan: string;
      months: { month: number; cumulativeYuan: string }[];
      projects: { code: string; rate: string; months: unknown[] }[];
      fundSources: { key: string; name: string }[];
    };
    expect(e).toMatchObject({ month: 6, timeProgress: '50.00', budgetYuan: '342000000.00' });
    expect(e.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(e.months[5]!.cumulativeYuan).toBe('133265903.00');
    expect(e.projects.find((p) => p.code === 'TZCJ-XM-001')).toMatchObject({ rate: '39.09' });
    expect(e.fundSources).toEqual([
      expect.objectContaining({ key: 'general', name: '一般公共预算' }),
    ]);
    expect(
      (await app(clerk).request('/api/departments/440105-TZCJ/execution?year=2023&month=13'))
        .status,
    ).toBe(400);
  });

  it('GET projects and the paged ledger', async () => {
    const projects = (await (
      await app(clerk).request('/api/departments/440105-TZCJ/projects?year=2023')
    ).json()) as { code: string; level: number }[];
    expect(projects.map((p) => p.code)).toEqual(['TZCJ-JB-2023', 'TZCJ-XM-001', 'TZCJ-XM-002']);
    const page = (await (
      await app(clerk).request(
        '/api/departments/440105-TZCJ/ledger?year=2023&project=TZCJ-XM-001&pageSize=5&page=2',
      )
    ).json()) as { total: number; totalYuan: string; entries: { projectCode: string }[] };
    expect(page.totalYuan).toBe('762700.00');
    expect(page.entries).toHaveLength(5);
    expect(page.entries.every((x) => x.projectCode === 'TZCJ-XM-001')).toBe(true);
  });

  it('GET monitoring (default cut-off June) gives warnings and counts the dashboard reads', async () => {
    const m = (await (
      await app(clerk).request('/api/departments/440105-TZCJ/monitoring?year=2023')
    ).json()) as {
      month: number;
      warnings: { red: number; yellow: number };
      indicators: { color: string | null }[];
    };
    expect(m.month).toBe(6);
    expect(m.warnings).toMatchObject({ red: 1, yellow: 5 });
    expect(m.indicators.filter((i) => i.color === 'red')).toHaveLength(1);
  });

  it('the monitoring form downloads as .docx (仿宋 text, the warned indicator listed) and .xlsx', async () => {
    const docx = await app(clerk).request(
      '/api/departments/440105-TZCJ/monitoring/6/form.docx?year=2023',
    );
    expect(docx.status).toBe(200);
    expect(decodeURIComponent(docx.headers.get('content-disposition') ?? '')).toContain(
      '2023年6月绩效运行监控表.docx',
    );
    const xml = await (
      await JSZip.loadAsync(await docx.arrayBuffer())
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('绩效运行监控表');
    expect(xml).toContain('受扶持企业营业收入增长率');
    expect(xml).toContain('51.25%');
    const xlsx = await app(clerk).request(
      '/api/departments/440105-TZCJ/monitoring/6/form.xlsx?year=2023',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('招商引资业务工作经费');
    expect(texts).toContain('78.18%');
    expect(
      (await app(clerk).request('/api/departments/440105-TZCJ/monitoring/6/form.pdf?year=2023'))
        .status,
    ).toBe(400);
  });

  it('responses over HTTP: bad enum values are a 400 in Chinese; a good response is stored', async () => {
    const bad = await app(clerk).request(
      '/api/departments/440105-TZCJ/monitoring/7/responses?year=2023',
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          items: [{ subjectKey: 'budget:department', deviationReasons: ['MONEY'] }],
        }),
      },
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain(
      '偏差原因',
    );
    const ok = await app(clerk).request(
      '/api/departments/440105-TZCJ/monitoring/7/responses?year=2023',
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          items: [
            {
              subjectKey: 'budget:department',
              deviationReasons: ['FUNDING', 'OTHER'],
              completionLikelihood: 'POSSIBLE',
              measures: '加快政策资金兑现',
            },
          ],
        }),
      },
    );
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as {
      month: number;
      round: { status: string };
      department: { response: { deviationReasons: string[] } };
    };
    expect(body).toMatchObject({
      month: 7,
      round: { status: 'draft' },
      department: { response: { deviationReasons: ['FUNDING', 'OTHER'] } },
    });
  });

  it('GET /api/monitoring/overview is the bureau’s one page; a clerk gets 403', async () => {
    const res = await app(reviewer).request('/api/monitoring/overview?year=2023&month=6');
    expect(res.status).toBe(200);
    const o = (await res.json()) as { departments: { code: string; warnings: { red: number } }[] };
    expect(o.departments.find((d) => d.code === '440105-TZCJ')?.warnings.red).toBe(1);
    expect((await app(clerk).request('/api/monitoring/overview?year=2023')).status).toBe(403);
  });
});

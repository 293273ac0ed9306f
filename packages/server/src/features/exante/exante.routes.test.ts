// The worked example over HTTP on both databases: three new 2024 projects of 440105-TZCJ end each way —
// 予以支持; 调整完善后予以支持, revised as a second version and confirmed; 不予支持 by a third party whose account
// sees only that item — and the budget import refuses each blocked 年初 line, then accepts it once allowed.
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { defaultExAnteTemplate, templatePoints } from '@jixiao/core';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { recordAudit } from '../../audit/audit-log.ts';
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
const otherClerk: Actor = { ...clerk, userId: 'u-o', username: 'o', departmentCode: '440105-SWJ' };
const reviewer: Actor = {
  userId: 'u-rev',
  username: 'czj_reviewer',
  displayName: '财政审核',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};
const evaluator: Actor = {
  userId: '', // set after the account is created
  username: 'kunshen_eval',
  displayName: '昆审评估员',
  role: 'thirdParty',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};
const admin: Actor = { ...reviewer, userId: 'u-adm', username: 'sysadmin', role: 'systemAdmin' };

interface Item {
  id: string;
  projectCode: string;
  state: string;
  conclusion: string | null;
  total: string | null;
  confirmed: boolean;
  budgetAllowed: boolean;
  budgetRefusal: string | null;
  versionCount: number;
  requires: { department: boolean; finance: boolean };
  goalId: string | null;
}
interface Detail {
  item: Item;
  versions: {
    versionNo: number;
    assessor: string;
    total: string;
    conclusion: string;
    submitted: boolean;
  }[];
  events: { action: string; opinion: string | null }[];
}
interface ErrorBody {
  error: { code: string; message: string; details?: { problems?: { code: string }[] } };
}

const POINTS = templatePoints(defaultExAnteTemplate('PROJECT'));

/** Full marks except `lose` points taken from the first points (5 at most each), with a note on each. */
function sheet(lose: number) {
  let left = lose * 100;
  return {
    scores: POINTS.map((p) => {
      const cut = Math.min(left, 500);
      left -= cut;
      const h = 500 - cut;
      const score = `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
      return { pointCode: p.code, score, ...(cut > 0 ? { note: '论证不充分' } : {}) };
    }),
    summary: '总体结论',
    suggestions: '相关建议',
  };
}

describeEachDb('ex-ante assessment', (use) => {
  const app = (actor: Actor) =>
    createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2024-01-05T02:00:00Z') },
      { testActor: actor },
    );
  const call = async (actor: Actor, method: string, path: string, body?: unknown) => {
    const res = await app(actor).request(path, {
      method,
      ...(body !== undefined
        ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
        : {}),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const importBudget = async (rows: string[], name: string) => {
    const csv = ['项目编码,项目名称,类型(年初/调整),金额(元),日期,文号,原因', ...rows].join('\n');
    const form = new FormData();
    form.append('file', new File([csv], name));
    const res = await app(clerk).request('/api/departments/440105-TZCJ/imports/budgets?year=2024', {
      method: 'POST',
      body: form,
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const register = async (code: string, name: string, amount: string) => {
    const r = await call(clerk, 'POST', '/api/exante/items', {
      departmentCode: '440105-TZCJ',
      year: 2024,
      projectCode: code,
      projectName: name,
      type: 'PROJECT',
      isNew: true,
      amount,
      goalText: `${name}：年度内完成建设任务。`,
      goalIndicators: [
        {
          level1: 'OUTPUT',
          level2: 'QUANTITY',
          name: '服务企业数',
          operator: 'GE',
          target: '50',
          unit: '家',
          weight: '20',
        },
      ],
    });
    expect(r.status).toBe(201);
    return r.body as Item;
  };
  const ids: Record<string, string> = {};

  it('registers three new projects; each needs the department’s assessment and is not yet budgetable', async () => {
    ids['A'] = (await register('TZCJ-XM-201', '产业园区招商服务平台建设', '3000000')).id;
    ids['B'] = (await register('TZCJ-XM-202', '商务楼宇经济提升行动', '2000000')).id;
    const c = await register('TZCJ-XM-203', '企业出海综合服务中心', '6000000');
    ids['C'] = c.id;
    expect(c.requires).toEqual({ department: true, finance: true, reasons: expect.any(Array) });
    const again = await call(clerk, 'POST', '/api/exante/items', {
      departmentCode: '440105-TZCJ',
      year: 2024,
      projectCode: 'TZCJ-XM-201',
      projectName: 'x',
      type: 'PROJECT',
      isNew: true,
      amount: '1',
    });
    expect((again.body as ErrorBody).error.code).toBe('EXANTE_ITEM_EXISTS');
    const list = (await call(clerk, 'GET', '/api/exante?department=440105-TZCJ&year=2024'))
      .body as Item[];
    expect(list.map((i) => [i.projectCode, i.state, i.budgetAllowed])).toEqual([
      ['TZCJ-XM-201', 'draft', false],
      ['TZCJ-XM-202', 'draft', false],
      ['TZCJ-XM-2024-01', 'concluded', true], // the demo's (示例数据)
      ['TZCJ-XM-203', 'draft', false],
    ]);
    expect(list.find((i) => i.projectCode === 'TZCJ-XM-2024-01')).toMatchObject({
      conclusion: 'SUPPORT',
      total: '96.50',
      versionCount: 1,
    });
    expect((await call(otherClerk, 'GET', `/api/exante/items/${ids['A']}`)).status).toBe(403);
    expect((await call(admin, 'GET', '/api/exante?year=2024')).status).toBe(403);
  });

  it('the sheet refuses a score above its weight and submission without notes', async () => {
    const bad = await call(clerk, 'PUT', `/api/exante/items/${ids['A']}/sheet`, {
      scores: [{ pointCode: POINTS[0]!.code, score: '5.01' }],
    });
    expect(bad.status).toBe(422);
    expect((bad.body as ErrorBody).error.code).toBe('EXANTE_SHEET_INVALID');
    expect((bad.body as ErrorBody).error.message).toContain('评估得分大于权重');
    const partial = await call(clerk, 'PUT', `/api/exante/items/${ids['A']}/sheet`, {
      scores: [{ pointCode: POINTS[0]!.code, score: '4' }],
    });
    expect(partial.status).toBe(200);
    const submit = await call(clerk, 'POST', `/api/exante/items/${ids['A']}/submit`);
    expect((submit.body as ErrorBody).error.code).toBe('EXANTE_SHEET_INVALID');
  });

  it('予以支持: full marks, returned once with comments, resubmitted, concluded; the budget is accepted', async () => {
    await call(clerk, 'PUT', `/api/exante/items/${ids['A']}/sheet`, sheet(0));
    expect((await call(clerk, 'POST', `/api/exante/items/${ids['A']}/submit`)).status).toBe(200);
    const returned = await call(reviewer, 'POST', `/api/exante/items/${ids['A']}/review`, {
      action: 'return',
      opinion: '请补充可行性研究报告',
    });
    expect((returned.body as Detail).item.state).toBe('returned');
    await call(clerk, 'PUT', `/api/exante/items/${ids['A']}/sheet`, sheet(0));
    await call(clerk, 'POST', `/api/exante/items/${ids['A']}/submit`);
    const done = (
      await call(reviewer, 'POST', `/api/exante/items/${ids['A']}/review`, {
        action: 'conclude',
        opinion: '同意',
      })
    ).body as Detail;
    expect(done.item).toMatchObject({
      conclusion: 'SUPPORT',
      total: '100.00',
      budgetAllowed: true,
    });
    expect(done.versions.map((v) => [v.versionNo, v.assessor, v.submitted])).toEqual([
      [1, 'DEPARTMENT', true],
      [2, 'DEPARTMENT', true],
    ]);
    expect(done.events.map((e) => e.action)).toEqual([
      'register',
      'submit',
      'return',
      'revise',
      'submit',
      'conclude',
    ]);
    expect(done.events[2]!.opinion).toBe('请补充可行性研究报告');
  });

  it('调整完善后予以支持: refused until a second version is concluded with the bureau’s confirmation', async () => {
    await call(clerk, 'PUT', `/api/exante/items/${ids['B']}/sheet`, sheet(20.5));
    await call(clerk, 'POST', `/api/exante/items/${ids['B']}/submit`);
    const v1 = (
      await call(reviewer, 'POST', `/api/exante/items/${ids['B']}/review`, { action: 'conclude' })
    ).body as Detail;
    expect(v1.item).toMatchObject({
      conclusion: 'SUPPORT_AFTER_REVISION',
      total: '79.50',
      confirmed: false,
      budgetAllowed: false,
    });
    const refused = await importBudget(
      ['TZCJ-XM-202,商务楼宇经济提升行动,年初,2000000.00,2024-01-10,海财预〔2024〕1号,'],
      'b1.csv',
    );
    expect(refused.status).toBe(409);
    expect((refused.body as ErrorBody).error.code).toBe('EXANTE_BUDGET_BLOCKED');
    expect((refused.body as ErrorBody).error.message).toContain('调整完善');

    await call(clerk, 'PUT', `/api/exante/items/${ids['B']}/sheet`, sheet(15));
    await call(clerk, 'POST', `/api/exante/items/${ids['B']}/submit`);
    const v2 = (
      await call(reviewer, 'POST', `/api/exante/items/${ids['B']}/review`, {
        action: 'conclude',
        confirm: true,
        opinion: '已按意见调整完善',
      })
    ).body as Detail;
    expect(v2.item).toMatchObject({
      conclusion: 'SUPPORT_AFTER_REVISION',
      total: '85.00',
      confirmed: true,
      budgetAllowed: true,
      versionCount: 2,
    });
    const accepted = await importBudget(
      [
        'TZCJ-XM-201,产业园区招商服务平台建设,年初,3000000.00,2024-01-10,海财预〔2024〕1号,',
        'TZCJ-XM-202,商务楼宇经济提升行动,年初,2000000.00,2024-01-10,海财预〔2024〕1号,',
      ],
      'b2.csv',
    );
    expect(accepted.status).toBe(200);
  });

  it('不予支持 by a third party that sees only the item assigned to it; the budget stays refused', async () => {
    const agency = (
      await call(reviewer, 'POST', '/api/exante/agencies', {
        code: 'KSKJ',
        name: '云南昆审会计师事务所',
        year: 2024,
      })
    ).body as { id: string };
    await use().db.transaction(async (tx) => {
      await tx.execute(
        sql`insert into users (id, region_code, username, display_name, role, password_hash) values ('u-tp', '440105', 'kunshen_eval', '昆审评估员', 'thirdParty', 'x')`,
      );
      await recordAudit(tx, admin, {
        action: 'user.create',
        entity: 'users',
        entityId: 'u-tp',
        departmentCode: null,
        before: null,
        after: { username: 'kunshen_eval', role: 'thirdParty' },
      });
    });
    evaluator.userId = 'u-tp';
    expect(
      (
        await call(reviewer, 'POST', `/api/exante/agencies/${agency.id}/members`, {
          username: 'kunshen_eval',
        })
      ).status,
    ).toBe(200);
    await call(clerk, 'PUT', `/api/exante/items/${ids['C']}/sheet`, sheet(20));
    await call(clerk, 'POST', `/api/exante/items/${ids['C']}/submit`);
    await call(reviewer, 'POST', `/api/exante/items/${ids['C']}/review`, {
      action: 'assign',
      agencyId: agency.id,
    });
    const seen = (await call(evaluator, 'GET', '/api/exante?year=2024')).body as Item[];
    expect(seen.map((i) => i.projectCode)).toEqual(['TZCJ-XM-203']);
    const other = await call(evaluator, 'GET', `/api/exante/items/${ids['A']}`);
    expect((other.body as ErrorBody).error.code).toBe('EXANTE_NOT_ASSIGNED');
    expect(
      (await call(evaluator, 'GET', '/api/departments/440105-TZCJ/projects?year=2024')).status,
    ).toBe(403);
    const done = (
      await call(
        evaluator,
        'POST',
        `/api/exante/items/${ids['C']}/third-party-submit`,
        sheet(30.01),
      )
    ).body as Detail;
    expect(done.item).toMatchObject({ conclusion: 'REJECT', total: '69.99', budgetAllowed: false });
    expect(done.versions.map((v) => v.assessor)).toEqual(['DEPARTMENT', 'THIRD_PARTY']);
    const refused = await importBudget(
      ['TZCJ-XM-203,企业出海综合服务中心,年初,6000000.00,2024-01-10,海财预〔2024〕2号,'],
      'b3.csv',
    );
    expect((refused.body as ErrorBody).error.code).toBe('EXANTE_BUDGET_BLOCKED');
    expect((refused.body as ErrorBody).error.message).toContain('不予支持');
  });

  it('the supported item’s 事前 绩效目标 become the project’s draft goal set', async () => {
    const r = await call(clerk, 'POST', `/api/exante/items/${ids['A']}/adopt-goals`);
    expect(r.status).toBe(200);
    const goalId = (r.body as Detail).item.goalId!;
    const [g] = await queryRows<{ status: string; target_text: string; n: number | string }>(
      use().db,
      sql`select g.status, g.target_text, (select count(*) from indicators i where i.goal_id = g.id) as n from goals g where g.id = ${goalId}`,
    );
    expect(g).toMatchObject({
      status: 'draft',
      target_text: '产业园区招商服务平台建设：年度内完成建设任务。',
    });
    expect(Number(g!.n)).toBe(1);
    const audit = await queryRows<{ action: string }>(
      use().db,
      sql`select action from audit_log where entity like 'exante%' order by seq`,
    );
    expect(audit.map((a) => a.action)).toContain('exante.conclude');
  });

  it('the report (.docx in the §A.6 outline, score sheet annexed) and the 审核表 (.xlsx) come from the data', async () => {
    const docx = await app(clerk).request(`/api/exante/items/${ids['B']}/report?format=docx`);
    expect(docx.status).toBe(200);
    const zip = await JSZip.loadAsync(await docx.arrayBuffer());
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const s of [
      '事前绩效评估报告',
      '一、评估对象基本情况',
      '二、评估工作开展情况',
      '三、综合评估情况与评估结论',
      '（六）总体结论',
      '四、相关建议',
      '五、其他需要说明的问题',
      '85.00 分',
      '调整完善后予以支持',
      '事前绩效评估评分表',
      '论证不充分',
    ]) {
      expect(xml, s).toContain(s);
    }
    const xlsx = await app(reviewer).request(`/api/exante/items/${ids['B']}/report?format=xlsx`);
    expect(xlsx.status).toBe(200);
    const book = await JSZip.loadAsync(await xlsx.arrayBuffer());
    const strings = await book.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('事前绩效评估审核表');
    expect(strings).toContain('已按意见调整完善');
    expect((await app(otherClerk).request(`/api/exante/items/${ids['B']}/report`)).status).toBe(
      403,
    );
  });
});

// Fiscal years over HTTP on both databases, with the Haizhu demo (2023 and 2024 open): the finance bureau opens 2025 with the
// default rule preset (mof-2020), the department's clerk sees it and plans its goals under that year's rules;
// opening twice, too far ahead, with an unknown preset, by another role or for another region is refused.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
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
const head: Actor = { ...clerk, userId: 'u-head', username: 'tzcj_head', role: 'deptHead' };
const reviewer: Actor = {
  userId: 'u-rev',
  username: 'czj_reviewer',
  displayName: '财政审核',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};
const otherReviewer: Actor = {
  ...reviewer,
  userId: 'u-rev2',
  username: 'yx_reviewer',
  regionCode: '440106',
};
const admin: Actor = {
  userId: 'u-adm',
  username: 'sysadmin',
  displayName: '系统管理员',
  role: 'systemAdmin',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};

interface Listing {
  regionCode: string;
  regionName: string;
  years: {
    year: number;
    scoringPreset: string;
    scoringPresetTitle: string;
    financeApprovalRequired: boolean;
    evaluationHeadReviewRequired: boolean;
  }[];
  nextYear: number;
  maxYear: number;
  presets: { name: string }[];
}
interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: { fields?: { field: string; message: string }[] };
  };
}

const PATH = '/api/regions/440105/fiscal-years';

describeEachDb('region fiscal-year routes', (use) => {
  // November 2024: planning 2025 (next calendar year) is allowed, 2026 not yet
  const now = new Date('2024-11-20T02:00:00Z');
  const app = (actor: Actor) =>
    createApp({ database: use(), config: loadConfig({}), now: () => now }, { testActor: actor });
  const call = async (actor: Actor, method: string, path: string, body?: unknown) => {
    const res = await app(actor).request(path, {
      method,
      ...(body !== undefined
        ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
        : {}),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const errorOf = (b: unknown) => (b as ErrorBody).error;

  it('years later, proposes next calendar year, not the ended year after the last one opened', async () => {
    const later = createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2026-11-27T02:00:00Z') },
      { testActor: clerk },
    );
    const l = (await (await later.request(PATH)).json()) as Listing;
    expect(l).toMatchObject({ nextYear: 2027, maxYear: 2027 });
  });

  it('lists the demo year and proposes the next one', async () => {
    const res = await call(clerk, 'GET', PATH);
    expect(res.status).toBe(200);
    const l = res.body as Listing;
    expect(l).toMatchObject({
      regionCode: '440105',
      regionName: '广州市海珠区',
      nextYear: 2025,
      maxYear: 2025,
    });
    expect(l.years.map((y) => [y.year, y.scoringPreset, y.financeApprovalRequired])).toEqual([
      [2023, 'mof-2020', true],
      [2024, 'mof-2020', true],
    ]);
    expect(l.presets.map((p) => p.name)).toContain('mof-2020');
  });

  it('only the region’s finance bureau opens a year', async () => {
    for (const actor of [clerk, head, admin]) {
      const res = await call(actor, 'POST', PATH, { year: 2025 });
      expect(res.status, actor.role).toBe(403);
      expect(errorOf(res.body).message).toBe('当前角色无权执行该操作');
    }
    const other = await call(otherReviewer, 'POST', PATH, { year: 2025 });
    expect(other.status).toBe(403);
    expect(errorOf(other.body).message).toBe('无权查看或管理其他地区的预算年度');
    expect((await call(otherReviewer, 'GET', PATH)).status).toBe(403);
    expect((await call(admin, 'GET', PATH)).status).toBe(403);
    const n = await queryRows<{ n: string }>(
      use().db,
      sql`select count(*)::text as n from fiscal_years where year = 2025`,
    );
    expect(n[0]!.n).toBe('0');
  });

  it('bad input: Chinese messages, nothing written', async () => {
    const cases: [unknown, number, string, string][] = [
      [{ year: '2025' }, 400, '年度必须是数字', 'REQUEST_INVALID'],
      [{ year: 2025.5 }, 400, '年度必须是整数', 'REQUEST_INVALID'],
      [
        { year: 2026 },
        400,
        '预算年度最晚只能开启到下一年度（2025 年），收到 2026 年',
        'FISCAL_YEAR_TOO_LATE',
      ],
      [
        { year: 2025, scoringPreset: 'sichuan' },
        400,
        '计分规则「sichuan」不存在，可选：',
        'SCORING_PRESET_UNKNOWN',
      ],
      [
        { year: 2025, financeApprovalRequired: 'yes' },
        400,
        '是否需财政审核应为 true 或 false',
        'REQUEST_INVALID',
      ],
      [{ year: 2025, extra: 1 }, 400, '', 'REQUEST_INVALID'],
    ];
    for (const [body, status, message, code] of cases) {
      const res = await call(reviewer, 'POST', PATH, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      const e = errorOf(res.body);
      expect(e.code).toBe(code);
      expect(e.message).toContain(message);
    }
    expect(
      (await call(reviewer, 'POST', '/api/regions/44010/fiscal-years', { year: 2025 })).status,
    ).toBe(400);
    const n = await queryRows<{ n: string }>(
      use().db,
      sql`select count(*)::text as n from fiscal_years where year >= 2025`,
    );
    expect(n[0]!.n).toBe('0');
  });

  it('the bureau opens 2025 (default mof-2020, audited); twice is a 409', async () => {
    const res = await call(reviewer, 'POST', PATH, {
      year: 2025,
      financeApprovalRequired: false,
      evaluationHeadReviewRequired: false,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      year: 2025,
      scoringPreset: 'mof-2020',
      financeApprovalRequired: false,
      evaluationHeadReviewRequired: false,
      basisNotice: null,
    });
    const listed = (await call(reviewer, 'GET', PATH)).body as Listing;
    expect(listed.years.map((y) => [y.year, y.evaluationHeadReviewRequired])).toEqual([
      [2023, true],
      [2024, true],
      [2025, false],
    ]);
    const again = await call(reviewer, 'POST', PATH, {
      year: 2025,
      scoringPreset: 'hubei-variant',
    });
    expect(again.status).toBe(409);
    expect(errorOf(again.body).message).toBe('2025 年度已经开启，无需重复开启');
    const audit = await queryRows<{
      actor: string;
      after: { year: number; scoringPreset: string; evaluationHeadReviewRequired: boolean };
    }>(
      use().db,
      sql`select actor_username as actor, after from audit_log where action = 'fiscalYear.open' and entity_id = '440105:2025'`,
    );
    expect(audit).toEqual([
      {
        actor: 'czj_reviewer',
        after: expect.objectContaining({
          year: 2025,
          scoringPreset: 'mof-2020',
          evaluationHeadReviewRequired: false,
        }),
      },
    ]);
  });

  it('the clerk sees 2025 and plans it: a project and its goal set, under that year’s rules (no finance approval)', async () => {
    const l = (await call(clerk, 'GET', PATH)).body as Listing;
    expect(l.years.map((y) => y.year)).toEqual([2023, 2024, 2025]);
    expect(l.nextYear).toBe(2025); // capped at next calendar year

    const project = await call(clerk, 'POST', '/api/departments/440105-TZCJ/projects', {
      year: 2025,
      code: 'TZCJ-XM-001',
      name: '招商引资业务工作经费',
      level: 1,
    });
    expect(project.status).toBe(201);
    const listed = (await call(clerk, 'GET', '/api/departments/440105-TZCJ/projects?year=2025'))
      .body as { id: string; code: string }[];
    expect(listed.map((p) => p.code)).toEqual(['TZCJ-XM-001']);
    const goals = await call(clerk, 'GET', '/api/departments/440105-TZCJ/goals?year=2025');
    expect(goals.body).toMatchObject({ year: 2025, financeApprovalRequired: false, goals: [] });
    const goal = await call(clerk, 'POST', '/api/goals', {
      departmentCode: '440105-TZCJ',
      year: 2025,
      projectId: listed[0]!.id,
      targetText: '2025年度：举办招商推介活动不少于 12 场。',
    });
    expect(goal.status).toBe(201);
    expect(goal.body).toMatchObject({
      fiscalYear: 2025,
      projectCode: 'TZCJ-XM-001',
      status: 'draft',
    });
  });

  it('the OpenAPI document lists the new endpoints', async () => {
    const res = await app(clerk).request('/api/openapi.json');
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths[PATH.replace('440105', '{code}')] ?? {}).sort()).toEqual([
      'get',
      'post',
    ]);
    expect(Object.keys(doc.paths['/api/departments/{code}/projects'] ?? {}).sort()).toEqual([
      'get',
      'post',
    ]);
    expect(Object.keys(doc.paths['/api/departments/{code}/projects/{id}'] ?? {})).toEqual([
      'patch',
    ]);
  });
});

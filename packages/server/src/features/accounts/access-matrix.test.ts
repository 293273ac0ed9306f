// Role × endpoint matrix over HTTP with real sessions, on both databases: each of the six roles (plus a clerk and a
// head of another department, and a reviewer of another region) may do exactly what it should; every refusal is a
// 403 that lands in the audit trail as 'access.denied'. Then bad input to every endpoint: a 4xx in Chinese, never a 500.
import { ERRORS, type ErrorCode } from '@jixiao/core';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb, fixtureWrite } from '../../db/test-db.ts';
import { CLI_ACTOR, type Actor } from '../../auth/actor.ts';
import { createUser } from './accounts.service.ts';
import { addIndicator } from '../indicators/indicators.service.ts';
import { createGoal, submitGoal } from '../goals/goals.service.ts';
import {
  TestClient,
  errorOf,
  fastDemoPasswords,
  type TestResponse,
} from '../../http/test-client.ts';

process.env['JIXIAO_TEST_SCRYPT_LOG_N'] = '8';

type Who =
  | 'clerk'
  | 'head'
  | 'reviewer'
  | 'sysadmin'
  | 'secadmin'
  | 'auditadmin'
  | 'otherClerk'
  | 'otherHead'
  | 'foreignReviewer';
const EVERYONE: Who[] = [
  'clerk',
  'head',
  'reviewer',
  'sysadmin',
  'secadmin',
  'auditadmin',
  'otherClerk',
  'otherHead',
  'foreignReviewer',
];
const LOGIN: Record<Who, [string, string]> = {
  clerk: ['tzcj_clerk', 'Demo#Clerk2023'],
  head: ['tzcj_head', 'Demo#Head2023!'],
  reviewer: ['czj_reviewer', 'Demo#Review2023'],
  sysadmin: ['sysadmin', 'Demo#SysAdmin2023'],
  secadmin: ['secadmin', 'Demo#SecAdmin2023'],
  auditadmin: ['auditadmin', 'Demo#Audit2023!'],
  otherClerk: ['kgxj_clerk', 'Other#Clerk2023'],
  otherHead: ['kgxj_head', 'Other#Head2023'],
  foreignReviewer: ['th_reviewer', 'Foreign#Review2023'],
};

interface Row {
  name: string;
  allowed: Who[];
  /** Status of the allowed roles (2xx, or a 4xx that proves the permission passed, e.g. 422). */
  ok: number;
  call: (c: TestClient, who: Who) => Promise<TestResponse>;
}

describeEachDb('access matrix', (use) => {
  const clock = new Date('2023-03-01T02:00:00Z');
  const app = () => createApp({ database: use(), config: loadConfig({}), now: () => clock });
  const clients = {} as Record<Who, TestClient>;
  const ids = {
    lockedGoal: '',
    lockedInd: '',
    otherInd: '',
    draftGoal: '',
    draftInd: '',
    draftInd2: '',
    submittedGoal: '',
    returnGoal: '',
    target: '',
    cr: '',
    otherGoal: '',
  };

  beforeAll(async () => {
    const db = use().db;
    await fastDemoPasswords(db);
    await fixtureWrite(db, 'another region with its finance bureau', async (tx) => {
      await tx.execute(
        sql`insert into regions (code, name, parent_code, level) values ('440106', '广州市天河区', '440100', 'district')`,
      );
      await tx.execute(
        sql`insert into departments (code, region_code, name, short_name, kind) values ('440106-CZJ', '440106', '广州市天河区财政局', '天河区财政局', 'financeBureau')`,
      );
    });
    // accounts of the matrix work straight away (no forced first-sign-in password change; that is tested in auth.routes.test.ts)
    const make = (
      username: string,
      password: string,
      role: Actor['role'],
      departmentCode: string,
    ) =>
      createUser(
        db,
        CLI_ACTOR,
        {
          username,
          displayName: username,
          role,
          departmentCode,
          password,
          mustChangePassword: false,
        },
        clock,
      );
    await make('kgxj_clerk', 'Other#Clerk2023', 'clerk', '440105-KGXJ');
    await make('kgxj_head', 'Other#Head2023', 'deptHead', '440105-KGXJ');
    await make('th_reviewer', 'Foreign#Review2023', 'financeReviewer', '440106-CZJ');
    ids.target = (await make('matrix_target', 'Target#User2023', 'clerk', '440105-TZCJ')).user.id;

    const goals = await queryRows<{ id: string; department_code: string }>(
      db,
      sql`select id, department_code from goals where fiscal_year = 2023 and project_id is null order by department_code`,
    );
    ids.lockedGoal = goals.find((g) => g.department_code === '440105-TZCJ')!.id;
    ids.otherGoal = goals.find((g) => g.department_code === '440105-KGXJ')!.id;
    ids.lockedInd = (
      await queryRows<{ id: string }>(
        db,
        sql`select id from indicators where goal_id = ${ids.lockedGoal} and name = '企业满意度'`,
      )
    )[0]!.id;
    ids.otherInd = (
      await queryRows<{ id: string }>(
        db,
        sql`select id from indicators where goal_id = ${ids.otherGoal} order by sort limit 1`,
      )
    )[0]!.id;

    const validGoal = async (year: number): Promise<string> => {
      const g = await createGoal(
        db,
        CLI_ACTOR,
        {
          departmentCode: '440105-TZCJ',
          year,
          projectId: null,
          targetText: `${year}年度部门整体目标`,
        },
        clock,
      );
      const base = { unit: '个', targetBasis: 'PLAN' as const, operator: 'GE' as const };
      await addIndicator(
        db,
        CLI_ACTOR,
        g.id,
        {
          ...base,
          level1: 'OUTPUT',
          level2: 'QUANTITY',
          name: '新洽谈重点招商项目数',
          target: '320',
          weight: '50',
        },
        clock,
      );
      await addIndicator(
        db,
        CLI_ACTOR,
        g.id,
        {
          ...base,
          level1: 'BENEFIT',
          level2: 'SOCIAL',
          name: '新增商事主体数',
          target: '2',
          unit: '万户',
          weight: '30',
        },
        clock,
      );
      await addIndicator(
        db,
        CLI_ACTOR,
        g.id,
        {
          ...base,
          level1: 'SATISFACTION',
          level2: 'SERVICE_SATISFACTION',
          name: '企业满意度',
          target: '90',
          unit: '%',
          weight: '10',
        },
        clock,
      );
      return g.id;
    };
    ids.submittedGoal = await validGoal(2026);
    await submitGoal(
      db,
      CLI_ACTOR,
      ids.submittedGoal,
      { noSatisfactionReason: null, comment: null },
      clock,
    );
    ids.returnGoal = await validGoal(2027);
    await submitGoal(
      db,
      CLI_ACTOR,
      ids.returnGoal,
      { noSatisfactionReason: null, comment: null },
      clock,
    );
    const draft = await createGoal(
      db,
      CLI_ACTOR,
      { departmentCode: '440105-TZCJ', year: 2024, projectId: null, targetText: '草稿' },
      clock,
    );
    ids.draftGoal = draft.id;
    const base = {
      level1: 'OUTPUT' as const,
      level2: 'QUANTITY' as const,
      operator: 'GE' as const,
      unit: '个',
      weight: '10',
    };
    ids.draftInd = (
      await addIndicator(db, CLI_ACTOR, draft.id, { ...base, name: '指标一', target: '1' }, clock)
    ).id;
    ids.draftInd2 = (
      await addIndicator(db, CLI_ACTOR, draft.id, { ...base, name: '指标二', target: '2' }, clock)
    ).id;

    for (const who of EVERYONE) {
      clients[who] = new TestClient(app());
      const r = await clients[who].login(...LOGIN[who]);
      expect(r.status, `${who} signs in`).toBe(200);
    }
  });

  let n = 0;
  const unique = () => `m${++n}`;
  const rows: Row[] = [
    {
      name: 'list goals',
      allowed: ['clerk', 'head', 'reviewer'],
      ok: 200,
      call: (c) => c.get('/api/departments/440105-TZCJ/goals?year=2023'),
    },
    {
      name: 'read a goal',
      allowed: ['clerk', 'head', 'reviewer'],
      ok: 200,
      call: (c) => c.get(`/api/goals/${ids.lockedGoal}`),
    },
    {
      name: 'check a goal',
      allowed: ['clerk', 'head', 'reviewer'],
      ok: 200,
      call: (c) => c.get(`/api/goals/${ids.draftGoal}/check`),
    },
    {
      name: 'read an indicator',
      allowed: ['clerk', 'head', 'reviewer'],
      ok: 200,
      call: (c) => c.get(`/api/indicators/${ids.lockedInd}`),
    },
    {
      name: 'list change requests',
      allowed: ['clerk', 'head', 'reviewer'],
      ok: 200,
      call: (c) => c.get('/api/departments/440105-TZCJ/change-requests?year=2023'),
    },
    {
      name: 'target changes',
      allowed: ['clerk', 'head', 'reviewer'],
      ok: 200,
      call: (c) => c.get('/api/departments/440105-TZCJ/target-changes?year=2023'),
    },
    {
      name: 'another department’s goal (KGXJ)',
      allowed: ['otherClerk', 'otherHead', 'reviewer'],
      ok: 200,
      call: (c) => c.get(`/api/goals/${ids.otherGoal}`),
    },
    {
      name: 'create a goal',
      allowed: ['clerk'],
      ok: 201,
      call: (c) =>
        c.post('/api/goals', {
          departmentCode: '440105-TZCJ',
          year: 2025,
          targetText: '2025年度目标',
        }),
    },
    {
      name: 'edit goal text',
      allowed: ['clerk'],
      ok: 200,
      call: (c) => c.put(`/api/goals/${ids.draftGoal}`, { targetText: '草稿（改）' }),
    },
    {
      name: 'add an indicator',
      allowed: ['clerk'],
      ok: 201,
      call: (c) =>
        c.post(`/api/goals/${ids.draftGoal}/indicators`, {
          level1: 'BENEFIT',
          level2: 'SOCIAL',
          name: '效益指标',
          operator: 'GE',
          target: '1',
          unit: '个',
          weight: '10',
        }),
    },
    {
      name: 'edit an indicator',
      allowed: ['clerk'],
      ok: 200,
      call: (c) => c.put(`/api/indicators/${ids.draftInd}`, { target: '3' }),
    },
    {
      name: 'delete an indicator',
      allowed: ['clerk'],
      ok: 200,
      call: (c) => c.request('DELETE', `/api/indicators/${ids.draftInd2}`),
    },
    {
      name: 'submit (checks fail → 422)',
      allowed: ['clerk'],
      ok: 422,
      call: (c) => c.post(`/api/goals/${ids.draftGoal}/submit`, {}),
    },
    {
      name: 'approve (department step)',
      allowed: ['head'],
      ok: 200,
      call: (c) => c.post(`/api/goals/${ids.submittedGoal}/approve`, {}),
    },
    {
      name: 'approve (finance step, locks)',
      allowed: ['reviewer'],
      ok: 200,
      call: (c) => c.post(`/api/goals/${ids.submittedGoal}/approve`, {}),
    },
    {
      name: 'return for revision',
      allowed: ['head'],
      ok: 200,
      call: (c) => c.post(`/api/goals/${ids.returnGoal}/return`, { comment: '请补充指标值来源' }),
    },
    {
      name: 'enter an actual',
      allowed: ['clerk'],
      ok: 200,
      call: (c) =>
        c.put(`/api/indicators/${ids.lockedInd}/actual`, {
          actual: '92.4',
          evidence: '第三方测评报告',
        }),
    },
    {
      name: 'enter an actual of another department',
      allowed: ['otherClerk'],
      ok: 200,
      call: (c) => c.put(`/api/indicators/${ids.otherInd}/actual`, { actual: '1' }),
    },
    {
      name: 'deduction',
      allowed: ['head', 'reviewer'],
      ok: 200,
      call: (c) =>
        c.put(`/api/indicators/${ids.lockedInd}/deduction`, {
          deduction: '1',
          reason: '满意度调查样本不足',
        }),
    },
    {
      name: 'request a change',
      allowed: ['clerk'],
      ok: 201,
      call: async (c) => {
        const r = await c.post('/api/change-requests', {
          indicatorId: ids.lockedInd,
          field: 'target',
          newValue: '91',
          reason: '上级考核口径调整',
        });
        if (r.status === 201) {
          ids.cr = (r.body as { id: string }[])[0]!.id;
        }
        return r;
      },
    },
    {
      name: 'approve a change (department step)',
      allowed: ['head'],
      ok: 200,
      call: (c) => c.post(`/api/change-requests/${ids.cr}/approve`, {}),
    },
    {
      name: 'reject a change (finance step)',
      allowed: ['reviewer'],
      ok: 200,
      call: (c) =>
        c.post(`/api/change-requests/${ids.cr}/reject`, { comment: '口径未变，不予调整' }),
    },
    {
      name: 'search the indicator library',
      allowed: ['clerk', 'head', 'reviewer', 'otherClerk', 'otherHead', 'foreignReviewer'],
      ok: 200,
      call: (c) => c.get('/api/indicator-library?q=满意度'),
    },
    {
      name: 'add a library template',
      allowed: ['reviewer', 'foreignReviewer'],
      ok: 201,
      call: (c) =>
        c.post('/api/indicator-library', {
          field: '测试',
          level1: 'OUTPUT',
          level2: 'QUANTITY',
          name: `模板${unique()}`,
          unit: '个',
          operator: 'GE',
        }),
    },
    {
      name: 'list accounts',
      allowed: ['sysadmin', 'secadmin'],
      ok: 200,
      call: (c) => c.get('/api/users'),
    },
    {
      name: 'create an account',
      allowed: ['sysadmin'],
      ok: 201,
      call: (c) =>
        c.post('/api/users', {
          username: `new_${unique()}`,
          displayName: '新用户',
          role: 'clerk',
          departmentCode: '440105-TZCJ',
        }),
    },
    {
      name: 'edit an account',
      allowed: ['sysadmin'],
      ok: 200,
      call: (c) => c.request('PATCH', `/api/users/${ids.target}`, { displayName: '改名' }),
    },
    {
      name: 'reset a password',
      allowed: ['sysadmin'],
      ok: 200,
      call: (c) => c.post(`/api/users/${ids.target}/reset-password`, {}),
    },
    {
      name: 'grant a role',
      allowed: ['secadmin'],
      ok: 200,
      call: (c) => c.put(`/api/users/${ids.target}/role`, { role: 'deptHead' }),
    },
    {
      name: 'lock an account',
      allowed: ['secadmin'],
      ok: 200,
      call: (c) => c.post(`/api/users/${ids.target}/lock`, { minutes: 30 }),
    },
    {
      name: 'unlock an account',
      allowed: ['secadmin'],
      ok: 200,
      call: (c) => c.post(`/api/users/${ids.target}/unlock`, {}),
    },
    {
      name: 'read the password policy',
      allowed: ['secadmin'],
      ok: 200,
      call: (c) => c.get('/api/security/password-policy'),
    },
    {
      name: 'set the password policy',
      allowed: ['secadmin'],
      ok: 200,
      call: (c) =>
        c.put('/api/security/password-policy', {
          minLength: 12,
          minClasses: 3,
          maxFailedAttempts: 5,
          lockMinutes: 15,
        }),
    },
    {
      name: 'search the audit log',
      allowed: ['auditadmin'],
      ok: 200,
      call: (c) => c.get('/api/audit?action=goal'),
    },
    {
      name: 'export the audit log',
      allowed: ['auditadmin'],
      ok: 200,
      call: (c) => c.get('/api/audit/export.csv'),
    },
    {
      name: 'verify the audit log',
      allowed: ['auditadmin'],
      ok: 200,
      call: (c) => c.get('/api/audit/verify'),
    },
  ];

  it('each role does exactly what it should; every refusal is 403 and logged as access.denied', async () => {
    const startSeq = Number(
      (
        await queryRows<{ s: number }>(
          use().db,
          sql`select coalesce(max(seq), 0) as s from audit_log`,
        )
      )[0]!.s,
    );
    const refused: string[] = [];
    const table: string[] = [];
    for (const row of rows) {
      const denied = EVERYONE.filter((w) => !row.allowed.includes(w));
      const line: string[] = [];
      for (const who of [...denied, ...row.allowed]) {
        const res = await row.call(clients[who], who);
        const expected = row.allowed.includes(who) ? row.ok : 403;
        expect(res.status, `${row.name} as ${who}: ${res.text.slice(0, 200)}`).toBe(expected);
        if (res.status === 403) {
          expect(ERRORS[errorOf(res).code as ErrorCode].kind).toBe('forbidden');
          refused.push(`${LOGIN[who][0]}`);
        }
        line.push(`${who}:${res.status}`);
      }
      table.push(`${row.name} — ${line.join(' ')}`);
    }
    const logged = await queryRows<{
      actor_username: string;
      entity_id: string;
      after: { reason: string };
    }>(
      use().db,
      sql`select actor_username, entity_id, after from audit_log where seq > ${startSeq} and action = 'access.denied' order by seq`,
    );
    expect(logged.map((l) => l.actor_username)).toEqual(refused);
    expect(refused.length).toBeGreaterThan(200);
    expect(new Set(logged.map((l) => l.after.reason))).toEqual(new Set(['department', 'role']));
    const crossDept = logged.filter(
      (l) =>
        l.actor_username === 'kgxj_clerk' &&
        l.entity_id === `PUT /api/indicators/${ids.lockedInd}/actual`,
    );
    expect(crossDept.map((l) => l.after.reason)).toEqual(['department']);
  });

  it('三员分立 limits inside the allowed roles', async () => {
    const sys = clients.sysadmin;
    const auditorAccount = await sys.post('/api/users', {
      username: 'new_auditor',
      displayName: '新审计员',
      role: 'auditAdmin',
    });
    expect(auditorAccount.status).toBe(403);
    expect(errorOf(auditorAccount).message).toContain('系统管理员只能创建业务账户');
    const me = (await clients.secadmin.get('/api/auth/me')).body as { user: { id: string } };
    expect(
      (await clients.secadmin.put(`/api/users/${me.user.id}/role`, { role: 'auditAdmin' })).status,
    ).toBe(400);
    expect(
      (
        await clients.secadmin.put(`/api/users/${ids.target}/role`, {
          role: 'auditAdmin',
          departmentCode: '440105-CZJ',
        })
      ).status,
    ).toBe(200);
    const created = await sys.post('/api/users', {
      username: 'generated_pw',
      displayName: '生成密码',
      role: 'financeReviewer',
      departmentCode: '440105-CZJ',
    });
    const pw = (created.body as { generatedPassword: string }).generatedPassword;
    expect(pw).toMatch(/^.{20}$/);
    const newcomer = new TestClient(app());
    expect((await newcomer.login('generated_pw', pw)).status).toBe(200);
    const uid = (created.body as { user: { id: string } }).user.id;
    expect((await sys.request('PATCH', `/api/users/${uid}`, { disabled: true })).status).toBe(200);
    expect((await newcomer.get('/api/auth/me')).status).toBe(401); // disabling signs the account out
    expect((await sys.request('PATCH', `/api/users/${uid}`, { disabled: false })).status).toBe(200);
    const list = (await clients.secadmin.get('/api/users')).body as { username: string }[];
    expect(JSON.stringify(list)).not.toContain('scrypt$');
  });

  const BAD: [Who, string, string, unknown, number][] = [
    ['clerk', 'GET', '/api/departments/no_pe/goals?year=2023', undefined, 400],
    ['clerk', 'GET', '/api/departments/440105-TZCJ/goals?year=abc', undefined, 400],
    ['clerk', 'GET', '/api/departments/440105-TZCJ/goals', undefined, 400],
    ['reviewer', 'GET', '/api/departments/440105-ZZZZ/goals?year=2023', undefined, 404],
    ['clerk', 'GET', '/api/goals/not-a-uuid', undefined, 400],
    ['clerk', 'GET', '/api/goals/00000000-0000-4000-8000-000000000000', undefined, 404],
    ['clerk', 'POST', '/api/goals', {}, 400],
    [
      'clerk',
      'POST',
      '/api/goals',
      { departmentCode: '440105-TZCJ', year: '2023', targetText: 'x' },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/goals',
      { departmentCode: '440105-TZCJ', year: 2023, targetText: 'x', status: 'locked' },
      400,
    ],
    ['clerk', 'POST', '/api/goals', '{"departmentCode":', 400],
    ['clerk', 'POST', '/api/goals', [1, 2], 400],
    [
      'clerk',
      'POST',
      '/api/goals',
      {
        departmentCode: '440105-TZCJ',
        year: 2028,
        projectId: '00000000-0000-4000-8000-000000000000',
        targetText: 'x',
      },
      400,
    ],
    ['clerk', 'PUT', '/api/goals/DRAFT', { targetText: 5 }, 400],
    ['clerk', 'PUT', '/api/goals/DRAFT', {}, 400],
    [
      'clerk',
      'POST',
      '/api/goals/DRAFT/indicators',
      {
        level1: 'X',
        level2: 'QUANTITY',
        name: 'a',
        operator: 'GE',
        target: '1',
        unit: '个',
        weight: '1',
      },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/goals/DRAFT/indicators',
      {
        level1: 'SATISFACTION',
        level2: 'QUANTITY',
        name: 'a',
        operator: 'GE',
        target: '1',
        unit: '个',
        weight: '1',
      },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/goals/DRAFT/indicators',
      {
        level1: 'OUTPUT',
        level2: 'QUANTITY',
        name: 'a',
        operator: 'GE',
        target: '1',
        unit: '个',
        weight: 'abc',
      },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/goals/DRAFT/indicators',
      {
        level1: 'OUTPUT',
        level2: 'QUANTITY',
        name: 'a',
        operator: 'GE',
        target: '1',
        unit: '个',
        weight: '0',
      },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/goals/DRAFT/indicators',
      {
        level1: 'OUTPUT',
        level2: 'QUANTITY',
        name: 'a',
        operator: 'GE',
        target: '1',
        unit: '个',
        weight: '101',
      },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/goals/DRAFT/indicators',
      {
        level1: 'OUTPUT',
        level2: 'QUANTITY',
        name: '',
        operator: 'GE',
        target: '1',
        unit: '个',
        weight: '1',
      },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/goals/DRAFT/indicators',
      {
        level1: 'OUTPUT',
        level2: 'QUANTITY',
        name: '指标一',
        operator: 'GE',
        target: '1',
        unit: '个',
        weight: '1',
      },
      409,
    ],
    [
      'clerk',
      'POST',
      '/api/goals/DRAFT/indicators/from-template',
      { templateId: '00000000-0000-4000-8000-000000000000', target: '1', weight: '1' },
      404,
    ],
    ['clerk', 'PUT', '/api/indicators/DRAFTIND', { weight: '1.234' }, 400],
    ['clerk', 'PUT', '/api/indicators/DRAFTIND', { operator: 'GTE' }, 400],
    ['clerk', 'PUT', '/api/indicators/LOCKED/actual', {}, 400],
    ['clerk', 'PUT', '/api/indicators/LOCKED/actual', { actual: 5 }, 400],
    ['clerk', 'PUT', '/api/indicators/LOCKED/actual', { actual: '九十' }, 400],
    [
      'clerk',
      'PUT',
      '/api/indicators/00000000-0000-4000-8000-000000000000/actual',
      { actual: '1' },
      404,
    ],
    ['reviewer', 'PUT', '/api/indicators/LOCKED/deduction', { deduction: '-1', reason: 'x' }, 400],
    ['reviewer', 'PUT', '/api/indicators/LOCKED/deduction', { deduction: 'abc', reason: 'x' }, 400],
    ['reviewer', 'PUT', '/api/indicators/LOCKED/deduction', { reason: 'x' }, 400],
    ['clerk', 'POST', '/api/change-requests', {}, 400],
    ['clerk', 'POST', '/api/change-requests', { reason: '理由' }, 400],
    ['clerk', 'POST', '/api/change-requests', { reason: '理由', items: [] }, 400],
    [
      'clerk',
      'POST',
      '/api/change-requests',
      { reason: '理由', indicatorId: 'LOCKED', field: 'actual', newValue: '1' },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/change-requests',
      {
        reason: '理由',
        indicatorId: '00000000-0000-4000-8000-000000000000',
        field: 'target',
        newValue: '1',
      },
      404,
    ],
    [
      'clerk',
      'POST',
      '/api/change-requests',
      { reason: '理由', indicatorId: 'LOCKED', field: 'weight', newValue: '十' },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/change-requests',
      { reason: '理由', indicatorId: 'DRAFTIND', field: 'target', newValue: '5' },
      409,
    ],
    ['head', 'POST', '/api/change-requests/not-a-uuid/approve', {}, 400],
    ['head', 'POST', '/api/change-requests/00000000-0000-4000-8000-000000000000/approve', {}, 404],
    [
      'head',
      'GET',
      '/api/departments/440105-TZCJ/change-requests?year=2023&status=foo',
      undefined,
      400,
    ],
    ['clerk', 'GET', '/api/indicator-library?level1=X', undefined, 400],
    ['clerk', 'GET', '/api/indicator-library/not-a-uuid', undefined, 400],
    ['reviewer', 'POST', '/api/indicator-library', {}, 400],
    [
      'reviewer',
      'POST',
      '/api/indicator-library',
      {
        field: '测试',
        level1: 'SATISFACTION',
        level2: 'QUANTITY',
        name: '错配',
        unit: '个',
        operator: 'GE',
      },
      400,
    ],
    [
      'reviewer',
      'POST',
      '/api/indicator-library',
      {
        field: '通用',
        level1: 'OUTPUT',
        level2: 'QUALITY',
        name: '质量达标率',
        unit: '%',
        operator: 'GE',
      },
      409,
    ],
    ['auditadmin', 'GET', '/api/audit?from=yesterday', undefined, 400],
    ['auditadmin', 'GET', '/api/audit?limit=0', undefined, 400],
    ['auditadmin', 'GET', '/api/audit?limit=abc', undefined, 400],
    ['auditadmin', 'GET', '/api/audit?from=2024-02-01&to=2024-01-01', undefined, 400],
    ['auditadmin', 'GET', '/api/audit/export.csv?to=2024-13-45', undefined, 400],
    ['sysadmin', 'POST', '/api/users', {}, 400],
    [
      'sysadmin',
      'POST',
      '/api/users',
      { username: 'A B', displayName: 'x', role: 'clerk', departmentCode: '440105-TZCJ' },
      400,
    ],
    [
      'sysadmin',
      'POST',
      '/api/users',
      {
        username: 'weak_pw',
        displayName: 'x',
        role: 'clerk',
        departmentCode: '440105-TZCJ',
        password: 'password',
      },
      400,
    ],
    [
      'sysadmin',
      'POST',
      '/api/users',
      { username: 'wrong_kind', displayName: 'x', role: 'clerk', departmentCode: '440105-CZJ' },
      400,
    ],
    [
      'sysadmin',
      'POST',
      '/api/users',
      { username: 'no_dept', displayName: 'x', role: 'clerk' },
      400,
    ],
    [
      'sysadmin',
      'POST',
      '/api/users',
      { username: 'tzcj_clerk', displayName: 'x', role: 'clerk', departmentCode: '440105-TZCJ' },
      409,
    ],
    [
      'sysadmin',
      'POST',
      '/api/users',
      { username: 'root_role', displayName: 'x', role: 'root' },
      400,
    ],
    ['sysadmin', 'PATCH', '/api/users/TARGET', { disabled: 'yes' }, 400],
    [
      'sysadmin',
      'PATCH',
      '/api/users/00000000-0000-4000-8000-000000000000',
      { displayName: 'x' },
      404,
    ],
    ['secadmin', 'PUT', '/api/users/TARGET/role', { role: 'x' }, 400],
    ['secadmin', 'POST', '/api/users/TARGET/lock', { minutes: 0 }, 400],
    [
      'secadmin',
      'PUT',
      '/api/security/password-policy',
      { minLength: 8, minClasses: 3, maxFailedAttempts: 5, lockMinutes: 15 },
      400,
    ],
    ['clerk', 'POST', '/api/auth/password', { current: 1 }, 400],
  ];

  it('bad input to every endpoint: a 4xx with a Chinese message, never a 500', async () => {
    const sub = (p: string) =>
      p
        .replace('DRAFTIND', ids.draftInd)
        .replace('DRAFT', ids.draftGoal)
        .replace('LOCKED', ids.lockedInd)
        .replace('TARGET', ids.target);
    for (const [who, method, path, body, status] of BAD) {
      const b =
        body && typeof body === 'object' && !Array.isArray(body)
          ? JSON.parse(sub(JSON.stringify(body)))
          : body;
      const res = await clients[who].request(method, sub(path), b);
      expect(
        res.status,
        `${method} ${path} ${JSON.stringify(body)}: ${res.text.slice(0, 300)}`,
      ).toBe(status);
      // malformed JSON is answered by the shared error handler (http/error-response.ts) in English
      expect(errorOf(res).message, `${method} ${path}`).toMatch(
        typeof body === 'string' ? /JSON/ : /[\u4e00-\u9fff]/,
      );
    }
  });
});

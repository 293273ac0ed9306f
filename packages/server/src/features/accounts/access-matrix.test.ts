// Role × endpoint matrix over HTTP with real sessions, on both databases: each of the six roles (plus a clerk and a
// head of another department, and a reviewer of another region) may do exactly what it should; every refusal is a
// 403 that lands in the audit trail as 'access.denied'. The sessions and fixtures: access-matrix-harness.ts; the
// 三员分立 limits: access-matrix-admin.test.ts; bad input to every endpoint: access-matrix-bad-input.test.ts.
import { ERRORS, type ErrorCode } from '@jixiao/core';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { errorOf, type TestClient, type TestResponse } from '../../http/test-client.ts';
import { EVERYONE, LOGIN, useAccessMatrix, type Who } from './access-matrix-harness.ts';

interface Row {
  name: string;
  allowed: Who[];
  /** Status of the allowed roles (2xx, or a 4xx that proves the permission passed, e.g. 422). */
  ok: number;
  call: (c: TestClient, who: Who) => Promise<TestResponse>;
}
describeEachDb('access matrix', (use) => {
  const { clients, ids } = useAccessMatrix(use);

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
      name: 'list where accounts may belong (the account screens)',
      allowed: ['sysadmin', 'secadmin'],
      ok: 200,
      call: (c) => c.get('/api/users/placements'),
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
});

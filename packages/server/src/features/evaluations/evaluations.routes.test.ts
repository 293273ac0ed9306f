// The self-evaluation and department endpoints over HTTP (app.request), on both databases.
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
  username: 'czj_reviewer',
  displayName: '财政审核',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};
const foreignClerk: Actor = {
  ...clerk,
  userId: 'u-f',
  departmentCode: '440106-ABCD',
  regionCode: '440106',
};

describeEachDb('evaluation routes', (use) => {
  const app = (actor: Actor) =>
    createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2024-02-01T00:00:00Z') },
      { testActor: actor },
    );

  it('GET /api/departments lists only what the user may see', async () => {
    const mine = await (await app(clerk).request('/api/departments')).json();
    expect(mine).toEqual([expect.objectContaining({ code: '440105-TZCJ' })]);
    expect([...(mine as { years: number[] }[])[0]!.years].sort()).toEqual([2023, 2024]);
    const none = await (await app(foreignClerk).request('/api/departments')).json();
    expect(none).toEqual([]);
  });

  it('GET evaluation returns the contract input and output for the department and each project', async () => {
    const res = await app(clerk).request('/api/departments/440105-TZCJ/evaluation?year=2023');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      department: { output: { total: string } };
      projects: { code: string; output: { total: string } }[];
    };
    expect(body.department.output.total).toBe('98.67');
    expect(body.projects.map((p) => [p.code, p.output.total])).toEqual([
      ['TZCJ-XM-001', '98.53'],
      ['TZCJ-XM-002', '95.50'],
    ]);
  });

  it('bad input gets a 4xx with a Chinese message, never a 500', async () => {
    const badYear = await app(clerk).request('/api/departments/440105-TZCJ/evaluation?year=abc');
    expect(badYear.status).toBe(400);
    expect(((await badYear.json()) as { error: { message: string } }).error.message).toMatch(
      /年度/,
    );
    const badCode = await app(clerk).request('/api/departments/no_pe/evaluation?year=2023');
    expect(badCode.status).toBe(400);
    const unknown = await app(reviewer).request(
      '/api/departments/440105-ZZZZ/evaluation?year=2023',
    );
    expect(unknown.status).toBe(403); // like a foreign code: 404 against 403 would tell which codes exist
    const foreign = await app(foreignClerk).request(
      '/api/departments/440105-TZCJ/evaluation?year=2023',
    );
    expect(foreign.status).toBe(403);
    const emptyComment = await app(reviewer).request(
      '/api/departments/440105-TZCJ/evaluation/return?year=2023',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ comment: '' }),
      },
    );
    expect(emptyComment.status).toBe(400);
    const notJson = await app(reviewer).request(
      '/api/departments/440105-TZCJ/evaluation/return?year=2023',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{',
      },
    );
    expect(notJson.status).toBe(400);
  });

  it('GET /api/overview is for the finance bureau and lists the region’s departments', async () => {
    const denied = await app(clerk).request('/api/overview?year=2023');
    expect(denied.status).toBe(403);
    const rows = (await (await app(reviewer).request('/api/overview?year=2023')).json()) as {
      code: string;
      rate: string;
      score: string;
      grade: string;
    }[];
    expect(rows.map((r) => [r.code, r.grade])).toEqual([
      ['440105-KGXJ', '良'],
      ['440105-TZCJ', '优'],
      ['440105-WGLT', '中'],
    ]);
    expect(rows[1]).toMatchObject({
      rate: '99.99',
      score: '98.67',
      budgetYuan: '366286100.00',
      executedYuan: '366248800.00',
    });
  });
});

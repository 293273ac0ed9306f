// 绩效目标审核 with grades (§C.5) on both databases: the bureau grades a goal set awaiting its approval —
// 良 needs the required changes written down; 中 returns it; 差 returns it and the budget gate refuses the
// project; 优 approves it. Every grade and opinion is kept and shows in the goal set's history.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { Actor } from '../../auth/actor.ts';
import { ServiceError } from '../../http/service-error.ts';
import { assertExanteAllowsBudget } from './exante-gate.ts';

const reviewer: Actor = {
  userId: 'u-rev',
  username: 'czj_reviewer',
  displayName: '财政审核',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};
const clerk: Actor = { ...reviewer, userId: 'u-c', role: 'clerk', departmentCode: '440105-TZCJ' };

interface Grade {
  grade: string;
  opinion: string;
  requiredChanges: string | null;
}

describeEachDb('graded goal review', (use) => {
  const app = (actor: Actor) =>
    createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2023-03-01T02:00:00Z') },
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
  let goalId = '';
  /** Puts the goal set of TZCJ-XM-002 (2023) where the bureau's approval is due (audited, as services do). */
  const awaitingBureau = async () => {
    await use().db.transaction(async (tx) => {
      const [g] = await queryRows<{ id: string }>(
        tx,
        sql`select g.id from goals g join projects p on p.id = g.project_id where p.code = 'TZCJ-XM-002' and p.fiscal_year = 2023`,
      );
      goalId = g!.id;
      await tx.execute(sql`update goals set status = 'deptApproved' where id = ${goalId}`);
      await tx.execute(
        sql`update fiscal_years set finance_approval_required = true where region_code = '440105' and year = 2023`,
      );
      await recordAudit(tx, reviewer, {
        action: 'test.setup',
        entity: 'goals',
        entityId: goalId,
        departmentCode: '440105-TZCJ',
        before: null,
        after: { status: 'deptApproved' },
      });
    });
  };
  const status = async () =>
    (
      await queryRows<{ status: string }>(
        use().db,
        sql`select status from goals where id = ${goalId}`,
      )
    )[0]!.status;
  const gate = () => assertExanteAllowsBudget(use().db, '440105-TZCJ', 2023, ['TZCJ-XM-002']);

  it('良 needs the required changes; 中 sends the goal set back with the grade in its history', async () => {
    await awaitingBureau();
    const bad = await call(reviewer, 'POST', `/api/goals/${goalId}/grade`, {
      grade: '良',
      opinion: '目标基本合理',
    });
    expect((bad.body as { error: { code: string } }).error.code).toBe(
      'GOAL_GRADE_CHANGES_REQUIRED',
    );
    expect(
      (await call(clerk, 'POST', `/api/goals/${goalId}/grade`, { grade: '优', opinion: 'x' }))
        .status,
    ).toBe(403);
    const mid = await call(reviewer, 'POST', `/api/goals/${goalId}/grade`, {
      grade: '中',
      opinion: '产出指标未细化量化',
    });
    expect(mid.status).toBe(200);
    expect(await status()).toBe('returned');
    const events = await queryRows<{ comment: string | null }>(
      use().db,
      sql`select comment from goal_events where goal_id = ${goalId} order by at desc limit 1`,
    );
    expect(events[0]!.comment).toContain('绩效目标审核结果：中');
    await expect(gate()).resolves.toBeUndefined();
  });

  it('差 blocks the budget; a later 优 approves it and opens the gate; every grade is kept', async () => {
    await awaitingBureau();
    await call(reviewer, 'POST', `/api/goals/${goalId}/grade`, {
      grade: '差',
      opinion: '目标与职责不符',
    });
    expect(await status()).toBe('returned');
    const refusal = await gate().catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ServiceError);
    expect((refusal as ServiceError).code).toBe('EXANTE_BUDGET_BLOCKED');
    await awaitingBureau();
    const ok = await call(reviewer, 'POST', `/api/goals/${goalId}/grade`, {
      grade: '优',
      opinion: '已按意见修改',
    });
    expect((ok.body as Grade[]).map((g) => g.grade)).toEqual(['中', '差', '优']);
    expect(['approved', 'locked']).toContain(await status());
    await expect(gate()).resolves.toBeUndefined();
    const listed = (await call(clerk, 'GET', `/api/goals/${goalId}/grades`)).body as Grade[];
    expect(listed[1]).toMatchObject({ grade: '差', opinion: '目标与职责不符' });
    const overview = (await call(reviewer, 'GET', '/api/overview?year=2023')).body as {
      code: string;
      goalGrades: Record<string, number>;
    }[];
    expect(overview.find((r) => r.code === '440105-TZCJ')!.goalGrades).toEqual({
      excellent: 1,
      good: 0,
      fair: 0,
      poor: 0,
    });
  });

  it('the grade, the approval and their audit entries are one transaction: a refused approval leaves no grade', async () => {
    const before = await queryRows<{ n: number | string }>(
      use().db,
      sql`select count(*) as n from goal_review_grades`,
    );
    const r = await call(reviewer, 'POST', `/api/goals/${goalId}/grade`, {
      grade: '优',
      opinion: '再次审核',
    });
    expect(r.status).toBe(409); // already approved: the goals feature refuses, nothing is written
    const after = await queryRows<{ n: number | string }>(
      use().db,
      sql`select count(*) as n from goal_review_grades`,
    );
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
    const audit = await queryRows<{ tx: string; n: number | string }>(
      use().db,
      sql`select tx_id as tx, count(*) as n from audit_log where tx_id in (select tx_id from audit_log where action = 'goal.grade') group by tx_id`,
    );
    expect(audit.length).toBe(3);
    expect(audit.every((a) => Number(a.n) >= 2)).toBe(true);
  });
});

// The target lifecycle over HTTP on both databases, with the Haizhu demo accounts: a goal set for the 基本支出
// project TZCJ-JB-2023 goes draft → 422 (every problem listed) → submitted → returned → deptApproved → locked;
// actuals are refused (423) until locked, then entered (numbers; 定性 level + score in band) with deductions.
// Change requests: goal-change-requests.routes.test.ts; the year's rules: goal-year.routes.test.ts.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { verifyAuditChain } from '../../audit/verify-chain.ts';
import { errorOf, fastDemoPasswords } from '../../http/test-client.ts';
import { GoalTestUsers, indicator, inds, type Goal, type Ind } from './goal-test-users.ts';

process.env['JIXIAO_TEST_SCRYPT_LOG_N'] = '8';

describeEachDb('goal lifecycle', (use) => {
  const u = new GoalTestUsers(use);
  let projectId = '';
  let goalId = '';

  beforeAll(async () => {
    await fastDemoPasswords(use().db);
    await u.at('2023-02-15T02:00:00Z');
    projectId = (
      await queryRows<{ id: string }>(
        use().db,
        sql`select id from projects where code = 'TZCJ-JB-2023'`,
      )
    )[0]!.id;
  });

  it('lists the demo year: department goal and two project goals, locked, 90 points each', async () => {
    const res = await u.clerk.get('/api/departments/440105-TZCJ/goals?year=2023');
    expect(res.status).toBe(200);
    const body = res.body as {
      financeApprovalRequired: boolean;
      indicatorWeightTotal: string;
      goals: Goal[];
    };
    expect(body.financeApprovalRequired).toBe(true);
    expect(body.indicatorWeightTotal).toBe('90.00');
    expect(body.goals.map((g) => [g.projectCode, g.status, g.weightTotal])).toEqual([
      [null, 'locked', '90.00'],
      ['TZCJ-XM-001', 'locked', '90.00'],
      ['TZCJ-XM-002', 'locked', '90.00'],
    ]);
    expect(body.goals[0]!.tree.map((l1) => [l1.level1, l1.weight])).toEqual([
      ['OUTPUT', '50.00'],
      ['BENEFIT', '30.00'],
      ['SATISFACTION', '10.00'],
    ]);
  });

  it('a draft goal set: submission refused with 422 and every problem in Chinese', async () => {
    const created = await u.clerk.post('/api/goals', {
      departmentCode: '440105-TZCJ',
      year: 2023,
      projectId,
      targetText: '',
    });
    expect(created.status).toBe(201);
    goalId = (created.body as Goal).id;
    expect((created.body as Goal).status).toBe('draft');
    const dup = await u.clerk.post('/api/goals', {
      departmentCode: '440105-TZCJ',
      year: 2023,
      projectId,
      targetText: 'x',
    });
    expect(dup.status).toBe(409);
    const a = await u.clerk.post(
      `/api/goals/${goalId}/indicators`,
      indicator({ name: '保障在职人员数', target: '42', unit: '人', weight: '50' }),
    );
    expect(a.status).toBe(201);
    const bad = await u.clerk.post(
      `/api/goals/${goalId}/indicators`,
      indicator({ name: '经费保障', target: '≥42人', weight: '10' }),
    );
    expect(bad.status).toBe(400);
    expect(errorOf(bad).message).toBe(
      '定量指标的年度指标值应为数字（如 300、95.5），收到「≥42人」：单位请填在计量单位中',
    );
    const b = await u.clerk.post(
      `/api/goals/${goalId}/indicators`,
      indicator({
        level2: 'TIMELINESS',
        name: '工资按时发放率',
        target: '100',
        unit: '',
        weight: '20',
      }),
    );
    expect(b.status).toBe(201);
    const sub = await u.clerk.post(`/api/goals/${goalId}/submit`, {});
    expect(sub.status).toBe(422);
    const e = errorOf(sub);
    expect(e.code).toBe('GOAL_SET_CHECKS_FAILED');
    const issues = (e.details as { issues: { code: string; severity: string; message: string }[] })
      .issues;
    expect(issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual([
      'GOAL_TEXT_MISSING',
      'LEVEL1_MISSING',
      'SATISFACTION_MISSING',
      'UNIT_MISSING',
      'WEIGHT_SUM',
    ]);
    expect(e.message).toContain('缺少一级指标「效益指标」');
    expect(e.message).toContain('三级指标分值合计 70.00 分，应为 90.00 分');
    expect(((await u.clerk.get(`/api/goals/${goalId}`)).body as Goal).status).toBe('draft');
  });

  it('fixed, submitted, returned with a comment, resubmitted; approved by the head, then the bureau, which locks', async () => {
    const g = (await u.clerk.get(`/api/goals/${goalId}`)).body as Goal;
    const [first, second] = inds(g);
    expect(
      (
        await u.clerk.put(`/api/goals/${goalId}`, {
          targetText: '保障机关正常运转和在职人员待遇，全年工资、社保按时足额发放。',
        })
      ).status,
    ).toBe(200);
    expect(
      (await u.clerk.put(`/api/indicators/${second!.id}`, { unit: '%', weight: '10' })).status,
    ).toBe(200);
    expect((await u.clerk.put(`/api/indicators/${first!.id}`, { weight: '40' })).status).toBe(200);
    expect(
      (
        await u.clerk.post(
          `/api/goals/${goalId}/indicators`,
          indicator({
            level1: 'BENEFIT',
            level2: 'SUSTAINABLE',
            name: '机关运转保障水平',
            operator: 'QUAL',
            target: '有效保障',
            unit: '',
            weight: '30',
          }),
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await u.clerk.post(
          `/api/goals/${goalId}/indicators`,
          indicator({
            level1: 'SATISFACTION',
            level2: 'SERVICE_SATISFACTION',
            name: '干部职工满意度',
            target: '90',
            unit: '%',
            weight: '10',
          }),
        )
      ).status,
    ).toBe(201);
    const check = await u.clerk.get(`/api/goals/${goalId}/check`);
    expect((check.body as { issues: unknown[] }).issues).toEqual([]);

    const lockedActual = await u.clerk.put(`/api/indicators/${first!.id}/actual`, { actual: '42' });
    expect(lockedActual.status).toBe(423);
    expect(errorOf(lockedActual).message).toBe('指标目标尚未锁定，不能填报实际值');

    expect((await u.head.post(`/api/goals/${goalId}/approve`, {})).status).toBe(409); // draft: nothing to approve
    const sub = await u.clerk.post(`/api/goals/${goalId}/submit`, { comment: '请审核' });
    expect(sub.status).toBe(200);
    expect((sub.body as { goal: Goal }).goal.status).toBe('submitted');
    const frozen = await u.clerk.put(`/api/indicators/${first!.id}`, { weight: '41' });
    expect(frozen.status).toBe(409);
    expect(errorOf(frozen).message).toBe('绩效目标已送审，审核期间不能修改（被退回后可修改）');
    expect((await u.reviewer.post(`/api/goals/${goalId}/approve`, {})).status).toBe(403); // the head approves first
    expect((await u.head.post(`/api/goals/${goalId}/return`, { comment: '' })).status).toBe(400);
    const back = await u.head.post(`/api/goals/${goalId}/return`, {
      comment: '满意度目标偏低，请提高至 92%',
    });
    expect((back.body as Goal).status).toBe('returned');
    const satisfaction = (await clerkGoal()).find((i) => i.name === '干部职工满意度')!;
    expect((await u.clerk.put(`/api/indicators/${satisfaction.id}`, { target: '92' })).status).toBe(
      200,
    );
    expect((await u.clerk.post(`/api/goals/${goalId}/submit`, {})).status).toBe(200);
    const deptOk = await u.head.post(`/api/goals/${goalId}/approve`, { comment: '同意' });
    expect((deptOk.body as Goal).status).toBe('deptApproved');
    expect((await u.head.post(`/api/goals/${goalId}/approve`, {})).status).toBe(403); // now the bureau's turn
    await u.at('2023-03-01T02:00:00Z');
    const locked = await u.reviewer.post(`/api/goals/${goalId}/approve`, { comment: '审核通过' });
    expect(locked.status).toBe(200);
    const lg = locked.body as Goal;
    expect([lg.status, lg.lockedAt, lg.editable]).toEqual([
      'locked',
      '2023-03-01T02:00:00.000Z',
      false,
    ]);
    expect(lg.events.map((e) => `${e.action}:${e.fromStatus ?? ''}→${e.toStatus}`)).toEqual([
      'create:→draft',
      'submit:draft→submitted',
      'return:submitted→returned',
      'submit:returned→submitted',
      'approve:submitted→deptApproved',
      'approve:deptApproved→approved',
      'lock:approved→locked',
    ]);
    expect(lg.events[2]!.comment).toBe('满意度目标偏低，请提高至 92%');
    const edit = await u.clerk.put(`/api/indicators/${first!.id}`, { weight: '41' });
    expect(edit.status).toBe(423);
    expect(errorOf(edit).message).toBe('绩效目标已锁定，不能直接修改：请提交变更申请');
    expect((await u.clerk.request('DELETE', `/api/goals/${goalId}`)).status).toBe(423);
  });

  async function clerkGoal(): Promise<Ind[]> {
    return inds((await u.clerk.get(`/api/goals/${goalId}`)).body as Goal);
  }

  it('after locking: actual values (numbers; 定性 level + score in band), deductions with a reason', async () => {
    const all = await clerkGoal();
    const staff = all.find((i) => i.name === '保障在职人员数')!;
    const qual = all.find((i) => i.name === '机关运转保障水平')!;
    const ok = await u.clerk.put(`/api/indicators/${staff.id}/actual`, {
      actual: '42',
      evidence: '人事台账',
      deviationNote: null,
    });
    expect(ok.status).toBe(200);
    expect((ok.body as Ind).actual).toBe('42');
    expect(
      (await u.clerk.put(`/api/indicators/${staff.id}/actual`, { actual: '42人' })).status,
    ).toBe(400);
    const outOfBand = await u.clerk.put(`/api/indicators/${qual.id}/actual`, {
      actual: '部分达成年度指标并具有一定效果',
      qualScore: '25',
    });
    expect(outOfBand.status).toBe(400);
    expect(errorOf(outOfBand).message).toBe('得分 25 不在该档次的区间 [18.00, 24.00) 内');
    const inBand = await u.clerk.put(`/api/indicators/${qual.id}/actual`, {
      actual: '部分达成年度指标并具有一定效果',
      qualScore: '21',
    });
    expect([(inBand.body as Ind).actual, (inBand.body as Ind).qualScore]).toEqual([
      'PARTIAL',
      '21.00',
    ]);

    expect(
      (await u.clerk.put(`/api/indicators/${staff.id}/deduction`, { deduction: '3', reason: 'x' }))
        .status,
    ).toBe(403);
    const noReason = await u.reviewer.put(`/api/indicators/${staff.id}/deduction`, {
      deduction: '3',
    });
    expect(noReason.status).toBe(400);
    expect(errorOf(noReason).message).toBe('扣分须填写理由');
    expect(
      (
        await u.reviewer.put(`/api/indicators/${staff.id}/deduction`, {
          deduction: '40.01',
          reason: '超过分值',
        })
      ).status,
    ).toBe(400);
    const ded = await u.reviewer.put(`/api/indicators/${staff.id}/deduction`, {
      deduction: '3',
      reason: '年初指标值明显偏低（偏离度调减）',
    });
    expect(ded.status).toBe(200);
    expect(ded.body as Ind).toMatchObject({
      deduction: '3.00',
      deductionBy: 'czj_reviewer',
      deductionReason: '年初指标值明显偏低（偏离度调减）',
    });
  });

  it('every step is in the audit log, in one intact chain', async () => {
    const rows = await queryRows<{ action: string }>(
      use().db,
      sql`select action from audit_log where entity = 'goals' and entity_id = ${goalId} order by seq`,
    );
    expect(rows.map((r) => r.action)).toEqual([
      'goal.create',
      'goal.update',
      'goal.submit',
      'goal.return',
      'goal.submit',
      'goal.approve',
      'goal.approve',
      'goal.lock',
    ]);
    const v = await verifyAuditChain(use().db);
    expect(v.intact).toBe(true);
  });
});

// The target lifecycle over HTTP on both databases, with the Haizhu demo accounts: a goal set for the 基本支出
// project TZCJ-JB-2023 goes draft → 422 (every problem listed) → submitted → returned → deptApproved → locked;
// actuals are refused (423) until locked; locked targets change only through approved change requests.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { listTargetChanges } from '../change-requests/change-requests.repository.ts';
import { verifyAuditChain } from '../../audit/verify-chain.ts';
import { TestClient, errorOf, fastDemoPasswords } from '../../http/test-client.ts';

process.env['JIXIAO_TEST_SCRYPT_LOG_N'] = '8';

interface Ind {
  id: string;
  name: string;
  target: string;
  weight: string;
  actual: string | null;
  qualScore: string | null;
  deduction: string | null;
  deductionBy: string | null;
  deductionReason: string | null;
  changes: { field: string; originalValue: string; newValue: string; status: string }[];
}
interface Goal {
  id: string;
  status: string;
  lockedAt: string | null;
  editable: boolean;
  weightTotal: string;
  projectCode: string | null;
  tree: { level1: string; weight: string; groups: { level2: string; indicators: Ind[] }[] }[];
  events: {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actor: string;
    comment: string | null;
  }[];
}
const inds = (g: Goal): Ind[] => g.tree.flatMap((l1) => l1.groups.flatMap((l2) => l2.indicators));

describeEachDb('goal lifecycle', (use) => {
  let clock = new Date('2023-02-15T02:00:00Z');
  const app = () => createApp({ database: use(), config: loadConfig({}), now: () => clock });
  let clerk: TestClient;
  let head: TestClient;
  let reviewer: TestClient;
  let projectId = '';
  let goalId = '';

  /** Move the clock (days later) and sign everyone in again (sessions expire after 8 idle hours). */
  async function at(iso: string): Promise<void> {
    clock = new Date(iso);
    clerk = new TestClient(app());
    head = new TestClient(app());
    reviewer = new TestClient(app());
    await clerk.login('tzcj_clerk', 'Demo#Clerk2023');
    await head.login('tzcj_head', 'Demo#Head2023!');
    await reviewer.login('czj_reviewer', 'Demo#Review2023');
  }

  beforeAll(async () => {
    await fastDemoPasswords(use().db);
    await at('2023-02-15T02:00:00Z');
    projectId = (
      await queryRows<{ id: string }>(
        use().db,
        sql`select id from projects where code = 'TZCJ-JB-2023'`,
      )
    )[0]!.id;
  });

  const indicator = (p: Record<string, unknown>) => ({
    level1: 'OUTPUT',
    level2: 'QUANTITY',
    operator: 'GE',
    unit: '个',
    targetBasis: 'PLAN',
    ...p,
  });

  it('lists the demo year: department goal and two project goals, locked, 90 points each', async () => {
    const res = await clerk.get('/api/departments/440105-TZCJ/goals?year=2023');
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
    const created = await clerk.post('/api/goals', {
      departmentCode: '440105-TZCJ',
      year: 2023,
      projectId,
      targetText: '',
    });
    expect(created.status).toBe(201);
    goalId = (created.body as Goal).id;
    expect((created.body as Goal).status).toBe('draft');
    const dup = await clerk.post('/api/goals', {
      departmentCode: '440105-TZCJ',
      year: 2023,
      projectId,
      targetText: 'x',
    });
    expect(dup.status).toBe(409);
    const a = await clerk.post(
      `/api/goals/${goalId}/indicators`,
      indicator({ name: '保障在职人员数', target: '42', unit: '人', weight: '50' }),
    );
    expect(a.status).toBe(201);
    const bad = await clerk.post(
      `/api/goals/${goalId}/indicators`,
      indicator({ name: '经费保障', target: '≥42人', weight: '10' }),
    );
    expect(bad.status).toBe(400);
    expect(errorOf(bad).message).toBe(
      '定量指标的年度指标值应为数字（如 300、95.5），收到「≥42人」：单位请填在计量单位中',
    );
    const b = await clerk.post(
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
    const sub = await clerk.post(`/api/goals/${goalId}/submit`, {});
    expect(sub.status).toBe(422);
    const e = errorOf(sub);
    expect(e.code).toBe('GOAL_INVALID');
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
    expect(((await clerk.get(`/api/goals/${goalId}`)).body as Goal).status).toBe('draft');
  });

  it('fixed, submitted, returned with a comment, resubmitted; approved by the head, then the bureau, which locks', async () => {
    const g = (await clerk.get(`/api/goals/${goalId}`)).body as Goal;
    const [first, second] = inds(g);
    expect(
      (
        await clerk.put(`/api/goals/${goalId}`, {
          targetText: '保障机关正常运转和在职人员待遇，全年工资、社保按时足额发放。',
        })
      ).status,
    ).toBe(200);
    expect(
      (await clerk.put(`/api/indicators/${second!.id}`, { unit: '%', weight: '10' })).status,
    ).toBe(200);
    expect((await clerk.put(`/api/indicators/${first!.id}`, { weight: '40' })).status).toBe(200);
    expect(
      (
        await clerk.post(
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
        await clerk.post(
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
    const check = await clerk.get(`/api/goals/${goalId}/check`);
    expect((check.body as { issues: unknown[] }).issues).toEqual([]);

    const lockedActual = await clerk.put(`/api/indicators/${first!.id}/actual`, { actual: '42' });
    expect(lockedActual.status).toBe(423);
    expect(errorOf(lockedActual).message).toBe('指标目标尚未锁定，不能填报实际值');

    expect((await head.post(`/api/goals/${goalId}/approve`, {})).status).toBe(409); // draft: nothing to approve
    const sub = await clerk.post(`/api/goals/${goalId}/submit`, { comment: '请审核' });
    expect(sub.status).toBe(200);
    expect((sub.body as { goal: Goal }).goal.status).toBe('submitted');
    const frozen = await clerk.put(`/api/indicators/${first!.id}`, { weight: '41' });
    expect(frozen.status).toBe(409);
    expect(errorOf(frozen).message).toBe('绩效目标已送审，审核期间不能修改（被退回后可修改）');
    expect((await reviewer.post(`/api/goals/${goalId}/approve`, {})).status).toBe(403); // the head approves first
    expect((await head.post(`/api/goals/${goalId}/return`, { comment: '' })).status).toBe(400);
    const back = await head.post(`/api/goals/${goalId}/return`, {
      comment: '满意度目标偏低，请提高至 92%',
    });
    expect((back.body as Goal).status).toBe('returned');
    const satisfaction = (await clerkGoal()).find((i) => i.name === '干部职工满意度')!;
    expect((await clerk.put(`/api/indicators/${satisfaction.id}`, { target: '92' })).status).toBe(
      200,
    );
    expect((await clerk.post(`/api/goals/${goalId}/submit`, {})).status).toBe(200);
    const deptOk = await head.post(`/api/goals/${goalId}/approve`, { comment: '同意' });
    expect((deptOk.body as Goal).status).toBe('deptApproved');
    expect((await head.post(`/api/goals/${goalId}/approve`, {})).status).toBe(403); // now the bureau's turn
    await at('2023-03-01T02:00:00Z');
    const locked = await reviewer.post(`/api/goals/${goalId}/approve`, { comment: '审核通过' });
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
    const edit = await clerk.put(`/api/indicators/${first!.id}`, { weight: '41' });
    expect(edit.status).toBe(423);
    expect(errorOf(edit).message).toBe('绩效目标已锁定，不能直接修改：请提交变更申请');
    expect((await clerk.request('DELETE', `/api/goals/${goalId}`)).status).toBe(423);
  });

  async function clerkGoal(): Promise<Ind[]> {
    return inds((await clerk.get(`/api/goals/${goalId}`)).body as Goal);
  }

  it('after locking: actual values (numbers; 定性 level + score in band), deductions with a reason', async () => {
    const all = await clerkGoal();
    const staff = all.find((i) => i.name === '保障在职人员数')!;
    const qual = all.find((i) => i.name === '机关运转保障水平')!;
    const ok = await clerk.put(`/api/indicators/${staff.id}/actual`, {
      actual: '42',
      evidence: '人事台账',
      deviationNote: null,
    });
    expect(ok.status).toBe(200);
    expect((ok.body as Ind).actual).toBe('42');
    expect((await clerk.put(`/api/indicators/${staff.id}/actual`, { actual: '42人' })).status).toBe(
      400,
    );
    const outOfBand = await clerk.put(`/api/indicators/${qual.id}/actual`, {
      actual: '部分达成年度指标并具有一定效果',
      qualScore: '25',
    });
    expect(outOfBand.status).toBe(400);
    expect(errorOf(outOfBand).message).toBe('得分 25 不在该档次的区间 [18.00, 24.00) 内');
    const inBand = await clerk.put(`/api/indicators/${qual.id}/actual`, {
      actual: '部分达成年度指标并具有一定效果',
      qualScore: '21',
    });
    expect([(inBand.body as Ind).actual, (inBand.body as Ind).qualScore]).toEqual([
      'PARTIAL',
      '21.00',
    ]);

    expect(
      (await clerk.put(`/api/indicators/${staff.id}/deduction`, { deduction: '3', reason: 'x' }))
        .status,
    ).toBe(403);
    const noReason = await reviewer.put(`/api/indicators/${staff.id}/deduction`, {
      deduction: '3',
    });
    expect(noReason.status).toBe(400);
    expect(errorOf(noReason).message).toBe('扣分须填写理由');
    expect(
      (
        await reviewer.put(`/api/indicators/${staff.id}/deduction`, {
          deduction: '40.01',
          reason: '超过分值',
        })
      ).status,
    ).toBe(400);
    const ded = await reviewer.put(`/api/indicators/${staff.id}/deduction`, {
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

  it('change requests after locking: reason required, sums kept, two approvals, original kept and reported', async () => {
    const dept = (await clerk.get('/api/departments/440105-TZCJ/goals?year=2023')).body as {
      goals: Goal[];
    };
    const deptInds = inds(dept.goals[0]!);
    const negotiated = deptInds.find((i) => i.name === '新洽谈重点招商项目数')!;
    const registered = deptInds.find((i) => i.name === '推动注册落地项目数')!;
    expect(
      (
        await clerk.post('/api/change-requests', {
          indicatorId: negotiated.id,
          field: 'target',
          newValue: '320',
          reason: '',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await clerk.post('/api/change-requests', {
          indicatorId: negotiated.id,
          field: 'target',
          newValue: '300',
          reason: '无变化',
        })
      ).status,
    ).toBe(400);
    const notNumber = await clerk.post('/api/change-requests', {
      indicatorId: negotiated.id,
      field: 'target',
      newValue: '三百二十',
      reason: '市追加任务',
    });
    expect(notNumber.status).toBe(400);
    const breaksSum = await clerk.post('/api/change-requests', {
      indicatorId: negotiated.id,
      field: 'weight',
      newValue: '20',
      reason: '突出重点',
    });
    expect(breaksSum.status).toBe(422);
    expect(errorOf(breaksSum)).toMatchObject({ code: 'GOAL_INVALID' });
    expect(errorOf(breaksSum).message).toContain('三级指标分值合计 95.00 分，应为 90.00 分');
    expect(
      (
        await head.post('/api/change-requests', {
          indicatorId: negotiated.id,
          field: 'target',
          newValue: '320',
          reason: '市追加任务',
        })
      ).status,
    ).toBe(403);

    const req = await clerk.post(`/api/goals/${dept.goals[0]!.id}/change-requests`, {
      reason: '市下达任务追加 20 个；分值相应调整',
      changes: [
        { indicatorId: negotiated.id, field: 'target', newValue: '320' },
        { indicatorId: negotiated.id, field: 'weight', newValue: '17' },
        { indicatorId: registered.id, field: 'weight', newValue: '13' },
      ],
    });
    expect(req.status).toBe(201);
    const batch = req.body as {
      id: string;
      status: string;
      originalValue: string;
      newValue: string;
      field: string;
    }[];
    expect(batch.map((r) => [r.field, r.originalValue, r.newValue, r.status])).toEqual([
      ['target', '300', '320', 'pending'],
      ['weight', '15.00', '17.00', 'pending'],
      ['weight', '15.00', '13.00', 'pending'],
    ]);
    const again = await clerk.post('/api/change-requests', {
      indicatorId: negotiated.id,
      field: 'target',
      newValue: '330',
      reason: '再改',
    });
    expect(again.status).toBe(409);

    expect((await reviewer.post(`/api/change-requests/${batch[0]!.id}/approve`, {})).status).toBe(
      403,
    ); // head first
    const deptStep = await head.post(`/api/change-requests/${batch[1]!.id}/approve`, {
      comment: '同意',
    });
    expect((deptStep.body as { status: string }[]).map((r) => r.status)).toEqual([
      'deptApproved',
      'deptApproved',
      'deptApproved',
    ]);
    expect((await clerk.get(`/api/indicators/${negotiated.id}`)).body).toMatchObject({
      target: '300',
      weight: '15.00',
    });
    await at('2023-07-10T02:00:00Z');
    const final = await reviewer.post(`/api/change-requests/${batch[0]!.id}/approve`, {
      comment: '同意调整',
    });
    expect(final.status).toBe(200);
    expect((final.body as { status: string }[]).map((r) => r.status)).toEqual([
      'approved',
      'approved',
      'approved',
    ]);
    const after = (await clerk.get(`/api/indicators/${negotiated.id}`)).body as Ind;
    expect([after.target, after.weight]).toEqual(['320', '17.00']);
    expect(after.changes.map((c) => [c.field, c.originalValue, c.newValue, c.status])).toEqual([
      ['target', '300', '320', 'approved'],
      ['weight', '15.00', '17.00', 'approved'],
    ]);
    expect((await reviewer.post(`/api/change-requests/${batch[0]!.id}/approve`, {})).status).toBe(
      409,
    );

    const expected = [
      {
        indicatorId: negotiated.id,
        originalTarget: '300',
        newTarget: '320',
        reason: '市下达任务追加 20 个；分值相应调整',
        approvedAt: '2023-07-10T02:00:00.000Z',
      },
    ];
    expect(await listTargetChanges(use().db, '440105-TZCJ', 2023)).toEqual(expected);
    expect(
      (await reviewer.get('/api/departments/440105-TZCJ/target-changes?year=2023')).body,
    ).toEqual(expected);

    const rej = await clerk.post('/api/change-requests', {
      indicatorId: registered.id,
      field: 'target',
      newValue: '140',
      reason: '项目落地放缓',
    });
    const rid = (rej.body as { id: string }[])[0]!.id;
    expect((await head.post(`/api/change-requests/${rid}/reject`, { comment: '' })).status).toBe(
      400,
    );
    const rejected = await head.post(`/api/change-requests/${rid}/reject`, {
      comment: '不得因完成困难下调目标',
    });
    expect((rejected.body as { status: string }[])[0]!.status).toBe('rejected');
    expect(((await clerk.get(`/api/indicators/${registered.id}`)).body as Ind).target).toBe('150');
    const list = (
      await head.get('/api/departments/440105-TZCJ/change-requests?year=2023&status=rejected')
    ).body as { indicatorName: string; decisionComment: string }[];
    expect(list.map((r) => [r.indicatorName, r.decisionComment])).toEqual([
      ['推动注册落地项目数', '不得因完成困难下调目标'],
    ]);
  });

  it('without finance approval configured, the head’s approval locks', async () => {
    await use().db.execute(
      sql`update fiscal_years set finance_approval_required = false where region_code = '440105' and year = 2024`,
    );
    await use().db.execute(
      sql`insert into fiscal_years (region_code, year, scoring_preset, finance_approval_required) values ('440105', 2024, 'mof-2020', false) on conflict do nothing`,
    );
    const g = await clerk.post('/api/goals', {
      departmentCode: '440105-TZCJ',
      year: 2024,
      targetText: '2024年度部门整体目标：新洽谈重点招商项目不少于320个。',
    });
    const id = (g.body as Goal).id;
    const add = (p: Record<string, unknown>) =>
      clerk.post(`/api/goals/${id}/indicators`, indicator(p));
    await add({ name: '新洽谈重点招商项目数', target: '320', weight: '50' });
    await add({
      level1: 'BENEFIT',
      level2: 'SOCIAL',
      name: '新增商事主体数',
      target: '2',
      unit: '万户',
      weight: '30',
    });
    await add({
      level1: 'SATISFACTION',
      level2: 'SERVICE_SATISFACTION',
      name: '企业满意度',
      target: '90',
      unit: '%',
      weight: '10',
    });
    expect((await clerk.post(`/api/goals/${id}/submit`, {})).status).toBe(200);
    const res = await head.post(`/api/goals/${id}/approve`, {});
    expect((res.body as Goal).status).toBe('locked');
  });

  it('after the fiscal year ends, no goal set can be created, submitted or approved for it', async () => {
    await at('2023-12-31T16:00:00Z'); // 2024-01-01 00:00 in Beijing
    const late = await clerk.post('/api/goals', {
      departmentCode: '440105-TZCJ',
      year: 2023,
      projectId: null,
      targetText: '事后补设的目标',
    });
    expect(late.status).toBe(409);
    expect(errorOf(late).message).toContain('2023 年度已结束，不能再设定该年度的绩效目标');
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
    const applied = await queryRows<{ before: { target: string }; after: { target: string } }>(
      use().db,
      sql`select before, after from audit_log where action = 'indicator.change.apply' order by seq`,
    );
    expect(applied.map((r) => [r.before.target, r.after.target])).toEqual([
      ['300', '320'],
      ['150', '150'],
    ]);
    const v = await verifyAuditChain(use().db);
    expect(v.intact).toBe(true);
  });
});

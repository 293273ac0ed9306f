// Changes of locked targets over HTTP on both databases (the Haizhu demo's department goal set): a reason is
// required, the weights must still sum, the head then the finance bureau approve, the original value is kept
// and reported as a target change; a rejection leaves the target as it was.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../db/test-db.ts';
import { listTargetChanges } from '../change-requests/change-requests.repository.ts';
import { queryRows } from '../../db/open-db.ts';
import { sql } from 'drizzle-orm';
import { verifyAuditChain } from '../../audit/verify-chain.ts';
import { errorOf, fastDemoPasswords } from '../../http/test-client.ts';
import { GoalTestUsers, inds, type Goal, type Ind } from './goal-test-users.ts';

process.env['JIXIAO_TEST_SCRYPT_LOG_N'] = '8';

describeEachDb('goal change requests', (use) => {
  const u = new GoalTestUsers(use);

  beforeAll(async () => {
    await fastDemoPasswords(use().db);
    await u.at('2023-03-01T02:00:00Z');
  });

  it('change requests after locking: reason required, sums kept, two approvals, original kept and reported', async () => {
    const dept = (await u.clerk.get('/api/departments/440105-TZCJ/goals?year=2023')).body as {
      goals: Goal[];
    };
    const deptInds = inds(dept.goals[0]!);
    const negotiated = deptInds.find((i) => i.name === '新洽谈重点招商项目数')!;
    const registered = deptInds.find((i) => i.name === '推动注册落地项目数')!;
    expect(
      (
        await u.clerk.post('/api/change-requests', {
          indicatorId: negotiated.id,
          field: 'target',
          newValue: '320',
          reason: '',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await u.clerk.post('/api/change-requests', {
          indicatorId: negotiated.id,
          field: 'target',
          newValue: '300',
          reason: '无变化',
        })
      ).status,
    ).toBe(400);
    const notNumber = await u.clerk.post('/api/change-requests', {
      indicatorId: negotiated.id,
      field: 'target',
      newValue: '三百二十',
      reason: '市追加任务',
    });
    expect(notNumber.status).toBe(400);
    const breaksSum = await u.clerk.post('/api/change-requests', {
      indicatorId: negotiated.id,
      field: 'weight',
      newValue: '20',
      reason: '突出重点',
    });
    expect(breaksSum.status).toBe(422);
    expect(errorOf(breaksSum)).toMatchObject({ code: 'CHANGE_BREAKS_GOAL_SET' });
    expect(errorOf(breaksSum).message).toContain('三级指标分值合计 95.00 分，应为 90.00 分');
    expect(
      (
        await u.head.post('/api/change-requests', {
          indicatorId: negotiated.id,
          field: 'target',
          newValue: '320',
          reason: '市追加任务',
        })
      ).status,
    ).toBe(403);

    const req = await u.clerk.post(`/api/goals/${dept.goals[0]!.id}/change-requests`, {
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
    const again = await u.clerk.post('/api/change-requests', {
      indicatorId: negotiated.id,
      field: 'target',
      newValue: '330',
      reason: '再改',
    });
    expect(again.status).toBe(409);

    expect((await u.reviewer.post(`/api/change-requests/${batch[0]!.id}/approve`, {})).status).toBe(
      403,
    ); // head first
    const deptStep = await u.head.post(`/api/change-requests/${batch[1]!.id}/approve`, {
      comment: '同意',
    });
    expect((deptStep.body as { status: string }[]).map((r) => r.status)).toEqual([
      'deptApproved',
      'deptApproved',
      'deptApproved',
    ]);
    expect((await u.clerk.get(`/api/indicators/${negotiated.id}`)).body).toMatchObject({
      target: '300',
      weight: '15.00',
    });
    await u.at('2023-07-10T02:00:00Z');
    const final = await u.reviewer.post(`/api/change-requests/${batch[0]!.id}/approve`, {
      comment: '同意调整',
    });
    expect(final.status).toBe(200);
    expect((final.body as { status: string }[]).map((r) => r.status)).toEqual([
      'approved',
      'approved',
      'approved',
    ]);
    const after = (await u.clerk.get(`/api/indicators/${negotiated.id}`)).body as Ind;
    expect([after.target, after.weight]).toEqual(['320', '17.00']);
    expect(after.changes.map((c) => [c.field, c.originalValue, c.newValue, c.status])).toEqual([
      ['target', '300', '320', 'approved'],
      ['weight', '15.00', '17.00', 'approved'],
    ]);
    expect((await u.reviewer.post(`/api/change-requests/${batch[0]!.id}/approve`, {})).status).toBe(
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
      (await u.reviewer.get('/api/departments/440105-TZCJ/target-changes?year=2023')).body,
    ).toEqual(expected);

    const rej = await u.clerk.post('/api/change-requests', {
      indicatorId: registered.id,
      field: 'target',
      newValue: '140',
      reason: '项目落地放缓',
    });
    const rid = (rej.body as { id: string }[])[0]!.id;
    expect((await u.head.post(`/api/change-requests/${rid}/reject`, { comment: '' })).status).toBe(
      400,
    );
    const rejected = await u.head.post(`/api/change-requests/${rid}/reject`, {
      comment: '不得因完成困难下调目标',
    });
    expect((rejected.body as { status: string }[])[0]!.status).toBe('rejected');
    expect(((await u.clerk.get(`/api/indicators/${registered.id}`)).body as Ind).target).toBe(
      '150',
    );
    const list = (
      await u.head.get('/api/departments/440105-TZCJ/change-requests?year=2023&status=rejected')
    ).body as { indicatorName: string; decisionComment: string }[];
    expect(list.map((r) => [r.indicatorName, r.decisionComment])).toEqual([
      ['推动注册落地项目数', '不得因完成困难下调目标'],
    ]);
  });

  it('every applied change is in the audit log, in one intact chain', async () => {
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

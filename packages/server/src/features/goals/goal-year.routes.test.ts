// The rules of the year for goal sets over HTTP: without finance approval configured the department head's
// approval locks; after the fiscal year ends, no goal set can be created for it.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDb, fixtureWrite } from '../../db/test-db.ts';
import { errorOf, fastDemoPasswords } from '../../http/test-client.ts';
import { GoalTestUsers, indicator, type Goal } from './goal-test-users.ts';

process.env['JIXIAO_TEST_SCRYPT_LOG_N'] = '8';

describeEachDb('goal sets and the fiscal year', (use) => {
  const u = new GoalTestUsers(use);

  beforeAll(async () => {
    await fastDemoPasswords(use().db);
    await u.at('2023-02-15T02:00:00Z');
  });

  it('without finance approval configured, the head’s approval locks', async () => {
    await fixtureWrite(use().db, 'fiscal year 2025 without finance approval', async (tx) => {
      await tx.execute(
        sql`update fiscal_years set finance_approval_required = false where region_code = '440105' and year = 2025`,
      );
      await tx.execute(
        sql`insert into fiscal_years (region_code, year, scoring_preset, finance_approval_required) values ('440105', 2025, 'mof-2020', false) on conflict do nothing`,
      );
    });
    const g = await u.clerk.post('/api/goals', {
      departmentCode: '440105-TZCJ',
      year: 2025,
      targetText: '2025年度部门整体目标：新洽谈重点招商项目不少于320个。',
    });
    const id = (g.body as Goal).id;
    const add = (p: Record<string, unknown>) =>
      u.clerk.post(`/api/goals/${id}/indicators`, indicator(p));
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
    expect((await u.clerk.post(`/api/goals/${id}/submit`, {})).status).toBe(200);
    const res = await u.head.post(`/api/goals/${id}/approve`, {});
    expect((res.body as Goal).status).toBe('locked');
  });

  it('after the fiscal year ends, no goal set can be created, submitted or approved for it', async () => {
    await u.at('2023-12-31T16:00:00Z'); // 2024-01-01 00:00 in Beijing
    const late = await u.clerk.post('/api/goals', {
      departmentCode: '440105-TZCJ',
      year: 2023,
      projectId: null,
      targetText: '事后补设的目标',
    });
    expect(late.status).toBe(409);
    expect(errorOf(late).message).toContain('2023 年度已结束，不能再设定该年度的绩效目标');
  });
});

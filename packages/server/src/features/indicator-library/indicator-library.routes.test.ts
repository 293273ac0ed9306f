// The indicator library over HTTP on both databases: the shipped investment-promotion and common templates are
// present, searchable, and an indicator of a draft goal set is created from one (target and weight filled in).
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { BUILTIN_TEMPLATE_COUNT } from './indicator-library.service.ts';
import { TestClient, errorOf, fastDemoPasswords } from '../../http/test-client.ts';

process.env['JIXIAO_TEST_SCRYPT_LOG_N'] = '8';

interface Template {
  id: string;
  field: string;
  level1: string;
  level2: string;
  name: string;
  unit: string;
  operator: string;
  operatorSymbol: string;
  dataSource: string | null;
  builtin: boolean;
}

describeEachDb('indicator library', (use) => {
  const clock = new Date('2023-02-01T02:00:00Z');
  let clerk: TestClient;
  let reviewer: TestClient;
  beforeAll(async () => {
    await fastDemoPasswords(use().db);
    const app = createApp({ database: use(), config: loadConfig({}), now: () => clock });
    clerk = new TestClient(app);
    reviewer = new TestClient(app);
    await clerk.login('tzcj_clerk', 'Demo#Clerk2023');
    await reviewer.login('czj_reviewer', 'Demo#Review2023');
  });

  it('ships the investment-promotion library and the common 产出/效益/满意度 set', async () => {
    const all = (await clerk.get('/api/indicator-library')).body as Template[];
    expect(all).toHaveLength(BUILTIN_TEMPLATE_COUNT);
    const names = all.map((t) => t.name);
    for (const n of [
      '新洽谈重点招商项目数',
      '注册落地项目数',
      '新增商事主体数',
      '企业诉求办结率',
      '企业满意度',
      '单个项目平均招商成本',
      '招商推介活动场次',
      '签约项目投资额',
      '质量达标率',
      '完成及时率',
      '成本节约率',
      '服务对象满意度',
    ]) {
      expect(names).toContain(n);
    }
    expect(all.find((t) => t.name === '单个项目平均招商成本')).toMatchObject({
      field: '投资促进',
      level1: 'OUTPUT',
      level2: 'COST',
      unit: '万元/个',
      operator: 'LE',
      operatorSymbol: '≤',
    });
    const sat = (await clerk.get('/api/indicator-library?q=满意度&level1=SATISFACTION'))
      .body as Template[];
    expect(sat.map((t) => t.name).sort()).toEqual([
      '企业满意度',
      '参会企业满意度',
      '服务对象满意度',
      '社会公众满意度',
    ]);
    const common = (
      await clerk.get(
        `/api/indicator-library?field=${encodeURIComponent('通用')}&level2=TIMELINESS`,
      )
    ).body as Template[];
    expect(common.map((t) => t.name)).toEqual(['完成及时率', '重点工作办结率']);
  });

  it('creates an indicator from a template; the bureau adds its own template', async () => {
    const goal = await clerk.post('/api/goals', {
      departmentCode: '440105-TZCJ',
      year: 2025,
      targetText: '2025年度部门整体绩效目标',
    });
    const goalId = (goal.body as { id: string }).id;
    const [tpl] = (
      await clerk.get(`/api/indicator-library?q=${encodeURIComponent('注册落地项目数')}`)
    ).body as Template[];
    const made = await clerk.post(`/api/goals/${goalId}/indicators/from-template`, {
      templateId: tpl!.id,
      target: '160',
      weight: '15',
      targetBasis: 'PLAN',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      name: '注册落地项目数',
      level1: 'OUTPUT',
      level2: 'QUANTITY',
      operator: 'GE',
      target: '160',
      unit: '个',
      weight: '15.00',
      dataSource: '招商项目库（注册落地阶段）',
      targetBasis: 'PLAN',
    });
    const notNumber = await clerk.post(`/api/goals/${goalId}/indicators/from-template`, {
      templateId: tpl!.id,
      name: '注册落地项目数（二）',
      target: '约160个',
      weight: '15',
    });
    expect(notNumber.status).toBe(400);
    const own = await reviewer.post('/api/indicator-library', {
      field: '投资促进',
      level1: 'BENEFIT',
      level2: 'ECONOMIC',
      name: '总部企业新增数',
      unit: '家',
      operator: 'GE',
      dataSource: '区商务局认定名单',
    });
    expect(own.status).toBe(201);
    expect((own.body as Template).builtin).toBe(false);
    expect(
      (
        (await clerk.get(`/api/indicator-library?q=${encodeURIComponent('总部企业')}`))
          .body as Template[]
      ).map((t) => t.name),
    ).toEqual(['总部企业新增数']);
    const forbidden = await clerk.post('/api/indicator-library', {
      field: '投资促进',
      level1: 'BENEFIT',
      level2: 'ECONOMIC',
      name: '自造模板',
      unit: '家',
      operator: 'GE',
    });
    expect(forbidden.status).toBe(403);
    expect(errorOf(forbidden).message).toBe('当前角色无权执行该操作');
  });
});

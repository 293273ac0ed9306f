// The worked example over HTTP on both databases: the bureau picks a self-evaluated 2024 project of 440105-TZCJ,
// scores it in-house with one input per rule type (hand-checked in core: 80.90 良 by 实际到位资金, 80.63 by
// 调整后预算数), concludes it and its two findings become 整改 items; a department's whole expenditure goes to a
// 第三方机构 whose account sees only that evaluation; the template's checks; the 绩效评价报告.
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb, fixtureWrite } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { FINDINGS, WORKED, type Detail, type ErrorBody } from './external-evaluations.fixture.ts';

const base: Actor = {
  userId: '',
  username: 'czj_reviewer',
  displayName: '区财政局 绩效审核员',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};
const reviewer: Actor = { ...base };
const other: Actor = { ...base, userId: 'u-rev2', username: 'czj_two', displayName: '另一审核员' };
const clerk: Actor = {
  ...base,
  userId: 'u-clerk',
  username: 'tzcj_clerk',
  role: 'clerk',
  departmentCode: '440105-TZCJ',
};
const thirdParty: Actor = { ...base, userId: 'u-tp', username: 'kunshen_eval', role: 'thirdParty' };
const admin: Actor = { ...base, userId: 'u-adm', username: 'sysadmin', role: 'systemAdmin' };

describeEachDb('external evaluation (财政重点评价)', (use) => {
  const app = (actor: Actor) =>
    createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2025-06-10T02:00:00Z') },
      { testActor: actor },
    );
  const call = async (actor: Actor, method: string, path: string, body?: unknown) => {
    const res = await app(actor).request(path, {
      method,
      ...(body !== undefined
        ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
        : {}),
    });
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      body: (type.includes('json') ? await res.json() : await res.arrayBuffer()) as unknown,
    };
  };
  const ids: Record<string, string> = {};

  it('lists what the bureau may pick: self-evaluated projects and each department', async () => {
    const [user] = await queryRows<{ id: string }>(
      use().db,
      sql`select id from users where username = 'czj_reviewer'`,
    );
    reviewer.userId = user!.id;
    const candidates = (
      await call(reviewer, 'GET', '/api/external-evaluations/candidates?year=2024')
    ).body as {
      kind: string;
      departmentCode: string;
      projectId: string | null;
      projectCode: string | null;
      selfEvaluation: { status: string } | null;
    }[];
    const project = candidates.find((c) => c.kind === 'project' && c.projectCode === 'TZCJ-XM-001');
    expect(project?.selfEvaluation?.status).toBe('accepted');
    ids['project'] = project!.projectId!;
    expect(
      candidates.some((c) => c.kind === 'department' && c.departmentCode === '440105-TZCJ'),
    ).toBe(true);
    expect(
      (await call(clerk, 'GET', '/api/external-evaluations/candidates?year=2024')).status,
    ).toBe(403);
  });

  it('refuses a project without a submitted self-evaluation (§B.1) and an evaluator outside the bureau', async () => {
    const [p] = await fixtureWrite(use().db, 'unevaluated project', (tx) =>
      queryRows<{ id: string }>(
        tx,
        sql`insert into projects (id, region_code, fiscal_year, department_code, code, name)
            values ('11111111-1111-4111-8111-111111111111', '440105', 2024, '440105-TZCJ', 'TZCJ-XM-NONE', '未自评项目') returning id`,
      ),
    );
    const none = await call(reviewer, 'POST', '/api/external-evaluations', {
      year: 2024,
      departmentCode: '440105-TZCJ',
      projectId: p!.id,
      evaluatorKind: 'inhouse',
    });
    expect((none.body as ErrorBody).error.code).toBe('EXTEVAL_NOT_SELF_EVALUATED');
    const bad = await call(reviewer, 'POST', '/api/external-evaluations', {
      year: 2024,
      departmentCode: '440105-TZCJ',
      projectId: ids['project'],
      evaluatorKind: 'inhouse',
      evaluatorUsername: 'tzcj_clerk',
    });
    expect((bad.body as ErrorBody).error.code).toBe('EXTEVAL_EVALUATOR_INVALID');
  });

  it('scores the worked example in-house: 80.90 良 by 实际到位资金, 80.63 by 调整后预算数', async () => {
    const created = await call(reviewer, 'POST', '/api/external-evaluations', {
      year: 2024,
      departmentCode: '440105-TZCJ',
      projectId: ids['project'],
      evaluatorKind: 'inhouse',
    });
    expect(created.status).toBe(201);
    const ev = created.body as Detail;
    ids['inhouse'] = ev.id;
    expect(ev.status).toBe('draft');
    expect(ev.indicators).toHaveLength(17);
    const again = await call(reviewer, 'POST', '/api/external-evaluations', {
      year: 2024,
      departmentCode: '440105-TZCJ',
      projectId: ids['project'],
      evaluatorKind: 'inhouse',
    });
    expect((again.body as ErrorBody).error.code).toBe('EXTEVAL_EXISTS');
    const early = await call(reviewer, 'PUT', `/api/external-evaluations/${ev.id}/sheet`, {
      rows: [],
    });
    expect((early.body as ErrorBody).error.code).toBe('EXTEVAL_WRONG_STATE');
    expect((await call(reviewer, 'POST', `/api/external-evaluations/${ev.id}/start`)).status).toBe(
      200,
    );
    const rows = WORKED.map((input, i) => ({
      position: i + 1,
      input,
      deductionReason: '见佐证材料',
      evidence: ['评价底稿'],
    }));
    const saved = (
      await call(reviewer, 'PUT', `/api/external-evaluations/${ev.id}/sheet`, {
        rows,
        findings: FINDINGS,
      })
    ).body as Detail;
    expect(saved.runningTotal).toBe('80.90');
    expect(saved.provisionalGrade).toBe('良');
    expect(saved.dimensions['output']).toEqual({ max: '35.00', score: '25.81' });
    expect(saved.indicators[7]).toMatchObject({
      score: '5.40',
      detail: { rateByAvailable: '90.00', rateByAdjustedBudget: '85.50', formula: 'byAvailable' },
    });
    const adjusted = (
      await call(reviewer, 'PUT', `/api/external-evaluations/${ev.id}/sheet`, {
        executionFormula: 'byAdjustedBudget',
      })
    ).body as Detail;
    expect(adjusted.runningTotal).toBe('80.63');
    expect(adjusted.executionFormula).toBe('byAdjustedBudget');
    await call(reviewer, 'PUT', `/api/external-evaluations/${ev.id}/sheet`, {
      executionFormula: 'byAvailable',
    });
    const notMine = await call(other, 'PUT', `/api/external-evaluations/${ev.id}/sheet`, {
      rows: [],
    });
    expect((notMine.body as ErrorBody).error.code).toBe('EXTEVAL_NOT_ASSIGNED');
  });

  it('refuses an incomplete sheet, then submits, concludes, and raises each finding as a 整改 item', async () => {
    const id = ids['inhouse']!;
    await call(reviewer, 'PUT', `/api/external-evaluations/${id}/sheet`, {
      rows: [{ position: 2, input: WORKED[1], deductionReason: '' }],
    });
    const refused = await call(reviewer, 'POST', `/api/external-evaluations/${id}/submit`);
    expect(refused.status).toBe(422);
    expect((refused.body as ErrorBody).error.code).toBe('EXTEVAL_SHEET_INCOMPLETE');
    expect((refused.body as ErrorBody).error.message).toContain('立项程序规范性');
    await call(reviewer, 'PUT', `/api/external-evaluations/${id}/sheet`, {
      rows: [{ position: 2, input: WORKED[1], deductionReason: '部分审批材料缺失' }],
    });
    const submitted = (await call(reviewer, 'POST', `/api/external-evaluations/${id}/submit`))
      .body as Detail;
    expect([submitted.status, submitted.total, submitted.grade]).toEqual([
      'submitted',
      '80.90',
      '良',
    ]);
    expect((await call(clerk, 'GET', `/api/external-evaluations/${id}`)).status).toBe(404);
    const concluded = (
      await call(reviewer, 'POST', `/api/external-evaluations/${id}/conclude`, {
        opinion: '同意评价结论',
      })
    ).body as Detail;
    expect(concluded.status).toBe('concluded');
    const items = await queryRows<{ problem: string; source: string; category: string }>(
      use().db,
      sql`select problem, source, category from rectification_items where evaluation_id = ${id} order by category`,
    );
    expect(items.map((i) => [i.source, i.category])).toEqual([
      ['externalEvaluation', 'output'],
      ['externalEvaluation', 'process'],
    ]);
    const seen = (await call(clerk, 'GET', '/api/external-evaluations?year=2024')).body as Detail[];
    expect(seen.map((e) => e.id)).toEqual([id]);
    const audit = await queryRows<{ action: string }>(
      use().db,
      sql`select action from audit_log where entity_id = ${id} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'externalEvaluation.create',
      'externalEvaluation.start',
      'externalEvaluation.save', // the worked example
      'externalEvaluation.save', // 调整后预算数
      'externalEvaluation.save', // back to 实际到位资金
      'externalEvaluation.save', // a deduction without its reason
      'externalEvaluation.save', // the reason given
      'externalEvaluation.submit',
      'externalEvaluation.conclude',
    ]);
  });

  it('writes the 绩效评价报告 (.docx) in the §B.6 outline with the score sheet annexed', async () => {
    const res = await call(
      reviewer,
      'GET',
      `/api/external-evaluations/${ids['inhouse']}/report?format=docx`,
    );
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(res.body as ArrayBuffer);
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const heading of [
      '一、基本情况',
      '二、绩效评价工作开展情况',
      '三、综合评价情况及评价结论',
      '四、绩效评价指标分析',
      '五、主要经验及做法、存在的问题及原因分析',
      '六、有关建议',
      '七、其他需要说明的问题',
    ]) {
      expect(xml).toContain(heading);
    }
    expect(xml).toContain('80.90 分');
    expect(xml).toContain('项目延期完成');
    expect(xml).toContain('评分依据：带动就业效果明显');
    expect(xml).toContain('绩效评价评分表');
    expect(xml).toContain('90.00%');
    expect(xml).toContain('85.50%');
  });

  it('a 第三方机构 sees and scores only its assignment; the bureau returns and concludes it', async () => {
    const agency = (
      await call(reviewer, 'POST', '/api/exante/agencies', {
        code: 'KSKJ2',
        name: '昆审会计师事务所',
        year: 2024,
      })
    ).body as { id: string };
    await fixtureWrite(use().db, 'third-party account', (tx) =>
      tx.execute(
        sql`insert into users (id, region_code, username, display_name, role, password_hash) values ('u-tp', '440105', 'kunshen_eval', '昆审评估员', 'thirdParty', 'x')`,
      ),
    );
    await call(reviewer, 'POST', `/api/exante/agencies/${agency.id}/members`, {
      username: 'kunshen_eval',
    });
    const created = (
      await call(reviewer, 'POST', '/api/external-evaluations', {
        year: 2024,
        departmentCode: '440105-TZCJ',
        projectId: null,
        evaluatorKind: 'thirdParty',
        agencyId: agency.id,
      })
    ).body as Detail;
    ids['tp'] = created.id;
    await call(reviewer, 'POST', `/api/external-evaluations/${created.id}/start`);
    const list = (await call(thirdParty, 'GET', '/api/external-evaluations')).body as Detail[];
    expect(list.map((e) => e.id)).toEqual([created.id]);
    expect(
      (await call(thirdParty, 'GET', `/api/external-evaluations/${ids['inhouse']}`)).status,
    ).toBe(403);
    expect(
      (await call(reviewer, 'PUT', `/api/external-evaluations/${created.id}/sheet`, { rows: [] }))
        .status,
    ).toBe(403);
    const full = WORKED.map((input, i) => ({
      position: i + 1,
      input,
      deductionReason: '依据访谈及抽查',
    }));
    full[15] = {
      position: 16,
      input: { kind: 'manual', score: '20', note: '' },
      deductionReason: '',
    };
    const noNote = (
      await call(thirdParty, 'PUT', `/api/external-evaluations/${created.id}/sheet`, { rows: full })
    ).body as Detail;
    expect(noNote.indicators[15]?.issue).toBe('NOTE_REQUIRED');
    full[15] = {
      position: 16,
      input: { kind: 'manual', score: '20', note: '效益显著' },
      deductionReason: '',
    };
    await call(thirdParty, 'PUT', `/api/external-evaluations/${created.id}/sheet`, { rows: full });
    const submitted = (
      await call(thirdParty, 'POST', `/api/external-evaluations/${created.id}/submit`)
    ).body as Detail;
    expect([submitted.total, submitted.grade]).toEqual(['84.40', '良']); // 80.90 − 16.50 + 20
    const returned = (
      await call(reviewer, 'POST', `/api/external-evaluations/${created.id}/return`, {
        opinion: '请补充满意度调查样本',
      })
    ).body as Detail;
    expect([returned.status, returned.total]).toEqual(['scoring', null]);
    await call(thirdParty, 'POST', `/api/external-evaluations/${created.id}/submit`);
    expect(
      (await call(thirdParty, 'POST', `/api/external-evaluations/${created.id}/conclude`, {}))
        .status,
    ).toBe(403);
    const done = (
      await call(reviewer, 'POST', `/api/external-evaluations/${created.id}/conclude`, {})
    ).body as Detail;
    expect(done.status).toBe('concluded');
    expect((await call(admin, 'GET', '/api/external-evaluations?year=2024')).status).toBe(403);
  });

  it('keeps the region’s template: 10号 by default, checked when edited, warning when 产出 + 效益 < 60', async () => {
    const t = (await call(reviewer, 'GET', '/api/external-evaluations/template?year=2025'))
      .body as {
      isDefault: boolean;
      template: {
        weights: Record<string, string>;
        indicators: { name: string; maxScore: string }[];
        resultWeightWarnBelow: string;
      };
    };
    expect(t.isDefault).toBe(true);
    expect(t.template.weights).toEqual({
      decision: '15',
      process: '20',
      output: '35',
      benefit: '30',
    });
    const bad = await call(reviewer, 'PUT', '/api/external-evaluations/template?year=2025', {
      ...t.template,
      weights: { ...t.template.weights, decision: '14' },
    });
    expect(bad.status).toBe(422);
    expect((bad.body as ErrorBody).error.code).toBe('EXTEVAL_TEMPLATE_INVALID');
    const shifted = {
      ...t.template,
      weights: { decision: '15', process: '30', output: '35', benefit: '20' },
      indicators: t.template.indicators.map((i) =>
        i.name === '实施效益'
          ? { ...i, maxScore: '10' }
          : i.name === '预算执行率'
            ? { ...i, maxScore: '16' }
            : i,
      ),
    };
    const saved = (
      await call(reviewer, 'PUT', '/api/external-evaluations/template?year=2025', shifted)
    ).body as {
      isDefault: boolean;
      warnings: string[];
    };
    expect(saved.isDefault).toBe(false);
    expect(saved.warnings[0]).toContain('产出与效益的权重合计低于 60 分');
  });
});

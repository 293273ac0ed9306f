// With 15a and 15b landed, on both databases: an external evaluation of TZCJ-XM-001 (2024) concluded by the
// bureau puts its 绩效评价报告 into the department's publication package, shows in the 拟报人大 list (flaggable) and
// in the yearly summary, whose 整改 closure rate counts the items its findings raised.
import { sql } from 'drizzle-orm';
import mammoth from 'mammoth';
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { FINDINGS, WORKED } from '../external-evaluations/external-evaluations.fixture.ts';
import { preparePublication } from './publication.service.ts';
import { keepDocx } from './publication-package.ts';

const DEPT = '440105-TZCJ';
const NOW = new Date('2025-06-20T02:00:00Z');
const reviewer: Actor = {
  userId: 'u-rev',
  username: 'czj_reviewer',
  displayName: '财政审核',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};
const clerk: Actor = { ...reviewer, userId: 'u-c', role: 'clerk', departmentCode: DEPT };

describeEachDb('publication with an external evaluation (15a) and 整改 items (15b)', (use) => {
  const app = () =>
    createApp({ database: use(), config: loadConfig({}), now: () => NOW }, { testActor: reviewer });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app().request(path, {
      method,
      ...(body !== undefined
        ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
        : {}),
    });
    return (await res.json()) as Record<string, unknown>;
  };
  let evaluationId = '';

  it('concludes an in-house external evaluation of TZCJ-XM-001', async () => {
    const [user] = await queryRows<{ id: string }>(
      use().db,
      sql`select id from users where username = 'czj_reviewer'`,
    );
    reviewer.userId = user!.id;
    const [project] = await queryRows<{ id: string }>(
      use().db,
      sql`select id from projects where department_code = ${DEPT} and fiscal_year = 2024 and code = 'TZCJ-XM-001'`,
    );
    const created = await call('POST', '/api/external-evaluations', {
      year: 2024,
      departmentCode: DEPT,
      projectId: project!.id,
      evaluatorKind: 'inhouse',
    });
    evaluationId = created['id'] as string;
    await call('POST', `/api/external-evaluations/${evaluationId}/start`);
    const rows = WORKED.map((input, i) => ({
      position: i + 1,
      input,
      deductionReason: '见佐证材料',
      evidence: ['评价底稿'],
    }));
    await call('PUT', `/api/external-evaluations/${evaluationId}/sheet`, {
      rows,
      findings: FINDINGS,
    });
    await call('POST', `/api/external-evaluations/${evaluationId}/submit`);
    const concluded = await call('POST', `/api/external-evaluations/${evaluationId}/conclude`, {
      opinion: '同意评价结论',
    });
    expect([concluded['status'], concluded['grade']]).toEqual(['concluded', '良']);
  });

  it('puts the 绩效评价报告 into the package', async () => {
    const view = await preparePublication(use().db, clerk, DEPT, 2024, NOW, keepDocx);
    const external = view.files.filter((f) => f.kind === 'externalReport');
    expect(external).toHaveLength(1);
    expect(external[0]!.title).toContain('招商引资业务工作经费');
    expect(view.files.at(-1)!.kind).toBe('manifest');
  });

  it('lists it for 拟报人大 and counts it and its 整改 items in the summary', async () => {
    const list = (await call('GET', '/api/npc/evaluations?year=2024')) as unknown as {
      kind: string;
      evaluationId: string;
      grade: string;
    }[];
    const ext = list.find((e) => e.kind === 'external');
    expect(ext).toMatchObject({ evaluationId, grade: '良' });
    await call('PUT', '/api/npc/flags', { kind: 'external', evaluationId, flagged: true });
    const [counts] = await queryRows<{ total: number; closed: number }>(
      use().db,
      sql`select count(*)::int as total, (count(*) filter (where status = 'closed'))::int as closed
          from rectification_items where region_code = '440105' and fiscal_year = 2024`,
    );
    expect(Number(counts!.total)).toBeGreaterThanOrEqual(2);
    const res = await app().request('/api/npc/summary?year=2024&format=docx');
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) }))
      .value;
    expect(text).toContain('完成财政重点评价 1 项（优 0 项、良 1 项');
    expect(text).toContain(
      `整改事项 ${Number(counts!.total)} 项，已销号 ${Number(counts!.closed)} 项`,
    );
    expect(text).toContain('拟随同2024年度决算报告人大的评价共 1 项');
  });
});

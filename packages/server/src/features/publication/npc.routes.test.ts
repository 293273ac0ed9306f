// 人大 reporting on both databases: the bureau sees the year's evaluations, flags one 拟报人大 (audited), the
// register shows each department's 公开 state, and the yearly summary comes out as .docx (text checked with
// mammoth) and .xlsx (sheets checked with exceljs) with the flag, the coverage and the grade distribution.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { submitToBureau } from '../evaluations/evaluation-test-signoff.ts';

const DEPT = '440105-TZCJ';
const YEAR = 2023;
const NOW = new Date('2024-08-25T02:00:00Z');
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

interface Evaluation {
  evaluationId: string;
  kind: string;
  departmentCode: string;
  projectCode: string | null;
  grade: string | null;
  flagged: boolean;
  note: string | null;
}

describeEachDb('人大 reporting (拟报人大, yearly summary)', (use) => {
  const as = (actor: Actor) =>
    createApp({ database: use(), config: loadConfig({}), now: () => NOW }, { testActor: actor });
  const get = async (actor: Actor, path: string) => {
    const res = await as(actor).request(path);
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const put = (actor: Actor, body: unknown) =>
    as(actor).request('/api/npc/flags', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  let flaggedId = '';

  it('lists the submitted evaluations of the region; department roles are refused', async () => {
    const submitted = await queryRows<{ n: number }>(
      use().db,
      sql`select count(*)::int as n from self_evaluations where department_code = ${DEPT}
          and fiscal_year = ${YEAR} and status in ('submitted', 'accepted')`,
    );
    if (Number(submitted[0]!.n) === 0) {
      await submitToBureau(use().db, clerk, DEPT, YEAR, NOW);
    }
    const res = await get(reviewer, `/api/npc/evaluations?year=${YEAR}`);
    expect(res.status).toBe(200);
    const list = res.body as Evaluation[];
    const mine = list.filter((e) => e.departmentCode === DEPT);
    expect(mine.length).toBeGreaterThan(1);
    expect(mine[0]!.projectCode).toBeNull();
    expect(mine.every((e) => e.kind === 'self' && !e.flagged)).toBe(true);
    flaggedId = mine.find((e) => e.projectCode !== null)!.evaluationId;
    const refused = (await get(clerk, `/api/npc/evaluations?year=${YEAR}`)).body as {
      error: { code: string };
    };
    expect(refused.error.code).toBe('ROLE_FORBIDDEN');
    const other = (await get(reviewer, `/api/npc/evaluations?year=${YEAR}&region=440106`)).body as {
      error: { code: string };
    };
    expect(other.error.code).toBe('DEPARTMENT_FORBIDDEN');
  });

  it('flags and unflags 拟报人大 (audited); unknown evaluations are refused', async () => {
    const res = await put(reviewer, {
      kind: 'self',
      evaluationId: flaggedId,
      flagged: true,
      note: '资金量大，社会关注度高',
    });
    expect(res.status).toBe(200);
    const list = (await get(reviewer, `/api/npc/evaluations?year=${YEAR}`)).body as Evaluation[];
    const f = list.find((e) => e.evaluationId === flaggedId)!;
    expect(f.flagged).toBe(true);
    expect(f.note).toBe('资金量大，社会关注度高');
    const unknown = await put(reviewer, { kind: 'self', evaluationId: 'nope', flagged: true });
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe(
      'NPC_EVALUATION_UNKNOWN',
    );
    const external = await put(reviewer, { kind: 'external', evaluationId: 'x', flagged: true });
    expect(external.status).toBe(404);
    const audit = await queryRows<{ action: string }>(
      use().db,
      sql`select action from audit_log where entity = 'npc_report_flags' order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['npc.flag']);
  });

  it('shows the 公开 register of the region', async () => {
    const res = await get(reviewer, `/api/publication/register?year=${YEAR}`);
    expect(res.status).toBe(200);
    const rows = res.body as { departmentCode: string; status: string }[];
    expect(rows.find((r) => r.departmentCode === DEPT)?.status).toBe('none');
  });

  it('renders the yearly summary as .docx and .xlsx', async () => {
    const docx = await as(reviewer).request(`/api/npc/summary?year=${YEAR}&format=docx`);
    expect(docx.status).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) }))
      .value;
    expect(text).toContain('广州市海珠区2023年度');
    expect(text).toContain('预算绩效评价情况报告');
    expect(text).toContain('拟随同2023年度决算报告人大的评价共 1 项');
    expect(text).toContain('评价等级分布');
    const xlsx = await as(reviewer).request(`/api/npc/summary?year=${YEAR}&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '等级分布', '评价明细']);
    const details = wb.getWorksheet('评价明细')!;
    const flaggedRows = details
      .getSheetValues()
      .filter((r) => Array.isArray(r) && r.includes('是'));
    expect(flaggedRows).toHaveLength(1);
  });

  it('unflags', async () => {
    const res = await put(reviewer, { kind: 'self', evaluationId: flaggedId, flagged: false });
    expect(res.status).toBe(200);
    const again = await put(reviewer, { kind: 'self', evaluationId: flaggedId, flagged: false });
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe(
      'NPC_FLAG_NOT_SET',
    );
  });
});

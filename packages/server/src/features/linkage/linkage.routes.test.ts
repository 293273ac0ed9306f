// 结果应用 on both databases: the demo's 2024 预算安排建议 (2023 grades: 投资促进局 优, 科工商信局 良, 文广旅体局 中)
// with each grade's action and exact amounts; the bureau confirms and overrides (a reason required, every decision
// kept and audited), a department sees only its own lines and may not decide; an external grade takes precedence
// over the self-evaluation; open 整改 items are counted; the region's rules change the proposal; the .xlsx export.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { DEFAULT_LINKAGE_RULES } from '@jixiao/core';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb, fixtureWrite } from '../../db/test-db.ts';
import { CLI_ACTOR, type Actor } from '../../auth/actor.ts';
import { getLinkageTable } from './linkage.service.ts';
import type { LinkageRow } from './linkage-table.ts';

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

interface Table {
  year: number;
  gradesYear: number;
  rows: LinkageRow[];
}
interface ErrorBody {
  error: { code: string };
}

describeEachDb('结果应用: 预算安排建议', (use) => {
  const app = (actor: Actor) =>
    createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2024-11-20T02:00:00Z') },
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
  const table = async (actor: Actor = reviewer) =>
    (await call(actor, 'GET', '/api/linkage?year=2024')).body as Table;
  const line = (t: Table, code: string | null, dept?: string) =>
    t.rows.find((r) => r.projectCode === code && (!dept || r.departmentCode === dept))!;
  const brief = (r: LinkageRow) => [
    r.projectCode ?? r.departmentCode,
    r.objectType,
    r.grade,
    r.gradeSource,
    r.proposedAction,
    r.baseYuan,
    r.proposedAmountYuan,
  ];

  it('links each 2023 grade to the 2024 budget: 优 priority, 良 maintain, 中 cut 10%', async () => {
    const t = await table();
    expect(t.gradesYear).toBe(2023);
    expect(t.rows.map(brief)).toEqual([
      ['440105-KGXJ', 'department', '良', 'self', 'MAINTAIN', '0.00', '0.00'],
      ['KGXJ-XM-001', 'continuing', '良', 'self', 'MAINTAIN', '80000000.00', '80000000.00'],
      // 2024's new project (TZCJ-XM-2024-01, 180 万元) is the department's envelope for 新增项目.
      ['440105-TZCJ', 'department', '优', 'self', 'PRIORITY', '1800000.00', '1800000.00'],
      ['TZCJ-XM-001', 'continuing', '优', 'self', 'PRIORITY', '850000.00', '850000.00'],
      ['TZCJ-XM-002', 'continuing', '优', 'self', 'PRIORITY', '310000000.00', '310000000.00'],
      ['440105-WGLT', 'department', '中', 'self', 'CUT', '0.00', '0.00'],
      // no 2024 budget yet: last year's 全年预算数 2,600 万元 less 10% = 2,340 万元.
      ['WGLT-XM-001', 'continuing', '中', 'self', 'CUT', '26000000.00', '23400000.00'],
    ]);
    const w = line(t, 'WGLT-XM-001');
    expect([w.proposedActionText, w.executionRate, w.lastYearBudgetYuan, w.selfScore]).toEqual([
      '压减10%',
      '65.00',
      '26000000.00',
      '67.54',
    ]);
    expect(line(t, 'TZCJ-XM-002').nextYearBudgetYuan).toBe('310000000.00');
  });

  it('a department sees only its own lines and may not decide', async () => {
    const t = await table(clerk);
    expect(new Set(t.rows.map((r) => r.departmentCode))).toEqual(new Set(['440105-TZCJ']));
    const other = (await call(clerk, 'GET', '/api/linkage?year=2024&department=440105-WGLT'))
      .body as Table;
    expect(other.rows.every((r) => r.departmentCode === '440105-TZCJ')).toBe(true);
    const refused = await call(clerk, 'POST', '/api/linkage/decisions?year=2024', {
      departmentCode: '440105-TZCJ',
      projectCode: 'TZCJ-XM-001',
      decision: 'confirm',
    });
    expect(refused.status).toBe(403);
    expect((refused.body as ErrorBody).error.code).toBe('ROLE_FORBIDDEN');
  });

  it('the bureau confirms, or overrides with a reason; every decision is kept and audited', async () => {
    const decide = (body: Record<string, unknown>) =>
      call(reviewer, 'POST', '/api/linkage/decisions?year=2024', {
        departmentCode: '440105-KGXJ',
        projectCode: 'KGXJ-XM-001',
        ...body,
      });
    const confirmed = await decide({ decision: 'confirm' });
    expect(confirmed.status).toBe(200);
    expect((confirmed.body as LinkageRow).decision).toMatchObject({
      decision: 'confirmed',
      action: 'MAINTAIN',
      amountYuan: '80000000.00',
      decidedByName: '财政审核',
      stale: false,
    });
    const noReason = await decide({ decision: 'override', action: 'CUT', amountYuan: '76000000' });
    expect((noReason.body as ErrorBody).error.code).toBe('LINKAGE_REASON_REQUIRED');
    const badAmount = await decide({ decision: 'override', action: 'CUT', amountYuan: '-1' });
    expect(badAmount.status).toBe(400);
    const overridden = await decide({
      decision: 'override',
      action: 'CUT',
      amountYuan: '76000000.00',
      reason: '项目库储备不足，压减5%',
    });
    expect((overridden.body as LinkageRow).decision).toMatchObject({
      decision: 'overridden',
      action: 'CUT',
      amountYuan: '76000000.00',
      reason: '项目库储备不足，压减5%',
    });
    const kept = await queryRows<{ decision: string; amount: string }>(
      use().db,
      sql`select decision, amount::text as amount from linkage_decisions
          where project_code = 'KGXJ-XM-001' and fiscal_year = 2024 order by created_at`,
    );
    expect(kept).toEqual([
      { decision: 'confirmed', amount: '80000000.00' },
      { decision: 'overridden', amount: '76000000.00' },
    ]);
    const audit = await queryRows<{ action: string }>(
      use().db,
      sql`select action from audit_log where entity = 'linkage_decisions' order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['linkage.confirm', 'linkage.override']);
    const unknown = await call(reviewer, 'POST', '/api/linkage/decisions?year=2024', {
      departmentCode: '440105-KGXJ',
      projectCode: 'NOPE-1',
      decision: 'confirm',
    });
    expect((unknown.body as ErrorBody).error.code).toBe('LINKAGE_OBJECT_UNKNOWN');
  });

  it('the region’s rules change the proposal; incomplete rules are refused', async () => {
    const bad = await call(reviewer, 'PUT', '/api/linkage/rules?year=2024', {
      rules: { ...DEFAULT_LINKAGE_RULES, continuing: DEFAULT_LINKAGE_RULES.continuing.slice(1) },
    });
    expect((bad.body as ErrorBody).error.code).toBe('LINKAGE_RULES_INVALID');
    const rules = {
      ...DEFAULT_LINKAGE_RULES,
      continuing: DEFAULT_LINKAGE_RULES.continuing.map((r) =>
        r.grade === '中' ? { ...r, cutPct: '12.5' } : r,
      ),
    };
    const saved = await call(reviewer, 'PUT', '/api/linkage/rules?year=2024', { rules });
    expect(saved.body).toMatchObject({ source: 'region', year: 2024 });
    const w = line(await table(), 'WGLT-XM-001');
    expect([w.proposedActionText, w.proposedAmountYuan]).toEqual(['压减12.5%', '22750000.00']);
    expect((await call(reviewer, 'GET', '/api/linkage/rules?year=2025')).body).toMatchObject({
      source: 'default',
    });
  });

  it('an external grade takes precedence; open 整改 items are counted; the old decision goes stale', async () => {
    await fixtureWrite(use().db, 'linkage external + rectification', async (tx) => {
      await tx.execute(sql`insert into external_evaluations
          (id, region_code, fiscal_year, department_code, project_id, object_name, evaluator_kind, status,
           weights, narrative, total, grade, created_by, concluded_at)
        select 'ext-1', '440105', 2023, '440105-KGXJ', p.id, p.name, 'inhouse', 'concluded',
           '{}'::jsonb, '{}'::jsonb, 58.50, '差', 'u-rev', now()
        from projects p where p.code = 'KGXJ-XM-001' and p.fiscal_year = 2023`);
      await tx.execute(sql`insert into rectification_items
          (id, region_code, fiscal_year, department_code, project_id, seq, source, problem, final_on,
           deadline, status, created_by)
        select v.id, '440105', 2023, '440105-KGXJ', p.id, v.seq, 'manual', '资金拨付滞后', '2024-03-01',
           '2024-04-30', v.status, 'u-rev'
        from projects p, (values ('rect-1', 9001, 'inProgress'), ('rect-2', 9002, 'closed')) v(id, seq, status)
        where p.code = 'KGXJ-XM-001' and p.fiscal_year = 2023`);
    });
    const k = line(await table(), 'KGXJ-XM-001');
    expect([k.selfGrade, k.externalGrade, k.externalScore, k.grade, k.gradeSource]).toEqual([
      '良',
      '差',
      '58.50',
      '差',
      'external',
    ]);
    expect([k.proposedAction, k.proposedAmountYuan, k.openRectifications]).toEqual([
      'CANCEL_OR_SUSPEND',
      '0.00',
      1,
    ]);
    expect(k.decision).toMatchObject({ decision: 'overridden', stale: true });
  });

  it('exports the table as .xlsx, and the CLI path names its region', async () => {
    const res = await app(reviewer).request('/api/linkage/export?year=2024');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toContain('2024年度预算安排建议');
    expect(ws.getRow(2).getCell(12).value).toBe('建议处理');
    const wglt = ws.getRow(9);
    expect([wglt.getCell(2).value, wglt.getCell(12).value]).toEqual(['WGLT-XM-001', '压减12.5%']);
    expect(wglt.getCell(13).value).toBe(2275);
    expect(ws.rowCount).toBe(9);
    await expect(getLinkageTable(use().db, CLI_ACTOR, { year: 2024 })).rejects.toMatchObject({
      code: 'LINKAGE_REGION_REQUIRED',
    });
  });
});

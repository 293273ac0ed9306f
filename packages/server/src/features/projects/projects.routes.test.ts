// Projects over HTTP on both databases, with the Haizhu demo: the list gives each project's id (a new project's
// goal set is created with it), create 一级/二级 projects, edit them; a code named by ledger rows cannot change;
// codes are unique per department-year; only the department's clerk and head may write; every change is audited.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';

const clerk: Actor = {
  userId: 'u-clerk',
  username: 'tzcj_clerk',
  displayName: '填报员',
  role: 'clerk',
  departmentCode: '440105-TZCJ',
  regionCode: '440105',
  ip: null,
};
const head: Actor = {
  ...clerk,
  userId: 'u-head',
  username: 'tzcj_head',
  displayName: '负责人',
  role: 'deptHead',
};
const otherClerk: Actor = {
  ...clerk,
  userId: 'u-other',
  username: 'other_clerk',
  departmentCode: '440105-SWJ',
};
const reviewer: Actor = {
  userId: 'u-rev',
  username: 'czj_reviewer',
  displayName: '财政审核',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};
const admin: Actor = {
  userId: 'u-adm',
  username: 'sysadmin',
  displayName: '系统管理员',
  role: 'systemAdmin',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};

interface Listed {
  id: string;
  code: string;
  name: string;
  level: number;
  parentId: string | null;
  fundSource: string;
  expenditureType: string;
  budgetYuan: string;
}
interface Project extends Omit<Listed, 'budgetYuan'> {
  parentCode: string | null;
  fiscalYear: number;
  expenditureTypeName: string;
}
interface ErrorBody {
  error: {
    code: string;
    message: string;
    messageEn: string;
    details?: { fields?: { field: string; message: string }[] };
  };
}

const BASE = '/api/departments/440105-TZCJ/projects';

describeEachDb('project routes', (use) => {
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
  const list = async () => (await call(clerk, 'GET', `${BASE}?year=2023`)).body as Listed[];
  const errorOf = (b: unknown) => (b as ErrorBody).error;

  it('lists the demo projects with their ids and budgets', async () => {
    const rows = await list();
    expect(rows.map((p) => [p.code, p.level, p.parentId, p.expenditureType])).toEqual([
      ['TZCJ-JB-2023', 1, null, 'basic'],
      ['TZCJ-XM-001', 1, null, 'project'],
      ['TZCJ-XM-002', 1, null, 'project'],
    ]);
    const db = await queryRows<{ id: string; code: string }>(
      use().db,
      sql`select id, code from projects where department_code = '440105-TZCJ' and fiscal_year = 2023 order by code`,
    );
    expect(rows.map((p) => p.id)).toEqual(db.map((p) => p.id));
    expect(rows.find((p) => p.code === 'TZCJ-XM-001')?.budgetYuan).toBe('800000.00'); // 80.00 万元
  });

  it('a clerk creates a 一级 project; its id from the list creates its goal set', async () => {
    const res = await call(clerk, 'POST', BASE, {
      year: 2023,
      code: 'TZCJ-XM-003',
      name: '重点产业招商专项经费',
      level: 1,
      fundSource: 'general',
      expenditureType: 'project',
    });
    expect(res.status).toBe(201);
    const p = res.body as Project;
    expect(p).toMatchObject({
      code: 'TZCJ-XM-003',
      name: '重点产业招商专项经费',
      level: 1,
      parentId: null,
      fiscalYear: 2023,
      expenditureTypeName: '项目支出',
    });
    const listed = (await list()).find((x) => x.code === 'TZCJ-XM-003');
    expect(listed).toMatchObject({ id: p.id, budgetYuan: '0.00' });

    const goal = await call(clerk, 'POST', '/api/goals', {
      departmentCode: '440105-TZCJ',
      year: 2023,
      projectId: listed!.id,
      targetText: '引进重点产业项目不少于 5 个。',
    });
    expect(goal.status).toBe(201);
    expect(goal.body).toMatchObject({
      scope: 'project',
      projectId: p.id,
      projectCode: 'TZCJ-XM-003',
      status: 'draft',
    });

    const [audit] = await queryRows<{ actor: string; after: { code: string; fiscalYear: number } }>(
      use().db,
      sql`select actor_username as actor, after from audit_log where action = 'project.create' and entity_id = ${p.id}`,
    );
    expect(audit).toMatchObject({
      actor: 'tzcj_clerk',
      after: { code: 'TZCJ-XM-003', fiscalYear: 2023 },
    });
  });

  it('a 二级 project needs a 一级 parent of the same department-year', async () => {
    const parent = (await list()).find((x) => x.code === 'TZCJ-XM-001')!;
    const noParent = await call(head, 'POST', BASE, {
      year: 2023,
      code: 'TZCJ-XM-001-01',
      name: '招商推介活动',
      level: 2,
    });
    expect(noParent.status).toBe(400);
    expect(errorOf(noParent.body).message).toBe('二级项目须选择所属的一级项目');
    expect(errorOf(noParent.body).details?.fields?.[0]?.field).toBe('parentId');

    const child = await call(head, 'POST', BASE, {
      year: 2023,
      code: 'TZCJ-XM-001-01',
      name: '招商推介活动',
      level: 2,
      parentId: parent.id,
    });
    expect(child.status).toBe(201);
    expect(child.body).toMatchObject({
      level: 2,
      parentId: parent.id,
      parentCode: 'TZCJ-XM-001',
      fundSource: 'general',
      expenditureType: 'project',
    });

    const grandChild = await call(clerk, 'POST', BASE, {
      year: 2023,
      code: 'TZCJ-XM-001-01-A',
      name: '三级',
      level: 2,
      parentId: (child.body as Project).id,
    });
    expect(grandChild.status).toBe(400);
    expect(errorOf(grandChild.body).message).toContain('二级项目只能挂在一级项目下');

    const otherYear = await call(clerk, 'POST', BASE, {
      year: 2024,
      code: 'TZCJ-XM-101',
      name: '跨年度',
      level: 2,
      parentId: parent.id,
    });
    expect(otherYear.status).toBe(400);
    expect(errorOf(otherYear.body).message).toBe(
      `上级项目「${parent.id}」不是本部门 2024 年度的项目`,
    );

    const oneWithParent = await call(clerk, 'POST', BASE, {
      year: 2023,
      code: 'TZCJ-XM-102',
      name: 'x',
      level: 1,
      parentId: parent.id,
    });
    expect(oneWithParent.status).toBe(400);
    expect(errorOf(oneWithParent.body).message).toBe('一级项目不能有上级项目');
  });

  it('codes are unique per department and year (409), but the same code may exist in another year', async () => {
    const dup = await call(clerk, 'POST', BASE, {
      year: 2023,
      code: 'TZCJ-XM-002',
      name: '重复',
      level: 1,
    });
    expect(dup.status).toBe(409);
    expect(errorOf(dup.body).message).toBe(
      '项目编码「TZCJ-XM-002」在 2023 年度已被本部门其他项目使用，请换一个编码',
    );
    // 2023 and 2024 (the demo's two years) hold it already; a year without it takes it
    const nextYear = await call(clerk, 'POST', BASE, {
      year: 2025,
      code: 'TZCJ-XM-002',
      name: '2025年度招商经费',
      level: 1,
    });
    expect(nextYear.status).toBe(201);
    expect((nextYear.body as Project).fiscalYear).toBe(2025);
    const count = await queryRows<{ n: string }>(
      use().db,
      sql`select count(*)::text as n from projects where code = 'TZCJ-XM-002'`,
    );
    expect(count[0]!.n).toBe('3');
  });

  it('bad input is a 400 with Chinese field messages', async () => {
    const cases: [unknown, string, string][] = [
      [{ year: 2023, code: '', name: 'x' }, 'code', '项目编码不能为空'],
      [
        { year: 2023, code: 'XM 01', name: 'x' },
        'code',
        '项目编码只能包含字母、数字、点、下划线和短横线，且以字母或数字开头，如 TZCJ-XM-003',
      ],
      [{ year: 2023, code: 'XM-9', name: '  ' }, 'name', '项目名称不能为空'],
      [
        { year: 2023, code: 'XM-9', name: 'x', level: 3 },
        'level',
        '项目级次应为 1（一级项目）或 2（二级项目）',
      ],
      [
        { year: 2023, code: 'XM-9', name: 'x', expenditureType: 'capital' },
        'expenditureType',
        '支出类型应为 basic（基本支出）或 project（项目支出）',
      ],
      [
        { year: 2023, code: 'XM-9', name: 'x', fundSource: '财政' },
        'fundSource',
        '资金来源应为 general（一般公共预算）/ governmentFund（政府性基金预算）/ stateCapital（国有资本经营预算）/ fiscalSpecial（财政专户管理资金）/ other（其他资金）',
      ],
      [{ code: 'XM-9', name: 'x' }, 'year', '年度必须是数字'],
      [{ year: 2023, code: 'XM-9', name: 'x', budget: '100' }, '', ''],
    ];
    for (const [body, field, message] of cases) {
      const res = await call(clerk, 'POST', BASE, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const e = errorOf(res.body);
      expect(e.code).toBe('REQUEST_INVALID');
      if (field) {
        expect(e.details?.fields?.[0]).toMatchObject({ field, message });
      }
    }
    const n = await queryRows<{ n: string }>(
      use().db,
      sql`select count(*)::text as n from projects where code = 'XM-9'`,
    );
    expect(n[0]!.n).toBe('0');
  });

  it('only the department’s clerk and head may create or edit projects', async () => {
    const body = { year: 2023, code: 'TZCJ-XM-900', name: '无权', level: 1 };
    expect((await call(reviewer, 'POST', BASE, body)).status).toBe(403);
    expect(errorOf((await call(reviewer, 'POST', BASE, body)).body).message).toBe(
      '当前角色无权执行该操作',
    );
    expect((await call(admin, 'POST', BASE, body)).status).toBe(403);
    expect((await call(otherClerk, 'POST', BASE, body)).status).toBe(403);
    const id = (await list()).find((p) => p.code === 'TZCJ-XM-002')!.id;
    expect((await call(reviewer, 'PATCH', `${BASE}/${id}`, { name: '改名' })).status).toBe(403);
    // an unknown department code gets the same answer as another department's (no probing which codes exist)
    expect((await call(clerk, 'POST', '/api/departments/440105-NONE/projects', body)).status).toBe(
      403,
    );
    // the reviewer still reads the list
    expect((await call(reviewer, 'GET', `${BASE}?year=2023`)).status).toBe(200);
    const n = await queryRows<{ n: string }>(
      use().db,
      sql`select count(*)::text as n from projects where code = 'TZCJ-XM-900'`,
    );
    expect(n[0]!.n).toBe('0');
  });

  it('edits name, fund source and type; a code named by ledger rows cannot change', async () => {
    const xm001 = (await list()).find((p) => p.code === 'TZCJ-XM-001')!;
    const renamed = await call(clerk, 'PATCH', `${BASE}/${xm001.id}`, {
      name: '招商引资业务工作经费（调整）',
      fundSource: 'governmentFund',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      code: 'TZCJ-XM-001',
      name: '招商引资业务工作经费（调整）',
      fundSource: 'governmentFund',
    });

    const ledgerRows = await queryRows<{ n: string }>(
      use().db,
      sql`select count(*)::text as n from ledger_entries where project_code = 'TZCJ-XM-001' and fiscal_year = 2023`,
    );
    expect(Number(ledgerRows[0]!.n)).toBeGreaterThan(0);
    const recode = await call(clerk, 'PATCH', `${BASE}/${xm001.id}`, {
      code: 'TZCJ-XM-011',
      name: '不应保存',
    });
    expect(recode.status).toBe(409);
    expect(errorOf(recode.body).message).toBe(
      `项目编码「TZCJ-XM-001」已被 ${ledgerRows[0]!.n} 条支出台账记录引用，不能修改编码（台账按项目编码归集）；如需更正，请先在台账导入中替换相关月份的记录`,
    );
    const after = (await list()).find((p) => p.id === xm001.id)!;
    expect([after.code, after.name]).toEqual(['TZCJ-XM-001', '招商引资业务工作经费（调整）']);

    const audits = await queryRows<{
      before: { name: string };
      after: { name: string; fundSource: string };
    }>(
      use().db,
      sql`select before, after from audit_log where action = 'project.update' and entity_id = ${xm001.id} order by seq`,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      before: { name: '招商引资业务工作经费' },
      after: { name: '招商引资业务工作经费（调整）', fundSource: 'governmentFund' },
    });
  });

  it('a project without ledger rows changes its code; levels keep the hierarchy sound', async () => {
    const projects = await list();
    const xm003 = projects.find((p) => p.code === 'TZCJ-XM-003')!;
    const recode = await call(head, 'PATCH', `${BASE}/${xm003.id}`, { code: 'TZCJ-XM-004' });
    expect(recode.status).toBe(200);
    expect((recode.body as Project).code).toBe('TZCJ-XM-004');
    const taken = await call(head, 'PATCH', `${BASE}/${xm003.id}`, { code: 'TZCJ-XM-002' });
    expect(taken.status).toBe(409);
    expect(errorOf(taken.body).details?.fields?.[0]?.field).toBe('code');

    // TZCJ-XM-001 has a 二级 project under it: it cannot become 二级 itself
    const xm001 = projects.find((p) => p.code === 'TZCJ-XM-001')!;
    const demote = await call(clerk, 'PATCH', `${BASE}/${xm001.id}`, {
      level: 2,
      parentId: xm003.id,
    });
    expect(demote.status).toBe(409);
    expect(errorOf(demote.body).message).toBe(
      '项目「TZCJ-XM-001」下有 1 个二级项目，不能改为二级项目',
    );

    // the 二级 project moves under another 一级 project, then becomes 一级 (its parent is dropped)
    const child = projects.find((p) => p.code === 'TZCJ-XM-001-01')!;
    const moved = await call(clerk, 'PATCH', `${BASE}/${child.id}`, { parentId: xm003.id });
    expect(moved.body).toMatchObject({ level: 2, parentCode: 'TZCJ-XM-004' });
    expect((await call(clerk, 'PATCH', `${BASE}/${child.id}`, { parentId: child.id })).status).toBe(
      400,
    );
    const promoted = await call(clerk, 'PATCH', `${BASE}/${child.id}`, { level: 1 });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ level: 1, parentId: null, parentCode: null });

    expect((await call(clerk, 'PATCH', `${BASE}/${child.id}`, {})).status).toBe(400);
    expect(
      (await call(clerk, 'PATCH', `${BASE}/00000000-0000-4000-8000-000000000000`, { name: 'x' }))
        .status,
    ).toBe(404);
  });
});

// Region-wide budgets and goal declarations: a refused file changes nothing and lists every bad row; a good one
// creates 一级/二级 projects in 万元 exactly, and goal sets as drafts with the checks as warnings.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { bufferSource } from '../../import/import-source.ts';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { ServiceError } from '../../http/service-error.ts';
import { importGoals } from './goal-import.service.ts';
import { importRegionBudgets } from './imports.service.ts';

const DEPT = '440105-TZCJ';
const YEAR = 2025;
const HEAD =
  '单位代码,项目代码,项目名称,一级项目,项目类别,年初批复数（万元）,调整金额（万元）,变动后预算数（万元）';

async function refusal(p: Promise<unknown>): Promise<ServiceError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ServiceError);
  return e as ServiceError;
}

const codes = (e: ServiceError) =>
  (e.details as { errors: { row: number; code: string }[] }).errors.map((x) => [x.row, x.code]);

describeEachDb('region-wide budgets and goal declarations', (use) => {
  const count = async (table: string) =>
    (
      await queryRows<{ n: number }>(use().db, sql.raw(`select count(*)::int as n from ${table}`))
    )[0]!.n;

  it('a refused budget file changes nothing and lists every bad row', async () => {
    const before = [await count('projects'), await count('budget_lines')];
    const csv = [
      '示例：地区项目预算',
      HEAD,
      `${DEPT},RW-1,专项一,,特定目标类项目,100,10,110`,
      `${DEPT},RW-1,专项一,,特定目标类项目,100,0,100`,
      `NOPE-1,RW-2,专项二,,特定目标类项目,1,0,1`,
      `${DEPT},RW-3,二级专项,不存在的一级,特定目标类项目,5,0,5`,
      `${DEPT},RW-4,专项四,,人员类项目,5,1,7`,
    ].join('\n');
    const e = await refusal(
      importRegionBudgets(use(), CLI_ACTOR, {
        regionCode: '440105',
        year: YEAR,
        source: bufferSource('bad.csv', Buffer.from(csv)),
      }),
    );
    expect(e.code).toBe('IMPORT_ROWS_INVALID');
    expect(codes(e).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [4, 'DUPLICATE_CODE'],
      [5, 'UNKNOWN_UNIT'],
      [6, 'UNKNOWN_PARENT'],
      [7, 'SUM_MISMATCH'],
    ]);
    const noUnit = await refusal(
      importRegionBudgets(use(), CLI_ACTOR, {
        regionCode: '440105',
        year: YEAR,
        source: bufferSource(
          'u.csv',
          Buffer.from(`单位代码,项目代码,项目名称,年初批复数\n${DEPT},RW-9,x,1\n`),
        ),
      }),
    );
    expect(codes(noUnit)).toEqual([[1, 'MONEY_UNIT_MISSING']]);
    expect([await count('projects'), await count('budget_lines')]).toEqual(before);
  });

  it('imports 一级/二级 projects in 万元 exactly, 人员类 as 基本支出', async () => {
    const csv = [
      HEAD,
      `${DEPT},RW-10,区域专项,,特定目标类项目,120.5,20,140.5`,
      `${DEPT},RW-11,区域子项目,RW-10,特定目标类项目,0.000001,0,0.000001`,
      `${DEPT},RW-12,人员经费,,人员类项目,450,0,450`,
    ].join('\n');
    const r = await importRegionBudgets(use(), CLI_ACTOR, {
      regionCode: '440105',
      year: YEAR,
      source: bufferSource('ok.csv', Buffer.from(csv)),
    });
    expect(r.totalYuan).toBe('5905000.01');
    expect(r.createdProjects).toEqual(['RW-10', 'RW-12', 'RW-11']);
    const rows = await queryRows<{
      code: string;
      level: number;
      expenditure_type: string;
      parent: string | null;
    }>(
      use().db,
      sql`select p.code, p.level, p.expenditure_type, q.code as parent from projects p left join projects q on q.id = p.parent_id where p.code like 'RW-1%' order by p.code`,
    );
    expect(rows.map((x) => [x.code, x.level, x.expenditure_type, x.parent])).toEqual([
      ['RW-10', 1, 'project', null],
      ['RW-11', 2, 'project', 'RW-10'],
      ['RW-12', 1, 'basic', null],
    ]);
  });

  it('goal declarations: a form without 指标值 is refused; a grid arrives as a draft with weights spread', async () => {
    const noTarget = '一级指标,二级指标,三级指标\n产出指标,数量指标,场次\n';
    const e = await refusal(
      importGoals(use(), CLI_ACTOR, {
        departmentCode: DEPT,
        year: YEAR,
        source: bufferSource('f.csv', Buffer.from(noTarget)),
      }),
    );
    expect(codes(e)).toEqual([[1, 'TARGET_MISSING']]);
    const grid = [
      '项目代码,年度目标,一级指标,二级指标,三级指标,指标值',
      'RW-10,年度目标文字,产出指标,数量指标,活动场次,≥600场',
      'RW-10,,产出指标,质量指标,合格率,100%',
      'RW-10,,效益指标,社会效益指标,消费环境,明显提升',
      'RW-10,,满意度指标,服务对象满意度指标,满意度,≥90%',
    ].join('\n');
    const r = await importGoals(use(), CLI_ACTOR, {
      departmentCode: DEPT,
      year: YEAR,
      source: bufferSource('g.csv', Buffer.from(grid)),
    });
    expect(r.sets).toHaveLength(1);
    expect(r.sets[0]).toMatchObject({ projectCode: 'RW-10', indicators: 4, weightsSpread: true });
    const inds = await queryRows<{
      name: string;
      operator: string;
      target: string;
      unit: string;
      weight: string;
    }>(
      use().db,
      sql`select i.name, i.operator, i.target, i.unit, i.weight::text as weight from indicators i join goals g on g.id = i.goal_id join projects p on p.id = g.project_id where p.code = 'RW-10' and g.status = 'draft' order by i.sort`,
    );
    expect(inds.map((i) => [i.name, i.operator, i.target, i.unit, i.weight])).toEqual([
      ['活动场次', 'GE', '600', '场', '25.00'],
      ['合格率', 'EQ', '100', '%', '25.00'],
      ['消费环境', 'QUAL', '明显提升', '', '30.00'],
      ['满意度', 'GE', '90', '%', '10.00'],
    ]);
    const again = await refusal(
      importGoals(use(), CLI_ACTOR, {
        departmentCode: DEPT,
        year: YEAR,
        source: bufferSource('g.csv', Buffer.from(grid)),
      }),
    );
    expect(codes(again)).toEqual([[2, 'GOAL_SET_LOCKED']]);
  });
});

// The clerk's goal-declaration upload (preview, then confirm) and the bureau's region-wide budget upload over HTTP,
// on both databases: a preview writes nothing; confirming creates the drafts; the same file again is refused while
// the draft exists; the region-wide export goes to each department; a clerk may not import a region's budget.
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
const reviewer: Actor = {
  ...clerk,
  userId: 'u-rev',
  username: 'czj',
  role: 'financeReviewer',
  departmentCode: null,
};

const grid = [
  '项目代码,年度目标,一级指标,二级指标,三级指标,计算符号,指标值,计量单位,权重',
  '部门整体,全年举办招商推介活动不少于12场。,产出指标,数量指标,招商推介活动场次,≥,12,场,50',
  ',,效益指标,经济效益指标,新引进企业数,≥,20,家,30',
  ',,满意度指标,服务对象满意度指标,企业满意度,≥,90,%,10',
].join('\n');

const regionBudget = [
  '单位代码,项目代码,项目名称,项目类别,资金性质,年初批复数（万元）,调整金额（万元）,变动后预算数（万元）',
  '440105-TZCJ,TZCJ-XM-301,招商服务专项,特定目标类项目,一般公共预算,12.5,0,12.5',
].join('\n');

function upload(name: string, text: string): FormData {
  const form = new FormData();
  form.append('file', new File([text], name));
  return form;
}

describeEachDb('goal-declaration and region-wide budget uploads', (use) => {
  const app = (actor: Actor) =>
    createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2025-03-01T00:00:00Z') },
      { testActor: actor },
    );
  const goals2025 = async () =>
    Number(
      (
        await queryRows<{ n: string }>(
          use().db,
          sql`select count(*)::text as n from goals where department_code = '440105-TZCJ' and fiscal_year = 2025`,
        )
      )[0]!.n,
    );
  const sendGoals = (query: string) =>
    app(clerk).request(`/api/departments/440105-TZCJ/goal-imports?year=2025${query}`, {
      method: 'POST',
      body: upload('绩效目标.csv', grid),
    });

  it('preview lists the set to create and writes nothing; confirming creates the draft', async () => {
    const preview = await sendGoals('&preview=true');
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({
      preview: true,
      sets: [{ projectCode: null, indicators: 3, goalId: null, replaced: false }],
    });
    expect(await goals2025()).toBe(0);

    const done = await sendGoals('');
    expect(done.status).toBe(200);
    const body = (await done.json()) as { preview: boolean; sets: { goalId: string | null }[] };
    expect(body.preview).toBe(false);
    expect(body.sets[0]!.goalId).toEqual(expect.any(String));
    expect(await goals2025()).toBe(1);

    const again = await sendGoals('&preview=true');
    expect(again.status).toBe(422);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe(
      'IMPORT_ROWS_INVALID',
    );
    expect((await sendGoals('&preview=true&replace=true')).status).toBe(200);
  });

  it('the bureau imports the region-wide export (万元); a clerk may not', async () => {
    const send = (actor: Actor) =>
      app(actor).request('/api/regions/440105/budget-imports?year=2025', {
        method: 'POST',
        body: upload('项目年度预算.csv', regionBudget),
      });
    expect((await send(clerk)).status).toBe(403);
    const res = await send(reviewer);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      totalYuan: '125000.00',
      departments: [{ departmentCode: '440105-TZCJ', totalYuan: '125000.00' }],
    });
  });
});

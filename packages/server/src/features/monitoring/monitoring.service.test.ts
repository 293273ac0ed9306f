// 双监控 on the demo (广州市海珠区投资促进局 2023) at the June cut-off, worked by hand (domain-rules §6.2/§6.5):
// m = 6, 序时进度 = 6/12 = 50.00%. Budgets as known on 2023-06-30 (the September and October adjustments are
// not yet in force), executed = Σ ledger.csv rows dated January–June.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDb, fixtureWrite } from '../../db/test-db.ts';
import { CLI_ACTOR, type Actor } from '../../auth/actor.ts';
import { ServiceError } from '../../http/service-error.ts';
import { getExecution } from '../execution/execution.service.ts';
import {
  getMonitoring,
  regionMonitoring,
  saveResponses,
  submitMonitoring,
} from './monitoring.service.ts';

const DEPT = '440105-TZCJ';
const clerk: Actor = {
  userId: 'u-clerk',
  username: 'tzcj_clerk',
  displayName: '填报员',
  role: 'clerk',
  departmentCode: DEPT,
  regionCode: '440105',
  ip: null,
};
const reviewer: Actor = {
  userId: 'u-rev',
  username: 'czj',
  displayName: '财政审核',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};

async function rejects(p: Promise<unknown>, code: string): Promise<ServiceError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ServiceError);
  expect((e as ServiceError).code).toBe(code);
  return e as ServiceError;
}

describeEachDb('monitoring (双监控) on the demo', (use) => {
  it('budget warnings at June, by hand', async () => {
    const r = await getMonitoring(use().db, clerk, DEPT, 2023, 6);
    expect(r.timeProgress).toBe('50.00');
    const byCode = Object.fromEntries(
      r.projects.map((p) => [p.code, [p.budgetYuan, p.executedYuan, p.rate, p.v, p.level]]),
    );
    expect(byCode).toEqual({
      // 基本支出: 5,512,800.00 / 11,200,000.00 (年初 1,120 万元; +28.50 万元 only from 2023-10-20) = 49.22%; v = 49.22 / 50 × 100 = 98.44 ≥ 80 → green
      'TZCJ-JB-2023': ['11200000.00', '5512800.00', '49.22', '98.44', 'GREEN'],
      // 招商引资业务工作经费: 312,707.00 / 800,000.00 = 39.09%; v = 78.18 (60 ≤ v < 80) → yellow
      'TZCJ-XM-001': ['800000.00', '312707.00', '39.09', '78.18', 'YELLOW'],
      // 产业扶持专项资金: 127,440,396.00 / 330,000,000.00 (追加 2,400.11 万元 only from 2023-09-15) = 38.62%; v = 77.24 → yellow
      'TZCJ-XM-002': ['330000000.00', '127440396.00', '38.62', '77.24', 'YELLOW'],
    });
    // 部门整体: 133,265,903.00 / (11,200,000.00 + 800,000.00 + 330,000,000.00 = 342,000,000.00) = 38.97%; v = 77.94 → yellow
    expect(r.department).toMatchObject({
      budgetYuan: '342000000.00',
      executedYuan: '133265903.00',
      rate: '38.97',
      v: '77.94',
      level: 'YELLOW',
      color: 'yellow',
    });
  });

  it('indicator warnings at June, by hand, and goalwarn = the worst colour per project', async () => {
    const r = await getMonitoring(use().db, clerk, DEPT, 2023, 6);
    const of = (project: string) =>
      Object.fromEntries(
        r.indicators
          .filter((i) => i.projectName === project)
          .map((i) => [i.name, [i.value, i.v, i.level]]),
      );
    expect(of('招商引资业务工作经费')).toEqual({
      // ≥ 12 场, 5 done: 5 / (12 × 50%) = 5 / 6 = 83.33 → green
      举办和参加招商推介活动场次: ['5', '83.33', 'GREEN'],
      // ≥ 300 个, 152: 152 / 150 = 101.33 → green (the June report wins over the live metric)
      新洽谈重点招商项目数: ['152', '101.33', 'GREEN'],
      // rates (unit %) against the full target: 97 / 95 = 102.11 → green
      招商项目信息入库合格率: ['97', '102.11', 'GREEN'],
      // ＝ 100%, 100 → 100.00 → green
      推介活动按计划完成率: ['100', '100.00', 'GREEN'],
      // reverse ≤ 5 万元/场, 4.6 ≤ 5 → green (v is the value itself)
      单场推介活动平均成本: ['4.6', '4.6', 'GREEN'],
      // ≥ 150 个, 61: 61 / 75 = 81.33 → green
      推动注册落地项目数: ['61', '81.33', 'GREEN'],
      // 定性, 部分达成 → yellow
      海珠招商品牌影响力: ['PARTIAL', null, 'YELLOW'],
      // 92 / 90 = 102.22 → green
      参会企业满意度: ['92', '102.22', 'GREEN'],
    });
    expect(of('产业扶持及惠企政策兑现专项资金')).toEqual({
      // ≥ 600 家, 180: 180 / 300 = 60.00 → yellow (60 is not below 60)
      政策兑现企业数: ['180', '60.00', 'YELLOW'],
      // ≥ 4 批, 2: 2 / 2 = 100.00 → green
      政策兑现批次: ['2', '100.00', 'GREEN'],
      资金拨付合规率: ['100', '100.00', 'GREEN'],
      政策资金兑现平均时长: ['28', '28', 'GREEN'],
      单家企业平均扶持金额: ['52', '52', 'GREEN'],
      // ≥ 8% growth, 4.1%: a rate, against the full target: 4.1 / 8 = 51.25 → red
      受扶持企业营业收入增长率: ['4.1', '51.25', 'RED'],
      惠企政策知晓度: ['PARTIAL', null, 'YELLOW'],
      // 90.5 / 90 = 100.56 → green
      受惠企业满意度: ['90.5', '100.56', 'GREEN'],
    });
    const dept = of('部门整体');
    // ≥ 1 个百分点, 0.4: 0.4 / 0.5 = 80.00 → green (80 is not below 80); ≥ 2 万家, 0.8: 0.8 / 1 = 80.00 → green
    expect(dept['工业供应业拉动GDP增长']).toEqual(['0.4', '80.00', 'GREEN']);
    expect(dept['新增商事主体数']).toEqual(['0.8', '80.00', 'GREEN']);
    expect(Object.values(dept).every((x) => x[2] === 'GREEN')).toBe(true);
    expect(r.goals.map((g) => [g.projectName, g.level])).toEqual(
      expect.arrayContaining([
        ['部门整体', 'GREEN'],
        ['招商引资业务工作经费', 'YELLOW'],
        ['产业扶持及惠企政策兑现专项资金', 'RED'],
      ]),
    );
    // Counted over 3 project budgets and 27 indicators: red 1; yellow 2 + 1 + 2 = 5; green 1 + 7 + 5 + 11 = 24.
    expect(r.warnings).toEqual({ red: 1, yellow: 5, green: 24, blue: 0 });
  });

  it('execution uses the whole year by default: 招商引资业务工作经费 76.27 / 80.00 万元 = 95.34%', async () => {
    const e = await getExecution(use().db, CLI_ACTOR, DEPT, 2023);
    expect(e.month).toBe(12);
    expect(e.projects.find((p) => p.code === 'TZCJ-XM-001')).toMatchObject({
      budgetYuan: '800000.00',
      executedYuan: '762700.00',
      rate: '95.34',
      carryoverYuan: '37300.00',
    });
    expect(e.months).toHaveLength(12);
    expect(e.months[5]).toMatchObject({
      month: 6,
      cumulativeYuan: '133265903.00',
      timeProgress: '50.00',
    });
  });

  it('thresholds are data: fiscal_years.monitoring_config changes the colours', async () => {
    await fixtureWrite(use().db, 'monitoring thresholds', (tx) =>
      tx.execute(
        sql`update fiscal_years set monitoring_config = ${JSON.stringify({ budget: { red: 60, yellow: 75 } })}::jsonb where region_code = '440105' and year = 2023`,
      ),
    );
    try {
      const r = await getMonitoring(use().db, clerk, DEPT, 2023, 6);
      expect(r.projects.find((p) => p.code === 'TZCJ-XM-001')?.level).toBe('GREEN'); // v = 78.18 ≥ 75
    } finally {
      await fixtureWrite(use().db, 'monitoring thresholds reset', (tx) =>
        tx.execute(
          sql`update fiscal_years set monitoring_config = null where region_code = '440105' and year = 2023`,
        ),
      );
    }
  });

  it('records responses, refuses submission while a red/yellow warning lacks one, then locks the round', async () => {
    const first = await saveResponses(use().db, clerk, DEPT, 2023, 6, [
      {
        subjectKey: 'budget:department',
        deviationReasons: ['FUNDING'],
        completionLikelihood: 'CERTAIN',
        measures: '下半年集中兑现政策资金',
      },
    ]);
    expect(first.round?.status).toBe('draft');
    const e = await rejects(
      submitMonitoring(use().db, clerk, DEPT, 2023, 6, new Date('2023-07-10T00:00:00Z')),
      'MONITORING_RESPONSES_MISSING',
    );
    const missing = (e.details as { missing: { label: string }[] }).missing.map((m) => m.label);
    expect(missing).toHaveLength(6); // 2 budgets + 4 indicators (red 1, yellow 3)
    expect(e.messageZh).toContain('受扶持企业营业收入增长率');

    const report = await getMonitoring(use().db, clerk, DEPT, 2023, 6);
    const keys = [...report.projects, ...report.indicators]
      .filter((x) => x.needsResponse)
      .map((x) => x.subjectKey);
    await saveResponses(
      use().db,
      clerk,
      DEPT,
      2023,
      6,
      keys.map((k) => ({
        subjectKey: k,
        deviationReasons: ['OTHER'],
        completionLikelihood: 'POSSIBLE',
        measures: '加快进度，每月跟踪',
      })),
    );
    const done = await submitMonitoring(
      use().db,
      clerk,
      DEPT,
      2023,
      6,
      new Date('2023-07-10T00:00:00Z'),
    );
    expect(done.round).toMatchObject({ status: 'submitted', submittedBy: 'u-clerk' });
    expect(
      done.indicators.find((i) => i.name === '受扶持企业营业收入增长率')?.response,
    ).toMatchObject({ deviationReasons: ['OTHER'], completionLikelihood: 'POSSIBLE' });
    await rejects(
      saveResponses(use().db, clerk, DEPT, 2023, 6, [
        { subjectKey: 'budget:department', measures: 'x' },
      ]),
      'MONITORING_FORM_SUBMITTED',
    );
  });

  it('refuses bad responses and months that are not cut-off months', async () => {
    await rejects(
      saveResponses(use().db, clerk, DEPT, 2023, 7, [{ subjectKey: 'nope' }]),
      'MONITORING_RESPONSES_INVALID',
    );
    await rejects(saveResponses(use().db, clerk, DEPT, 2023, 3, []), 'MONITORING_MONTH_NOT_CUTOFF');
    await rejects(saveResponses(use().db, reviewer, DEPT, 2023, 7, []), 'DEPARTMENT_FORBIDDEN');
  });

  it('the finance bureau sees every department of its region on one page; a clerk may not', async () => {
    const o = await regionMonitoring(use().db, reviewer, 2023, 6);
    expect(o.month).toBe(6);
    const tzcj = o.departments.find((d) => d.code === DEPT)!;
    expect(tzcj).toMatchObject({
      status: 'submitted',
      rate: '38.97',
      level: 'YELLOW',
      warnings: { red: 1, yellow: 5 },
    });
    expect(tzcj.items.map((i) => i.level).sort()).toEqual([
      'RED',
      'YELLOW',
      'YELLOW',
      'YELLOW',
      'YELLOW',
      'YELLOW',
    ]);
    expect(o.departments.length).toBeGreaterThan(1);
    await rejects(regionMonitoring(use().db, clerk, 2023, 6), 'ROLE_FORBIDDEN');
  });
});

// 同比 on both databases: the demo's investment promotion bureau, 2024 beside 2023 (执行率 and score of each year,
// the change, and each 2024 indicator with its 2023 actual); a department without 2024 answers null.
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { describeEachDb } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { reviewReport, type YearComparison } from '@jixiao/core';
import { renderReport } from '../reports/reports.service.ts';

const clerk: Actor = {
  userId: 'u-c',
  username: 'tzcj_clerk',
  displayName: '填报员',
  role: 'clerk',
  departmentCode: '440105-TZCJ',
  regionCode: '440105',
  ip: null,
};
const reviewer: Actor = { ...clerk, role: 'financeReviewer', departmentCode: null };

describeEachDb('同比 2023 vs 2024', (use) => {
  const get = async (actor: Actor, path: string) => {
    const app = createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2025-02-01T02:00:00Z') },
      { testActor: actor },
    );
    const res = await app.request(path);
    return {
      status: res.status,
      body: (await res.json()) as { comparison: YearComparison | null },
    };
  };

  it('sets 2024 beside 2023 for the department and its continuing projects', async () => {
    const { status, body } = await get(
      clerk,
      '/api/departments/440105-TZCJ/year-comparison?year=2024',
    );
    expect(status).toBe(200);
    const c = body.comparison!;
    expect([c.year, c.previousYear]).toEqual([2024, 2023]);
    expect(c.department).toMatchObject({
      previousRate: '99.99',
      currentRate: '99.21',
      rateChange: '-0.78',
      previousScore: '98.67',
      currentScore: '99.92',
      scoreChange: '+1.25',
    });
    const satisfaction = c.department.indicators.find((i) => i.name === '企业满意度')!;
    expect(satisfaction).toMatchObject({ previousActual: '92.40', actual: '93.1', target: '92' });
    expect(c.projects.map((p) => [p.code, p.previousRate, p.currentRate, p.rateChange])).toEqual([
      ['TZCJ-XM-001', '95.34', '96.00', '+0.66'],
      ['TZCJ-XM-002', '100.00', '99.22', '-0.78'],
      ['TZCJ-XM-2024-01', null, '93.50', null],
    ]);
  });

  it('answers null without the year before, and keeps other departments out', async () => {
    const none = await get(reviewer, '/api/departments/440105-WGLT/year-comparison?year=2023');
    expect(none.body.comparison).toBeNull();
    const other = await get(clerk, '/api/departments/440105-WGLT/year-comparison?year=2024');
    expect(other.status).toBe(403);
  });

  it('the 2024 report states 同比 in its 支出 paragraph, and the reviewer finds nothing high or medium', async () => {
    const txt = await renderReport(
      use().db,
      clerk,
      '440105-TZCJ',
      2024,
      'txt',
      new Date('2025-02-01T02:00:00Z'),
    );
    const text = txt.body.toString('utf8');
    expect(text).toContain(
      '与2023年度相比，部门预算执行率由99.99%下降0.78个百分点至99.21%，部门整体自评得分由98.67分提高1.25分至99.92分。',
    );
    expect(reviewReport(text).findings.filter((f) => f.severity !== 'low')).toEqual([]);
    const first = await renderReport(
      use().db,
      clerk,
      '440105-TZCJ',
      2023,
      'txt',
      new Date('2024-02-01T02:00:00Z'),
    );
    expect(first.body.toString('utf8')).not.toContain('与2022年度相比');
  });
});

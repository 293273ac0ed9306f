// The live metrics over plain records: what each counts, its window, and its rounding.
import { describe, expect, it } from 'vitest';
import { NO_STAGE_DATES, type StageDates } from './pipeline-stages.ts';
import {
  EMPTY_METRIC_RECORDS,
  findMetric,
  formatMetricValue,
  medianOf,
  METRICS,
  metricWindow,
  parseMetricParams,
  pipelineMatches,
  type EnterpriseRequestRecord,
  type InvestmentProjectRecord,
  type MetricDefinition,
  type MetricRecords,
  type MetricValue,
  type PolicyGrantRecord,
  type SatisfactionSurveyRecord,
} from './metrics.ts';

function metric(key: string): MetricDefinition {
  const m = findMetric(key);
  if (!m) {
    throw new Error(`no metric ${key}`);
  }
  return m;
}

function run(
  key: string,
  records: Partial<MetricRecords>,
  year = 2023,
  asOf?: string,
  params: Record<string, unknown> = {},
): MetricValue {
  const def = metric(key);
  const p = parseMetricParams(def, params);
  if (!p.ok) {
    throw new Error(p.error.en);
  }
  return def.compute({ ...EMPTY_METRIC_RECORDS, ...records }, metricWindow(year, asOf), p.value);
}

const project = (
  id: string,
  isKeyProject: boolean,
  dates: Partial<StageDates>,
  wan = 1000,
  unit = 'JD-PAZHOU',
): InvestmentProjectRecord => ({
  id,
  isKeyProject,
  plannedInvestmentFen: wan * 1_000_000,
  responsibleUnitCode: unit,
  dates: { ...NO_STAGE_DATES, ...dates },
});

const PROJECTS: InvestmentProjectRecord[] = [
  project('p1', true, { LEAD: '2023-01-03', NEGOTIATING: '2023-01-10' }),
  project(
    'p2',
    true,
    {
      LEAD: '2022-11-01',
      NEGOTIATING: '2023-02-01',
      SIGNED: '2023-03-01',
      REGISTERED: '2023-04-01',
    },
    2500.5,
  ),
  project(
    'p3',
    true,
    {
      LEAD: '2022-05-01',
      NEGOTIATING: '2022-06-01',
      SIGNED: '2022-12-01',
      REGISTERED: '2023-01-15',
    },
    800,
  ),
  project(
    'p4',
    false,
    {
      LEAD: '2023-01-01',
      NEGOTIATING: '2023-05-01',
      SIGNED: '2023-06-30',
      REGISTERED: '2023-07-01',
    },
    120.25,
  ),
  project('p5', true, { LEAD: '2023-03-01' }),
  project('p6', true, { LEAD: '2023-10-01', NEGOTIATING: '2023-12-31' }),
  project('p7', true, { LEAD: '2023-10-01', NEGOTIATING: '2024-01-02' }),
];

describe('pipeline metrics', () => {
  it('新洽谈重点招商项目数 counts key projects whose 洽谈 date falls in the year — also those gone further', () => {
    const v = run('investment.negotiatedKeyProjects', { investmentProjects: PROJECTS });
    expect(v).toEqual({
      value: '3',
      recordKind: 'investmentProject',
      recordIds: ['p1', 'p2', 'p6'],
    });
  });

  it('as of 2023-06-30 only the negotiations up to that day count', () => {
    expect(
      run('investment.negotiatedKeyProjects', { investmentProjects: PROJECTS }, 2023, '2023-06-30')
        .recordIds,
    ).toEqual(['p1', 'p2']);
    expect(
      run('investment.negotiatedKeyProjects', { investmentProjects: PROJECTS }, 2023, '2022-12-31')
        .value,
    ).toBe('0');
  });

  it('注册落地项目数 counts every project registered in the year; keyOnly narrows to key projects', () => {
    expect(
      run('investment.registeredProjects', { investmentProjects: PROJECTS }).recordIds,
    ).toEqual(['p2', 'p3', 'p4']);
    expect(
      run('investment.registeredProjects', { investmentProjects: PROJECTS }, 2023, undefined, {
        keyOnly: true,
      }).recordIds,
    ).toEqual(['p2', 'p3']);
  });

  it('签约项目计划投资额 sums the planned investment of projects signed in the year, exactly: 2,500.50 + 120.25 万元', () => {
    const v = run('investment.signedInvestmentWan', { investmentProjects: PROJECTS });
    expect(v.value).toBe('2620.75');
    expect(v.recordIds).toEqual(['p2', 'p4']);
    expect(formatMetricValue(metric('investment.signedInvestmentWan'), v.value)).toBe(
      '2,620.75 万元',
    );
  });

  it('pipelineMatches gives the date each project reached the stage (for monthly decomposition)', () => {
    const m = pipelineMatches('investment.registeredProjects', PROJECTS, metricWindow(2023));
    expect(m.map((x) => [x.project.id, x.date, x.amount])).toEqual([
      ['p2', '2023-04-01', 1],
      ['p3', '2023-01-15', 1],
      ['p4', '2023-07-01', 1],
    ]);
  });
});

const req = (
  id: string,
  receivedOn: string,
  dueOn: string,
  closedOn: string | null,
  status: EnterpriseRequestRecord['status'] = closedOn ? 'closed' : 'open',
  category: EnterpriseRequestRecord['category'] = 'POLICY',
): EnterpriseRequestRecord => ({
  id,
  category,
  receivedOn,
  dueOn,
  closedOn,
  status,
});

// Working days (2023 calendar): r1 Mon 03-06 → Fri 03-10: 4; r2 Thu 09-28 → Mon 10-09: 3 (10-07, 10-08 are 调休 working days);
// r3 03-01 → 03-22: 15 (late); r4 received 12-20, due 2024-01-04, closed 12-27: 5.
const REQUESTS: EnterpriseRequestRecord[] = [
  req('r1', '2023-03-06', '2023-03-20', '2023-03-10'),
  req('r2', '2023-09-28', '2023-10-16', '2023-10-09'),
  req('r3', '2023-03-01', '2023-03-15', '2023-03-22', 'closed', 'LAND_SPACE'),
  req('r4', '2023-12-20', '2024-01-04', '2023-12-27'),
  req('r5', '2023-11-01', '2023-11-15', null), // open and overdue: late
  req('r6', '2023-12-25', '2024-01-08', null), // open, due next year: not counted this year
  req('r7', '2023-05-04', '2023-05-18', null, 'withdrawn'),
];

describe('enterprise-service metrics', () => {
  it('按期办结率: of the 4 requests due in 2023 (r1, r2, r3, r5) 2 closed on time → 50.00', () => {
    const v = run('services.requestsClosedOnTimeRate', { enterpriseRequests: REQUESTS });
    expect(v).toMatchObject({ value: '50.00', numerator: '2', denominator: '4' });
    expect(v.recordIds).toEqual(['r1', 'r2', 'r3', 'r5']);
  });

  it('按期办结率 for one category; none due → null, not 0', () => {
    expect(
      run('services.requestsClosedOnTimeRate', { enterpriseRequests: REQUESTS }, 2023, undefined, {
        category: 'LAND_SPACE',
      }).value,
    ).toBe('0.00');
    expect(
      run('services.requestsClosedOnTimeRate', { enterpriseRequests: REQUESTS }, 2023, undefined, {
        category: 'FINANCING',
      }).value,
    ).toBeNull();
  });

  it('平均办结时长: (4 + 3 + 15 + 5) / 4 = 6.75 working days over the requests closed in 2023', () => {
    const v = run('services.meanDaysToClose', { enterpriseRequests: REQUESTS });
    expect(v).toMatchObject({ value: '6.75', numerator: '27', denominator: '4' });
    expect(v.note).toBeUndefined();
  });

  it('办结时长中位数: 3, 4, 5, 15 → 4.50', () => {
    expect(run('services.medianDaysToClose', { enterpriseRequests: REQUESTS }).value).toBe('4.50');
    expect(medianOf([9, 1, 5])).toBe('5.00');
    expect(medianOf([])).toBeNull();
  });

  it('a mean of 43/5 working days is exactly 8.60, and 2/3 rounds half-up to 0.67', () => {
    const five = [4, 9, 10, 10, 10].map((n, i) =>
      req(`m${i}`, '2023-03-06', '2023-03-31', null, 'closed'),
    );
    // received Monday 2023-03-06; n working days later (weekdays only in March 2023)
    const closed = five.map((r, i) => ({
      ...r,
      closedOn: ['2023-03-10', '2023-03-17', '2023-03-20', '2023-03-20', '2023-03-20'][i]!,
    }));
    expect(run('services.meanDaysToClose', { enterpriseRequests: closed }).value).toBe('8.60');
    const thirds = [
      req('a', '2023-03-06', '2023-03-31', '2023-03-06'),
      req('b', '2023-03-06', '2023-03-31', '2023-03-06'),
      req('c', '2023-03-06', '2023-03-31', '2023-03-08'),
    ];
    expect(run('services.meanDaysToClose', { enterpriseRequests: thirds }).value).toBe('0.67');
  });

  it('flags durations counted without the official holiday notice (a year not in the calendar)', () => {
    const v = run(
      'services.meanDaysToClose',
      { enterpriseRequests: [req('x', '2026-03-02', '2026-03-16', '2026-03-06')] },
      2026,
    );
    expect(v.value).toBe('4.00');
    expect(v.note?.zh).toContain('按周一至周五');
  });

  it('企业满意度: satisfied yes/no decides; otherwise a score of 4–5 counts → 3 of 4 = 75.00', () => {
    const surveys: SatisfactionSurveyRecord[] = [
      { id: 's1', requestId: 'r1', surveyedOn: '2023-03-13', score: 5, satisfied: null },
      { id: 's2', requestId: 'r2', surveyedOn: '2023-10-10', score: 3, satisfied: null },
      { id: 's3', requestId: 'r3', surveyedOn: '2023-03-23', score: null, satisfied: true },
      { id: 's4', requestId: 'r4', surveyedOn: '2023-12-28', score: 4, satisfied: null },
      { id: 's5', requestId: 'r9', surveyedOn: '2022-12-28', score: 1, satisfied: null },
    ];
    expect(run('services.satisfiedShare', { satisfactionSurveys: surveys })).toMatchObject({
      value: '75.00',
      numerator: '3',
      denominator: '4',
      recordIds: ['s1', 's2', 's3', 's4'],
    });
  });

  it('政策兑现企业数 counts distinct enterprises paid in the year', () => {
    const grants: PolicyGrantRecord[] = [
      {
        id: 'g1',
        enterpriseId: 'e1',
        packageId: 'k1',
        grantedOn: '2023-03-01',
        amountFen: 500_000_00,
      },
      {
        id: 'g2',
        enterpriseId: 'e1',
        packageId: 'k2',
        grantedOn: '2023-09-01',
        amountFen: 20_000_00,
      },
      { id: 'g3', enterpriseId: 'e2', packageId: 'k1', grantedOn: '2023-12-31', amountFen: 1 },
      { id: 'g4', enterpriseId: 'e3', packageId: 'k1', grantedOn: '2022-12-31', amountFen: 100_00 },
      { id: 'g5', enterpriseId: 'e4', packageId: 'k1', grantedOn: '2023-06-01', amountFen: 0 },
    ];
    expect(run('services.policyBeneficiaries', { policyGrants: grants })).toEqual({
      value: '2',
      recordKind: 'enterprise',
      recordIds: ['e1', 'e2'],
    });
  });
});

describe('catalogue', () => {
  it('has one definition per key with Chinese name, unit and description', () => {
    expect(new Set(METRICS.map((m) => m.key)).size).toBe(METRICS.length);
    for (const m of METRICS) {
      expect(m.name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(m.description.zh.length).toBeGreaterThan(10);
      expect(m.unit.zh).not.toBe('');
    }
    expect(findMetric('services.meanDaysToClose')?.name.zh).toBe('企业诉求平均办结时长');
    expect(findMetric('nope')).toBeUndefined();
  });

  it('checks params against what the metric understands', () => {
    expect(
      parseMetricParams(metric('investment.registeredProjects'), {
        keyOnly: true,
        asOf: '2023-06-30',
      }),
    ).toEqual({ ok: true, value: { keyOnly: true, asOf: '2023-06-30' } });
    expect(
      parseMetricParams(metric('investment.negotiatedKeyProjects'), { keyOnly: false }),
    ).toMatchObject({
      ok: false,
      error: { zh: '指标「新洽谈重点招商项目数」不支持参数「keyOnly」' },
    });
    expect(parseMetricParams(metric('services.meanDaysToClose'), { category: 'CATERING' }).ok).toBe(
      false,
    );
    expect(parseMetricParams(metric('services.meanDaysToClose'), { asOf: '2023-02-30' }).ok).toBe(
      false,
    );
    expect(parseMetricParams(metric('services.meanDaysToClose'), [1]).ok).toBe(false);
  });

  it('formats values for people', () => {
    expect(formatMetricValue(metric('services.requestsClosedOnTimeRate'), '93.50')).toBe('93.50%');
    expect(formatMetricValue(metric('investment.negotiatedKeyProjects'), '336')).toBe('336 个');
    expect(formatMetricValue(metric('services.meanDaysToClose'), null)).toBe('—');
  });
});

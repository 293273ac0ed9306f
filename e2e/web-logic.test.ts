// The web UI's pure pieces, with the domain's numbers: live re-scoring of edits (core's engine, worked example
// of domain-rules §3.9), the execution series (支出进度 vs 序时进度), review line marks, server field paths.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ContractInput } from '../packages/web/src/api/types.ts';
import {
  readExecution,
  timeProgress,
} from '../packages/web/src/modules/dashboard/execution-data.ts';
import {
  readIndicatorProgress,
  readWarningCounts,
} from '../packages/web/src/modules/dashboard/monitoring-data.ts';
import {
  applyEdits,
  changedIndicators,
  errorsOf,
  liveScore,
  scored,
} from '../packages/web/src/modules/evaluation/live-score.ts';
import { goalTextsFrom } from '../packages/web/src/modules/evaluation/use-goal-texts.ts';
import { lineMarks } from '../packages/web/src/modules/bureau/review-text.tsx';
import {
  compareDecimal,
  gradeCounts,
  meanOf,
} from '../packages/web/src/modules/bureau/overview-stats.ts';
import { namePath } from '../packages/web/src/ui/form-errors.ts';
import { toWarningLevel } from '../packages/web/src/ui/warning-tag.tsx';

const worked = JSON.parse(
  fs.readFileSync(
    new URL('../packages/core/src/scoring/golden/worked-example.json', import.meta.url),
    'utf8',
  ),
) as { input: ContractInput; output?: { total: string } };

describe('live scoring of the 自评表 (core engine in the browser)', () => {
  it('scores the worked example as the server does: 90.27 优', () => {
    const out = scored(liveScore(worked.input));
    expect(out?.total).toBe('90.27');
    expect(out?.grade).toBe('优');
    expect(out?.budget).toEqual({ rate: '95.00', score: '9.50' });
  });

  it('re-scores an edited actual: 12 of 12 場 lifts indicator 1 from 16.67 to 20.00 and the total to 93.60', () => {
    const edited = applyEdits(worked.input, { '1': { actual: '12' } });
    const out = scored(liveScore(edited));
    expect(out?.indicators.find((i) => i.id === '1')?.score).toBe('20.00');
    expect(out?.total).toBe('93.60');
    expect(
      changedIndicators(worked.input, { '1': { actual: '12' } }).map((c) => c.indicator.id),
    ).toEqual(['1']);
    expect(changedIndicators(worked.input, { '1': { actual: '10' } })).toEqual([]);
  });

  it('shows the engine’s error (no total) while an actual is not a number', () => {
    const out = liveScore(applyEdits(worked.input, { '1': { actual: '十' } }));
    expect(scored(out)).toBeNull();
    expect(errorsOf(out).map((e) => e.code)).toContain('NOT_A_NUMBER');
  });

  it('checks the 定性 score against its band: 10.50 in [9.00, 12.00) is fine, 12.50 is not', () => {
    const qual = worked.input.indicators.find((i) => i.operator === '定性');
    expect(qual).toBeDefined();
    expect(
      scored(liveScore(applyEdits(worked.input, { [qual!.id]: { score: '10.50' } }))),
    ).not.toBeNull();
    const bad = liveScore(applyEdits(worked.input, { [qual!.id]: { score: '12.50' } }));
    expect(errorsOf(bad).map((e) => e.code)).toContain('QUAL_SCORE_OUT_OF_BAND');
  });

  it('lists indicators that missed their target as not met when the monitoring API has nothing', () => {
    const rows = readIndicatorProgress(
      undefined,
      {
        departmentCode: 'X',
        departmentName: 'X',
        year: 2024,
        preset: 'mof-2020',
        headReviewRequired: true,
        history: [],
        department: {
          kind: 'department',
          projectId: null,
          code: 'X',
          name: 'X',
          input: worked.input,
          output: liveScore(worked.input),
          status: 'live',
          frozenAt: null,
          reviewComment: null,
          reviewFindings: null,
        },
        projects: [],
      },
      '部门整体',
    );
    expect(rows.find((r) => r.name === '举办招商推介活动场次')?.met).toBe(false);
    expect(rows.find((r) => r.name === '推介项目信息入库合格率')?.met).toBe(true);
  });
});

describe('execution series', () => {
  it('computes 支出进度 from exact fen and 序时进度 = month / 12', () => {
    // Only the fields the reader uses; the rest of the declared Execution shape does not matter here.
    const body = {
      budgetYuan: '800000.00',
      months: [
        {
          month: 1,
          executedYuan: '100000.00',
          cumulativeYuan: '100000.00',
          rate: '12.50',
          timeProgress: '8.33',
        },
        {
          month: 2,
          executedYuan: '0.00',
          cumulativeYuan: '100000.00',
          rate: '12.50',
          timeProgress: '16.67',
        },
        {
          month: 3,
          executedYuan: '162700.00',
          cumulativeYuan: '262700.00',
          rate: '32.84',
          timeProgress: '25.00',
        },
      ],
    } as unknown as Parameters<typeof readExecution>[0];
    const s = readExecution(body);
    expect(s?.budgetFen).toBe(80_000_000);
    expect(s?.months.map((m) => m.cumulativeFen)).toEqual([10_000_000, 10_000_000, 26_270_000]);
    expect(s?.months.map((m) => m.progress)).toEqual(['12.50', '12.50', '32.84']);
    expect(s?.months.map((m) => m.timeProgress)).toEqual(['8.33', '16.67', '25.00']);
    expect(timeProgress(6)).toBe('50.00');
    expect(readExecution(undefined)).toBeNull();
  });
});

describe('overview statistics', () => {
  const row = (code: string, rate: string | null, score: string | null, grade: string | null) => ({
    code,
    name: code,
    status: 'live',
    budgetYuan: '1.00',
    executedYuan: '1.00',
    rate,
    score,
    grade,
    warnings: { red: 0, yellow: 0 },
    goalGrades: { excellent: 0, good: 0, fair: 0, poor: 0 },
    findings: 0,
    projects: 0,
  });
  it('averages rates and scores with decimals (no floats) and counts grades in 优良中差 order', () => {
    const rows = [
      row('a', '99.99', '98.67', '优'),
      row('b', '91.07', '85.00', '良'),
      row('c', '77.48', '73.36', '中'),
      row('d', null, null, null),
    ];
    expect(meanOf(rows.map((r) => r.rate))).toBe('89.51');
    expect(meanOf(rows.map((r) => r.score))).toBe('85.68');
    expect(gradeCounts(rows)).toEqual([
      { grade: '优', count: 1 },
      { grade: '良', count: 1 },
      { grade: '中', count: 1 },
      { grade: '—', count: 1 },
    ]);
    expect(compareDecimal('100.00', '99.99')).toBe(1);
    expect(compareDecimal(null, '1')).toBe(-1);
  });
});

describe('small readers', () => {
  it('marks review lines by their worst severity', () => {
    const marks = lineMarks([
      {
        code: 'RATE_PRECISION',
        severity: 'low',
        line: 3,
        endLine: 3,
        start: 0,
        end: 6,
        excerpt: '执行率 95%',
        message: '',
        messageEn: '',
      },
      {
        code: 'AMOUNT_INCONSISTENT',
        severity: 'high',
        line: 3,
        endLine: 4,
        start: 10,
        end: 19,
        excerpt: '36,628.61',
        message: '',
        messageEn: '',
      },
    ]);
    expect(marks.get(3)?.severity).toBe('high');
    expect(marks.get(4)?.findings).toEqual([1]);
    expect(marks.has(5)).toBe(false);
  });

  it('maps server field paths to form name paths', () => {
    expect(namePath('budget.adjusted')).toEqual(['budget', 'adjusted']);
    expect(namePath('items[0].name')).toEqual(['items', 0, 'name']);
  });

  it('reads goal texts by project id and code, and warning levels in either case', () => {
    const m = goalTextsFrom({
      goals: [
        { projectId: null, targetText: '全年引进项目 150 个' },
        {
          projectId: 'p1',
          projectCode: 'TZCJ-XM-001',
          targetText: '举办推介活动',
          actualText: '完成 12 场',
        },
      ],
    } as unknown as Parameters<typeof goalTextsFrom>[0]);
    expect(m.get('')?.expected).toBe('全年引进项目 150 个');
    expect(m.get('TZCJ-XM-001')?.achieved).toBe('完成 12 场');
    expect(toWarningLevel('RED')).toBe('red');
    expect(toWarningLevel('purple')).toBeNull();
    const monitoring = {
      warnings: { red: 2, yellow: 1, green: 9, blue: 0 },
    } as unknown as Parameters<typeof readWarningCounts>[0];
    expect(readWarningCounts(monitoring)).toEqual({ red: 2, yellow: 1, green: 9, blue: 0 });
    expect(readWarningCounts(undefined)).toBeNull();
  });
});

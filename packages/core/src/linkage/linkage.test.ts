import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LINKAGE_RULES,
  actionLabel,
  checkLinkageRules,
  compareYears,
  comparisonSentence,
  cutAmountFen,
  effectiveGrade,
  proposeLinkage,
  type LinkageRuleSet,
  type YearSubjectFigures,
} from './index.ts';

describe('effectiveGrade', () => {
  it('takes the external grade before the self-evaluation', () => {
    expect(effectiveGrade('优', '中')).toEqual({ grade: '中', source: 'external' });
    expect(effectiveGrade('良', null)).toEqual({ grade: '良', source: 'self' });
    expect(effectiveGrade(null, null)).toEqual({ grade: null, source: null });
  });
});

describe('proposeLinkage with the default rules (§C.1)', () => {
  const base = 3_540_011_000; // 3,540.011 万元 = 35,400,110.00 元
  const p = (objectType: 'continuing' | 'oneOff' | 'department', g: '优' | '良' | '中' | '差') =>
    proposeLinkage(DEFAULT_LINKAGE_RULES, {
      objectType,
      selfGrade: g,
      externalGrade: null,
      baseFen: base,
    });

  it('优 priority and 良 maintain keep the base', () => {
    expect(p('continuing', '优')).toMatchObject({ action: 'PRIORITY', amountFen: base });
    expect(p('continuing', '良')).toMatchObject({ action: 'MAINTAIN', amountFen: base });
  });
  it('中 cuts 10% exactly', () => {
    expect(p('continuing', '中')).toMatchObject({
      action: 'CUT',
      cutPct: '10',
      amountFen: 3_186_009_900,
    });
  });
  it('差 cancels a continuing project and bars a similar one-off item', () => {
    expect(p('continuing', '差')).toMatchObject({ action: 'CANCEL_OR_SUSPEND', amountFen: 0 });
    expect(p('oneOff', '差')).toMatchObject({ action: 'NO_SIMILAR_ITEM', amountFen: 0 });
  });
  it('an ungraded object keeps its base and says so', () => {
    expect(
      proposeLinkage(DEFAULT_LINKAGE_RULES, {
        objectType: 'department',
        selfGrade: null,
        externalGrade: null,
        baseFen: 1800,
      }),
    ).toEqual({
      grade: null,
      gradeSource: null,
      action: 'UNGRADED',
      cutPct: null,
      amountFen: 1800,
    });
  });
  it('an external 差 overrides a self-evaluated 优', () => {
    expect(
      proposeLinkage(DEFAULT_LINKAGE_RULES, {
        objectType: 'continuing',
        selfGrade: '优',
        externalGrade: '差',
        baseFen: base,
      }),
    ).toMatchObject({ grade: '差', gradeSource: 'external', action: 'CANCEL_OR_SUSPEND' });
  });
});

describe('cutAmountFen', () => {
  it('rounds half-up to the 分', () => {
    expect(cutAmountFen(5, '10')).toBe(5); // 4.5 → 5
    expect(cutAmountFen(15, '10')).toBe(14); // 13.5 → 14
    expect(cutAmountFen(1, '12.5')).toBe(1); // 0.875 → 1
    expect(cutAmountFen(10_000_001, '33.33')).toBe(6_667_001); // 6,667,000.6667 → 6,667,001
  });
});

describe('checkLinkageRules', () => {
  it('accepts the defaults', () => {
    expect(checkLinkageRules(DEFAULT_LINKAGE_RULES).ok).toBe(true);
  });
  it('refuses a missing grade, a bad cut and a cut on a non-cut action', () => {
    const bad: LinkageRuleSet = {
      ...DEFAULT_LINKAGE_RULES,
      continuing: [
        { grade: '优', action: 'PRIORITY', cutPct: '5' },
        { grade: '良', action: 'MAINTAIN', cutPct: null },
        { grade: '中', action: 'CUT', cutPct: '120' },
      ],
    };
    const r = checkLinkageRules(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.map((e) => e.zh)).toEqual([
        '常年性/延续性项目须有且只有一条「差」等级的规则',
        '常年性/延续性项目「优」不是压减，不应填写压减比例',
        '常年性/延续性项目「中」的压减比例须大于0且不超过100（最多两位小数）',
      ]);
    }
  });
});

describe('actionLabel', () => {
  it('names the cut percentage', () => {
    expect(actionLabel('CUT', '10').zh).toBe('压减10%');
    expect(actionLabel('CUT', '12.50').zh).toBe('压减12.5%');
    expect(actionLabel('PRIORITY', null).zh).toBe('优先保障');
  });
});

describe('compareYears (同比)', () => {
  const subject = (over: Partial<YearSubjectFigures>): YearSubjectFigures => ({
    code: null,
    name: '部门整体',
    budgetFen: 100_000_00,
    executedFen: 95_340_00,
    score: '98.67',
    grade: '优',
    indicators: [{ name: '企业满意度', unit: '%', target: '90', actual: '93.5' }],
    ...over,
  });
  it('gives both rates, the change in points and last year’s actual beside this year’s', () => {
    const c = compareYears(
      { year: 2023, department: subject({}), projects: [subject({ code: 'XM-1', name: 'A' })] },
      {
        year: 2024,
        department: subject({
          executedFen: 96_100_00,
          score: '97.50',
          indicators: [
            { name: '企业满意度', unit: '%', target: '92', actual: '93.1' },
            { name: '新指标', unit: '个', target: '3', actual: '4' },
          ],
        }),
        projects: [subject({ code: 'XM-2', name: 'B' })],
      },
    );
    expect(c.department).toMatchObject({
      previousRate: '95.34',
      currentRate: '96.10',
      rateChange: '+0.76',
      scoreChange: '-1.17',
    });
    expect(c.department.indicators.map((i) => [i.name, i.previousActual, i.actual])).toEqual([
      ['企业满意度', '93.5', '93.1'],
      ['新指标', null, '4'],
    ]);
    expect(c.projects[0]).toMatchObject({ code: 'XM-2', previousRate: null, rateChange: null });
    expect(comparisonSentence(c)).toBe(
      '与2023年度相比，部门预算执行率由95.34%提高0.76个百分点至96.10%，部门整体自评得分由98.67分下降1.17分至97.50分。',
    );
  });
});

// The worked example of domain-rules §3.9 and its variants, with the domain's own numbers.
import { describe, expect, it } from 'vitest';
import { scoreEvaluation, scoreFromJson } from './score-evaluation.ts';
import { parseScoringInput } from './parse-input.ts';
import { indicator, workedExample, type RawInput } from './worked-example.fixture.ts';
import type { ScoredOutput } from './types.ts';

function scored(raw: RawInput, preset?: string): ScoredOutput {
  const r = scoreFromJson(raw, preset === undefined ? {} : { preset });
  if (!('output' in r)) {
    throw new Error(JSON.stringify(r.errors, null, 2));
  }
  return r.output;
}

function scoreOf(out: ScoredOutput, id: string): string | undefined {
  return out.indicators.find((i) => i.id === id)?.score;
}

function codes(out: ScoredOutput): string[] {
  return out.findings.map((f) => f.code);
}

describe('worked example 某区2024年招商推介活动经费', () => {
  it('scores 9.50 + 16.67 + 10 + 10 + 8.60 + 15 + 10.50 + 10 = 90.27, 优', () => {
    const out = scored(workedExample());
    expect(out.budget).toEqual({ rate: '95.00', score: '9.50' });
    expect(out.indicators.map((i) => i.score)).toEqual([
      '16.67',
      '10.00',
      '10.00',
      '8.60',
      '15.00',
      '10.50',
      '10.00',
    ]);
    expect(out.total).toBe('90.27');
    expect(out.grade).toBe('优');
    expect(out.errors).toEqual([]);
  });

  it('flags the adjustment, the two misses and the 140% over-achievement, each note present', () => {
    const out = scored(workedExample());
    expect(codes(out)).toEqual(['BUDGET_ADJUSTED', 'BELOW_TARGET', 'BELOW_TARGET', 'OVER_TARGET']);
    expect(out.indicators.map((i) => i.findings)).toEqual([
      ['BELOW_TARGET'],
      [],
      [],
      ['BELOW_TARGET'],
      ['OVER_TARGET'],
      [],
      [],
    ]);
    expect(out.findings[3]?.message).toContain('140.00%');
  });

  it('Variant B (ratio) for the reverse indicator: 10/11.4 × 10 = 8.77, total 90.44', () => {
    const raw = workedExample();
    raw.rules = { reverseFormula: 'ratio' };
    const out = scored(raw);
    expect(scoreOf(out, '4')).toBe('8.77');
    expect(out.total).toBe('90.44');
    expect(out.grade).toBe('优');
  });

  it('a reviewer deduction of 3.00 on #5 gives 12.00 and 87.27, 良', () => {
    const raw = workedExample();
    Object.assign(indicator(raw, '5'), {
      deduction: '3.00',
      deductionReason: '年初指标值明显偏低',
    });
    const out = scored(raw);
    expect(scoreOf(out, '5')).toBe('12.00');
    expect(out.total).toBe('87.27');
    expect(out.grade).toBe('良');
    expect(codes(out)).not.toContain('DEDUCTION_WITHOUT_REASON');
  });

  it('a deduction without a reason is a finding', () => {
    const raw = workedExample();
    indicator(raw, '5')['deduction'] = '3';
    const out = scored(raw);
    expect(
      out.findings.filter((f) => f.code === 'DEDUCTION_WITHOUT_REASON').map((f) => f.indicator),
    ).toEqual(['5']);
    expect(out.indicators[4]?.findings).toEqual(['OVER_TARGET', 'DEDUCTION_WITHOUT_REASON']);
  });

  it('a deduction larger than the score floors at 0', () => {
    const raw = workedExample();
    Object.assign(indicator(raw, '1'), { deduction: '25', deductionReason: '数据不实' });
    expect(scoreOf(scored(raw), '1')).toBe('0.00');
  });

  it('the same input scores the same as a library call, with Chinese or code vocabulary', () => {
    const parsed = parseScoringInput(workedExample());
    if (!parsed.ok) {
      throw new Error('invalid');
    }
    expect(scoreEvaluation(parsed.value)).toEqual(scored(workedExample()));
  });
});

describe('budget execution', () => {
  it('the seed project: 76.27 / 80 = 95.34%, score 9.53', () => {
    const raw = workedExample();
    raw.budget = { initial: '80', adjusted: '80', executed: '76.27', weight: '10' };
    const out = scored(raw);
    expect(out.budget).toEqual({ rate: '95.34', score: '9.53' });
    expect(codes(out)).not.toContain('BUDGET_ADJUSTED');
  });

  it('32.3 / 40 × 10 = 8.075 → 8.08 (half-up on decimals, not floats)', () => {
    const raw = workedExample();
    raw.budget = { adjusted: '40', executed: '32.3', note: '部分活动延期。' };
    const out = scored(raw);
    expect(out.budget).toEqual({ rate: '80.75', score: '8.08' });
    expect(codes(out)).toContain('EXECUTION_LOW');
    expect(codes(out)).not.toContain('DEVIATION_NOTE_MISSING');
  });

  it('the budget score comes from the unrounded rate: 2 / 3 → 66.67%, 6.67 at weight 10', () => {
    const raw = workedExample();
    raw.budget = { adjusted: '3', executed: '2', note: '说明' };
    expect(scored(raw).budget).toEqual({ rate: '66.67', score: '6.67' });
  });

  it('over-execution keeps the true rate but caps the score at the weight', () => {
    const raw = workedExample();
    raw.budget = { adjusted: '100', executed: '105' };
    expect(scored(raw).budget).toEqual({ rate: '105.00', score: '10.00' });
  });

  it('a low rate or an adjustment without budget.note is DEVIATION_NOTE_MISSING on the budget', () => {
    const raw = workedExample();
    raw.budget = { initial: '100', adjusted: '120', executed: '96' };
    const out = scored(raw);
    expect(out.budget.rate).toBe('80.00');
    const budgetFindings = out.findings.filter((f) => f.indicator === null).map((f) => f.code);
    expect(budgetFindings).toEqual(['BUDGET_ADJUSTED', 'EXECUTION_LOW', 'DEVIATION_NOTE_MISSING']);
  });

  it('exactly 90.00% is not low; 89.99% is', () => {
    const raw = workedExample();
    raw.budget = { adjusted: '100', executed: '90', note: 'x' };
    expect(codes(scored(raw))).not.toContain('EXECUTION_LOW');
    raw.budget = { adjusted: '100', executed: '89.99', note: 'x' };
    expect(codes(scored(raw))).toContain('EXECUTION_LOW');
  });

  it('the budget weight defaults to the preset (10 for mof-2020)', () => {
    const raw = workedExample();
    delete raw.budget['weight'];
    expect(scored(raw).total).toBe('90.27');
  });
});

describe('deviation notes and structure', () => {
  it('a missed target without a note is DEVIATION_NOTE_MISSING on that indicator', () => {
    const raw = workedExample();
    indicator(raw, '1')['deviationNote'] = '  ';
    const out = scored(raw);
    expect(out.indicators[0]?.findings).toEqual(['BELOW_TARGET', 'DEVIATION_NOTE_MISSING']);
    expect(out.findings.find((f) => f.code === 'DEVIATION_NOTE_MISSING')?.indicator).toBe('1');
  });

  it('over-achievement needs an explanation too', () => {
    const raw = workedExample();
    delete indicator(raw, '5')['deviationNote'];
    expect(scored(raw).indicators[4]?.findings).toEqual(['OVER_TARGET', 'DEVIATION_NOTE_MISSING']);
  });

  it('129% is not over target, 130% is', () => {
    const raw = workedExample();
    indicator(raw, '5')['actual'] = '64.5';
    expect(codes(scored(raw))).not.toContain('OVER_TARGET');
    indicator(raw, '5')['actual'] = '65';
    expect(codes(scored(raw))).toContain('OVER_TARGET');
  });

  it('a 40/40/10 level-1 split is LEVEL1_SPLIT', () => {
    const raw = workedExample();
    indicator(raw, '2')['level1'] = '效益指标';
    const out = scored(raw);
    expect(out.findings.filter((f) => f.code === 'LEVEL1_SPLIT')).toHaveLength(1);
    expect(out.findings.find((f) => f.code === 'LEVEL1_SPLIT')?.message).toContain(
      '产出指标 40 / 效益指标 40 / 满意度指标 10',
    );
  });

  it('成本指标 as level 1 counts towards 产出 under mof-2020', () => {
    const raw = workedExample();
    indicator(raw, '4')['level1'] = '成本指标';
    expect(codes(scored(raw))).not.toContain('LEVEL1_SPLIT');
  });

  it('no satisfaction indicator is NO_SATISFACTION (and a split finding)', () => {
    const raw = workedExample();
    Object.assign(indicator(raw, '7'), { level1: '效益指标', level2: '社会效益指标' });
    const out = scored(raw);
    expect(codes(out)).toContain('NO_SATISFACTION');
    expect(codes(out)).toContain('LEVEL1_SPLIT');
  });
});

describe('indicators that do not apply', () => {
  it('rescales to 100: #2 not applicable → (90.27 − 10) / 90 × 100 = 89.19', () => {
    const raw = workedExample();
    indicator(raw, '2')['applicable'] = false;
    const out = scored(raw);
    expect(out.indicators[1]).toEqual({ id: '2', score: '0.00', findings: [], applicable: false });
    expect(out.total).toBe('89.19');
    expect(out.grade).toBe('良');
  });

  it('a not-applicable indicator needs no actual and is not flagged', () => {
    const raw = workedExample();
    Object.assign(indicator(raw, '1'), {
      applicable: false,
      actual: undefined,
      deviationNote: undefined,
    });
    const out = scored(raw);
    // (9.50 + 10 + 10 + 8.60 + 15 + 10.50 + 10) / 80 × 100 = 73.60 / 80 × 100 = 92.00
    expect(out.total).toBe('92.00');
    expect(out.indicators[0]?.findings).toEqual([]);
  });

  it('a not-applicable satisfaction indicator leaves no applicable satisfaction', () => {
    const raw = workedExample();
    indicator(raw, '7')['applicable'] = false;
    expect(codes(scored(raw))).toContain('NO_SATISFACTION');
  });
});

describe('department-level evaluation (部门整体) uses the same engine', () => {
  it('scores a department subject exactly like a project', () => {
    const raw = workedExample();
    raw.subject = { kind: 'department', name: '广州市海珠区投资促进局', year: 2023 };
    const project = scored(workedExample());
    expect(scored(raw)).toEqual(project);
  });
});

describe('presets', () => {
  it('hubei-variant: budget 20, ratio formula, bands 80/50', () => {
    const raw = workedExample();
    // 产出 40 (drop #2's 10 to #1), budget 20 → 20 + 40 + 30 + 10 = 100
    raw.budget = { initial: '120', adjusted: '120', executed: '114' };
    raw.indicators = raw.indicators.filter((i) => i.id !== '2');
    Object.assign(indicator(raw, '6'), { actual: '部分达成年度指标并具有一定效果', score: '7.50' });
    const out = scored(raw, 'hubei-variant');
    expect(out.budget).toEqual({ rate: '95.00', score: '19.00' });
    expect(scoreOf(out, '4')).toBe('8.77');
    expect(scoreOf(out, '6')).toBe('7.50'); // 7.50 is outside mof-2020's [9, 12) but inside [7.5, 12)
    expect(codes(out)).not.toContain('LEVEL1_SPLIT');
    // 19 + 16.67 + 10 + 8.77 + 15 + 7.50 + 10
    expect(out.total).toBe('86.94');
  });

  it('the same input under mof-2020 rejects the 7.50 band score and the weights', () => {
    const raw = workedExample();
    raw.budget = { initial: '120', adjusted: '120', executed: '114' };
    raw.indicators = raw.indicators.filter((i) => i.id !== '2');
    indicator(raw, '6')['score'] = '7.50';
    const r = scoreFromJson(raw);
    expect('errors' in r && r.errors.map((e) => e.code).sort()).toEqual([
      'QUAL_SCORE_OUT_OF_BAND',
      'WEIGHT_SUM',
    ]);
  });

  it('input rules override preset fields', () => {
    const raw = workedExample();
    raw.rules = {
      preset: 'mof-2020',
      overTargetRatio: 1.5,
      gradeBands: { excellent: '95', good: '85', fair: '60' },
    };
    const out = scored(raw);
    expect(codes(out)).not.toContain('OVER_TARGET');
    expect(out.grade).toBe('良');
  });
});

// Validation: one test per error code, plus what the parser accepts (ASCII operators, JSON numbers, codes).
import { describe, expect, it } from 'vitest';
import { parseScoringInput } from './parse-input.ts';
import { indicator, workedExample, type RawInput } from './worked-example.fixture.ts';
import type { ScoringError } from './types.ts';

function errorsOf(raw: unknown): ScoringError[] {
  const r = parseScoringInput(raw);
  return r.ok ? [] : r.error;
}

function codesOf(raw: unknown): string[] {
  return errorsOf(raw).map((e) => `${e.code}@${e.indicator ?? '-'}`);
}

function mutate(f: (raw: RawInput) => void): RawInput {
  const raw = workedExample();
  f(raw);
  return raw;
}

describe('parseScoringInput errors', () => {
  it('accepts the worked example', () => {
    expect(codesOf(workedExample())).toEqual([]);
  });

  it('WEIGHT_SUM: budget + indicator weights must be 100', () => {
    const errs = errorsOf(mutate((r) => (indicator(r, '1')['weight'] = '21')));
    expect(errs.map((e) => e.code)).toEqual(['WEIGHT_SUM']);
    expect(errs[0]?.message).toContain('101');
    expect(errs[0]?.messageEn).toContain('101');
  });

  it('WEIGHT_SUM counts not-applicable indicators', () => {
    expect(codesOf(mutate((r) => (indicator(r, '2')['applicable'] = false)))).toEqual([]);
    expect(
      codesOf(mutate((r) => (r.indicators = r.indicators.filter((i) => i.id !== '2')))),
    ).toEqual(['WEIGHT_SUM@-']);
  });

  it('WEIGHT_SUM when nothing applicable carries weight', () => {
    const raw = mutate((r) => {
      r.budget['weight'] = '0';
      r.indicators = [{ ...indicator(r, '1'), weight: '100', applicable: false }];
    });
    expect(codesOf(raw)).toEqual(['WEIGHT_SUM@-']);
  });

  it('BUDGET_ZERO: adjusted budget 0 or missing', () => {
    expect(codesOf(mutate((r) => (r.budget['adjusted'] = '0.00')))).toEqual(['BUDGET_ZERO@-']);
    expect(codesOf(mutate((r) => delete r.budget['adjusted']))).toEqual(['BUDGET_ZERO@-']);
    expect(codesOf(mutate((r) => (r.budget['adjusted'] = '')))).toEqual(['BUDGET_ZERO@-']);
  });

  it('NOT_A_NUMBER: a quantitative target or actual', () => {
    expect(codesOf(mutate((r) => (indicator(r, '1')['actual'] = '十场')))).toEqual([
      'NOT_A_NUMBER@1',
    ]);
    expect(codesOf(mutate((r) => (indicator(r, '2')['target'] = '95%')))).toEqual([
      'NOT_A_NUMBER@2',
    ]);
    expect(codesOf(mutate((r) => (indicator(r, '2')['target'] = '1e2')))).toEqual([
      'NOT_A_NUMBER@2',
    ]);
    const e = errorsOf(mutate((r) => (indicator(r, '1')['actual'] = 'abc')))[0];
    expect(e?.message).toBe('指标 1「举办招商推介活动场次」：实际完成值 actual"abc"不是数字');
    expect(e?.messageEn).toBe('Indicator 1 "举办招商推介活动场次": actual "abc" is not a number');
  });

  it('QUAL_LEVEL: a 定性 actual outside the three texts', () => {
    expect(codesOf(mutate((r) => (indicator(r, '6')['actual'] = '基本达成')))).toEqual([
      'QUAL_LEVEL@6',
    ]);
    expect(codesOf(mutate((r) => (indicator(r, '6')['actual'] = 80)))).toEqual(['QUAL_LEVEL@6']);
  });

  it('QUAL_SCORE_MISSING: a 定性 indicator without a score', () => {
    expect(codesOf(mutate((r) => delete indicator(r, '6')['score']))).toEqual([
      'QUAL_SCORE_MISSING@6',
    ]);
    expect(codesOf(mutate((r) => (indicator(r, '6')['score'] = null)))).toEqual([
      'QUAL_SCORE_MISSING@6',
    ]);
  });

  it('QUAL_SCORE_OUT_OF_BAND: 部分达成 at weight 15 is [9.00, 12.00)', () => {
    expect(codesOf(mutate((r) => (indicator(r, '6')['score'] = '9')))).toEqual([]);
    expect(codesOf(mutate((r) => (indicator(r, '6')['score'] = '11.99')))).toEqual([]);
    expect(codesOf(mutate((r) => (indicator(r, '6')['score'] = '12')))).toEqual([
      'QUAL_SCORE_OUT_OF_BAND@6',
    ]);
    expect(codesOf(mutate((r) => (indicator(r, '6')['score'] = '8.99')))).toEqual([
      'QUAL_SCORE_OUT_OF_BAND@6',
    ]);
    const e = errorsOf(mutate((r) => (indicator(r, '6')['score'] = '13')))[0];
    expect(e?.message).toContain('[9.00, 12.00)');
  });

  it('QUAL_SCORE_OUT_OF_BAND: 达成 includes the weight, not more', () => {
    const at = (score: string): string[] =>
      codesOf(mutate((r) => Object.assign(indicator(r, '6'), { actual: '达成年度指标', score })));
    expect(at('15')).toEqual([]);
    expect(at('12')).toEqual([]);
    expect(at('15.01')).toEqual(['QUAL_SCORE_OUT_OF_BAND@6']);
    expect(at('11.99')).toEqual(['QUAL_SCORE_OUT_OF_BAND@6']);
  });

  it('DUPLICATE_ID: two indicators share an id', () => {
    expect(codesOf(mutate((r) => (indicator(r, '3').id = '2')))).toEqual(['DUPLICATE_ID@2']);
  });

  it('SCHEMA: unknown operator, missing field, wrong type, bad version', () => {
    expect(codesOf(mutate((r) => (indicator(r, '1')['operator'] = '≈')))).toEqual(['SCHEMA@1']);
    expect(codesOf(mutate((r) => (indicator(r, '1')['operator'] = 'constructor')))).toEqual([
      'SCHEMA@1',
    ]);
    expect(codesOf(mutate((r) => delete indicator(r, '1')['name']))).toEqual(['SCHEMA@1']);
    expect(codesOf(mutate((r) => (indicator(r, '1')['weight'] = true)))).toEqual(['SCHEMA@1']);
    expect(codesOf(mutate((r) => (indicator(r, '1')['level1'] = '决策指标')))).toEqual([
      'SCHEMA@1',
    ]);
    expect(codesOf(mutate((r) => (r.version = 2)))).toEqual(['SCHEMA@-']);
    expect(codesOf(mutate((r) => (r.subject['kind'] = 'programme')))).toEqual(['SCHEMA@-']);
    expect(codesOf(mutate((r) => delete r.budget['executed']))).toEqual(['SCHEMA@-']);
    expect(codesOf(mutate((r) => (r.budget['executed'] = '-1')))).toEqual(['SCHEMA@-']);
    expect(codesOf(mutate((r) => (r.rules = { preset: 'nowhere-2099' })))).toEqual(['SCHEMA@-']);
    expect(codesOf(mutate((r) => (r.rules = { reverseformula: 'ratio' })))).toEqual(['SCHEMA@-']);
    expect(codesOf(mutate((r) => (r.rules = { qualitativeBands: [0.6, 0.8] })))).toEqual([
      'SCHEMA@-',
    ]);
    expect(codesOf(null)).toEqual(['SCHEMA@-']);
    expect(codesOf([])).toEqual(['SCHEMA@-']);
    expect(codesOf(mutate((r) => (r.indicators = {} as never)))).toEqual(['SCHEMA@-']);
  });

  it('SCHEMA for a non-object indicator names its position', () => {
    const errs = errorsOf(mutate((r) => r.indicators.push('x' as never)));
    expect(errs.map((e) => e.code)).toEqual(['SCHEMA']);
    expect(errs[0]?.message).toContain('第 8 个指标');
  });

  it('collects several errors at once, each naming its indicator', () => {
    const raw = mutate((r) => {
      indicator(r, '1')['actual'] = 'x';
      delete indicator(r, '6')['score'];
      indicator(r, '7')['operator'] = '~';
    });
    expect(codesOf(raw)).toEqual(['NOT_A_NUMBER@1', 'QUAL_SCORE_MISSING@6', 'SCHEMA@7']);
  });

  it('every error has both messages', () => {
    const raw = mutate((r) => {
      indicator(r, '1')['actual'] = 'x';
      r.budget['adjusted'] = '0';
    });
    for (const e of errorsOf(raw)) {
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      expect(e.messageEn).toMatch(/^[A-Z]/);
    }
  });
});

describe('parseScoringInput accepts', () => {
  it('ASCII operators and full-width ones alike', () => {
    const ops: [string, string][] = [
      ['>=', 'GE'],
      ['>', 'GT'],
      ['=', 'EQ'],
      ['<', 'LT'],
      ['<=', 'LE'],
      ['＞', 'GT'],
      ['＜', 'LT'],
      ['≤', 'LE'],
    ];
    for (const [symbol, code] of ops) {
      const r = parseScoringInput(mutate((x) => (indicator(x, '2')['operator'] = symbol)));
      expect(r.ok && r.value.indicators[1]?.operator).toBe(code);
    }
  });

  it('JSON numbers, converted through their text (never float arithmetic)', () => {
    const r = parseScoringInput(
      mutate((x) => {
        Object.assign(indicator(x, '4'), { target: 10, actual: 11.4, weight: 10 });
        x.budget['executed'] = 114;
        indicator(x, '6')['score'] = 10.5;
        indicator(x, '1').id = 1 as never;
      }),
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.indicators[3]).toMatchObject({ target: '10', actual: '11.4', weight: '10' });
      expect(r.value.indicators[5]?.score).toBe('10.5');
      expect(r.value.indicators[0]?.id).toBe('1');
      expect(r.value.budget.executed).toBe('114');
    }
  });

  it('negative targets and actuals (a negative actual then counts as 0)', () => {
    const r = parseScoringInput(
      mutate((x) => Object.assign(indicator(x, '2'), { target: '-5', actual: '-1' })),
    );
    expect(r.ok && r.value.indicators[1]).toMatchObject({ target: '-5', actual: '-1' });
  });

  it('"+5" and " 12 " as decimals', () => {
    const r = parseScoringInput(
      mutate((x) => Object.assign(indicator(x, '2'), { target: ' 95 ', actual: '+98' })),
    );
    expect(r.ok && r.value.indicators[1]).toMatchObject({ target: '95', actual: '98' });
  });

  it('成本指标 as level 1, and codes instead of Chinese', () => {
    const r = parseScoringInput(
      mutate((x) => {
        Object.assign(indicator(x, '4'), { level1: '成本指标', operator: 'LE' });
        Object.assign(indicator(x, '6'), { operator: 'QUAL', actual: 'PARTIAL' });
      }),
    );
    expect(r.ok && r.value.indicators[3]?.level1).toBe('COST');
    expect(r.ok && r.value.indicators[5]?.actual).toBe('PARTIAL');
  });

  it('is idempotent: a parsed input parses to itself', () => {
    const once = parseScoringInput(workedExample());
    if (!once.ok) {
      throw new Error('invalid');
    }
    expect(parseScoringInput(once.value)).toEqual(once);
  });

  it('the --preset option wins over rules.preset and keeps other overrides', () => {
    const raw = mutate((x) => (x.rules = { preset: 'mof-2020', overTargetRatio: '1.5' }));
    const r = parseScoringInput(raw, { preset: 'hubei-variant' });
    // under hubei-variant the budget weight 10 + 90 is still 100; the 定性 band [7.5, 12) admits 10.50
    expect(r.ok && r.value.rules).toEqual({ preset: 'hubei-variant', overTargetRatio: '1.5' });
  });
});

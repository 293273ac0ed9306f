import { describe, expect, it } from 'vitest';
import { checkRates } from './rate-mismatch.ts';
import { codesOf, run } from './test-helpers.ts';

describe('RATE_MISMATCH / RATE_PRECISION', () => {
  it('flags 95% for 76.27 ÷ 80 = 95.34% as imprecise, not wrong', () => {
    const [f] = run(
      checkRates,
      '招商引资业务工作经费年初预算 80万元，实际支出 76.27万元，执行率 95%。',
    );
    expect(f).toMatchObject({
      code: 'RATE_PRECISION',
      severity: 'low',
      excerpt: '实际支出 76.27万元，执行率 95%',
    });
    expect(f?.message).toBe('执行率应为 95.34%（76.27 ÷ 80），报告写作 95%。');
  });

  it('accepts the rate at two decimals, half-up (contract v1.1: cut off is more than half a unit away)', () => {
    expect(codesOf(checkRates, '全年预算数80.00万元，执行数76.27万元，执行率95.34%。')).toEqual([]);
    expect(codesOf(checkRates, '全年预算数80.00万元，执行数76.27万元，执行率95.33%。')).toEqual([
      'RATE_MISMATCH',
    ]);
    expect(
      codesOf(checkRates, '全年预算数 36,628.61 万元，执行数 36,628.61 万元，支出进度 100%。'),
    ).toEqual([]);
    expect(
      codesOf(checkRates, '全年预算数36,628.61万元，执行数36,628.61万元，完成预算的 100%。'),
    ).toEqual([]);
  });

  it('flags a rate the amounts do not support', () => {
    const [f] = run(
      checkRates,
      '外贸企业扶持资金全年预算数1,200.00万元，执行数1,129.50万元，执行率96.50%。',
    );
    expect(f?.code).toBe('RATE_MISMATCH');
    expect(f?.severity).toBe('high');
    expect(f?.message).toContain('94.13%（1,129.50 ÷ 1,200.00）');
    expect(codesOf(checkRates, '全年预算数80万元，执行数76.27万元，执行率96%。')).toEqual([
      'RATE_MISMATCH',
    ]);
    expect(codesOf(checkRates, '全年预算数80万元，执行数76.27万元，执行率95.3%。')).toEqual([
      'RATE_PRECISION',
    ]);
  });

  it('uses the adjusted budget when both 年初 and 全年 are printed, and converts units', () => {
    expect(
      codesOf(
        checkRates,
        '年初预算数100.00万元，全年预算数80.00万元，执行数76.27万元，执行率95.34%。',
      ),
    ).toEqual([]);
    expect(codesOf(checkRates, '预算数800,000元，执行数76.27万元，执行率95.34%。')).toEqual([]);
  });

  it('leaves a rate alone when its amounts belong to different subjects or are missing', () => {
    expect(codesOf(checkRates, 'A项目预算80万元，B项目执行76.27万元，执行率95%。')).toEqual([]);
    expect(codesOf(checkRates, '招商引资业务工作经费执行率95%，低于序时进度。')).toEqual([]);
  });

  it('recomputes indicator completion rates from target and actual', () => {
    expect(
      codesOf(checkRates, '新洽谈重点招商项目数：年度指标值≥300个，实际完成336个，完成率112.00%。'),
    ).toEqual([]);
    expect(
      codesOf(checkRates, '新洽谈重点招商项目数：年度指标值≥300个，实际完成336个，完成率110.00%。'),
    ).toEqual(['RATE_MISMATCH']);
    expect(
      codesOf(checkRates, '新洽谈重点招商项目数：年度指标值≥300个，实际完成336个，完成率100%。'),
    ).toEqual([]); // capped
    expect(
      codesOf(checkRates, '办理时限：年度指标值≤15个工作日，实际完成12个工作日，完成率100%。'),
    ).toEqual([]); // reverse
  });
  it('reads the other phrasings of rates and totals (v1.1)', () => {
    const wrong = [
      '项目资金总额350.00万元，已支付301.64万元，支付率86.19%。',
      '下达资金120.00万元，实际使用98.50万元，资金使用率82.03%。',
      '计划下达资金500.00万元，到位资金450.00万元，到位率92.00%。',
      '项目资金共200万元，年内支出150万元，资金执行率76.00%。',
      '已支付35.30万元、未支付4.70万元，支付率89.00%。',
      '全年预算数80.00万元，执行数60.00万元，支出进度76.00%。',
      '全年预算数80.00万元，执行数60.00万元，完成率76.00%。',
    ];
    for (const t of wrong) {
      expect([t, codesOf(checkRates, t)]).toEqual([t, ['RATE_MISMATCH']]);
    }
    const right = [
      '项目资金总额350.00万元，已支付301.64万元，支付率86.18%。',
      '下达资金120.00万元，实际使用98.50万元，资金使用率82.08%。',
      '计划下达资金500.00万元，到位资金450.00万元，到位率90.00%。',
      '已支付35.30万元、未支付4.70万元，支付率88.25%。',
      '全年预算数80.00万元，执行数60.00万元。预算执行率75.00%。',
    ];
    for (const t of right) {
      expect([t, codesOf(checkRates, t)]).toEqual([t, []]);
    }
  });

  it('ties a rate cell to the budget and executed columns of its row', () => {
    const table = [
      '（三）项目支出情况',
      '项目名称\t年初预算数（万元）\t全年预算数（万元）\t执行数（万元）\t执行率',
      '办公设备购置\t50.00\t48.00\t45.60\t95.00%',
      '信息系统运维\t120.00\t120.00\t103.42\t86.19%',
    ].join('\n');
    const found = run(checkRates, table);
    expect(found.map((f) => f.code)).toEqual(['RATE_MISMATCH']);
    expect(found[0]?.excerpt).toContain('信息系统运维');
    expect(found[0]?.message).toContain('86.18%');
  });

  it('does not compare a rate with amounts of another subject named in the sentence before', () => {
    const t = 'A项目全年预算数100.00万元。B项目实际支付35.30万元，支付率35.30%。';
    expect(codesOf(checkRates, t)).toEqual([]);
  });
});

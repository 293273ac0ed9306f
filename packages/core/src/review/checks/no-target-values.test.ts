import { describe, expect, it } from 'vitest';
import { checkNoTargetValues } from './no-target-values.ts';
import { codesOf, run } from './test-helpers.ts';

const report = (evaluation: string, problems = '部分指标缺乏数据支持。'): string =>
  `2023年度某局整体支出绩效自评报告\n一、基本情况\n全年计划举办活动20场。\n二、综合评价分析\n${evaluation}\n三、存在的主要问题\n${problems}`;

describe('NO_TARGET_VALUES', () => {
  it('flags results with no target (the seed: 336个, 170个)', () => {
    const [f] = run(
      checkNoTargetValues,
      report('2023年，我区新洽谈 336个重点招商项目，推动 170个项目注册落地。'),
    );
    expect(f?.code).toBe('NO_TARGET_VALUES');
    expect(f?.message).toContain('336个、170个');
  });

  it('accepts results printed beside their targets', () => {
    expect(
      codesOf(
        checkNoTargetValues,
        report('新洽谈重点招商项目数：年度指标值≥300个，实际完成336个，完成率112.00%。'),
      ),
    ).toEqual([]);
    expect(codesOf(checkNoTargetValues, report('惠及中小企业218家（年度指标值≥200家）。'))).toEqual(
      [],
    );
  });

  it('accepts prose that repeats a result already shown against its target', () => {
    const text = report(
      '新洽谈重点招商项目数：年度指标值≥300个，实际完成336个。\n一是全年新洽谈重点招商项目336个。',
    );
    expect(codesOf(checkNoTargetValues, text)).toEqual([]);
  });

  it('does not count money, rates of execution, coverage or the problems part', () => {
    const text = report(
      '其中一级项目 2个，二级项目 0个，共涉及资金 36,628.61万元，占一般公共预算项目支出总额的 100%。\n执行率 95%。',
      '一是新增商事主体1.8万家，但缺少测算依据。',
    );
    expect(codesOf(checkNoTargetValues, text)).toEqual([]);
  });

  it('ignores numbers that are not results: 3家企业未通过复核', () => {
    expect(
      codesOf(checkNoTargetValues, report('执行率97.17%，结余原因是3家企业未通过复核。')),
    ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { checkTargetsAfterFact } from './targets-after-fact.ts';
import { codesOf, run } from './test-helpers.ts';

describe('TARGETS_AFTER_FACT', () => {
  it("flags the seed's admission (L137)", () => {
    const [f] = run(
      checkTargetsAfterFact,
      '二是对于财政资金绩效评价工作的了解不够深入，绩效目标和指标也只是根据项目实际完成情况制定，对项目执行过程有效约束不够。',
    );
    expect(f?.excerpt).toBe('绩效目标和指标也只是根据项目实际完成情况制定');
  });

  it.each([
    '各项指标值按年末实际完成情况确定。',
    '根据实际完成情况设定绩效目标。',
    '年末倒推绩效指标。',
  ])('flags “%s”', (t) => {
    expect(codesOf(checkTargetsAfterFact, t)).toEqual(['TARGETS_AFTER_FACT']);
  });

  it.each([
    '绩效目标在预算批复时确定，年度中不得根据实际完成情况调整目标值。',
    '以近三年实际完成情况和行业标准为依据设定2024年指标值。',
    '根据上年实际完成情况确定本年度指标值。',
    '对照年初设定的绩效目标，逐项核对指标完成情况，确定自评得分。',
    '部分指标缺乏数据支持和可行的分析测评，绩效指标体系有待完善。',
  ])('leaves “%s” alone', (t) => {
    expect(codesOf(checkTargetsAfterFact, t)).toEqual([]);
  });
});

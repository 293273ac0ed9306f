import { describe, expect, it } from 'vitest';
import { checkNoSatisfaction } from './no-satisfaction.ts';
import { codesOf, run } from './test-helpers.ts';

describe('NO_SATISFACTION', () => {
  it('flags a report that never mentions 满意度, pointing at 二、综合评价分析', () => {
    const [f] = run(
      checkNoSatisfaction,
      '2023年度某局整体支出绩效自评报告\n一、基本情况\n二、综合评价分析\n全年完成任务。',
    );
    expect(f).toMatchObject({
      code: 'NO_SATISFACTION',
      severity: 'medium',
      excerpt: '二、综合评价分析',
      line: 3,
    });
  });

  it('flags 满意度 mentioned without a survey result', () => {
    expect(codesOf(checkNoSatisfaction, '群众满意度较高。')).toEqual(['NO_SATISFACTION']);
  });

  it('accepts a satisfaction indicator with its result', () => {
    expect(codesOf(checkNoSatisfaction, '企业满意度：年度指标值≥90%，实际完成95.20%。')).toEqual(
      [],
    );
    expect(codesOf(checkNoSatisfaction, '服务对象满意度测评得分92.5分。')).toEqual([]);
  });
});

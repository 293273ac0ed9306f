import { describe, expect, it } from 'vitest';
import { isMonth, missingResponseParts, responseProblems } from './responses.ts';

describe('monitoring responses', () => {
  it('lists unknown subjects, reasons and likelihoods', () => {
    const problems = responseProblems(
      [
        { subjectKey: 'nope' },
        { subjectKey: 'budget:department', deviationReasons: ['FUNDING', 'LUCK'] },
        { subjectKey: 'budget:department', completionLikelihood: 'MAYBE' },
      ],
      new Set(['budget:department']),
    );
    expect(problems.map((p) => p.message)).toEqual([
      '没有该监控对象',
      '偏差原因「LUCK」无效',
      '完成目标可能性无效',
    ]);
  });

  it('a red or yellow warning needs reasons, likelihood and measures', () => {
    expect(missingResponseParts(null)).toEqual(['偏差原因', '完成目标可能性', '纠偏措施']);
    expect(
      missingResponseParts({
        deviationReasons: ['OTHER'],
        completionLikelihood: null,
        measures: 'x',
      }),
    ).toEqual(['完成目标可能性']);
    expect(
      missingResponseParts({
        deviationReasons: ['OTHER'],
        completionLikelihood: 'POSSIBLE',
        measures: '加快进度',
      }),
    ).toEqual([]);
  });

  it('cut-off months are 1–12', () => {
    expect([0, 1, 12, 13, 6.5].map(isMonth)).toEqual([false, true, true, false, false]);
  });
});

import { describe, expect, it } from 'vitest';
import { checkGrade } from './grade.ts';
import { codesOf, run } from './test-helpers.ts';

describe('GRADE_WITHOUT_SCORE / GRADE_SCORE_MISMATCH', () => {
  it('flags a grade with no score anywhere (the seed: 自评良好)', () => {
    const [f] = run(checkGrade, '整体支出和项目绩效情况较为理想，实现财政资金提质增效，自评良好。');
    expect(f).toMatchObject({ code: 'GRADE_WITHOUT_SCORE', severity: 'high', excerpt: '自评良好' });
  });

  it("accepts a score in the grade's band, in the sentence or elsewhere", () => {
    expect(codesOf(checkGrade, '自评得分93.52分，自评等级为“优”。')).toEqual([]);
    expect(
      codesOf(checkGrade, '部门整体支出自评得分88.75分。\n经综合评价，自评等级为良好。'),
    ).toEqual([]);
    expect(codesOf(checkGrade, '项目自评得分99.53分，等级为“优”，自评表见附件2。')).toEqual([]);
    expect(codesOf(checkGrade, '自评得分90.00分，评价结果为优秀。')).toEqual([]);
  });

  it('flags a score outside the band (≥90 优, ≥80 良, ≥60 中, else 差)', () => {
    const [f] = run(checkGrade, '自评得分86.40分，自评等级为“优”。');
    expect(f?.code).toBe('GRADE_SCORE_MISMATCH');
    expect(f?.message).toBe('得分 86.40分对应等级“良”（80–89.99 分），报告写作“优”。');
    expect(codesOf(checkGrade, '自评得分89.99分，自评等级为“优”。')).toEqual([
      'GRADE_SCORE_MISMATCH',
    ]);
    expect(codesOf(checkGrade, '自评得分59.99分，自评等级为“中”。')).toEqual([
      'GRADE_SCORE_MISMATCH',
    ]);
  });

  it('reads the score however it is printed: after the grade, in a table total row', () => {
    expect(codesOf(checkGrade, '综合评定为“良好”等次，得分85分。')).toEqual([]);
    expect(codesOf(checkGrade, '综合评定为“优秀”等次，得分85分。')).toEqual([
      'GRADE_SCORE_MISMATCH',
    ]);
    expect(codesOf(checkGrade, '总分\t100.00\t98.90\t自评等级：优')).toEqual([]);
    expect(codesOf(checkGrade, '总分\t100.00\t88.90\t自评等级：优')).toEqual([
      'GRADE_SCORE_MISMATCH',
    ]);
  });

  it('does not guess between several indicator scores that follow the grade', () => {
    expect(
      codesOf(checkGrade, '自评等级为优，其中预算执行率得分9.53分，产出指标得分45.00分。'),
    ).toEqual([]);
  });

  it('takes the total, not an indicator score, to back the grade', () => {
    expect(
      codesOf(checkGrade, '预算执行率得分9.53分，产出指标得分45分，合计86.40分，等级为“良”。'),
    ).toEqual([]);
  });

  it('does not read 中 or 优 inside other words as a grade', () => {
    for (const t of [
      '在绩效评价中，发现部分指标缺乏数据。',
      '自评中发现问题。',
      '持续评价优化营商环境。',
      '风险等级为中。',
      '满分100分。',
    ]) {
      expect(codesOf(checkGrade, t)).toEqual([]);
    }
  });
});

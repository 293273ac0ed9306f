import { describe, expect, it } from 'vitest';
import { checkStaleText } from './stale-text.ts';
import { codesOf, run } from './test-helpers.ts';

const report = (year: number, body: string): string =>
  `${year}年度某局整体支出绩效自评报告\n一、基本情况\n${body}`;

describe('STALE_TEXT', () => {
  it('flags pandemic wording in a 2023 report (the seed, L26)', () => {
    const [f] = run(
      checkStaleText,
      report(2023, '坚持疫情防控与经济社会发展双统筹，以“项目为王”招商理念为总起点。'),
    );
    expect(f?.excerpt).toBe('坚持疫情防控与经济社会发展双统筹');
  });

  it('accepts it in a 2022 report, and 2023 wording about its end', () => {
    expect(codesOf(checkStaleText, report(2022, '统筹疫情防控和经济社会发展。'))).toEqual([]);
    expect(codesOf(checkStaleText, report(2023, '疫情防控平稳转段后，消费市场加快恢复。'))).toEqual(
      [],
    );
  });

  it("flags another year's self-evaluation sentence carried over, not a reference to last year's results", () => {
    expect(
      codesOf(checkStaleText, report(2023, '我局对2022年度部门整体支出开展了绩效自评。')),
    ).toEqual(['STALE_TEXT']);
    expect(
      codesOf(checkStaleText, report(2023, '我局对2023年度部门整体支出开展了绩效自评。')),
    ).toEqual([]);
    expect(
      codesOf(checkStaleText, report(2023, '根据2022年度绩效自评结果优化了预算安排。')),
    ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { codesOf, run } from './test-helpers.ts';
import { checkUnitPercentagePoints } from './unit-percentage-points.ts';

describe('UNIT_PERCENTAGE_POINTS', () => {
  it('flags a contribution to growth in % (the seed: 2.3%、0.9%)', () => {
    const [f] = run(
      checkUnitPercentagePoints,
      '分别拉动我区GDP增速 2.3%、0.9%，为区经济高质量发展提供强力动能。',
    );
    expect(f?.excerpt).toBe('拉动我区GDP增速 2.3%、0.9%');
    expect(f?.message).toContain('2.3个百分点、0.9个百分点');
  });

  it.each([
    '拉动地区生产总值增长2.3个百分点。',
    '带动销售额增长15%。',
    '拉动经济增长的贡献率为30%。',
    '行业增加值占GDP比重增至15.1%。',
  ])('leaves “%s” alone', (t) => {
    expect(codesOf(checkUnitPercentagePoints, t)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { checkExAnteTemplates } from './template-check.ts';
import { defaultExAnteTemplate } from './templates.ts';
import type { ExAnteTemplate } from './types.ts';

function withFirstWeight(t: ExAnteTemplate, weight: string): ExAnteTemplate {
  const [dim, ...dims] = t.dimensions;
  const [group, ...groups] = dim!.groups;
  const [point, ...points] = group!.points;
  return {
    ...t,
    dimensions: [
      { ...dim!, groups: [{ ...group!, points: [{ ...point!, weight }, ...points] }, ...groups] },
      ...dims,
    ],
  };
}

describe('checkExAnteTemplates', () => {
  it('accepts the built-in templates (5 × 20 = 100)', () => {
    expect(
      checkExAnteTemplates([defaultExAnteTemplate('PROJECT'), defaultExAnteTemplate('POLICY')]),
    ).toEqual([]);
  });

  it('refuses a template whose points do not sum to 100', () => {
    const problems = checkExAnteTemplates([withFirstWeight(defaultExAnteTemplate('PROJECT'), '6')]);
    expect(problems.map((p) => p.zh)).toEqual([
      '「事前绩效评估评分指标体系（项目）」各要点分值合计 101.00 分，应为 100 分',
    ]);
  });

  it('refuses a weight that is not a positive 2-decimal number, and two templates of one type', () => {
    const bad = withFirstWeight(defaultExAnteTemplate('PROJECT'), '4.999');
    const zero = withFirstWeight(defaultExAnteTemplate('PROJECT'), '0');
    expect(checkExAnteTemplates([bad]).map((p) => p.where)).toEqual(['PROJECT/NECESSITY.1.1']);
    const twice = checkExAnteTemplates([zero, defaultExAnteTemplate('PROJECT')]);
    expect(twice.map((p) => p.en)).toContain('two PROJECT templates');
    expect(twice.map((p) => p.where)).toContain('PROJECT/NECESSITY.1.1');
  });

  it('refuses an empty dimension and repeated point codes', () => {
    const t = defaultExAnteTemplate('POLICY');
    const [first, second, ...rest] = t.dimensions;
    const emptied = { ...t, dimensions: [{ ...first!, groups: [] }, second!, ...rest] };
    expect(checkExAnteTemplates([emptied]).map((p) => p.where)).toContain(`POLICY/${first!.code}`);
    const dup = {
      ...t,
      dimensions: [first!, { ...second!, groups: first!.groups }, ...rest],
    };
    expect(checkExAnteTemplates([dup]).some((p) => p.zh.includes('重复'))).toBe(true);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haizhu2023Fixture } from '../report/fixtures/haizhu-2023.fixture.ts';
import { buildSelfEvaluationReport, renderPlainText } from '../report/index.ts';
import { hardWrap } from './fixtures/hard-wrap.ts';
import { normalizeReportText } from './normalize-text.ts';
import { reviewReport } from './review-report.ts';
import type { ReviewCode, ReviewResult } from './types.ts';

const SEED_URL = new URL('./seed/haizhu-2023-self-evaluation-report.txt', import.meta.url);
const SEED = readFileSync(SEED_URL, 'utf8');
const FIXTURES = new URL('./fixtures/', import.meta.url);

const codes = (r: ReviewResult): ReviewCode[] => [...new Set(r.findings.map((f) => f.code))].sort();

describe('reviewReport on the seed (haizhu 2023)', () => {
  const result = reviewReport(SEED);
  const at = (code: ReviewCode): number[] =>
    result.findings.filter((f) => f.code === code).map((f) => f.line);

  it('reads the title and year', () => {
    expect(result.title).toBe('2023年度广州市海珠区投资促进局整体支出绩效自评报告');
    expect(result.year).toBe(2023);
  });

  it('flags exactly the weaknesses of seed-facts §5 that the contract names', () => {
    expect(codes(result)).toEqual(
      [
        'RATE_PRECISION',
        'BUDGET_RECONCILE',
        'GRADE_WITHOUT_SCORE',
        'TARGETS_AFTER_FACT',
        'NO_TARGET_VALUES',
        'NO_SATISFACTION',
        'DUPLICATE_TEXT',
        'UNIT_PERCENTAGE_POINTS',
        'STALE_TEXT',
      ].sort(),
    );
  });

  it('prints the contract example: 执行率 95% where 76.27 ÷ 80 = 95.34% (L94)', () => {
    const f = result.findings.find((x) => x.code === 'RATE_PRECISION');
    expect(f).toMatchObject({
      severity: 'low',
      line: 94,
      endLine: 95,
      excerpt: '实际支出 76.27万元，执行率 95%',
      message: '执行率应为 95.34%（76.27 ÷ 80），报告写作 95%。',
    });
    expect(f?.messageEn).toContain('95.34%');
  });

  it('puts each finding on the line seed-facts gives', () => {
    expect(at('BUDGET_RECONCILE')).toEqual([94]); // #3: 36,628.61 executed 100% while 80 → 76.27
    expect(at('GRADE_WITHOUT_SCORE')).toEqual([65]); // #5: 自评良好
    expect(at('TARGETS_AFTER_FACT')).toEqual([137]); // #6
    expect(at('UNIT_PERCENTAGE_POINTS')).toEqual([109]); // #17: 2.3%、0.9%
    expect(at('STALE_TEXT')).toEqual([26]); // #19: 疫情防控
    expect(at('DUPLICATE_TEXT')).toEqual(expect.arrayContaining([42, 69, 71, 99])); // #18
    expect(at('NO_TARGET_VALUES')[0]).toBeGreaterThanOrEqual(85); // #7: L85–91
    expect(at('NO_TARGET_VALUES')[0]).toBeLessThanOrEqual(91);
    expect(at('NO_SATISFACTION')).toHaveLength(1); // #8
  });

  it('explains the reconciliation gap in 万元', () => {
    const f = result.findings.find((x) => x.code === 'BUDGET_RECONCILE');
    expect(f?.message).toContain('少支出 3.73万元');
    expect(f?.excerpt).toBe('招商引资业务工作经费年初预算 80万元，实际支出 76.27万元');
  });

  it('gives excerpts the UI can highlight: the normalized text at [start, end), starting on `line`', () => {
    const n = normalizeReportText(SEED);
    const raw = SEED.split('\n');
    for (const f of result.findings) {
      expect(n.text.slice(f.start, f.end)).toBe(f.excerpt);
      expect(raw[f.line - 1]?.replace(/\s/g, '')).toContain(f.excerpt.replace(/\s/g, '').charAt(0));
      expect(f.endLine).toBeGreaterThanOrEqual(f.line);
    }
  });

  it('lists the figures with labels, values without separators and lines', () => {
    expect(result.figures).toContainEqual({
      label: '全年预算数',
      value: '36628.61',
      unit: '万元',
      line: 36,
    });
    expect(result.figures).toContainEqual({ label: '执行率', value: '95', unit: '%', line: 95 });
  });
});

describe('fixtures: good reports stay silent, planted reports yield exactly their planted codes', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));

  it('has at least two good and two planted reports', () => {
    expect(files.filter((f) => f.startsWith('good-')).length).toBeGreaterThanOrEqual(2);
    expect(files.filter((f) => f.startsWith('planted-')).length).toBeGreaterThanOrEqual(2);
  });

  for (const file of files) {
    const text = readFileSync(new URL(file, FIXTURES), 'utf8');
    const expected = JSON.parse(
      readFileSync(new URL(file.replace(/\.txt$/, '.expected.json'), FIXTURES), 'utf8'),
    ) as {
      codes: ReviewCode[];
    };

    it(`${file}: ${expected.codes.length === 0 ? 'no finding' : expected.codes.join(', ')}`, () => {
      const result = reviewReport(text);
      expect(codes(result)).toEqual([...expected.codes].sort());
      if (file.startsWith('good-')) {
        expect(result.findings.filter((f) => f.severity !== 'low')).toEqual([]);
      }
      expect(result.title).toMatch(/^20\d\d年度.+报告$/);
    });

    it(`${file}: the same codes once hard-wrapped like a PDF`, () => {
      const wrapped = hardWrap(normalizeReportText(text).text);
      expect(codes(reviewReport(wrapped))).toEqual([...expected.codes].sort());
    });
  }
});

describe('our own generated report (core/report, Haizhu 2023 fixture)', () => {
  const text = renderPlainText(buildSelfEvaluationReport(haizhu2023Fixture));

  it('has no high or medium finding, as plain text and hard-wrapped like a PDF', () => {
    for (const t of [text, hardWrap(text)]) {
      const serious = reviewReport(t).findings.filter((f) => f.severity !== 'low');
      expect(serious.map((f) => `${f.code} L${f.line}: ${f.message}`)).toEqual([]);
    }
  });

  it('reads its title, year and department total', () => {
    const r = reviewReport(text);
    expect(r.title).toBe('2023年度广州市海珠区投资促进局整体支出绩效自评报告');
    expect(r.year).toBe(2023);
    expect(r.figures).toContainEqual(
      expect.objectContaining({ label: '部门全年预算数', value: '36628.61', unit: '万元' }),
    );
  });
});

// The Haizhu 2023 report built from the fixture: the seed's outline, its figures, and none of its 25 weaknesses.
import { describe, expect, it } from 'vitest';
import { d, formatPercent, percentOf } from '../decimal.ts';
import { reviewReport } from '../review/index.ts';
import { buildSelfEvaluationReport, REPORT_OUTLINE } from './build-report.ts';
import { allParagraphs, placeCells, runsText, walkSections, type Run } from './document-model.ts';
import { haizhu2023Fixture } from './fixtures/haizhu-2023.fixture.ts';
import type { DepartmentReportData } from './report-data.ts';
import { renderPlainText } from './render-text.ts';

const doc = buildSelfEvaluationReport(haizhu2023Fixture);
const narrative = allParagraphs(doc).map((p) => (p.lead ?? '') + runsText(p.runs));
const body = narrative.join('\n');

/** Text without whitespace, punctuation and symbols: what "verbatim repetition" compares. */
function bare(s: string): string {
  return s.replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Passages of `n` bare characters that occur twice without overlapping (within one text or across texts). */
function repeatedPassages(texts: readonly string[], n: number): string[] {
  const seen = new Map<string, { text: number; at: number }>();
  const out = new Set<string>();
  texts.forEach((t, ti) => {
    const b = bare(t);
    for (let i = 0; i + n <= b.length; i++) {
      const w = b.slice(i, i + n);
      const first = seen.get(w);
      if (first === undefined) {
        seen.set(w, { text: ti, at: i });
      } else if (first.text !== ti || i - first.at >= n) {
        out.add(w);
      }
    }
  });
  return [...out];
}

describe('buildSelfEvaluationReport — Haizhu 2023', () => {
  it('has the seed title and the seed outline, headings numbered as in the seed', () => {
    expect(doc.title).toBe('2023年度广州市海珠区投资促进局整体支出绩效自评报告');
    expect(doc.titleLines.join('')).toBe(doc.title);
    const headings = walkSections(doc.sections).map((s) => s.number + s.title);
    expect(headings).toEqual([
      '一、基本情况',
      '（一）部门概况',
      '1.主要职能',
      '2.机构设置情况',
      '（二）年度总体工作和重点工作任务',
      '（三）部门整体收支情况',
      '（四）部门整体绩效管理情况',
      '二、综合评价分析',
      '（一）自评结论综述',
      '（二）各项工作任务绩效目标完成情况分析',
      '（三）各重点任务项目支出完成情况分析',
      '1.招商引资业务工作经费',
      '2.招商引资产业扶持专项资金',
      '（四）主要工作成效',
      '三、存在的主要问题',
      '四、下一步改进措施',
    ]);
    expect(Object.values(REPORT_OUTLINE).every((t) => headings.some((h) => h.endsWith(t)))).toBe(
      true,
    );
    const evaluation = doc.sections[1];
    expect(evaluation?.blocks[0]?.kind === 'paragraph' && evaluation.blocks[0].lead).toBe(
      '部门整体支出绩效自评综述：',
    );
  });

  it('prints every seed figure', () => {
    for (const f of [
      '36,628.61万元',
      '76.27万元',
      '80.00万元',
      '95.34%',
      '336个',
      '170个',
      '15.1%',
      '3.6%',
      '2.3个百分点',
      '0.9个百分点',
      '1.8万家',
    ]) {
      expect(body, f).toContain(f);
    }
  });

  it('gives the numeric score beside the grade, and the grade matches the band', () => {
    expect(doc.meta.score).toBe('98.90');
    expect(doc.meta.grade).toBe('优');
    expect(body).toContain('部门整体支出绩效自评得分98.90分，等级为“优”');
    expect(body).toMatch(/合计98\.90分，自评等级为“优”/);
  });

  it('prints each 执行率 as the ratio of the amounts printed with it, to 2 decimals', () => {
    const re =
      /全年预算数([\d,]+\.\d{2})万元，全年执行数([\d,]+\.\d{2})万元，(?:预算)?执行率([\d.]+%)/g;
    const matches = [...body.matchAll(re)];
    expect(matches.length).toBe(3); // department + two projects
    for (const m of matches) {
      const budget = d((m[1] ?? '').replace(/,/g, ''));
      const executed = d((m[2] ?? '').replace(/,/g, ''));
      expect(m[3]).toBe(formatPercent(percentOf(executed, budget)));
    }
    expect(body).toContain(
      '全年预算数80.00万元，全年执行数76.27万元，执行率95.34%，预算执行得分9.53分',
    );
  });

  it('reconciles basic + project expenditure with the total and states the carry-over and income', () => {
    expect(body).toContain(
      '基本支出全年预算数1,328.47万元、执行数1,328.47万元；项目支出全年预算数35,300.14万元、执行数35,296.41万元；两者合计与部门全年预算数、全年执行数一致',
    );
    expect(body).toContain('年末结转结余3.73万元');
    expect(body).toContain(
      '部门收入合计36,628.61万元，其中财政拨款收入36,428.61万元、上年结转200.00万元',
    );
  });

  it('fixes the seed weaknesses: staffing, basis notice, targets beside results, 满意度/质量/时效/成本, 个百分点, attribution, no 疫情', () => {
    expect(body).toContain('核定编制28名');
    expect(body).toMatch(/^根据《关于开展2023年度区级财政资金绩效自评工作的通知》/);
    expect(body).toContain(
      '全区新洽谈重点招商项目数※年度指标值≥300个，实际完成336个，完成率112.00%',
    );
    for (const w of ['满意度', '质量指标', '时效指标', '成本指标']) {
      expect(body).toContain(w);
    }
    expect(body).toContain('分别拉动全区GDP增长2.3个百分点、0.9个百分点');
    expect(body).not.toMatch(/增速\s*\d+(\.\d+)?%/);
    expect(body).toContain('作出贡献');
    expect(body).not.toContain('疫情');
    expect(body).not.toMatch(/根据[^。]*实际完成情况[^。]*制定/);
  });

  it('maps every problem to a measure with an owner and a deadline', () => {
    const problems = allParagraphs(doc).filter((p) => /^problems\.\d+$/.test(p.key));
    const measures = allParagraphs(doc).filter((p) => /^measures\.\d+$/.test(p.key));
    expect(problems).toHaveLength(3);
    expect(measures).toHaveLength(3);
    measures.forEach((m, i) => {
      const t = runsText(m.runs);
      expect(t).toMatch(new RegExp(`^${i + 1}\\.针对问题[一二三]：`));
      expect(t).toMatch(/责任科室：[^；]+；完成时限：\d{4}年\d{1,2}月\d{1,2}日。$/);
    });
  });

  it('repeats no passage of 20 characters in the narrative, nor between the narrative and any table cell', () => {
    expect(repeatedPassages(narrative, 20)).toEqual([]);
    const cells = doc.annexes.flatMap((a) =>
      a.table.rows.flatMap((r) => r.cells.map((c) => runsText(c.runs))),
    );
    const narrativeWindows = new Set<string>();
    for (const t of narrative) {
      const b = bare(t);
      for (let i = 0; i + 20 <= b.length; i++) {
        narrativeWindows.add(b.slice(i, i + 20));
      }
    }
    const shared = cells.filter((c) => {
      const b = bare(c);
      for (let i = 0; i + 20 <= b.length; i++) {
        if (narrativeWindows.has(b.slice(i, i + 20))) {
          return true;
        }
      }
      return false;
    });
    expect(shared).toEqual([]);
  });

  it('every number in the narrative is a figure with a source', () => {
    const runs: Run[] = allParagraphs(doc).flatMap((p) => p.runs);
    const figures = runs.filter((r) => r.kind === 'figure');
    expect(figures.length).toBeGreaterThan(80);
    expect(figures.every((f) => f.source.table !== '')).toBe(true);
    // a figure found in free text that equals a record's value points at that record
    const achievement = allParagraphs(doc).find((p) => p.key === 'evaluation.achievements.2');
    const pp = achievement?.runs.find((r) => r.kind === 'figure' && r.text === '2.3个百分点');
    expect(pp?.kind === 'figure' && pp.source).toEqual({ table: 'indicators', id: 'D08' });
    // no amount, rate or count with a unit is left as plain text
    const plain = runs
      .filter((r) => r.kind === 'text')
      .map((r) => r.text)
      .join('|');
    expect(plain).not.toMatch(/\d+(?:\.\d+)?(?:万元|%|个百分点|万家)/);
  });

  it('has one annex per self-evaluation table, department first, on grids that add up', () => {
    expect(doc.annexes.map((a) => `${a.label} ${a.title}`)).toEqual([
      '附件1 2023年度广州市海珠区投资促进局部门整体支出绩效自评表',
      '附件2 2023年度招商引资业务工作经费项目支出绩效自评表',
      '附件3 2023年度招商引资产业扶持专项资金项目支出绩效自评表',
    ]);
    for (const a of doc.annexes) {
      expect(() => placeCells(a.table)).not.toThrow();
      expect(a.orientation).toBe('portrait');
    }
  });

  it('passes the report reviewer with no high or medium finding', () => {
    const result = reviewReport(renderPlainText(doc));
    expect(result.title).toBe(doc.title);
    expect(result.year).toBe(2023);
    const serious = result.findings.filter((f) => f.severity !== 'low');
    expect(serious).toEqual([]);
    // the low ones left are the annex forms repeating their own headers (same form, three times)
    const narrativeLines = renderPlainText(doc)
      .split('\n')
      .findIndex((l) => l === '附件1');
    expect(
      result.findings.every((f) => f.code === 'DUPLICATE_TEXT' && f.line > narrativeLines),
    ).toBe(true);
  });

  it('keeps a user override and marks it', () => {
    const data: DepartmentReportData = {
      ...haizhu2023Fixture,
      narrative: {
        ...haizhu2023Fixture.narrative,
        overrides: {
          'basic.functions':
            '区投资促进局负责全区投资促进、招商引资和企业服务工作，全年服务企业1,200家。',
        },
      },
    };
    const p = allParagraphs(buildSelfEvaluationReport(data)).find(
      (x) => x.key === 'basic.functions',
    );
    expect(p?.overridden).toBe(true);
    expect(runsText(p?.runs ?? [])).toBe(
      '区投资促进局负责全区投资促进、招商引资和企业服务工作，全年服务企业1,200家。',
    );
    expect(p?.runs.find((r) => r.kind === 'figure')).toEqual({
      kind: 'figure',
      text: '1,200家',
      source: { table: 'narrative', id: 'basic.functions', note: '用户修改' },
    });
  });

  it('says so instead of claiming a reconciliation when the parts do not add up', () => {
    const data: DepartmentReportData = {
      ...haizhu2023Fixture,
      basicExpenditure: {
        ...haizhu2023Fixture.basicExpenditure,
        executed: haizhu2023Fixture.basicExpenditure.adjustedBudget,
      },
      projectExpenditure: {
        ...haizhu2023Fixture.projectExpenditure,
        executed: haizhu2023Fixture.projectExpenditure.adjustedBudget,
      },
    };
    const text = allParagraphs(buildSelfEvaluationReport(data))
      .map((p) => runsText(p.runs))
      .join('\n');
    expect(text).toContain('与部门合计数不一致，差异原因待核实');
  });

  it('is deterministic (same data, same document)', () => {
    expect(buildSelfEvaluationReport(haizhu2023Fixture)).toEqual(doc);
  });
});

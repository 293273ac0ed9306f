// HTML preview: every paragraph editable by key, every figure tagged with its source, all text escaped.
import { describe, expect, it } from 'vitest';
import { buildSelfEvaluationReport } from './build-report.ts';
import { allParagraphs, type ReportDocument } from './document-model.ts';
import { haizhu2023Fixture } from './fixtures/haizhu-2023.fixture.ts';
import type { DepartmentReportData } from './report-data.ts';
import { escapeHtml, renderHtml } from './render-html.ts';

const doc = buildSelfEvaluationReport(haizhu2023Fixture);
const html = renderHtml(doc);

describe('renderHtml', () => {
  it('is one <article> fragment with the title and the sections', () => {
    expect(
      html.startsWith(
        '<article class="jx-report" lang="zh-CN"><h1 class="jx-title">2023年度广州市海珠区投资促进局整体支出绩效自评报告</h1>',
      ),
    ).toBe(true);
    expect(html.endsWith('</article>')).toBe(true);
    expect(html).toContain(
      '<section class="jx-section jx-level-1" data-section="basic"><h2>一、基本情况</h2>',
    );
    expect(html).toContain('<h4>1.招商引资业务工作经费</h4>');
    expect(html).not.toContain('<html');
  });

  it('gives every paragraph its key, exactly once', () => {
    for (const p of allParagraphs(doc)) {
      expect(html.split(`data-key="${p.key}"`).length - 1, p.key).toBe(1);
    }
  });

  it('wraps every figure in a span naming its source', () => {
    expect(html).toContain(
      '<span class="jx-figure" data-source="budgets#TZCJ-2023-P01" data-source-note="执行率 = 全年执行数 ÷ 全年预算数">95.34%</span>',
    );
    expect(html).toContain(
      '<span class="jx-figure" data-source="indicators#D08">2.3个百分点</span>',
    );
  });

  it('renders the annex tables with merged cells and marks illustrative cells', () => {
    expect(html).toContain('<th colspan="2" class="jx-center">项目名称</th>');
    expect(html).toContain('<th rowspan="5" class="jx-center">项目资金（万元）</th>');
    expect(html).toContain('class="jx-left jx-illustrative"');
    expect((html.match(/<table class="jx-table"/g) ?? []).length).toBe(3);
  });

  it('escapes user text and marks overrides', () => {
    const data: DepartmentReportData = {
      ...haizhu2023Fixture,
      narrative: {
        ...haizhu2023Fixture.narrative,
        overrides: { problems: '<script>alert("x")</script> & 其他' },
      },
    };
    const out = renderHtml(buildSelfEvaluationReport(data));
    expect(out).not.toContain('<script>');
    expect(out).toContain(
      'data-key="problems" data-overridden="true">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 其他</p>',
    );
    expect(escapeHtml(`a'b`)).toBe('a&#39;b');
  });

  it('renders a document without annexes or subtitle', () => {
    const bare: ReportDocument = { ...doc, annexes: [], subtitle: null };
    expect(renderHtml(bare)).not.toContain('jx-annex');
  });
});

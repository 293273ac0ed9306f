// Markdown rendering: the whole Haizhu report against a golden file (UPDATE_GOLDEN=1 rewrites it), and GFM tables.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSelfEvaluationReport } from './build-report.ts';
import { cell, type TableBlock } from './document-model.ts';
import { haizhu2023Fixture } from './fixtures/haizhu-2023.fixture.ts';
import { renderMarkdown, tableToMarkdown } from './render-markdown.ts';

const golden = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '__golden__',
  'haizhu-2023.md',
);

describe('renderMarkdown', () => {
  it('matches the golden file (UPDATE_GOLDEN=1 to rewrite)', () => {
    const md = renderMarkdown(buildSelfEvaluationReport(haizhu2023Fixture));
    if (process.env['UPDATE_GOLDEN'] === '1' || !fs.existsSync(golden)) {
      fs.writeFileSync(golden, md);
    }
    expect(md).toBe(fs.readFileSync(golden, 'utf8'));
  });

  it('writes headings by level and the annexes after a rule', () => {
    const md = renderMarkdown(buildSelfEvaluationReport(haizhu2023Fixture));
    expect(md.startsWith('# 2023年度广州市海珠区投资促进局整体支出绩效自评报告\n')).toBe(true);
    expect(md).toContain('\n## 一、基本情况\n');
    expect(md).toContain('\n### （一）部门概况\n');
    expect(md).toContain('\n#### 1.主要职能\n');
    expect(md).toContain('\n**部门整体支出绩效自评综述：**本次自评');
    expect(md).toContain('\n---\n\n## 附件2　2023年度招商引资业务工作经费项目支出绩效自评表\n');
    expect(md).toContain('| 总分 |  |  |  |  | 100.00 | 99.53 | 自评等级：**优** |  |  |');
  });

  it('leaves merged slots empty and escapes pipes and line breaks in cells', () => {
    const t: TableBlock = {
      kind: 'table',
      key: 't',
      columnWidthsMm: [20, 20, 20],
      rows: [
        {
          repeatHeader: true,
          cells: [
            cell('A', { header: true, rowSpan: 2 }),
            cell('B|C', { header: true, colSpan: 2 }),
          ],
        },
        { repeatHeader: false, cells: [cell('x\ny'), cell('*z*')] },
      ],
      fontSizePt: 9,
      sheetName: 't',
      caption: null,
      notes: ['n'],
    };
    expect(tableToMarkdown(t)).toBe(
      '| A | B\\|C |  |\n| --- | --- | --- |\n|  | x<br>y | \\*z\\* |\n\n注：n',
    );
  });
});

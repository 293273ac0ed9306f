// jixiao review FILE [--json] — 报告智能审核: read a .txt/.docx/.pdf report and list what a careful reviewer would flag.
import type { Command } from 'commander';
import {
  REVIEW_CODE_TITLES,
  REVIEW_DOCUMENT_TYPES,
  reviewReport,
  type ReviewDocumentType,
  type Bilingual,
  type ReviewFinding,
  type ReviewResult,
  type ReviewSeverity,
} from '@jixiao/core';
import { CliError, EXIT_INVALID } from '../exit-codes.ts';
import { formatTable, printJson, printLine, t } from '../output.ts';

const SEVERITY: Readonly<Record<ReviewSeverity, Bilingual>> = {
  high: { zh: '高', en: 'high' },
  medium: { zh: '中', en: 'medium' },
  low: { zh: '低', en: 'low' },
};

const EXCERPT_CHARS = 24;

function shorten(s: string, n: number): string {
  const chars = [...s.replace(/\s+/g, ' ')];
  return chars.length <= n ? chars.join('') : `${chars.slice(0, n).join('')}…`;
}

/** Where a finding is: line of a .txt, paragraph of a .docx (the same number), page and line of a .pdf. */
function place(x: ReviewFinding): string {
  return x.page === undefined
    ? String(x.line)
    : t({ zh: `第${x.page}页 ${x.line}行`, en: `p.${x.page} l.${x.line}` });
}

function count(findings: readonly ReviewFinding[], severity: ReviewSeverity): number {
  return findings.filter((f) => f.severity === severity).length;
}

/** The zh-CN (or English) list: title, counts, then one row per finding in text order. */
export function renderReview(result: ReviewResult, file: string): string[] {
  const title = result.title === '' ? file : result.title;
  const year =
    result.year === null ? '' : t({ zh: `（${result.year}年度）`, en: ` (${result.year})` });
  const lines = [t({ zh: `审核：${title}${year}`, en: `Review: ${title}${year}` })];
  const f = result.findings;
  if (f.length === 0) {
    lines.push(t({ zh: '未发现问题。', en: 'No findings.' }));
    return lines;
  }
  const [h, m, l] = [count(f, 'high'), count(f, 'medium'), count(f, 'low')];
  lines.push(
    t({
      zh: `发现 ${f.length} 处问题：高 ${h} · 中 ${m} · 低 ${l}`,
      en: `${f.length} finding${f.length === 1 ? '' : 's'}: ${h} high · ${m} medium · ${l} low`,
    }),
  );
  lines.push('');
  const header = [
    t({ zh: '位置', en: 'Place' }),
    t({ zh: '级别', en: 'Severity' }),
    t({ zh: '问题', en: 'Finding' }),
    t({ zh: '原文', en: 'Excerpt' }),
    t({ zh: '说明', en: 'Detail' }),
  ];
  const rows = f.map((x) => [
    place(x),
    t(SEVERITY[x.severity]),
    `${x.code} ${t(REVIEW_CODE_TITLES[x.code])}${x.ocr === true ? t({ zh: '（识别）', en: ' (OCR)' }) : ''}`,
    shorten(x.excerpt, EXCERPT_CHARS),
    t({ zh: x.message, en: x.messageEn }),
  ]);
  lines.push(formatTable(header, rows));
  return lines;
}

export function registerReviewCommand(program: Command): void {
  program
    .command('review')
    .description(
      '报告智能审核：列出自评报告中审核人员会指出的问题 / review a self-evaluation report',
    )
    .argument(
      '<file>',
      '报告文件：.txt、.docx 或 .pdf（扫描件经文字识别）/ report file (.txt, .docx or .pdf; scans are read by OCR)',
    )
    .option('--json', '输出审核结果 JSON / print the result object as JSON')
    .option(
      '--type <type>',
      `报告类型（默认按标题识别）/ report type (detected from the title when absent): ${REVIEW_DOCUMENT_TYPES.join(', ')}`,
    )
    .action(async (file: string, opts: { json?: boolean; type?: string }) => {
      const documentType = REVIEW_DOCUMENT_TYPES.find((x) => x === opts.type);
      if (opts.type !== undefined && documentType === undefined) {
        throw new CliError(
          t({
            zh: `报告类型应为 ${REVIEW_DOCUMENT_TYPES.join('、')} 之一`,
            en: `--type must be one of ${REVIEW_DOCUMENT_TYPES.join(', ')}`,
          }),
          EXIT_INVALID,
        );
      }
      // Loaded here, not at start-up: the PDF and Word readers are only needed by this command.
      const { ExtractError, extractText } = await import('@jixiao/server/extract/extract-text');
      let read: Awaited<ReturnType<typeof extractText>>;
      try {
        read = await extractText(file);
      } catch (e) {
        if (e instanceof ExtractError) {
          throw new CliError(t(e.messages), EXIT_INVALID);
        }
        throw e;
      }
      const result = reviewReport(read.text, {
        ...(documentType === undefined ? {} : { documentType: documentType as ReviewDocumentType }),
        ...(read.pageStarts === undefined ? {} : { pageStarts: read.pageStarts }),
        ocr: read.ocr === true,
      });
      if (opts.json) {
        printJson(result);
        return;
      }
      for (const line of renderReview(result, file)) {
        printLine(line);
      }
    });
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hardWrap } from './fixtures/hard-wrap.ts';
import { lineAt, normalizeReportText } from './normalize-text.ts';

const SEED = readFileSync(
  new URL('./seed/haizhu-2023-self-evaluation-report.txt', import.meta.url),
  'utf8',
);

describe('normalizeReportText', () => {
  it('joins words the PDF split across lines: 投 / 资促进中心, 76.27 / 万元, 1.8 / 万家', () => {
    const { text } = normalizeReportText(SEED);
    expect(text).toContain('办公室、投资促进中心。');
    expect(text).toContain('实际支出 76.27万元，执行率 95%。');
    expect(text).toContain('新增商事主体 1.8万家。');
    expect(text).toContain('全年预算数 36,628.61 万元，执行数 36,628.61 万元，支出进度 100%。');
  });

  it('keeps headings as their own paragraphs', () => {
    const paragraphs = normalizeReportText(SEED).text.split('\n');
    for (const h of [
      '一、基本情况',
      '（一）部门概况',
      '1.主要职能',
      '（三）各重点任务项目支出完成情况分析',
      '四、下一步改进措施',
    ]) {
      expect(paragraphs).toContain(h);
    }
    expect(paragraphs.slice(0, 2)).toEqual([
      '2023年度广州市海珠区投资促进局',
      '整体支出绩效自评报告',
    ]);
  });

  it('maps every character back to its 1-based input line', () => {
    const n = normalizeReportText(SEED);
    expect(n.lines).toHaveLength(n.text.length);
    expect(lineAt(n, n.text.indexOf('实际支出 76.27'))).toBe(94);
    expect(lineAt(n, n.text.indexOf('万元，执行率 95%'))).toBe(95);
    expect(lineAt(n, n.text.indexOf('绩效目标和指标也只是'))).toBe(137);
    expect(lineAt(n, n.text.indexOf('坚持疫情防控'))).toBe(26);
  });

  it('leaves a text with one paragraph per line alone (a .docx or typed .txt)', () => {
    const typed = '（三）部门整体收支情况\n全年预算数80.00万元\n执行数76.27万元\n执行率95.34%';
    expect(normalizeReportText(typed).text).toBe(typed);
  });

  it('gives the same words whether or not the text was hard-wrapped', () => {
    // A space that falls on a line break is lost, as in a real PDF extraction.
    const words = (s: string): string => s.replace(/\s/g, '');
    const once = words(normalizeReportText(SEED).text);
    const twice = words(normalizeReportText(hardWrap(normalizeReportText(SEED).text)).text);
    expect(twice).toBe(once);
  });

  it('reads a PDF table row as tab-separated cells, but not spaced-out prose', () => {
    expect(normalizeReportText('年初预算数 全年预算数 全年执行数 分值 执行率 得分').text).toBe(
      '年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分',
    );
    expect(normalizeReportText('商项目数※ ≥300 个 336 个 15.00 15.00').text).toBe(
      '商项目数※\t≥300 个\t336 个\t15.00\t15.00',
    );
    expect(normalizeReportText('原 因 是 2023-09-15 （ 海 财 预 〔 2023 〕 41 号').text).toBe(
      '原因是 2023-09-15 （海财预〔 2023 〕 41 号',
    );
  });

  it('drops page numbers between lines of a paragraph', () => {
    const lines = Array.from(
      { length: 10 },
      (_, i) => `第${i}行的文字很长很长很长很长很长很长很长很长很长很长很`,
    );
    const text = [...lines.slice(0, 5), '— 2 —', ...lines.slice(5)].join('\n');
    expect(normalizeReportText(text).text).toBe(lines.join(''));
  });

  it('reads CRLF, a BOM and full-width digits', () => {
    const n = normalizeReportText('\ufeff一、基本情况\r\n全年预算数３６,６２８.６１万元。\r\n');
    expect(n.text).toBe('一、基本情况\n全年预算数36,628.61万元。');
    expect(lineAt(n, n.text.indexOf('全年'))).toBe(2);
  });
});

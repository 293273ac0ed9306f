// Golden test of the Word report: build the Haizhu 2023 report, render .docx, read it back, find the seed's
// figures, the score and grade, the annex tables; check the 公文 formatting in word/document.xml.
import { buildSelfEvaluationReport, reviewReport } from '@jixiao/core';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { haizhu2023Fixture } from '../../../../core/src/report/fixtures/haizhu-2023.fixture.ts';
import { renderDocx } from './render-docx.ts';

let docx: Buffer;
let text: string;
let xml: string;

beforeAll(async () => {
  docx = await renderDocx(buildSelfEvaluationReport(haizhu2023Fixture));
  text = (await mammoth.extractRawText({ buffer: docx })).value;
  const zip = await JSZip.loadAsync(docx);
  xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
});

/** Text without whitespace: table cells and wrapped lines come back separated. */
function squeeze(s: string): string {
  return s.replace(/\s+/g, '');
}

describe('renderDocx — Haizhu 2023', () => {
  it('is a .docx (zip) with the title on top', () => {
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(squeeze(text).startsWith('2023年度广州市海珠区投资促进局整体支出绩效自评报告')).toBe(
      true,
    );
  });

  it('contains every seed figure', () => {
    const t = squeeze(text);
    for (const f of [
      '36,628.61',
      '76.27',
      '95.34%',
      '336',
      '170',
      '15.1%',
      '3.6%',
      '2.3个百分点',
      '0.9个百分点',
      '1.8万',
    ]) {
      expect(t, f).toContain(f);
    }
  });

  it('states the score with the grade, and the scores in the tables', () => {
    const t = squeeze(text);
    expect(t).toContain('自评得分98.90分，等级为“优”');
    expect(t).toContain('总分100.0098.90自评等级：优');
    expect(t).toContain('总分100.0099.53自评等级：优');
  });

  it('has the outline headings and the annex tables with their titles and headers', () => {
    for (const h of [
      '一、基本情况',
      '（一）部门概况',
      '1.主要职能',
      '2.机构设置情况',
      '（四）部门整体绩效管理情况',
      '二、综合评价分析',
      '（四）主要工作成效',
      '三、存在的主要问题',
      '四、下一步改进措施',
    ]) {
      expect(text).toContain(h);
    }
    const t = squeeze(text);
    expect(t).toContain('附件12023年度广州市海珠区投资促进局部门整体支出绩效自评表');
    expect(t).toContain('附件22023年度招商引资业务工作经费项目支出绩效自评表');
    expect(t).toContain('附件32023年度招商引资产业扶持专项资金项目支出绩效自评表');
    expect(t).toContain(
      '项目名称招商引资业务工作经费主管部门广州市海珠区投资促进局实施单位投资促进一科',
    );
    expect(t).toContain(
      '项目资金（万元）年初预算数全年预算数全年执行数分值执行率得分年度资金总额80.0080.0076.2710.0095.34%9.53',
    );
    expect(t).toContain('年度总体目标预期目标实际完成情况');
    expect(t).toContain(
      '一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施',
    );
    expect(t).toContain('≥20场△（原≥25场）');
    expect(t).toContain('标“※”的为示例数据');
  });

  it('uses the 公文 faces and sizes, per run with eastAsia', () => {
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
    const bodyFonts = xml.match(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"[^>]*\/>/)?.[0] ?? '';
    for (const attr of [
      'w:ascii="Times New Roman"',
      'w:hAnsi="Times New Roman"',
      'w:hint="eastAsia"',
    ]) {
      expect(bodyFonts).toContain(attr);
    }
    expect(xml).toContain('<w:sz w:val="44"/>'); // 二号 title
    expect(xml).toContain('<w:sz w:val="32"/>'); // 三号 body
    expect(xml).toContain('<w:sz w:val="18"/>'); // 9 pt table cells
    expect(xml).toMatch(/<w:spacing w:after="0" w:before="0" w:line="560" w:lineRule="exact"\/>/);
    expect(xml).toContain('<w:ind w:firstLine="640"/>');
  });

  it('lays out A4 pages with 公文 margins and "— n —" page numbers', async () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    // 37 / 35 / 28 / 26 mm
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const zip = await JSZip.loadAsync(docx);
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(footers.length).toBeGreaterThan(0);
    const footer = (await zip.file(footers[0] ?? '')?.async('string')) ?? '';
    expect(footer).toContain('PAGE');
    expect(footer).toContain('— ');
    expect(footer).toContain('<w:jc w:val="center"/>');
  });

  it('writes fixed-layout tables with repeated header rows and merged cells', () => {
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(3);
  });

  it('reads back clean through the report reviewer (no high or medium finding)', () => {
    const result = reviewReport(text);
    expect(result.title).toBe('2023年度广州市海珠区投资促进局整体支出绩效自评报告');
    expect(result.findings.filter((f) => f.severity !== 'low')).toEqual([]);
  });
});

// Contract v1.1 (issue 17): structure recovery, subjects, boilerplate, scope of NO_TARGET_VALUES, locations, OCR.
import { describe, expect, it } from 'vitest';
import { checkAmountInconsistent } from './checks/amount-inconsistent.ts';
import { checkDuplicateText } from './checks/duplicate-text.ts';
import { checkMissingSection } from './checks/missing-section.ts';
import { checkNoTargetValues } from './checks/no-target-values.ts';
import { checkRates } from './checks/rate-mismatch.ts';
import { codesOf } from './checks/test-helpers.ts';
import { normalizeReportText } from './normalize-text.ts';
import { buildReviewDocument } from './review-document.ts';
import { reviewReport } from './review-report.ts';

const TITLE = '2023年度某区某局整体支出绩效自评报告\n';

describe('structure recovered from flattened PDF text', () => {
  it('finds headings mid-line, after the title and after a sentence', () => {
    const flat =
      '2021 年度某区某局整体支出绩效自评报告 一、基本情况 （一）部门概况 本局负责全区有关工作。（二）年度总体工作和重点工作任务 全年完成各项任务。';
    const paragraphs = normalizeReportText(flat).text.split('\n');
    expect(paragraphs).toEqual([
      '2021 年度某区某局整体支出绩效自评报告',
      '一、基本情况',
      '（一）部门概况',
      '本局负责全区有关工作。',
      '（二）年度总体工作和重点工作任务',
      '全年完成各项任务。',
    ]);
    const doc = buildReviewDocument(flat);
    expect(doc.title).toBe('2021年度某区某局整体支出绩效自评报告');
    expect(doc.year).toBe(2021);
  });

  it('reads full-width digits in the title year and OCR-split numbers', () => {
    expect(buildReviewDocument('２０２２年度某局整体支出绩效自评报告\n一、基本情况').year).toBe(
      2022,
    );
    expect(normalizeReportText('实际支付35. 3万元，下达资金4.500.00万元', { ocr: true }).text).toBe(
      '实际支付35.3万元，下达资金4,500.00万元',
    );
  });

  it('finds a 20-character repeat broken by a line break inside the phrase', () => {
    const text = `${TITLE}我局坚持以项目落地和营税两增为核心丰富企业服务体系内涵，工作有序开展，各项任务按计划推进落实。\n在下半年的各项工作中，其中，我局坚持以项目落地和营税两增为核心丰富企业服务\n体系内涵，服务质量持续提升，企业获得感明显增强。`;
    expect(codesOf(checkDuplicateText, text)).toEqual(['DUPLICATE_TEXT']);
  });

  it('leaves equal figures of two projects, a restated title and a project name alone', () => {
    const text = `${TITLE}甲项目年初预算50.00万元，实际支出50.00万元，执行率100.00%。\n乙项目年初预算50.00万元，实际支出50.00万元，执行率100.00%。\n2023年度某区某局整体支出绩效自评报告\n海珠区中小企业数字化转型服务平台建设项目已完成验收。\n海珠区中小企业数字化转型服务平台建设项目运行稳定。`;
    expect(codesOf(checkDuplicateText, text)).toEqual([]);
  });
});

describe('subjects', () => {
  it('keeps the payments of two projects named in earlier sentences apart', () => {
    const text = `${TITLE}企业服务平台运维项目年初预算40.00万元，主要用于平台运维。全年实际支付35.30万元。\n政策宣传项目年初预算20.00万元，用于宣讲活动。全年实际支付20.00万元。`;
    expect(codesOf(checkAmountInconsistent, text)).toEqual([]);
    expect(codesOf(checkRates, text)).toEqual([]);
  });

  it('never compares a single payment with a total', () => {
    const text = `${TITLE}全年执行数3,600.00万元。\n年内支付项目启动资金748,500元。\n全年执行数3,600.00万元。`;
    expect(codesOf(checkAmountInconsistent, text)).toEqual([]);
  });
});

describe('NO_TARGET_VALUES where goals are analysed', () => {
  const head = `${TITLE}二、综合评价分析\n（二）各项工作任务绩效目标完成情况分析\n培训人次：年度指标值≥300人次，实际完成320人次。\n`;

  it('is silent on 成效 narratives and staffing changes when targets are given in the analysis', () => {
    const text = `${head}（四）主要工作成效\n全年举办活动120场，新建书房6间。\n一、基本情况\n实有在职人员27人，较上年度减少7人。`;
    expect(codesOf(checkNoTargetValues, text)).toEqual([]);
  });

  it('flags results in the analysis even when the sentence mentions 资金', () => {
    const text = `${head}利用专项资金扶持中小企业126家，培育专精特新企业18家。`;
    expect(codesOf(checkNoTargetValues, text)).toEqual(['NO_TARGET_VALUES']);
  });

  it('flags a report that states no target value anywhere', () => {
    const text = `${TITLE}二、综合评价分析\n（一）自评结论综述\n各项工作完成较好。\n（四）主要工作成效\n全年举办活动120场，新建书房6间。`;
    expect(codesOf(checkNoTargetValues, text)).toEqual(['NO_TARGET_VALUES']);
  });
});

describe('document types and locations', () => {
  it('checks a rectification report against its own outline', () => {
    const text =
      '关于2023年度某项目绩效评价发现问题整改情况的报告\n一、基本情况\n评价指出的问题如下。\n二、整改措施及落实情况\n已修订办法。';
    const doc = buildReviewDocument(text);
    expect(doc.documentType).toBe('rectification');
    const f = checkMissingSection(doc);
    expect(f.map((x) => x.message)).toEqual(['报告缺少“三、下一步工作（长效机制）”部分。']);
  });

  it('gives page and line on the page for a PDF, and excerpts verbatim from the input', () => {
    const text = `${TITLE}一、基本情况\n正文。\n全年预算数80.00万元，执行数76.27万元，执行率 95 %。`;
    const r = reviewReport(text, { pageStarts: [1, 3] });
    const rate = r.findings.find((f) => f.code === 'RATE_PRECISION');
    expect(rate).toMatchObject({ page: 2, line: 2 });
    expect(text).toContain(rate?.excerpt);
    expect(reviewReport(text, { ocr: true }).findings.every((f) => f.ocr === true)).toBe(true);
  });
});

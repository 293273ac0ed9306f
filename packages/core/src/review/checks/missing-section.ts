// MISSING_SECTION: a part of the outline (domain-rules §5.4) is absent.
import type { DocumentType, Paragraph, ReviewDocument } from '../review-document.ts';
import { makeFinding, type ReviewFinding } from '../types.ts';

interface Section {
  zh: string;
  en: string;
  re: RegExp;
  /** Sub-sections of 一、基本情况. */
  underBasic: boolean;
}

export const OUTLINE: readonly Section[] = [
  {
    zh: '一、基本情况',
    en: 'Part 1, basic information (基本情况)',
    re: /基本情况|基本概况/,
    underBasic: false,
  },
  {
    zh: '二、综合评价分析',
    en: 'Part 2, overall evaluation (综合评价分析)',
    re: /综合评价|评价分析/,
    underBasic: false,
  },
  {
    zh: '三、存在的主要问题',
    en: 'Part 3, main problems (存在的主要问题)',
    re: /存在.{0,4}问题|主要问题|问题及原因/,
    underBasic: false,
  },
  {
    zh: '四、下一步改进措施',
    en: 'Part 4, improvement measures (下一步改进措施)',
    re: /改进措施|改进建议|整改措施|下一步.{0,4}(?:措施|计划|工作|打算)|有关建议|意见建议/,
    underBasic: false,
  },
  {
    zh: '（一）部门概况',
    en: 'department overview (部门概况)',
    re: /部门概况|单位概况|部门职能|部门基本情况|单位基本情况/,
    underBasic: true,
  },
  {
    zh: '（二）年度总体工作和重点工作任务',
    en: 'annual work and key tasks (年度总体工作和重点工作任务)',
    re: /年度总体工作|重点工作任务|年度主要工作|总体工作/,
    underBasic: true,
  },
  {
    zh: '（三）部门整体收支情况',
    en: 'department income and expenditure (部门整体收支情况)',
    re: /收支情况|收入支出|支出情况|预算收支/,
    underBasic: true,
  },
  {
    zh: '（四）部门整体绩效管理情况',
    en: 'performance management (部门整体绩效管理情况)',
    re: /绩效管理/,
    underBasic: true,
  },
];

const PART = (zh: string, en: string, re: RegExp): Section => ({ zh, en, re, underBasic: false });

/** 项目支出绩效自评报告 (a project's self-evaluation). */
const PROJECT_OUTLINE: readonly Section[] = [
  PART('一、项目基本情况', 'Part 1, the project (项目基本情况)', /基本情况|项目概况/),
  PART(
    '资金投入和使用情况',
    'funding and its use (资金投入和使用情况)',
    /资金(?:投入|使用|管理|到位)|预算(?:执行|安排)情况|收支情况/,
  ),
  PART('绩效目标（实现情况）', 'the performance targets (绩效目标)', /绩效目标|目标(?:完成|实现)/),
  PART(
    '自评结论',
    'the self-evaluation result (自评结论)',
    /自评(?:结论|结果|情况|得分)|评价结论|综合评价/,
  ),
  PART('存在的问题', 'problems found (存在的问题)', /存在.{0,4}问题|主要问题|问题及原因/),
  PART(
    '下一步改进措施',
    'improvement measures (改进措施)',
    /改进措施|改进建议|整改措施|下一步|有关建议|意见建议/,
  ),
];

/** 绩效评价报告 (an evaluation by a third party or the finance bureau, 财预〔2020〕10号 outline). */
const EVALUATION_OUTLINE: readonly Section[] = [
  PART('一、基本情况', 'Part 1, basic information (基本情况)', /基本情况|项目概况/),
  PART(
    '二、绩效评价工作开展情况',
    'how the evaluation was done (评价工作开展情况)',
    /评价工作(?:开展)?情况|评价(?:目的|方法|过程|对象)|评价工作(?:组织|实施)/,
  ),
  PART(
    '三、综合评价情况及评价结论',
    'the overall result and conclusion (综合评价情况及评价结论)',
    /综合评价|评价结论/,
  ),
  PART(
    '四、绩效评价指标分析',
    'analysis by indicator (绩效评价指标分析)',
    /指标分析|绩效分析|绩效情况分析/,
  ),
  PART(
    '存在的问题及原因',
    'problems and their causes (存在的问题及原因)',
    /存在.{0,4}问题|主要问题|问题及原因/,
  ),
  PART('有关建议', 'recommendations (有关建议)', /建议|改进措施/),
];

/** 整改报告 (a report on rectifying what an evaluation found). */
const RECTIFICATION_OUTLINE: readonly Section[] = [
  PART(
    '一、基本情况（问题来源）',
    'Part 1, what is to be rectified (基本情况/问题来源)',
    /基本情况|问题(?:来源|清单|概述)|评价(?:发现|指出)的问题|整改(?:任务|要求)|存在(?:的)?问题/,
  ),
  PART(
    '二、整改措施及落实情况',
    'measures taken and their results (整改措施及落实情况)',
    /整改(?:措施|落实|情况|完成|成效|工作)|落实情况/,
  ),
  PART(
    '三、下一步工作（长效机制）',
    'further work (下一步工作/长效机制)',
    /下一步|长效机制|后续|巩固/,
  ),
];

export const OUTLINES: Readonly<Record<DocumentType, readonly Section[]>> = {
  department: OUTLINE,
  project: PROJECT_OUTLINE,
  evaluation: EVALUATION_OUTLINE,
  rectification: RECTIFICATION_OUTLINE,
};

/** A heading paragraph, or a short unmarked line standing alone as one. */
function headingTexts(doc: ReviewDocument): { p: Paragraph; title: string }[] {
  return doc.paragraphs.flatMap((p) => {
    if (p.heading !== null) {
      return [{ p, title: p.heading.title }];
    }
    const t = p.text.trim();
    return t.length <= 24 && !/[。，,；;]/.test(t) && p.start >= doc.titleEnd
      ? [{ p, title: t }]
      : [];
  });
}

export function checkMissingSection(doc: ReviewDocument): ReviewFinding[] {
  const headings = headingTexts(doc);
  const outline = OUTLINES[doc.documentType];
  const basic = headings.find((h) => h.p.heading?.level === 1 && outline[0]?.re.test(h.title));
  const out: ReviewFinding[] = [];
  for (const s of outline) {
    if (headings.some((h) => s.re.test(h.title))) {
      continue;
    }
    const anchor = s.underBasic && basic !== undefined ? basic.p : null;
    const [start, end] =
      anchor !== null
        ? [anchor.start, anchor.end]
        : doc.titleEnd > doc.titleStart
          ? [doc.titleStart, doc.titleEnd]
          : [0, 0];
    out.push(
      makeFinding(doc, 'MISSING_SECTION', start, end, {
        zh: s.underBasic ? `“一、基本情况”下缺少“${s.zh}”部分。` : `报告缺少“${s.zh}”部分。`,
        en: s.underBasic ? `Part 1 lacks the sub-section on ${s.en}.` : `The report lacks ${s.en}.`,
      }),
    );
  }
  return out;
}

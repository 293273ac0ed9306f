// MISSING_SECTION: a part of the outline (domain-rules §5.4) is absent.
import type { Paragraph, ReviewDocument } from '../review-document.ts';
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
  const basic = headings.find((h) => h.p.heading?.level === 1 && OUTLINE[0]?.re.test(h.title));
  const out: ReviewFinding[] = [];
  for (const s of OUTLINE) {
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

// NO_SATISFACTION: no 满意度 indicator or survey result appears.
import { quantitiesIn, type ReviewDocument } from '../review-document.ts';
import { makeFinding, type ReviewFinding } from '../types.ts';

const SATISFACTION_RE = /满意/;

/** Where to point when something is absent: the 二、 heading, else the title, else the start. */
function anchor(doc: ReviewDocument): [number, number] {
  const evaluation = doc.paragraphs.find(
    (p) => p.heading?.level === 1 && /综合评价|评价分析/.test(p.heading.title),
  );
  if (evaluation !== undefined) {
    return [evaluation.start, evaluation.end];
  }
  return doc.titleEnd > doc.titleStart
    ? [doc.titleStart, doc.titleEnd]
    : [0, Math.min(20, doc.text.length)];
}

export function checkNoSatisfaction(doc: ReviewDocument): ReviewFinding[] {
  if (doc.documentType === 'rectification') {
    return [];
  }
  const mentions = doc.sentences.filter((s) => SATISFACTION_RE.test(s.text));
  const withResult = mentions.some((s) =>
    quantitiesIn(doc, s.start, s.end).some((q) => q.unit === '%' || q.unit === '分'),
  );
  if (withResult) {
    return [];
  }
  const first = mentions[0];
  if (first === undefined) {
    const [start, end] = anchor(doc);
    return [
      makeFinding(doc, 'NO_SATISFACTION', start, end, {
        zh: '全文没有满意度指标或满意度调查结果（服务对象满意度默认占 10 分）；请补充满意度指标值与调查结果。',
        en: 'No satisfaction indicator or survey result appears anywhere (service-recipient satisfaction carries 10 points by default); add the indicator and the survey result.',
      }),
    ];
  }
  const lead = first.text.length - first.text.trimStart().length;
  return [
    makeFinding(doc, 'NO_SATISFACTION', first.start + lead, first.end, {
      zh: '提到满意度，但没有给出满意度指标值或调查结果（如“企业满意度：年度指标值≥90%，实际完成95.20%”）。',
      en: 'Satisfaction is mentioned, but no satisfaction target or survey result is given (e.g. “enterprise satisfaction: target ≥90%, actual 95.20%”).',
    }),
  ];
}

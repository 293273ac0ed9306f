// NO_TARGET_VALUES: results (336个, 1.8万家, 15.1%) reported with no target value to compare against.
import type { Quantity } from '../numbers.ts';
import {
  labelBefore,
  quantitiesIn,
  type Paragraph,
  type ReviewDocument,
  type Sentence,
} from '../review-document.ts';
import { makeFinding, type ReviewFinding } from '../types.ts';

const RESULT_UNITS = new Set([
  '个',
  '家',
  '万家',
  '项',
  '次',
  '场',
  '户',
  '万户',
  '人',
  '人次',
  '万人',
  '万人次',
  '件',
  '万件',
  '万个',
  '条',
  '篇',
  '批',
  '名',
  '套',
  '台',
  '家次',
  '户次',
  '倍',
  '%',
  '个百分点',
  '亿元',
  '公里',
  '平方米',
  '万平方米',
]);
// Clauses about money, scoring and coverage are not results of the work.
const NOT_RESULT_RE =
  /预算|执行率|执行数|支出|得分|权重|分值|一级项目|二级项目|覆盖|自评|总额|编制|在职|退休|实有|人员|科室|内设/;
// Money words count only right before the number ("资金126家" is not a thing; "安排资金300万元" is money).
const MONEY_LABEL_RE = /(?:资金|经费)[^，。]{0,2}$/;
// Narratives of further achievements are not results against targets (contract v1.1).
const NARRATIVE_RE = /成效|成绩|亮点|经验|做法|特色|取得的/;
const TARGET_WORD_RE = /指标值|目标|计划|任务数|任务量|预期/;
const ACHIEVED_RE =
  /完成|实现|新增|推动|洽谈|签约|落地|引进|引入|举办|开展|组织|服务|走访|达到|增至|拉动|增长|培育|办理|累计|提升|提高|降低|减少|受理|帮助|协调|解决|新设|培训|惠及|吸引|招引|促成|接待|新建|建成|改造|更新|接收|提供|帮扶|救助|认定|发放|兑现|扶持/;
const TARGET_VALUE_RE =
  /(?:指标值|目标值|目标任务|年度目标|目标为|目标是|目标|计划数|计划值|计划|任务数|任务量|预期值|预期|下达任务)[^。；;，,]{0,10}?\d/;

/** The paragraphs where goals are analysed: 二、综合评价分析 (not its 成效 narratives) and the 自评表. */
function inScope(doc: ReviewDocument): Paragraph[] {
  let sheet = false;
  const evaluation = doc.paragraphs.filter((p) => {
    if (p.heading?.level === 1) {
      sheet = false;
    }
    if (/自评表|绩效指标完成情况表|评价指标体系/.test(p.text) && p.text.length <= 40) {
      sheet = true;
    }
    const analysis =
      p.top !== null && /综合评价|评价分析|评价情况|指标分析|目标实现|目标完成/.test(p.top.title);
    const narrative = [p.sub, p.item].some((h) => h !== null && NARRATIVE_RE.test(h.title));
    return (analysis && !narrative) || sheet;
  });
  const scope = evaluation.length > 0 ? evaluation : doc.paragraphs;
  return scope.filter((p) => !(p.heading?.alone ?? false));
}

function hasTarget(doc: ReviewDocument, s: Sentence): boolean {
  return (
    TARGET_VALUE_RE.test(s.text) ||
    quantitiesIn(doc, s.start, s.end).some((q) => q.operator !== null)
  );
}

/** The words around a quantity up to the nearest ，；：。 (a list joined by 、 stays together). */
function phraseAround(doc: ReviewDocument, q: Quantity): string {
  const text = doc.text;
  let a = q.start;
  while (a > 0 && !/[，,；;：:。！？\n]/.test(text[a - 1] ?? '')) {
    a -= 1;
  }
  let b = q.end;
  while (b < text.length && !/[，,；;：:。！？\n]/.test(text[b] ?? '')) {
    b += 1;
  }
  return text.slice(a, b);
}

function resultQuantities(doc: ReviewDocument, s: Sentence): Quantity[] {
  return quantitiesIn(doc, s.start, s.end).filter((q) => {
    if (!RESULT_UNITS.has(q.unit) || q.operator !== null) {
      return false;
    }
    const phrase = phraseAround(doc, q);
    const label = labelBefore(doc, q).label;
    return (
      ACHIEVED_RE.test(phrase) &&
      !NOT_RESULT_RE.test(phrase) &&
      !MONEY_LABEL_RE.test(label) &&
      !/较上年|比上年|较去年|同比|环比/.test(phrase) &&
      !TARGET_WORD_RE.test(label)
    );
  });
}

const key = (q: Quantity): string => `${q.value}|${q.unit}`;

/** Runs of consecutive short unpunctuated paragraphs: table cells read one per line. */
function cellBlocks(doc: ReviewDocument): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let run: Paragraph[] = [];
  const flush = (): void => {
    const first = run[0];
    const last = run[run.length - 1];
    if (run.length >= 2 && first !== undefined && last !== undefined) {
      out.push({ start: first.start, end: last.end });
    }
    run = [];
  };
  for (const p of doc.paragraphs) {
    if (p.text.length <= 40 && !/[。；;！？]/.test(p.text) && p.heading === null) {
      run.push(p);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

export function checkNoTargetValues(doc: ReviewDocument): ReviewFinding[] {
  // A rectification report answers findings; it has no results against targets of its own.
  if (doc.documentType === 'rectification') {
    return [];
  }
  const found = findIn(doc, inScope(doc));
  // A report that states no target value anywhere still gets the finding, wherever its results are.
  if (found.length === 0 && !doc.sentences.some((s) => hasTarget(doc, s))) {
    return findIn(doc, doc.paragraphs).slice(0, 1);
  }
  return found;
}

function findIn(doc: ReviewDocument, scope: readonly Paragraph[]): ReviewFinding[] {
  // An actual printed beside its target anywhere (an indicator table) also backs the same figure in prose.
  const targeted = new Set<string>();
  for (const s of doc.sentences) {
    if (hasTarget(doc, s)) {
      quantitiesIn(doc, s.start, s.end).forEach((q) => targeted.add(key(q)));
    }
  }
  // A table read cell by cell (one paragraph per cell, as from a .docx) has its targets in nearby cells.
  for (const block of cellBlocks(doc)) {
    const qs = quantitiesIn(doc, block.start, block.end);
    if (qs.some((q) => q.operator !== null)) {
      qs.forEach((q) => targeted.add(key(q)));
    }
  }
  const out: ReviewFinding[] = [];
  for (const p of scope) {
    for (const s of doc.sentences.filter((x) => x.paragraph === p.index)) {
      if (hasTarget(doc, s)) {
        continue;
      }
      const bare = resultQuantities(doc, s).filter((q) => !targeted.has(key(q)));
      if (bare.length === 0) {
        continue;
      }
      const figures = bare.map((q) => q.raw.replace(/\s+/g, '')).join('、');
      const lead = s.text.length - s.text.trimStart().length;
      out.push(
        makeFinding(doc, 'NO_TARGET_VALUES', s.start + lead, s.end, {
          zh: `报告了完成情况（${figures}），但没有给出可对照的年度指标值，无法计算完成率；请在结果旁列出年度指标值。`,
          en: `Results are reported (${figures}) with no target value to compare against, so no completion rate can be computed; state the annual target beside each result.`,
        }),
      );
      break; // one finding per paragraph
    }
  }
  return out;
}

// DUPLICATE_TEXT: a passage of 20 or more characters (ignoring whitespace and punctuation) appears again verbatim.
import { moneyFacts, unitName } from '../money-facts.ts';
import {
  isContentChar,
  lineOf,
  paragraphAt,
  type Paragraph,
  type ReviewDocument,
} from '../review-document.ts';
import { makeFinding, type ReviewFinding } from '../types.ts';

export const MIN_DUPLICATE_CHARS = 20;

const BREAK = '\u0001';

/**
 * A repeated run is copy-paste only in prose: not a row of figures from a table
 * (fewer than 8 letters or ideographs), nor a short form line such as "填报单位：…" repeated per annex.
 */
function isProse(doc: ReviewDocument, run: string, start: number, first: number): boolean {
  const words = [...run].filter((ch) => /[A-Za-z\u3400-\u9fff\uf900-\ufaff]/.test(ch)).length;
  const p = paragraphAt(doc, start);
  const formLine = p !== undefined && p.text.length <= 32 && !/[。！？]/.test(p.text);
  if (words < 8 || formLine) {
    return false;
  }
  const kind = boilerplate(doc, run);
  // Figures restated for the same subject are a copy; equal figures of two projects are not.
  return kind === null || (kind === 'figures' && sameSubject(doc, first, start));
}

/** The subject of the first money figure at or after `offset` (within 80 characters). */
function subjectAt(doc: ReviewDocument, offset: number): string | null {
  const f = moneyFacts(doc).find((x) => x.q.start >= offset && x.q.start < offset + 80);
  return f === undefined ? null : f.subjectKey;
}

function sameSubject(doc: ReviewDocument, a: number, b: number): boolean {
  const sa = subjectAt(doc, a);
  return sa !== null && sa === subjectAt(doc, b);
}

// The words of figures: two projects with equal figures share them without any copied sentence.
const FIGURE_WORDS_RE =
  /年初预算数?|全年预算数?|调整后预算数?|预算数|预算|实际支出|实际完成值?|执行数|执行率|支出进度|完成率|指标值|目标值|年度|全年|实际|支出|执行|万元|元|分值|得分|权重|个|项(?!目)|家|人次|人|其中|合计|资金|共|为|达到?|\d/g;
const NAME_END_RE = /(?:项目|工程|专项资金|专项|平台|中心|系统|报告)$/;

const contentOf = (s: string): string => [...s].filter(isContentChar).join('');

/** A title, the unit's name, a project's name or a row of figure words: repeated by nature, not copied. */
function boilerplate(doc: ReviewDocument, run: string): 'name' | 'figures' | null {
  const names = [contentOf(doc.title), contentOf(unitName(doc))].filter((n) => n.length >= 6);
  let rest = run;
  for (const n of names) {
    if (n.includes(rest)) {
      return 'name';
    }
    rest = rest.replaceAll(n, '');
  }
  const meaningful = rest.replace(FIGURE_WORDS_RE, '');
  // A name ends as names do and holds no verb of a sentence ("较好完成了…整体支出和项目" is prose).
  if (
    NAME_END_RE.test(meaningful) &&
    meaningful.length <= 30 &&
    !/了|完成|开展|推进/.test(meaningful)
  ) {
    return 'name';
  }
  return meaningful.length < 12 ? 'figures' : null;
}

/**
 * Whether the paragraph break before `p` is a line break lost inside a sentence (a flattened PDF): the
 * paragraph before runs on without a full stop, and neither is a heading nor a table row.
 */
function softBreak(prev: Paragraph | undefined, next: Paragraph | undefined): boolean {
  if (prev === undefined || next === undefined) {
    return false;
  }
  const row = (p: Paragraph): boolean => p.text.includes('\t') || p.text.includes('|');
  return (
    prev.heading === null &&
    next.heading === null &&
    !row(prev) &&
    !row(next) &&
    prev.text.length > 32 &&
    !/[。！？；：:!?;）)]$/.test(prev.text)
  );
}

export function checkDuplicateText(doc: ReviewDocument): ReviewFinding[] {
  // The content characters after the title, each with its offset in doc.text.
  // A passage never spans paragraphs nor table cells (tab, |): a break is a character no passage contains.
  let chars = '';
  const at: number[] = [];
  for (let i = doc.titleEnd; i < doc.text.length; i++) {
    const ch = doc.text[i] ?? '';
    if (ch === '\n') {
      if (softBreak(paragraphAt(doc, i - 1), paragraphAt(doc, i + 1))) {
        continue; // a repeat is found across a lost line break
      }
    }
    if (isContentChar(ch) || ch === '\n' || ch === '\t' || ch === '|') {
      chars += isContentChar(ch) ? ch : BREAK;
      at.push(i);
    }
  }
  const n = MIN_DUPLICATE_CHARS;
  const firstSeen = new Map<string, number>();
  const out: ReviewFinding[] = [];
  let i = 0;
  while (i + n <= chars.length) {
    const gram = chars.slice(i, i + n);
    if (gram.includes(BREAK)) {
      i += 1;
      continue;
    }
    const j = firstSeen.get(gram);
    if (j === undefined || j + n > i) {
      if (j === undefined) {
        firstSeen.set(gram, i);
      }
      i += 1;
      continue;
    }
    // Extend the repeat as far as it goes (never into itself).
    let len = n;
    while (
      i + len < chars.length &&
      j + len < i &&
      chars[i + len] !== BREAK &&
      chars[i + len] === chars[j + len]
    ) {
      len += 1;
    }
    const start = at[i] ?? 0;
    const end = (at[i + len - 1] ?? start) + 1;
    const firstLine = lineOf(doc, at[j] ?? 0);
    // Record the grams of the repeated run too, so a third copy points at the first.
    for (let k = i; k < i + len && k + n <= chars.length; k++) {
      const g = chars.slice(k, k + n);
      if (!g.includes(BREAK) && !firstSeen.has(g)) {
        firstSeen.set(g, k);
      }
    }
    i += len;
    if (!isProse(doc, chars.slice(i - len, i), start, at[j] ?? 0)) {
      continue;
    }
    out.push(
      makeFinding(doc, 'DUPLICATE_TEXT', start, end, {
        zh: `这段文字（${len} 字）与第 ${firstLine} 行的文字重复。`,
        en: `This passage (${len} characters) repeats the text on line ${firstLine} word for word.`,
      }),
    );
  }
  return out;
}

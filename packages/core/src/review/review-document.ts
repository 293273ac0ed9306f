// The report as the checks see it: normalized text, paragraphs, headings, sentences, quantities.
import { lineAt, normalizeReportText, startsBlock, type NormalizedText } from './normalize-text.ts';
import { findQuantities, isDate, type Quantity } from './numbers.ts';

export interface Heading {
  /** 1 for 一、, 2 for （一）, 3 for 1. and （1）. */
  level: 1 | 2 | 3;
  /** The heading's words without the marker, up to the first full stop or colon. */
  title: string;
  /** True when the paragraph holds nothing but the heading. */
  alone: boolean;
  start: number;
  end: number;
}

export interface Paragraph {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Set when the paragraph opens with a block marker. */
  heading: Heading | null;
  /** The nearest 一、 heading above (or this one). */
  top: Heading | null;
  /** The nearest （一） heading above within the same 一、 part (or this one). */
  sub: Heading | null;
  /** The nearest 1. / （1） heading above within the same （一） part (or this one). */
  item: Heading | null;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  paragraph: number;
}

/** The documents of the full cycle the reviewer knows, each with its own outline. */
export const DOCUMENT_TYPES = ['department', 'project', 'evaluation', 'rectification'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface ReviewOptions {
  /** The kind of report; detected from the title and content when absent. */
  documentType?: DocumentType;
  /** The text was read from a scan by OCR. */
  ocr?: boolean;
  /** For a PDF: the 1-based input line on which each page starts (page 1 first). */
  pageStarts?: readonly number[];
}

export interface ReviewDocument {
  source: NormalizedText;
  documentType: DocumentType;
  ocr: boolean;
  text: string;
  title: string;
  /** [start, end) of the title paragraphs in `text`; 0,0 when no title was found. */
  titleStart: number;
  titleEnd: number;
  year: number | null;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  quantities: Quantity[];
}

function headingOf(text: string, start: number): Heading | null {
  if (!startsBlock(text)) {
    return null;
  }
  const m =
    /^([一二三四五六七八九十]{1,3}[、.．])|^([（(][一二三四五六七八九十]{1,3}[）)])|^(\d{1,2}[.．、]|[（(]\d{1,2}[）)])/.exec(
      text,
    );
  if (!m) {
    return null;
  }
  const level: 1 | 2 | 3 = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : 3;
  const rest = text.slice(m[0].length);
  const stop = rest.search(/[。：:；;，,]/);
  const title = (stop < 0 ? rest : rest.slice(0, stop)).slice(0, 40).trim();
  const alone = rest.replace(/[：:。\s]+$/, '').trim() === title;
  return { level, title, alone, start, end: start + m[0].length + title.length };
}

function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let top: Heading | null = null;
  let sub: Heading | null = null;
  let item: Heading | null = null;
  let start = 0;
  for (const part of text.split('\n')) {
    const heading = headingOf(part, start);
    if (heading?.level === 1) {
      top = heading;
      sub = null;
      item = null;
    } else if (heading?.level === 2) {
      sub = heading;
      item = null;
    } else if (heading?.level === 3) {
      item = heading;
    }
    out.push({
      index: out.length,
      start,
      end: start + part.length,
      text: part,
      heading,
      top,
      sub,
      item,
    });
    start += part.length + 1;
  }
  return out;
}

function splitSentences(paragraphs: readonly Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  for (const p of paragraphs) {
    const re = /[^。！？!?]+[。！？!?]*/g;
    for (const m of p.text.matchAll(re)) {
      const start = p.start + m.index;
      out.push({ start, end: start + m[0].length, text: m[0], paragraph: p.index });
    }
  }
  return out;
}

/** The title: the short unpunctuated paragraphs before the first heading, joined, cut after the last 报告. */
function findTitle(paragraphs: readonly Paragraph[]): {
  title: string;
  start: number;
  end: number;
} {
  const lines: Paragraph[] = [];
  for (const p of paragraphs) {
    if (
      p.heading !== null ||
      lines.length >= 3 ||
      p.text.length > 60 ||
      /[。，,；;]/.test(p.text)
    ) {
      break;
    }
    lines.push(p);
  }
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (first === undefined || last === undefined) {
    return { title: '', start: 0, end: 0 };
  }
  let title = lines.map((p) => p.text).join('');
  const cut = title.lastIndexOf('报告');
  if (cut >= 0) {
    title = title.slice(0, cut + 2);
  }
  title = title.replace(/^附件\s*\d*\s*[：:]?/, '').replace(/\s+/g, '');
  return { title, start: first.start, end: last.end };
}

/** The year of the report: "2023年度", "2 0 2 3 年" (spaced by a scan). */
function findYear(title: string, text: string): number | null {
  const re = /((?:1\s?9|2\s?0)\s?\d\s?\d)\s*年/;
  const m = re.exec(title) ?? /((?:1\s?9|2\s?0)\s?\d\s?\d)\s*年度/.exec(text.slice(0, 2000));
  return m?.[1] === undefined ? null : Number(m[1].replace(/\s/g, ''));
}

/** The kind of report from its title, else from its first part. */
export function detectDocumentType(title: string, text: string): DocumentType {
  const head = `${title}\n${text.slice(0, 600)}`;
  if (/整改/.test(title) || (title === '' && /整改(?:情况|工作)?(?:的)?报告/.test(head))) {
    return 'rectification';
  }
  if (/评价报告/.test(title) && !/自评/.test(title)) {
    return 'evaluation';
  }
  if (/项目(?:支出)?绩效自评|项目支出/.test(title) && !/整体/.test(title)) {
    return 'project';
  }
  if (title === '' && /受托|第三方|评价机构/.test(head) && !/自评/.test(head)) {
    return 'evaluation';
  }
  return 'department';
}

/** Build the document the checks read. */
export function buildReviewDocument(input: string, options: ReviewOptions = {}): ReviewDocument {
  const ocr = options.ocr === true;
  const source = normalizeReportText(input, { ocr });
  const text = source.text;
  const paragraphs = splitParagraphs(text);
  const { title, start, end } = findTitle(paragraphs);
  return {
    source,
    documentType: options.documentType ?? detectDocumentType(title, text),
    ocr,
    text,
    title,
    titleStart: start,
    titleEnd: end,
    year: findYear(title, text),
    paragraphs,
    sentences: splitSentences(paragraphs),
    quantities: findQuantities(text),
  };
}

/** The first index of `items` (sorted by start) whose start is ≥ `offset` (binary search). */
export function firstStartingAtOrAfter(
  items: readonly { start: number }[],
  offset: number,
): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.start < offset) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** Quantities inside [start, end) (doc.quantities is in text order: a binary search, not a scan). */
export function quantitiesIn(doc: ReviewDocument, start: number, end: number): Quantity[] {
  const out: Quantity[] = [];
  for (let i = firstStartingAtOrAfter(doc.quantities, start); i < doc.quantities.length; i += 1) {
    const q = doc.quantities[i]!;
    if (q.start >= end) {
      break;
    }
    if (q.end <= end) {
      out.push(q);
    }
  }
  return out;
}

/** The 1-based input line of an offset into doc.text. */
export function lineOf(doc: ReviewDocument, offset: number): number {
  return lineAt(doc.source, offset);
}

/** Where the clause holding `offset` begins: after the last ，；：、。 or line start. */
export function clauseStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !/[，,；;：:、。！？!?\n\t]/.test(text[i - 1] ?? '')) {
    i -= 1;
  }
  return i;
}

/** Where the clause holding `offset` ends (exclusive). */
export function clauseEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !/[，,；;：:、。！？!?\n\t]/.test(text[i] ?? '')) {
    i += 1;
  }
  return i;
}

const longest = new WeakMap<ReviewDocument, number>();

/** The length of the longest quantity of the document (computed once per document). */
function longestQuantity(doc: ReviewDocument): number {
  let n = longest.get(doc);
  if (n === undefined) {
    n = doc.quantities.reduce((m, q) => Math.max(m, q.end - q.start), 0);
    longest.set(doc, n);
  }
  return n;
}

/** The words before a quantity within its clause, trimmed: "全年预算数" for "全年预算数 36,628.61 万元". */
export function labelBefore(doc: ReviewDocument, q: Quantity): { label: string; start: number } {
  const cs = clauseStart(doc.text, q.start);
  // Within a clause, a label stops at the previous quantity (a date such as 2022年 is part of the label).
  let start = cs;
  // Only quantities that start before q and could end after the clause start matter (doc.quantities is in text
  // order; none is longer than longestQuantity): a walk back from q, not a scan of the whole report.
  const reach = longestQuantity(doc);
  for (let i = firstStartingAtOrAfter(doc.quantities, q.start) - 1; i >= 0; i -= 1) {
    const other = doc.quantities[i]!;
    if (other.start + reach <= cs) {
      break;
    }
    if (other.end <= q.start && other.end > start && !isDate(other)) {
      start = other.end;
    }
  }
  const raw = doc.text.slice(start, q.start);
  const lead = raw.length - raw.trimStart().length;
  const label = raw
    .trim()
    .replace(
      /(?:≥|≧|>=|≤|≦|<=|>|＞|<|＜|=|＝|大于等于|小于等于|不少于|不低于|不小于|不超过|不高于|不大于)$/,
      '',
    )
    .replace(/(?:为|是|达到?|约|共计?|合计|总计|累计)$/, '')
    .trim();
  return { label, start: start + lead };
}

/** The words right after a quantity's unit within its clause: "重点招商项目" in "336个重点招商项目". */
export function nounAfter(doc: ReviewDocument, q: Quantity): string {
  const end = clauseEnd(doc.text, q.end);
  const next = doc.quantities[firstStartingAtOrAfter(doc.quantities, q.end)];
  const stop = next !== undefined && next.start < end ? next.start : end;
  return doc.text.slice(q.end, stop).trim();
}

/** The quantity starting exactly at `offset` with `unit`, if any (binary search). */
export function quantityAt(
  doc: ReviewDocument,
  offset: number,
  unit: string,
): Quantity | undefined {
  for (let i = firstStartingAtOrAfter(doc.quantities, offset); i < doc.quantities.length; i += 1) {
    const q = doc.quantities[i]!;
    if (q.start !== offset) {
      return undefined;
    }
    if (q.unit === unit) {
      return q;
    }
  }
  return undefined;
}

/** The paragraph holding `offset` (paragraphs are in text order). */
export function paragraphAt(doc: ReviewDocument, offset: number): Paragraph | undefined {
  const p = doc.paragraphs[firstStartingAtOrAfter(doc.paragraphs, offset + 1) - 1];
  return p !== undefined && offset >= p.start && offset < p.end ? p : undefined;
}

/** The sentence holding `offset`. */
export function sentenceAt(doc: ReviewDocument, offset: number): Sentence | undefined {
  // sentences are in text order and do not overlap: the candidate is the last one starting at or before offset
  const s = doc.sentences[firstStartingAtOrAfter(doc.sentences, offset + 1) - 1];
  return s !== undefined && offset >= s.start && offset < s.end ? s : undefined;
}

/** Characters kept when comparing passages: letters, digits and CJK ideographs (no spaces or punctuation). */
export function isContentChar(ch: string): boolean {
  return /[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]/.test(ch);
}

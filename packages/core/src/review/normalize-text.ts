// Join the hard line breaks of PDF-extracted text into paragraphs, keeping every character's source line.

/**
 * The text the reviewer matches against: one paragraph per line ('\n' between paragraphs),
 * hard-wrapped lines joined, blank lines dropped, runs of spaces collapsed (a run holding a tab,
 * which separates table cells, becomes one tab).
 * `lines[i]` is the 1-based line of the input on which `text[i]` stands.
 */
export interface NormalizedText {
  readonly text: string;
  readonly lines: readonly number[];
}

const CJK_RE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019]/;
const LETTER_RE = /[A-Za-z]/;
const NARROW_RE = /[\s,.:;()\-/'|]/;
/** Page numbers a PDF extraction leaves between lines: "— 2 —", "- 2 -", "第 2 页 共 9 页", "2 / 9". */
const PAGE_NUMBER_RE =
  /^(?:[—\-－–─]+\s*\d{1,3}\s*[—\-－–─]+|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;
const SENTENCE_END_RE = /[。！？!?]$/;
const SENTENCE_PUNCT_RE = /[。，；,;！？]/;

/** A line that opens a block: 一、 （一） 1. (but not a decimal such as 0.9% or 2.3个百分点). */
export function startsBlock(line: string): boolean {
  return (
    /^[一二三四五六七八九十]{1,3}[、.．]/.test(line) ||
    /^[（(][一二三四五六七八九十]{1,3}[）)]/.test(line) ||
    /^\d{1,2}[.．、](?![\d])/.test(line) ||
    /^[（(]\d{1,2}[）)]/.test(line)
  );
}

/** A heading standing alone on its line: a block marker, short, with no sentence punctuation. */
export function isHeadingOnly(line: string): boolean {
  return startsBlock(line) && line.length <= 32 && !SENTENCE_PUNCT_RE.test(line);
}

/** Printed width in half-em: CJK and full-width characters 2, narrow punctuation and spaces 1/2, others 1. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    w += CJK_RE.test(ch) ? 2 : NARROW_RE.test(ch) ? 0.5 : 1;
  }
  return w;
}

interface SourceLine {
  text: string;
  line: number;
}

/**
 * A PDF table row comes out as cells separated by spaces ("年初预算数 全年预算数 全年执行数 分值"):
 * four or more cells, no sentence punctuation, few one-character pieces (which mark spaced-out
 * justified prose, "原 因 是"). Its gaps become tabs, except before a one-character piece, which stays with its cell ("336 个").
 */
function tableRowToTabs(line: string): string {
  const cells = line.split(' ');
  if (cells.length < 4 || /[。，；！？,;]/.test(line)) {
    return line;
  }
  const single = cells.filter((c) => [...c].length === 1).length;
  if (single > cells.length * 0.3) {
    return line;
  }
  return cells.reduce((acc, c, i) => {
    if (i === 0) {
      return c;
    }
    return acc + ([...c].length === 1 ? ' ' : '\t') + c;
  }, '');
}

/** Trim, collapse inner whitespace; drop spaces between two CJK characters (PDF justification artefacts). */
function cleanLine(raw: string): string {
  // A tab separates table cells and survives as one tab; other whitespace runs become one space.
  const collapsed = tableRowToTabs(
    raw
      .replace(/[\s\u3000\u00a0\ufeff]+/g, (ws) => (ws.includes('\t') ? '\t' : ' '))
      .replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''),
  );
  let out = '';
  for (let i = 0; i < collapsed.length; i++) {
    const ch = collapsed[i] ?? '';
    if (ch === ' ') {
      const prev = collapsed[i - 1] ?? '';
      const next = collapsed[i + 1] ?? '';
      if (CJK_RE.test(prev) && CJK_RE.test(next)) {
        continue;
      }
    }
    out += ch;
  }
  // Full-width digits to ASCII, one character for one, so offsets and lines stay aligned.
  return out.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

/**
 * The width at which the text was hard-wrapped, or 0 when it was not.
 * The wrap width is the width most lines that do not end a sentence reach (within 10% below it);
 * a text is wrapped when at least 8 lines reach it and hardly any line (≤ 5%) is wider.
 * A .txt or .docx, one paragraph per line, always has many lines far wider than any cluster.
 */
function wrapWidth(lines: readonly SourceLine[]): number {
  const open = lines.filter((l) => !SENTENCE_END_RE.test(l.text)).map((l) => displayWidth(l.text));
  let best = { count: 0, width: 0 };
  for (const w of new Set(open)) {
    const count = open.filter((x) => x >= w * 0.9 && x <= w + 2).length;
    if (count > best.count || (count === best.count && w > best.width)) {
      best = { count, width: w };
    }
  }
  const wider = lines.filter((l) => displayWidth(l.text) > best.width * 1.15).length;
  return best.count >= 8 && wider <= lines.length * 0.05 ? best.width : 0;
}

/** Whether a paragraph ends between line `prev` and line `next`. */
function breaksBetween(prev: string, next: string, wrapAt: number): boolean {
  if (wrapAt === 0 || startsBlock(next) || isHeadingOnly(prev) || SENTENCE_END_RE.test(prev)) {
    return true;
  }
  // A line clearly shorter than the wrap width ended on purpose (title lines, table cells).
  return displayWidth(prev) < wrapAt * 0.75;
}

/** Normalize input text (PDF-extracted or not) for review; see NormalizedText. */
export function normalizeReportText(input: string): NormalizedText {
  const source: SourceLine[] = [];
  input
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const text = cleanLine(raw);
      if (text !== '' && !PAGE_NUMBER_RE.test(text)) {
        source.push({ text, line: i + 1 });
      }
    });
  const wrapAt = wrapWidth(source);
  let text = '';
  const lines: number[] = [];
  let prev: SourceLine | null = null;
  for (const [i, cur] of source.entries()) {
    if (prev !== null) {
      // A title such as "…整体支出绩效自评报告" ends its paragraph even when it fills the line.
      const titleEnds = i <= 3 && /报告$/.test(prev.text) && !SENTENCE_PUNCT_RE.test(prev.text);
      if (titleEnds || breaksBetween(prev.text, cur.text, wrapAt)) {
        text += '\n';
        lines.push(prev.line);
      } else if (LETTER_RE.test(prev.text.slice(-1)) && LETTER_RE.test(cur.text.charAt(0))) {
        text += ' ';
        lines.push(prev.line);
      }
    }
    text += cur.text;
    for (let k = 0; k < cur.text.length; k++) {
      lines.push(cur.line);
    }
    prev = cur;
  }
  return { text, lines };
}

/** The 1-based input line of the character at `offset` of the normalized text. */
export function lineAt(n: NormalizedText, offset: number): number {
  if (n.lines.length === 0) {
    return 1;
  }
  const i = Math.max(0, Math.min(offset, n.lines.length - 1));
  return n.lines[i] ?? 1;
}

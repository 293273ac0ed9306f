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
  /** `offsets[i]` is the offset in the input of `text[i]`; -1 for a break or space the joining added. */
  readonly offsets: readonly number[];
  /** The input as given (excerpts are cut from it). */
  readonly input: string;
}

export interface NormalizeOptions {
  /** The text was read by OCR: digits split by stray spaces ("35. 3万元") are joined. */
  readonly ocr?: boolean;
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
  cols: number[];
}

/**
 * A PDF table row comes out as cells separated by spaces ("年初预算数 全年预算数 全年执行数 分值"):
 * four or more cells, no sentence punctuation, few one-character pieces (which mark spaced-out
 * justified prose, "原 因 是"). Its gaps become tabs, except before a one-character piece, which stays with its cell ("336 个").
 */
function tableRowToTabs(line: string): string {
  const cells = line.split(' ');
  if (cells.length < 4 || /[。，；！？,;]/.test(line.replace(/(\d),(?=\d{3})/g, '$1'))) {
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

/** A line being cleaned: its characters and, for each, its offset in the input. */
interface Cells {
  chars: string[];
  cols: number[];
}

function keep(c: Cells, pred: (ch: string, i: number) => boolean): Cells {
  const out: Cells = { chars: [], cols: [] };
  c.chars.forEach((ch, i) => {
    if (pred(ch, i)) {
      out.chars.push(ch);
      out.cols.push(c.cols[i] ?? -1);
    }
  });
  return out;
}

const WS_RE = /[\s\u3000\u00a0\ufeff]/;

/** Collapse whitespace runs to one space (a run holding a tab: one tab), trimmed. */
function collapse(raw: string, base: number): Cells {
  const out: Cells = { chars: [], cols: [] };
  let i = 0;
  const chars = [...raw];
  let col = base;
  while (i < chars.length) {
    const ch = chars[i] ?? '';
    if (WS_RE.test(ch)) {
      let tab = false;
      const at = col;
      while (i < chars.length && WS_RE.test(chars[i] ?? '')) {
        tab ||= chars[i] === '\t';
        col += (chars[i] ?? '').length;
        i += 1;
      }
      if (out.chars.length > 0 && i < chars.length) {
        out.chars.push(tab ? '\t' : ' ');
        out.cols.push(at);
      }
      continue;
    }
    out.chars.push(ch);
    out.cols.push(col);
    col += ch.length;
    i += 1;
  }
  return out;
}

/** chi_sim reads "20.00%" as "20.009%6": a 9 before and a digit after the sign of a two-decimal rate. */
function dropOcrPercentNoise(c: Cells): Cells {
  const s = c.chars.join('');
  const drop = new Set<number>();
  for (const m of s.matchAll(/\.\d{2}(9)%(\d)(?!\d)/g)) {
    drop.add(m.index + 3);
    drop.add(m.index + 5);
  }
  return drop.size === 0 ? c : keep(c, (_, i) => !drop.has(i));
}

/** OCR noise in numbers: "35. 3" → "35.3", "36， 628" → "36,628", "95 %" → "95%", "３５．３" handled by the caller. */
function joinOcrDigits(c: Cells): Cells {
  const s = c.chars;
  return keep(c, (ch, i) => {
    if (ch !== ' ') {
      return true;
    }
    const prev = s[i - 1] ?? '';
    const prev2 = s[i - 2] ?? '';
    const next = s[i + 1] ?? '';
    if (/[.,，．]/.test(prev) && /\d/.test(prev2) && /\d/.test(next)) {
      return false;
    }
    return !(/\d/.test(prev) && /^[.．%％]$/.test(next));
  });
}

/** Trim, collapse inner whitespace; drop spaces between two CJK characters (PDF justification artefacts). */
function cleanLine(raw: string, base: number, options: NormalizeOptions): Cells {
  // A tab separates table cells and survives as one tab; other whitespace runs become one space.
  let c = collapse(raw, base);
  if (options.ocr === true) {
    c = dropOcrPercentNoise(joinOcrDigits(c));
  }
  const tabbed = [...tableRowToTabs(c.chars.join(''))];
  c = { chars: tabbed, cols: c.cols };
  const s = c.chars;
  c = keep(
    c,
    (ch, i) => !(ch === ' ' && CJK_RE.test(s[i - 1] ?? '') && CJK_RE.test(s[i + 1] ?? '')),
  );
  // Full-width digits (and the full-width point between digits) to ASCII, one character for one.
  const t = c.chars;
  c.chars = t.map((ch, i) => {
    if (/[０-９]/.test(ch)) {
      return String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 0x30);
    }
    if (ch === '．' && /[0-9０-９]/.test(t[i - 1] ?? '') && /[0-9０-９]/.test(t[i + 1] ?? '')) {
      return '.';
    }
    // OCR reads a thousands comma as a point: "4.500.00" is 4,500.00.
    if (
      ch === '.' &&
      options.ocr === true &&
      /\d/.test(t[i - 1] ?? '') &&
      /^\d{3}[.,]\d/.test(t.slice(i + 1, i + 6).join(''))
    ) {
      return ',';
    }
    if (
      ch === '，' &&
      options.ocr === true &&
      /\d/.test(t[i - 1] ?? '') &&
      /^\d{3}(?!\d)/.test(t.slice(i + 1, i + 5).join(''))
    ) {
      return ',';
    }
    return ch;
  });
  return c;
}

const MARKER_AHEAD_RE =
  /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?=[\u4e00-\u9fff]))/;

/**
 * Where a flattened line holds several paragraphs: before a heading marker (一、 （一） 1.) that follows a
 * sentence end or a gap, or follows a heading standing alone ("一、基本情况（一）部门概况"); after a title
 * ("…自评报告 一、…"). Offsets into the collapsed line, before CJK spaces are dropped.
 */
function splitPoints(line: string, first: boolean): number[] {
  if (line.includes('\t')) {
    return [];
  }
  const out: number[] = [];
  let pieceStart = 0;
  if (first) {
    const title = /^(.{6,60}?报告)\s+(?=\S)/.exec(line);
    if (title !== null && !/[。，；]/.test(title[1] ?? '')) {
      out.push(title[0].length);
      pieceStart = title[0].length;
    }
  }
  for (let i = pieceStart + 1; i < line.length; i += 1) {
    if (!MARKER_AHEAD_RE.test(line.slice(i, i + 6))) {
      continue;
    }
    const prev = line[i - 1] ?? '';
    const piece = line.slice(pieceStart, i).trim();
    const afterStop = /[。！？；：:\s]/.test(prev) && !/\d/.test(line[i - 2] ?? '');
    const afterHeading = isHeadingOnly(piece) && piece.length <= 20 && /^[（(]/.test(line.slice(i));
    if (afterStop || afterHeading) {
      out.push(i);
      pieceStart = i;
    }
  }
  return [...out, ...headingEnds(line, [0, ...out])].sort((a, b) => a - b);
}

/** A heading followed on its line by its first paragraph ("（三）收支情况 全年预算数…"): cut at the gap. */
function headingEnds(line: string, starts: readonly number[]): number[] {
  const out: number[] = [];
  for (const s of starts) {
    const rest = line.slice(s);
    const m = MARKER_AHEAD_RE.exec(rest);
    if (m === null) {
      continue;
    }
    const gap = /^[^。，；：:,;\s]{1,30}\s(?=\S)/.exec(rest.slice(m[0].length));
    if (gap !== null) {
      out.push(s + m[0].length + gap[0].length);
    }
  }
  return out;
}

/** Cut a cleaned line at the split points (given as input offsets). */
function cutAt(c: Cells, cuts: readonly number[]): Cells[] {
  const out: Cells[] = [];
  let cur: Cells = { chars: [], cols: [] };
  c.chars.forEach((ch, i) => {
    const col = c.cols[i] ?? -1;
    if (cuts.includes(col) && cur.chars.length > 0) {
      out.push(cur);
      cur = { chars: [], cols: [] };
    }
    if (cur.chars.length === 0 && (ch === ' ' || ch === '\t')) {
      return;
    }
    cur.chars.push(ch);
    cur.cols.push(col);
  });
  out.push(cur);
  return out.map((p) => {
    while (p.chars.length > 0 && /[ \t]/.test(p.chars[p.chars.length - 1] ?? '')) {
      p.chars.pop();
      p.cols.pop();
    }
    return p;
  });
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
  // The wrap width is near the widest line: a cluster of short headings is not a wrap width.
  const widest = Math.max(0, ...lines.map((l) => displayWidth(l.text)));
  for (const w of new Set(open.filter((x) => x >= widest * 0.85))) {
    const count = open.filter((x) => x >= w * 0.9 && x <= w + 2).length;
    if (count > best.count || (count === best.count && w > best.width)) {
      best = { count, width: w };
    }
  }
  const wider = lines.filter((l) => displayWidth(l.text) > best.width * 1.15).length;
  return best.count >= 3 && wider <= lines.length * 0.05 ? best.width : 0;
}

/** Whether a paragraph ends between line `prev` and line `next`. */
function breaksBetween(prev: string, next: string, wrapAt: number): boolean {
  if (startsBlock(next) || isHeadingOnly(prev) || SENTENCE_END_RE.test(prev)) {
    return true;
  }
  // A long line ending on a word, and the next one starting with its figure ("…拨付率" / "20.00%。").
  if (
    prev.length > 20 &&
    /[\u4e00-\u9fff]$/.test(prev) &&
    /^\d[\d,.]*\s?(?:%|％|万元|亿元|元|个百分点)/.test(next)
  ) {
    return false;
  }
  if (wrapAt === 0) {
    return true;
  }
  // A line clearly shorter than the wrap width ended on purpose (title lines, table cells).
  return displayWidth(prev) < wrapAt * 0.75;
}

/** The input's lines with their 1-based numbers and the offset where each starts. */
function inputLines(input: string): { raw: string; line: number; base: number }[] {
  const out: { raw: string; line: number; base: number }[] = [];
  const re = /\r\n|\r|\n/g;
  let base = 0;
  let line = 1;
  for (;;) {
    const m = re.exec(input);
    const end = m === null ? input.length : m.index;
    out.push({ raw: input.slice(base, end), line, base });
    if (m === null) {
      return out;
    }
    base = end + m[0].length;
    line += 1;
  }
}

function sourceLines(input: string, options: NormalizeOptions): SourceLine[] {
  const source: SourceLine[] = [];
  for (const { raw, line, base } of inputLines(input)) {
    const cleaned = cleanLine(raw, base, options);
    const collapsed = collapse(raw, base);
    const points = splitPoints(collapsed.chars.join(''), source.length === 0);
    const cuts = points.map((p) => collapsed.cols[p] ?? -1);
    for (const piece of cutAt(cleaned, cuts)) {
      const text = piece.chars.join('');
      if (text !== '' && !PAGE_NUMBER_RE.test(text)) {
        source.push({ text, line, cols: piece.cols });
      }
    }
  }
  return source;
}

/** Normalize input text (PDF-extracted or not) for review; see NormalizedText. */
export function normalizeReportText(input: string, options: NormalizeOptions = {}): NormalizedText {
  const source = sourceLines(input, options);
  const wrapAt = wrapWidth(source);
  let text = '';
  const lines: number[] = [];
  const offsets: number[] = [];
  let prev: SourceLine | null = null;
  for (const [i, cur] of source.entries()) {
    if (prev !== null) {
      // A title such as "…整体支出绩效自评报告" ends its paragraph even when it fills the line.
      const titleEnds = i <= 3 && /报告$/.test(prev.text) && !SENTENCE_PUNCT_RE.test(prev.text);
      const sameLine = prev.line === cur.line;
      if (sameLine || titleEnds || breaksBetween(prev.text, cur.text, wrapAt)) {
        text += '\n';
        lines.push(prev.line);
        offsets.push(-1);
      } else if (LETTER_RE.test(prev.text.slice(-1)) && LETTER_RE.test(cur.text.charAt(0))) {
        text += ' ';
        lines.push(prev.line);
        offsets.push(-1);
      }
    }
    text += cur.text;
    for (let k = 0; k < cur.text.length; k++) {
      lines.push(cur.line);
      offsets.push(cur.cols[k] ?? -1);
    }
    prev = cur;
  }
  return { text, lines, offsets, input };
}

/**
 * The input's own characters for text[start, end): one exact substring of the input per input line touched,
 * joined (a hard line break inside the excerpt is dropped; a paragraph break stays a line break).
 */
export function sourceExcerpt(n: NormalizedText, start: number, end: number): string {
  let out = '';
  let runStart = -1;
  let runEnd = -1;
  let runLine = -1;
  const flush = (): void => {
    if (runStart >= 0) {
      out += n.input.slice(runStart, runEnd);
    }
    runStart = -1;
  };
  for (let i = start; i < end && i < n.text.length; i += 1) {
    const off = n.offsets[i] ?? -1;
    if (off < 0) {
      flush();
      if (n.text[i] === '\n') {
        out += '\n';
      }
      continue;
    }
    const line = n.lines[i] ?? -1;
    if (runStart < 0 || line !== runLine) {
      flush();
      runStart = off;
      runLine = line;
    }
    runEnd = off + [...n.input.slice(off, off + 2)][0]!.length;
  }
  flush();
  return out;
}

/** The 1-based input line of the character at `offset` of the normalized text. */
export function lineAt(n: NormalizedText, offset: number): number {
  if (n.lines.length === 0) {
    return 1;
  }
  const i = Math.max(0, Math.min(offset, n.lines.length - 1));
  return n.lines[i] ?? 1;
}

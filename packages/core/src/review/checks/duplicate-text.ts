// DUPLICATE_TEXT: a passage of 20 or more characters (ignoring whitespace and punctuation) appears again verbatim.
import { isContentChar, lineOf, paragraphAt, type ReviewDocument } from '../review-document.ts';
import { makeFinding, type ReviewFinding } from '../types.ts';

export const MIN_DUPLICATE_CHARS = 20;

const BREAK = '\u0001';

/**
 * A repeated run is copy-paste only in prose: not a row of figures from a table
 * (fewer than 8 letters or ideographs), nor a short form line such as "填报单位：…" repeated per annex.
 */
function isProse(doc: ReviewDocument, run: string, start: number): boolean {
  const words = [...run].filter((ch) => /[A-Za-z\u3400-\u9fff\uf900-\ufaff]/.test(ch)).length;
  const p = paragraphAt(doc, start);
  const formLine = p !== undefined && p.text.length <= 32 && !/[。！？]/.test(p.text);
  return words >= 8 && !formLine;
}

export function checkDuplicateText(doc: ReviewDocument): ReviewFinding[] {
  // The content characters after the title, each with its offset in doc.text.
  // A passage never spans paragraphs nor table cells (tab, |): a break is a character no passage contains.
  let chars = '';
  const at: number[] = [];
  for (let i = doc.titleEnd; i < doc.text.length; i++) {
    const ch = doc.text[i] ?? '';
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
    if (!isProse(doc, chars.slice(i - len, i), start)) {
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

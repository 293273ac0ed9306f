// A .docx as the reviewer reads it: one line per non-empty paragraph (so a finding's line is the paragraph
// number a reader counts in Word), and each table row on one line with its cells separated by tabs.
import mammoth from 'mammoth';

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) {
      return String.fromCodePoint(parseInt(e.slice(2), 16));
    }
    if (e.startsWith('#')) {
      return String.fromCodePoint(Number(e.slice(1)));
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The words of an HTML fragment: tags dropped, paragraphs inside a cell joined by a space. */
function words(html: string): string {
  return decode(
    html
      .replace(/<\/(?:p|h[1-6]|li)>\s*<(?:p|h[1-6]|li)\b[^>]*>/g, ' ')
      .replace(/<br\s*\/?>/g, ' ')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
}

function tableRows(table: string): string[] {
  return [...table.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/g)]
      .map((cell) => words(cell[1] ?? '') || '-')
      .join('\t'),
  );
}

/** mammoth's HTML of the document body as review lines. */
export function htmlToReviewText(html: string): string {
  const lines: string[] = [];
  const re = /<table\b[^>]*>[\s\S]*?<\/table>|<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\1>/g;
  for (const m of html.matchAll(re)) {
    if (m[0].startsWith('<table')) {
      lines.push(...tableRows(m[0]).filter((r) => r.replace(/[-\t]/g, '') !== ''));
    } else {
      const t = words(m[2] ?? '');
      if (t !== '') {
        lines.push(t);
      }
    }
  }
  return lines.join('\n');
}

/** Read the paragraphs and tables of a .docx (throws on an invalid file). */
export async function docxReviewText(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return htmlToReviewText(value);
}

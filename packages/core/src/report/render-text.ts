// Document model → plain text (one paragraph per line, table rows as tab-separated cells): the .txt export
// and what the reviewer reads in tests.
import {
  runsText,
  type ParagraphBlock,
  type ReportDocument,
  type ReportSection,
  type TableBlock,
} from './document-model.ts';

function paragraphText(p: ParagraphBlock): string {
  return (p.lead ?? '') + runsText(p.runs);
}

export function tableToText(t: TableBlock): string {
  const lines = t.rows.map((r) =>
    r.cells.map((c) => runsText(c.runs).replace(/\s*\n\s*/g, ' ')).join('\t'),
  );
  return [...lines, ...t.notes.map((n) => `注：${n}`)].join('\n');
}

function sectionText(s: ReportSection, out: string[]): void {
  out.push(s.number + s.title);
  for (const b of s.blocks) {
    if (b.kind === 'paragraph') {
      out.push(paragraphText(b));
    } else if (b.kind === 'table') {
      out.push(tableToText(b));
    }
  }
  s.sections.forEach((c) => sectionText(c, out));
}

/** The report as plain text; annexes follow the body. Ends with one newline. */
export function renderPlainText(doc: ReportDocument): string {
  const out: string[] = [doc.title];
  if (doc.subtitle !== null) {
    out.push(doc.subtitle);
  }
  out.push(...doc.preamble.map(paragraphText));
  doc.sections.forEach((s) => sectionText(s, out));
  out.push(...doc.closing.map(paragraphText));
  for (const a of doc.annexes) {
    out.push('', a.label, a.title);
    if (a.subtitle !== null) {
      out.push(a.subtitle);
    }
    out.push(tableToText(a.table));
  }
  return `${out.join('\n')}\n`;
}

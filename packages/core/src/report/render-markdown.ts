// Document model → Markdown (GFM tables; merged cells are written once, the slots they cover stay empty).
import {
  placeCells,
  type ParagraphBlock,
  type ReportDocument,
  type ReportSection,
  type Run,
  type TableBlock,
} from './document-model.ts';

function escapeInline(s: string): string {
  return s.replace(/([\\`*_])/g, '\\$1').replace(/</g, '&lt;');
}

function inline(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      const t = escapeInline(r.text);
      return r.kind === 'text' && r.emphasis === true ? `**${t}**` : t;
    })
    .join('');
}

function paragraph(p: ParagraphBlock): string {
  const body = (p.lead === undefined ? '' : `**${escapeInline(p.lead)}**`) + inline(p.runs);
  return p.role === 'note' ? `> ${body}` : body;
}

function tableCellText(runs: readonly Run[]): string {
  return inline(runs).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A GFM table: the first row is the header row; cells covered by a merge are empty. */
export function tableToMarkdown(table: TableBlock): string {
  const cols = table.columnWidthsMm.length;
  const grid: string[][] = table.rows.map(() => Array.from({ length: cols }, () => ''));
  for (const { row, col, cell } of placeCells(table)) {
    const line = grid[row];
    if (line !== undefined) {
      line[col] = tableCellText(cell.runs);
    }
  }
  const lines = grid.map((cells) => `| ${cells.join(' | ')} |`);
  const sep = `|${Array.from({ length: cols }, () => ' --- ').join('|')}|`;
  const [first, ...rest] = lines;
  const out = [first ?? '', sep, ...rest];
  for (const note of table.notes) {
    out.push('', `注：${escapeInline(note)}`);
  }
  return out.join('\n');
}

function sectionToMarkdown(s: ReportSection, out: string[]): void {
  out.push(`${'#'.repeat(s.level + 1)} ${escapeInline(s.number + s.title)}`, '');
  for (const b of s.blocks) {
    if (b.kind === 'paragraph') {
      out.push(paragraph(b), '');
    } else if (b.kind === 'table') {
      out.push(tableToMarkdown(b), '');
    }
  }
  for (const child of s.sections) {
    sectionToMarkdown(child, out);
  }
}

/** The whole report as Markdown (annexes after a rule). Ends with one newline. */
export function renderMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${escapeInline(doc.title)}`, ''];
  if (doc.subtitle !== null) {
    out.push(escapeInline(doc.subtitle), '');
  }
  for (const p of doc.preamble) {
    out.push(paragraph(p), '');
  }
  for (const s of doc.sections) {
    sectionToMarkdown(s, out);
  }
  for (const p of doc.closing) {
    out.push(paragraph(p), '');
  }
  for (const a of doc.annexes) {
    out.push('---', '', `## ${a.label}　${escapeInline(a.title)}`, '');
    if (a.subtitle !== null) {
      out.push(escapeInline(a.subtitle), '');
    }
    out.push(tableToMarkdown(a.table), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

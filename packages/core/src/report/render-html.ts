// Document model → an HTML fragment for the in-page preview: each paragraph carries data-key (edited in
// place, saved as an override), each figure is <span data-source="table#id"> so the UI can show its source.
import {
  formatSourceRef,
  type ParagraphBlock,
  type ReportAnnex,
  type ReportDocument,
  type ReportSection,
  type Run,
  type TableBlock,
  type TableCell,
} from './document-model.ts';

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function runHtml(r: Run): string {
  if (r.kind === 'figure') {
    const note =
      r.source.note === undefined ? '' : ` data-source-note="${escapeHtml(r.source.note)}"`;
    return `<span class="jx-figure" data-source="${escapeHtml(formatSourceRef(r.source))}"${note}>${escapeHtml(r.text)}</span>`;
  }
  const t = escapeHtml(r.text);
  return r.emphasis === true ? `<strong>${t}</strong>` : t;
}

function runsHtml(runs: readonly Run[]): string {
  return runs.map(runHtml).join('');
}

function paragraphHtml(p: ParagraphBlock): string {
  const cls = `jx-p jx-p-${p.role}${p.overridden ? ' jx-overridden' : ''}`;
  const lead = p.lead === undefined ? '' : `<strong class="jx-lead">${escapeHtml(p.lead)}</strong>`;
  return `<p class="${cls}" data-key="${escapeHtml(p.key)}"${p.overridden ? ' data-overridden="true"' : ''}>${lead}${runsHtml(p.runs)}</p>`;
}

function cellHtml(c: TableCell): string {
  const tag = c.header ? 'th' : 'td';
  const attrs: string[] = [];
  if (c.colSpan > 1) {
    attrs.push(`colspan="${c.colSpan}"`);
  }
  if (c.rowSpan > 1) {
    attrs.push(`rowspan="${c.rowSpan}"`);
  }
  const classes = [`jx-${c.align}`];
  if (c.illustrative === true) {
    classes.push('jx-illustrative');
  }
  attrs.push(`class="${classes.join(' ')}"`);
  return `<${tag} ${attrs.join(' ')}>${runsHtml(c.runs)}</${tag}>`;
}

export function tableHtml(t: TableBlock): string {
  const total = t.columnWidthsMm.reduce((a, b) => a + b, 0);
  const cols = t.columnWidthsMm
    .map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`)
    .join('');
  const rows = t.rows.map((r) => `<tr>${r.cells.map(cellHtml).join('')}</tr>`).join('');
  const caption = t.caption === null ? '' : `<caption>${escapeHtml(t.caption)}</caption>`;
  const notes = t.notes.map((n) => `<p class="jx-table-note">注：${escapeHtml(n)}</p>`).join('');
  return `<table class="jx-table" data-key="${escapeHtml(t.key)}">${caption}<colgroup>${cols}</colgroup><tbody>${rows}</tbody></table>${notes}`;
}

function sectionHtml(s: ReportSection): string {
  const h = `h${s.level + 1}`;
  const blocks = s.blocks
    .map((b) =>
      b.kind === 'paragraph' ? paragraphHtml(b) : b.kind === 'table' ? tableHtml(b) : '',
    )
    .join('');
  const children = s.sections.map(sectionHtml).join('');
  return `<section class="jx-section jx-level-${s.level}" data-section="${escapeHtml(s.id)}"><${h}>${escapeHtml(s.number + s.title)}</${h}>${blocks}${children}</section>`;
}

function annexHtml(a: ReportAnnex): string {
  const sub =
    a.subtitle === null ? '' : `<p class="jx-annex-subtitle">${escapeHtml(a.subtitle)}</p>`;
  return `<section class="jx-annex jx-${a.orientation}" data-annex="${a.number}"><p class="jx-annex-label">${escapeHtml(a.label)}</p><h2 class="jx-annex-title">${escapeHtml(a.title)}</h2>${sub}${tableHtml(a.table)}</section>`;
}

/** The report as one <article> fragment (no <html>/<head>; the page supplies the styles). */
export function renderHtml(doc: ReportDocument): string {
  const subtitle =
    doc.subtitle === null ? '' : `<p class="jx-subtitle">${escapeHtml(doc.subtitle)}</p>`;
  return [
    `<article class="jx-report" lang="zh-CN">`,
    `<h1 class="jx-title">${escapeHtml(doc.title)}</h1>`,
    subtitle,
    doc.preamble.map(paragraphHtml).join(''),
    doc.sections.map(sectionHtml).join(''),
    doc.closing.map(paragraphHtml).join(''),
    doc.annexes.map(annexHtml).join(''),
    `</article>`,
  ].join('');
}

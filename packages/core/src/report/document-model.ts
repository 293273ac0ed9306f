// The report as data: sections, paragraphs of text and figure runs, tables. Renderers (docx, Markdown,
// HTML, xlsx) turn this into bytes; every figure keeps the record it came from.
import type { SourceRef } from './report-data.ts';

export type { SourceRef };

/** Plain text. `emphasis` is used sparingly (e.g. 自评等级). */
export interface TextRun {
  kind: 'text';
  text: string;
  emphasis?: boolean;
}

/** A number shown to the reader, with the record behind it. `text` is the formatted figure incl. unit. */
export interface FigureRun {
  kind: 'figure';
  text: string;
  source: SourceRef;
}

export type Run = TextRun | FigureRun;

/** body: 正文; note: 说明 (楷体); annex-list: 附件说明; signature: 落款 (right-aligned). */
export type ParagraphRole = 'body' | 'note' | 'annex-list' | 'signature';

export interface ParagraphBlock {
  kind: 'paragraph';
  /** Stable key (e.g. 'evaluation.conclusion', 'problems.2'): the UI edits by key, overrides are stored by key. */
  key: string;
  runs: Run[];
  /** True when the text comes from `narrative.overrides[key]` instead of the template. */
  overridden: boolean;
  role: ParagraphRole;
  /** A lead-in such as "部门整体支出绩效自评综述：" printed before the runs (in the heading face). */
  lead?: string;
}

export type CellAlign = 'left' | 'center' | 'right';

/** How a numeric cell is typed in a spreadsheet; the runs hold the printed text. */
export interface CellNumber {
  /** Decimal string, e.g. "76.27" (万元), "9.53" (score) or "95.34" (percent). */
  value: string;
  format: 'amount' | 'score' | 'percent';
}

export interface TableCell {
  runs: Run[];
  colSpan: number;
  rowSpan: number;
  align: CellAlign;
  /** Header / label cell: bold, shaded. */
  header: boolean;
  /** Set on numeric cells so spreadsheets store a number, not text. */
  number?: CellNumber;
  /** Invented value (示例数据): renderers may shade the cell. */
  illustrative?: boolean;
}

export interface TableRow {
  cells: TableCell[];
  /** Repeat at the top of each page (only leading rows repeat). */
  repeatHeader: boolean;
}

export interface TableBlock {
  kind: 'table';
  key: string;
  /** Column widths in millimetres; their sum is the table width. */
  columnWidthsMm: number[];
  rows: TableRow[];
  /** Cell font size in points (9–10.5). */
  fontSizePt: number;
  /** Short name for a spreadsheet tab (≤ 31 chars). */
  sheetName: string;
  /** Caption printed above the table, if any (annex tables carry the annex title instead). */
  caption: string | null;
  /** Notes printed under the table (注：…). */
  notes: string[];
}

export interface PageBreakBlock {
  kind: 'page-break';
}

export type Block = ParagraphBlock | TableBlock | PageBreakBlock;

export type HeadingLevel = 1 | 2 | 3;

export interface ReportSection {
  /** Stable id, e.g. 'basic', 'basic.overview', 'basic.overview.functions'. */
  id: string;
  level: HeadingLevel;
  /** Literal number with its punctuation: '一、', '（一）', '1.'. */
  number: string;
  title: string;
  blocks: Block[];
  sections: ReportSection[];
}

export interface ReportAnnex {
  /** 1-based annex number. */
  number: number;
  /** "附件1" */
  label: string;
  /** e.g. "2023年度广州市海珠区投资促进局部门整体支出绩效自评表" */
  title: string;
  /** The title split where print breaks it (joined they give `title`). */
  titleLines: string[];
  /** Printed above the table: 填报单位, 单位 etc. */
  subtitle: string | null;
  table: TableBlock;
  orientation: 'portrait' | 'landscape';
}

export interface ReportDocument {
  /** Full title on one line. */
  title: string;
  /** Title split where the print layout breaks it (joined they give `title`). */
  titleLines: string[];
  subtitle: string | null;
  /** Paragraphs before 一、 (basis notice, illustrative-data note). */
  preamble: ParagraphBlock[];
  sections: ReportSection[];
  /** Paragraphs after the last section (落款). */
  closing: ParagraphBlock[];
  annexes: ReportAnnex[];
  meta: {
    fiscalYear: number;
    departmentCode: string;
    departmentName: string;
    regionCode: string;
    generatedAt: string;
    score: string | null;
    grade: string | null;
  };
}

// ---------- small constructors ----------

export function text(s: string, emphasis = false): TextRun {
  return emphasis ? { kind: 'text', text: s, emphasis: true } : { kind: 'text', text: s };
}

export function figure(s: string, source: SourceRef): FigureRun {
  return { kind: 'figure', text: s, source };
}

/** Join adjacent text runs with the same emphasis; drop empty text runs. */
export function normaliseRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (r.kind === 'text' && r.text === '') {
      continue;
    }
    const last = out[out.length - 1];
    if (
      r.kind === 'text' &&
      last !== undefined &&
      last.kind === 'text' &&
      Boolean(last.emphasis) === Boolean(r.emphasis)
    ) {
      out[out.length - 1] = { ...last, text: last.text + r.text };
    } else {
      out.push(r);
    }
  }
  return out;
}

/** The plain text of runs. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

export interface CellOptions {
  colSpan?: number;
  rowSpan?: number;
  align?: CellAlign;
  header?: boolean;
  number?: CellNumber;
  illustrative?: boolean;
}

export function cell(content: string | Run[], opts: CellOptions = {}): TableCell {
  const runs =
    typeof content === 'string' ? (content === '' ? [] : [text(content)]) : normaliseRuns(content);
  const c: TableCell = {
    runs,
    colSpan: opts.colSpan ?? 1,
    rowSpan: opts.rowSpan ?? 1,
    align: opts.align ?? 'left',
    header: opts.header ?? false,
  };
  if (opts.number !== undefined) {
    c.number = opts.number;
  }
  if (opts.illustrative === true) {
    c.illustrative = true;
  }
  return c;
}

/** "indicators#DEPT-01" — the compact form used in HTML attributes and Markdown footnotes. */
export function formatSourceRef(ref: SourceRef): string {
  return ref.id === undefined ? ref.table : `${ref.table}#${ref.id}`;
}

/** Every section, depth first. */
export function walkSections(sections: readonly ReportSection[]): ReportSection[] {
  const out: ReportSection[] = [];
  const visit = (s: ReportSection): void => {
    out.push(s);
    s.sections.forEach(visit);
  };
  sections.forEach(visit);
  return out;
}

/** Every paragraph of the document in reading order (preamble, sections, closing; not tables). */
export function allParagraphs(doc: ReportDocument): ParagraphBlock[] {
  const out: ParagraphBlock[] = [...doc.preamble];
  for (const s of walkSections(doc.sections)) {
    for (const b of s.blocks) {
      if (b.kind === 'paragraph') {
        out.push(b);
      }
    }
  }
  out.push(...doc.closing);
  return out;
}

/** Cell positions resolved on the grid: which (row, col) each cell starts at. Spanned slots are covered. */
export interface PlacedCell {
  row: number;
  col: number;
  cell: TableCell;
}

/**
 * Lay cells out on the column grid the way HTML and Word do: each row's cells fill the next free
 * columns, skipping slots covered by a rowSpan from above. Throws when a row over- or under-fills the grid.
 */
export function placeCells(table: TableBlock): PlacedCell[] {
  const cols = table.columnWidthsMm.length;
  const covered = new Set<string>();
  const placed: PlacedCell[] = [];
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const tc of row.cells) {
      while (covered.has(`${r}:${c}`)) {
        c++;
      }
      if (c + tc.colSpan > cols) {
        throw new Error(`table ${table.key}: row ${r} overflows the ${cols}-column grid`);
      }
      placed.push({ row: r, col: c, cell: tc });
      for (let dr = 0; dr < tc.rowSpan; dr++) {
        for (let dc = 0; dc < tc.colSpan; dc++) {
          covered.add(`${r + dr}:${c + dc}`);
        }
      }
      c += tc.colSpan;
    }
    for (let k = 0; k < cols; k++) {
      if (!covered.has(`${r}:${k}`)) {
        throw new Error(`table ${table.key}: row ${r} leaves column ${k} empty`);
      }
    }
  });
  return placed;
}

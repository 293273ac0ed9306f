// Document model → .docx (docx 9) in 公文 format: A4, margins 37/35/28/26 mm, 方正小标宋简体 title, 黑体 / 楷体 /
// 仿宋 bold headings, 仿宋_GB2312 三号 body at an exact 28 pt line, 2-character indent, "— 1 —" page numbers.
// Fonts are set per run with eastAsia (stack-notes §5); sizes are half-points.
import type {
  ParagraphBlock,
  ReportAnnex,
  ReportDocument,
  ReportSection,
  Run,
  TableBlock,
  TableCell as ModelCell,
} from '@jixiao/core';
import { placeCells } from '@jixiao/core';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';

/** Font faces as 公文 names them; the PDF step maps them to installed fonts (render/pdf/fonts.conf). */
export const DOCX_FONTS = {
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  body: '仿宋_GB2312',
  table: '宋体',
  pageNumber: '宋体',
} as const;

const LATIN = 'Times New Roman';
const PT = 2; // half-points per point
const SIZE = { title: 22, body: 16, annexTitle: 18, pageNumber: 14, tableNote: 10.5 } as const;
const LINE_EXACT = 560; // 28 pt in twips
const CHAR = 320; // one 三号 character (16 pt) in twips
const A4 = { width: 11906, height: 16838 };
const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 };

/** Millimetres → twips, rounded (docx's convertMillimetersToTwip truncates: 37 mm would give 2097). */
function twip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

function font(eastAsia: string): {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  cs: string;
  hint: string;
} {
  return { ascii: LATIN, hAnsi: LATIN, eastAsia, cs: LATIN, hint: 'eastAsia' };
}

function run(text: string, face: string, sizePt: number, bold = false): TextRun {
  return new TextRun({ text, font: font(face), size: sizePt * PT, bold });
}

function runs(model: readonly Run[], face: string, sizePt: number, bold = false): TextRun[] {
  return model.map((r) =>
    run(r.text, face, sizePt, bold || (r.kind === 'text' && r.emphasis === true)),
  );
}

const bodySpacing = { line: LINE_EXACT, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function heading(s: ReportSection): Paragraph {
  const face =
    s.level === 1 ? DOCX_FONTS.heading1 : s.level === 2 ? DOCX_FONTS.heading2 : DOCX_FONTS.body;
  return new Paragraph({
    children: [run(s.number + s.title, face, SIZE.body, s.level === 3)],
    indent: { firstLine: 2 * CHAR },
    spacing: bodySpacing,
    keepNext: true,
    keepLines: true,
  });
}

function paragraph(p: ParagraphBlock, index: number, all: readonly ParagraphBlock[]): Paragraph {
  const lead = p.lead === undefined ? [] : [run(p.lead, DOCX_FONTS.body, SIZE.body, true)];
  switch (p.role) {
    case 'note':
      return new Paragraph({
        children: runs(p.runs, DOCX_FONTS.heading2, SIZE.body),
        indent: { firstLine: 2 * CHAR },
        alignment: AlignmentType.JUSTIFIED,
        spacing: bodySpacing,
      });
    case 'annex-list': {
      const first = all[index - 1]?.role !== 'annex-list';
      return new Paragraph({
        children: runs(p.runs, DOCX_FONTS.body, SIZE.body),
        // "附件：1.…" starts two characters in; later items start under "1."; wrapped lines hang under the text
        indent: first ? { left: 6 * CHAR, hanging: 4 * CHAR } : { left: 6 * CHAR, hanging: CHAR },
        spacing: { ...bodySpacing, before: first ? LINE_EXACT : 0 },
      });
    }
    case 'signature': {
      const first = all[index - 1]?.role !== 'signature';
      return new Paragraph({
        children: runs(p.runs, DOCX_FONTS.body, SIZE.body),
        alignment: AlignmentType.RIGHT,
        indent: { right: 4 * CHAR },
        spacing: { ...bodySpacing, before: first ? 2 * LINE_EXACT : 0 },
        keepNext: first,
      });
    }
    case 'body':
      return new Paragraph({
        children: [...lead, ...runs(p.runs, DOCX_FONTS.body, SIZE.body)],
        indent: { firstLine: 2 * CHAR },
        alignment: AlignmentType.JUSTIFIED,
        spacing: bodySpacing,
      });
  }
}

// ---------- tables ----------

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cellBorders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function cellParagraphs(c: ModelCell, sizePt: number): Paragraph[] {
  const text = c.runs.map((r) => r.text).join('');
  const lines = text === '' ? [''] : text.split('\n');
  const alignment =
    c.align === 'center'
      ? AlignmentType.CENTER
      : c.align === 'right'
        ? AlignmentType.RIGHT
        : AlignmentType.LEFT;
  return lines.map(
    (line) =>
      new Paragraph({
        children: [
          run(
            line,
            DOCX_FONTS.table,
            sizePt,
            c.header || c.runs.some((r) => r.kind === 'text' && r.emphasis === true),
          ),
        ],
        alignment,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      }),
  );
}

function tableOf(t: TableBlock): Table {
  const twips = t.columnWidthsMm.map(twip);
  const placed = placeCells(t);
  const rows = t.rows.map((r, i) => {
    const cells = placed
      .filter((p) => p.row === i)
      .map(
        (p) =>
          new TableCell({
            children: cellParagraphs(p.cell, t.fontSizePt),
            columnSpan: p.cell.colSpan,
            rowSpan: p.cell.rowSpan,
            width: {
              size: twips.slice(p.col, p.col + p.cell.colSpan).reduce((a, b) => a + b, 0),
              type: WidthType.DXA,
            },
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { top: 30, bottom: 30, left: 50, right: 50 },
            borders: cellBorders,
            ...(p.cell.illustrative === true
              ? { shading: { fill: 'F2F2F2', color: 'auto', type: 'clear' as const } }
              : {}),
          }),
      );
    return new TableRow({ children: cells, tableHeader: r.repeatHeader, cantSplit: true });
  });
  return new Table({
    rows,
    width: { size: twips.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: twips,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
  });
}

function tableNotes(t: TableBlock): Paragraph[] {
  return t.notes.map(
    (n, i) =>
      new Paragraph({
        children: [run(`${i === 0 ? '注：' : ''}${n}`, DOCX_FONTS.body, SIZE.tableNote)],
        indent: i === 0 ? undefined : { left: Math.round(2 * SIZE.tableNote * 20) },
        spacing: { line: 300, lineRule: LineRuleType.EXACT, before: i === 0 ? 80 : 0, after: 0 },
      }),
  );
}

// ---------- sections ----------

function pageProperties(orientation: 'portrait' | 'landscape'): ISectionOptions['properties'] {
  const landscape = orientation === 'landscape';
  const m = MARGIN_MM;
  return {
    type: SectionType.NEXT_PAGE,
    page: {
      size: landscape
        ? { width: A4.height, height: A4.width, orientation: PageOrientation.LANDSCAPE }
        : { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
      margin: {
        // landscape pages turn the 公文 margins with the paper: binding edge stays on the left of the text
        top: twip(landscape ? m.left : m.top),
        bottom: twip(landscape ? m.right : m.bottom),
        left: twip(landscape ? m.top : m.left),
        right: twip(landscape ? m.bottom : m.right),
        header: twip(15),
        footer: twip(landscape ? 15 : 23),
      },
    },
  };
}

function footer(): { default: Footer } {
  return {
    default: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              font: font(DOCX_FONTS.pageNumber),
              size: SIZE.pageNumber * PT,
            }),
          ],
        }),
      ],
    }),
  };
}

function sectionChildren(s: ReportSection, out: (Paragraph | Table)[]): void {
  out.push(heading(s));
  const paras = s.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
  for (const b of s.blocks) {
    if (b.kind === 'paragraph') {
      out.push(paragraph(b, paras.indexOf(b), paras));
    } else if (b.kind === 'table') {
      out.push(tableOf(b), ...tableNotes(b));
    } else {
      out.push(new Paragraph({ pageBreakBefore: true, children: [] }));
    }
  }
  s.sections.forEach((c) => sectionChildren(c, out));
}

function bodyChildren(doc: ReportDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: doc.titleLines.map(
        (line, i) =>
          new TextRun({
            text: line,
            font: font(DOCX_FONTS.title),
            size: SIZE.title * PT,
            break: i > 0 ? 1 : undefined,
          }),
      ),
      spacing: { line: 720, lineRule: LineRuleType.EXACT, before: 0, after: LINE_EXACT },
    }),
  );
  if (doc.subtitle !== null) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(doc.subtitle, DOCX_FONTS.heading2, SIZE.body)],
        spacing: { ...bodySpacing, after: LINE_EXACT },
      }),
    );
  }
  doc.preamble.forEach((p, i) => out.push(paragraph(p, i, doc.preamble)));
  doc.sections.forEach((s) => sectionChildren(s, out));
  doc.closing.forEach((p, i) => out.push(paragraph(p, i, doc.closing)));
  return out;
}

function annexChildren(a: ReportAnnex): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      children: [run(a.label, DOCX_FONTS.heading1, SIZE.body)],
      spacing: bodySpacing,
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: a.titleLines.map(
        (line, i) =>
          new TextRun({
            text: line,
            font: font(DOCX_FONTS.title),
            size: SIZE.annexTitle * PT,
            break: i > 0 ? 1 : undefined,
          }),
      ),
      spacing: { line: 480, lineRule: LineRuleType.EXACT, before: 120, after: 120 },
    }),
  ];
  if (a.subtitle !== null) {
    out.push(
      new Paragraph({
        children: [run(a.subtitle, DOCX_FONTS.body, 12)],
        spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 0, after: 60 },
      }),
    );
  }
  out.push(tableOf(a.table), ...tableNotes(a.table));
  return out;
}

/** The report as a .docx file. */
export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(doc));
}

/** The report as the docx library's Document (bench/reports.ts times Packer alone on it). */
export function docxDocument(doc: ReportDocument): Document {
  const sections: ISectionOptions[] = [
    { properties: pageProperties('portrait'), footers: footer(), children: bodyChildren(doc) },
    ...doc.annexes.map((a) => ({
      properties: pageProperties(a.orientation),
      footers: footer(),
      children: annexChildren(a),
    })),
  ];
  return new Document({
    creator: doc.meta.departmentName,
    title: doc.title,
    description: `${doc.meta.fiscalYear}年度部门整体支出绩效自评报告（${doc.meta.departmentCode}）`,
    styles: {
      default: {
        document: {
          run: {
            font: font(DOCX_FONTS.body),
            size: SIZE.body * PT,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: bodySpacing },
        },
      },
    },
    sections,
  });
}

/**
 * Only the annex tables of a report (each on its own page, as in the report): e.g. one 项目支出绩效自评表 as a
 * file of its own for the publication package.
 */
export async function renderAnnexesDocx(
  doc: Pick<ReportDocument, 'title' | 'meta'>,
  annexes: readonly ReportAnnex[],
): Promise<Buffer> {
  const document = new Document({
    creator: doc.meta.departmentName,
    title: doc.title,
    styles: {
      default: {
        document: {
          run: {
            font: font(DOCX_FONTS.body),
            size: SIZE.body * PT,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: bodySpacing },
        },
      },
    },
    sections: annexes.map((a) => ({
      properties: pageProperties(a.orientation),
      footers: footer(),
      children: annexChildren(a),
    })),
  });
  return Packer.toBuffer(document);
}

// 绩效运行监控表 → .docx: landscape A4 with 公文 fonts (方正小标宋简体 title, 黑体 headings, 仿宋_GB2312 text),
// fixed-layout tables with a repeated header row, warning cells shaded by colour.
import {
  AlignmentType,
  Document,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { WarningLevel } from '@jixiao/core';
import type { MonitoringReport } from './monitoring.types.ts';
import { buildMonitoringForm, type FormTable } from './monitoring-form.ts';

const FONTS = { title: '方正小标宋简体', heading: '黑体', body: '仿宋_GB2312' } as const;
const LATIN = 'Times New Roman';
const TEXT_WIDTH_MM = 245; // landscape A4 (297 mm) less 公文 margins turned with the paper (28 + 26 mm … rounded)
const SHADE: Record<WarningLevel, string> = {
  RED: 'F4C7C3',
  YELLOW: 'FCE8B2',
  GREEN: 'D9EAD3',
  BLUE: 'CFE2F3',
};

function twip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

function run(text: string, face: string, sizePt: number, bold = false): TextRun {
  return new TextRun({
    text,
    bold,
    size: sizePt * 2,
    font: { ascii: LATIN, hAnsi: LATIN, eastAsia: face, cs: LATIN, hint: 'eastAsia' },
  });
}

function para(
  text: string,
  face: string,
  sizePt: number,
  opts: { center?: boolean; bold?: boolean; before?: number; after?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    children: [run(text, face, sizePt, opts.bold)],
    spacing: {
      line: Math.round(sizePt * 20 * 1.5),
      lineRule: LineRuleType.EXACT,
      before: opts.before ?? 0,
      after: opts.after ?? 0,
    },
  });
}

function table(t: FormTable, levelColumn: number): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => twip((w / total) * TEXT_WIDTH_MM));
  const cell = (text: string, width: number, header: boolean, shade: string | null): TableCell =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 30, bottom: 30, left: 60, right: 60 },
      ...(shade
        ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: shade } }
        : header
          ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEDED' } }
          : {}),
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, header ? FONTS.heading : FONTS.body, 9, false)],
          spacing: { line: 240, lineRule: LineRuleType.AUTO },
        }),
      ],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.headers.map((h, i) => cell(h, widths[i]!, true, null)),
      }),
      ...t.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.cells.map((c, i) =>
              cell(c, widths[i]!, false, i === levelColumn && r.level ? SHADE[r.level] : null),
            ),
          }),
      ),
    ],
  });
}

/** The monitoring form as a .docx file. */
export async function renderMonitoringDocx(report: MonitoringReport): Promise<Buffer> {
  const form = buildMonitoringForm(report);
  const children: (Paragraph | Table)[] = [
    para(form.title, FONTS.title, 18, { center: true, after: 120 }),
    para(form.subtitle, FONTS.body, 12, { center: true, after: 200 }),
  ];
  for (const t of form.tables) {
    children.push(para(t.title, FONTS.heading, 14, { before: 200, after: 100 }));
    children.push(
      table(
        t,
        t.headers.findIndex((h) => h.startsWith('预警') || h.startsWith('目标执行预警')),
      ),
    );
  }
  children.push(
    ...form.notes.map((n, i) => para(n, FONTS.body, 10.5, { before: i === 0 ? 200 : 60 })),
  );
  const doc = new Document({
    creator: report.departmentName,
    title: form.title,
    description: `${report.year}年${report.month}月绩效运行监控表（${report.departmentCode}）`,
    sections: [
      {
        properties: {
          page: {
            size: { width: 16838, height: 11906, orientation: PageOrientation.LANDSCAPE },
            margin: {
              top: twip(28),
              bottom: twip(26),
              left: twip(37),
              right: twip(35),
              header: twip(15),
              footer: twip(15),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// 自评表 (department + each project) → .xlsx with exceljs: one sheet per table in the official layout
// (merged cells, borders, widths), numbers as numbers with 2-decimal formats, text cells sanitised.
import {
  buildSelfEvaluationTables,
  d,
  placeCells,
  runsText,
  type CellNumber,
  type DepartmentReportData,
  type TableBlock,
  type TableCell,
} from '@jixiao/core';
import ExcelJS from 'exceljs';
import { sanitizeCell } from '../sanitize-cell.ts';

export interface XlsxTable {
  /** Printed in the first row of the sheet. */
  title: string;
  /** Second row, e.g. 填报单位. */
  subtitle?: string | null;
  table: TableBlock;
}

export interface XlsxOptions {
  /** Workbook creation time (core and renderers have no clock: pass it in for reproducible files). */
  created: Date;
  creator?: string;
}

const FONT = '宋体';
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFEDEDED' },
};
const ILLUSTRATIVE_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFFFF7E0' },
};
const NUMBER_FORMATS: Record<CellNumber['format'], string> = {
  amount: '#,##0.00',
  score: '0.00',
  percent: '0.00%',
};
/** Excel column width units per millimetre of the printed table (CJK text needs the wider side). */
const WIDTH_PER_MM = 0.62;
const LINE_HEIGHT_PT = 13.5;

function numberValue(n: CellNumber): number {
  // Decimal strings → numbers once, at the edge; percent cells hold the ratio (95.34% → 0.9534).
  const v = n.format === 'percent' ? d(n.value).div(100) : d(n.value);
  return Number(v.toString());
}

/** Display width of text in Excel width units (CJK and full-width characters count double). */
function textUnits(s: string): number {
  let n = 0;
  for (const ch of s) {
    n += /[\u1100-\uffff]/u.test(ch) ? 2 : 1;
  }
  return n;
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let i = 2; used.has(candidate); i++) {
    const suffix = `(${i})`;
    candidate = [...name].slice(0, 31 - suffix.length).join('') + suffix;
  }
  used.add(candidate);
  return candidate;
}

function writeCell(c: ExcelJS.Cell, tc: TableCell): void {
  if (tc.number !== undefined) {
    c.value = numberValue(tc.number);
    c.numFmt = NUMBER_FORMATS[tc.number.format];
  } else {
    c.value = sanitizeCell(runsText(tc.runs));
  }
  c.font = { name: FONT, size: 10, bold: tc.header };
  c.alignment = { horizontal: tc.align, vertical: 'middle', wrapText: true };
  if (tc.header) {
    c.fill = HEADER_FILL;
  } else if (tc.illustrative === true) {
    c.fill = ILLUSTRATIVE_FILL;
  }
}

function addSheet(wb: ExcelJS.Workbook, t: XlsxTable, used: Set<string>): void {
  const table = t.table;
  const cols = table.columnWidthsMm.length;
  const widths = table.columnWidthsMm.map((mm) => Math.round(mm * WIDTH_PER_MM * 10) / 10);
  const repeat = table.rows.findIndex((r) => !r.repeatHeader);
  const firstTableRow = t.subtitle === undefined || t.subtitle === null ? 2 : 3;
  const ws = wb.addWorksheet(uniqueName(table.sheetName, used), {
    pageSetup: {
      paperSize: 9 as ExcelJS.PaperSize, // A4
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      ...(repeat > 0 ? { printTitlesRow: `${firstTableRow}:${firstTableRow + repeat - 1}` } : {}),
    },
  });
  ws.columns = widths.map((width) => ({ width }));

  ws.mergeCells(1, 1, 1, cols);
  const title = ws.getCell(1, 1);
  title.value = sanitizeCell(t.title);
  title.font = { name: FONT, size: 14, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 30;
  if (t.subtitle !== undefined && t.subtitle !== null) {
    ws.mergeCells(2, 1, 2, cols);
    const sub = ws.getCell(2, 1);
    sub.value = sanitizeCell(t.subtitle);
    sub.font = { name: FONT, size: 10 };
  }

  const lines = table.rows.map(() => 1);
  for (const { row, col, cell } of placeCells(table)) {
    const r = firstTableRow + row;
    const c = col + 1;
    if (cell.rowSpan > 1 || cell.colSpan > 1) {
      ws.mergeCells(r, c, r + cell.rowSpan - 1, c + cell.colSpan - 1);
    }
    writeCell(ws.getCell(r, c), cell);
    for (let dr = 0; dr < cell.rowSpan; dr++) {
      for (let dc = 0; dc < cell.colSpan; dc++) {
        ws.getCell(r + dr, c + dc).border = BORDER;
      }
    }
    if (cell.rowSpan === 1) {
      const span = widths.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0);
      const needed = Math.ceil(textUnits(runsText(cell.runs)) / Math.max(1, span - 1));
      lines[row] = Math.max(lines[row] ?? 1, needed);
    }
  }
  lines.forEach((n, i) => {
    ws.getRow(firstTableRow + i).height = Math.max(18, n * LINE_HEIGHT_PT + 4);
  });

  let r = firstTableRow + table.rows.length + 1;
  for (const note of table.notes) {
    ws.mergeCells(r, 1, r, cols);
    const c = ws.getCell(r, 1);
    c.value = sanitizeCell(`注：${note}`);
    c.font = { name: FONT, size: 9 };
    c.alignment = { wrapText: true, vertical: 'top' };
    const total = widths.reduce((a, b) => a + b, 0);
    ws.getRow(r).height = Math.max(15, Math.ceil(textUnits(note) / total) * 12 + 3);
    r++;
  }
}

/** Any list of tables → one workbook, one sheet each (names ≤ 31 characters, made unique). */
export async function renderTablesXlsx(
  tables: readonly XlsxTable[],
  options: XlsxOptions,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = options.creator ?? 'Jixiao';
  wb.created = options.created;
  wb.modified = options.created;
  const used = new Set<string>();
  for (const t of tables) {
    addSheet(wb, t, used);
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out);
}

/** The self-evaluation tables of a report (附件1 department, 附件2… projects) as one workbook. */
export async function renderSelfEvaluationXlsx(data: DepartmentReportData): Promise<Buffer> {
  const subtitle = `填报单位：${data.department.name}`;
  const tables = buildSelfEvaluationTables(data).map((t) => ({ ...t, subtitle }));
  return renderTablesXlsx(tables, {
    created: new Date(`${data.generatedAt.slice(0, 10)}T00:00:00Z`),
  });
}

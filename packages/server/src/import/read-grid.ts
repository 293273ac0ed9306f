// A small file read whole as grids of text cells: every worksheet of an .xlsx (merged cells filled with their
// master's value, as a user sees them) or the one table of a CSV. Budget and goal files are read this way (a form
// spans blocks and sheets); the ledger, which can be large, is streamed by read-table.ts instead.
import type { SheetGrid } from '@jixiao/core';
import type { ImportSource } from './import-source.ts';
import { cellText, openTable, UnreadableFileError, type TableInfo } from './read-table.ts';

export interface FileGrids {
  info: TableInfo;
  sheets: SheetGrid[];
}

async function bytesOf(source: ImportSource): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of source.open()) {
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts);
}

async function xlsxGrids(source: ImportSource): Promise<SheetGrid[]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    const bytes = await bytesOf(source);
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new UnreadableFileError(
      `无法读取 Excel 文件：${msg}`,
      `Cannot read the Excel file: ${msg}`,
    );
  }
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        // A merged cell's value is its master's (exceljs), so merged 一级/二级 cells read filled.
        cells.push(cellText(row.getCell(c).value).trim());
      }
      rows.push(cells);
    }
    return { name: ws.name, rows };
  });
}

/** The file as grids (every sheet of a workbook; a CSV is one sheet named after the file). */
export async function readGrids(source: ImportSource): Promise<FileGrids> {
  const { info, rows } = await openTable(source);
  if (info.format === 'xlsx') {
    return { info, sheets: await xlsxGrids(source) };
  }
  const out: string[][] = [];
  for await (const r of rows) {
    while (out.length < r.row - 1) {
      out.push([]);
    }
    out.push(r.cells.map((c) => c.trim()));
  }
  return { info, sheets: [{ name: source.fileName, rows: out }] };
}

// A file as rows of text cells, streamed: CSV (any supported encoding; comma, tab or semicolon separated)
// or .xlsx (first worksheet, exceljs streaming reader). Row numbers are the ones the user sees (header = 1).
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { fenToYuanString } from '@jixiao/core';
import { decodeStream, detectEncoding, type TextEncoding } from './decode-text.ts';
import { headOf, type ImportSource } from './import-source.ts';

export type TableFormat = 'csv' | 'xlsx';

export interface TableRow {
  /** 1-based row number (the header row is 1). */
  row: number;
  cells: string[];
}

export interface TableInfo {
  format: TableFormat;
  /** CSV only. */
  encoding: TextEncoding | null;
}

export class UnreadableFileError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(b: Uint8Array, magic: number[]): boolean {
  return magic.every((m, i) => b[i] === m);
}

/** Opens the source as a table; the format comes from the bytes (a .xlsx is a zip), not only the name. */
export async function openTable(
  source: ImportSource,
): Promise<{ info: TableInfo; rows: AsyncIterable<TableRow> }> {
  const head = await headOf(source);
  if (head.length === 0) {
    throw new UnreadableFileError('文件为空', 'The file is empty');
  }
  if (startsWith(head, OLE_MAGIC)) {
    throw new UnreadableFileError(
      '不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入',
      'Legacy .xls files are not supported: save as .xlsx or CSV first',
    );
  }
  if (startsWith(head, ZIP_MAGIC)) {
    return { info: { format: 'xlsx', encoding: null }, rows: xlsxRows(source) };
  }
  if (/\.xlsx$/i.test(source.fileName)) {
    throw new UnreadableFileError(
      '文件扩展名为 .xlsx，但内容不是有效的 Excel 文件',
      'The file is named .xlsx but is not a valid Excel workbook',
    );
  }
  if (head.includes(0) && !(head[0] === 0xff || head[0] === 0xfe)) {
    throw new UnreadableFileError(
      '文件不是文本（CSV）或 Excel（.xlsx）文件',
      'The file is neither CSV text nor an .xlsx workbook',
    );
  }
  const { encoding } = detectEncoding(head);
  const headText = iconv.decode(head, encoding);
  return {
    info: { format: 'csv', encoding },
    rows: csvRows(source, encoding, delimiterOf(headText), newlineOf(headText)),
  };
}

/** Comma unless the header line has more tabs (or semicolons) than commas. */
function delimiterOf(headText: string): string {
  const first = headText.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const count = (c: string) => first.split(c).length - 1;
  const commas = count(',');
  if (count('\t') > commas) {
    return '\t';
  }
  if (count(';') > commas) {
    return ';';
  }
  return ',';
}

/** The line break of the file, as the first line ends: \r\n (Excel on Windows), \n, or \r. */
function newlineOf(headText: string): '\r\n' | '\n' | '\r' {
  const m = /\r\n|\n|\r/.exec(headText);
  return (m?.[0] as '\r\n' | '\n' | '\r' | undefined) ?? '\n';
}

/** A row longer than this (characters) means an unclosed quote swallowed the file: refuse instead of buffering it. */
const MAX_ROW_CHARS = 1_000_000;

/**
 * CSV rows with papaparse's core parser fed chunk by chunk from the decoded stream (back-pressure comes from
 * the loop pulling chunks). It is lenient with stray quotes like Excel; a quote never closed is refused.
 * 1M ledger rows: 1.5 s, csv-parse's stream took 4.7–5.9 s (bench/run.ts).
 */
async function* csvRows(
  source: ImportSource,
  encoding: TextEncoding,
  delimiter: string,
  newline: '\r\n' | '\n' | '\r',
): AsyncGenerator<TableRow> {
  const parser = new Papa.Parser({ delimiter, newline });
  const text = decodeStream(source.open(), encoding);
  let pending = '';
  let row = 0;
  const missingQuote = (): UnreadableFileError =>
    new UnreadableFileError(
      `CSV 格式错误（第 ${row + 1} 行附近）：引号没有闭合`,
      `Malformed CSV near row ${row + 1}: a quote is never closed`,
    );
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      const input = pending + chunk;
      // ignoreLastRow: the last row may continue in the next chunk; meta.cursor is where it starts.
      const r = parser.parse(input, 0, true) as Papa.ParseResult<string[]>;
      for (const cells of r.data) {
        row++;
        yield { row, cells };
      }
      pending = input.slice(r.meta.cursor);
      if (pending.length > MAX_ROW_CHARS) {
        throw missingQuote();
      }
    }
  } finally {
    text.destroy();
  }
  if (pending !== '') {
    const r = parser.parse(pending, 0, false) as Papa.ParseResult<string[]>;
    if (r.errors.some((e) => e.code === 'MissingQuotes')) {
      throw missingQuote();
    }
    for (const cells of r.data) {
      row++;
      yield { row, cells };
    }
  }
}

async function* xlsxRows(source: ImportSource): AsyncGenerator<TableRow> {
  // Loaded on first use: exceljs takes ~0.3 s to load, which every CSV import (and the ledger worker thread) skips.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source.open(), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const r of sheet) {
        const values = r.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) {
          cells.push(cellText(values[i]));
        }
        yield { row: r.number, cells };
      }
      return; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof UnreadableFileError) {
      throw e;
    }
    const msg = e instanceof Error ? e.message : String(e);
    throw new UnreadableFileError(
      `无法读取 Excel 文件：${msg}`,
      `Cannot read the Excel file: ${msg}`,
    );
  }
}

/** An Excel cell as text: amounts become exact 2-decimal 元 strings when they are whole 分. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) {
    return '';
  }
  if (typeof v === 'string') {
    return v;
  }
  if (typeof v === 'number') {
    return numberText(v);
  }
  if (typeof v === 'boolean') {
    return v ? 'TRUE' : 'FALSE';
  }
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o['richText'])) {
      return (o['richText'] as { text?: string }[]).map((t) => t.text ?? '').join('');
    }
    if ('result' in o) {
      return cellText(o['result']);
    }
    if ('formula' in o || 'sharedFormula' in o) {
      return '';
    }
    if (typeof o['text'] === 'string') {
      return o['text'];
    }
    if ('error' in o) {
      return String(o['error']);
    }
  }
  return String(v);
}

/** Excel stores amounts as doubles: 1234.5 → "1234.50" when it is a whole number of 分, else as written. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) {
    return String(n);
  }
  if (Number.isInteger(n)) {
    return String(n);
  }
  const fen = Math.round(n * 100);
  if (Math.abs(n * 100 - fen) < 1e-6 && Number.isSafeInteger(fen)) {
    return fenToYuanString(fen);
  }
  return String(n);
}

// Row errors of an import file: collected (listed up to a cap, all counted), turned into the one refusal the
// user sees; plus the row checks every import kind shares (blank rows, encoding damage).
import { rowError, type RowError } from '@jixiao/core';
import { ServiceError } from '../http/service-error.ts';
import type { TableRow } from './read-table.ts';

/** At most this many row errors are listed (all are counted); beyond it the file is clearly the wrong one. */
export const MAX_LISTED_ERRORS = 50_000;

/** What an ErrorList found, as plain data (it crosses from a worker thread). */
export interface RowErrorSummary {
  /** The listed errors (at most MAX_LISTED_ERRORS). */
  list: RowError[];
  /** All errors. */
  count: number;
  /** Distinct rows with an error. */
  badRows: number;
}

/** Collects row errors (listing at most MAX_LISTED_ERRORS) and the rows they were found on. */
export class ErrorList {
  readonly list: RowError[] = [];
  count = 0;
  private readonly rows = new Set<number>();
  add(errors: readonly RowError[]): void {
    for (const e of errors) {
      this.count++;
      this.rows.add(e.row);
      if (this.list.length < MAX_LISTED_ERRORS) {
        this.list.push(e);
      }
    }
  }
  get badRows(): number {
    return this.rows.size;
  }
  summary(): RowErrorSummary {
    return { list: this.list, count: this.count, badRows: this.badRows };
  }
  throwIfAny(fileName: string): void {
    refuseRowErrors(this.summary(), fileName);
  }
}

/** Any error refuses the whole file, listing the errors. */
export function refuseRowErrors(errors: RowErrorSummary, fileName: string): void {
  if (errors.count === 0) {
    return;
  }
  throw new ServiceError(
    'IMPORT_ROWS_INVALID',
    { fileName, errorCount: errors.count, badRows: errors.badRows },
    {
      fileName,
      errorCount: errors.count,
      badRows: errors.badRows,
      listed: errors.list.length,
      errors: errors.list,
    },
  );
}

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

export function encodingProblem(row: TableRow): RowError | null {
  for (const c of row.cells) {
    if (c.includes('\uFFFD') || c.includes('\u0000')) {
      return rowError(row.row, '', c, 'BAD_ENCODING', {
        zh: '含无法识别的字符：文件编码应为 UTF-8 或 GBK',
        en: 'unreadable characters: the file must be UTF-8 or GBK',
      });
    }
  }
  return null;
}

// Row errors of an import file: collected (listed up to a cap, all counted), turned into the one refusal the
// user sees; plus the row checks every import kind shares (blank rows, encoding damage, missing columns).
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
    'IMPORT_INVALID',
    {
      message: `文件「${fileName}」有 ${errors.count} 处错误（涉及 ${errors.badRows} 行），已整批拒绝，未导入任何数据。请逐条改正后重新导入。`,
      messageEn: `File "${fileName}" has ${errors.count} error(s) on ${errors.badRows} row(s); it was refused whole and nothing was imported. Fix every error and import again.`,
    },
    {
      fileName,
      errorCount: errors.count,
      badRows: errors.badRows,
      listed: errors.list.length,
      errors: errors.list,
    },
  );
}

export function missingColumns(
  missing: readonly string[],
  headers: Readonly<Record<string, string>>,
  fileName: string,
): ServiceError {
  const errors = missing.map((f) =>
    rowError(1, headers[f] ?? f, '', 'REQUIRED', {
      zh: `缺少必需的列「${headers[f] ?? f}」（请使用导入模板）`,
      en: `required column "${headers[f] ?? f}" is missing (use the template)`,
    }),
  );
  return new ServiceError(
    'IMPORT_INVALID',
    {
      message: `文件「${fileName}」缺少必需的列：${errors.map((e) => e.column).join('、')}。未导入任何数据。`,
      messageEn: `File "${fileName}" lacks required column(s): ${errors.map((e) => e.column).join(', ')}. Nothing was imported.`,
    },
    { fileName, errorCount: errors.length, badRows: 1, listed: errors.length, errors },
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

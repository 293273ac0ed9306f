// The ledger import's row loop, as one async generator: read the table, check every row, and yield the valid
// rows as COPY-ready CSV text in batches. It runs on the importing thread for small files and in a worker
// thread for large ones (ledger-batches.worker.ts / ledger-batches-thread.ts), so parsing overlaps the COPY.
import {
  LEDGER_REQUIRED_COLUMNS,
  cellsOf,
  fenToYuanString,
  validateLedgerRow,
  type LedgerField,
  type LedgerRow,
  type LedgerRowContext,
} from '@jixiao/core';
import type { ErrorParams } from '@jixiao/core';
import { ServiceError, type ErrorCode } from '../http/service-error.ts';
import type { ImportSource } from './import-source.ts';
import { openTable, UnreadableFileError, type TableInfo, type TableRow } from './read-table.ts';
import {
  MAX_TITLE_ROWS,
  findHeaderRow,
  headersMissingError,
  matchHeaderCells,
  missingFields,
  type AliasMap,
} from './header-match.ts';
import { ErrorList, encodingProblem, isBlank, type RowErrorSummary } from './row-errors.ts';
import { LEDGER_ALIASES } from './table-columns.ts';
import { fastLedgerRow, type LedgerColumns } from './ledger-fast-row.ts';
import {
  LedgerLineGroups,
  csvField,
  type LedgerBatch,
  type LedgerLineConstants,
} from './ledger-line-groups.ts';

export {
  LEDGER_BATCH_ROWS,
  LEDGER_FIRST_BATCH_ROWS,
  LedgerLineGroups,
  csvField,
  type LedgerBatch,
  type LedgerLineConstants,
} from './ledger-line-groups.ts';

/** The ledger_entries columns of a line, in order. */
export const LEDGER_COLUMNS = [
  'region_code',
  'fiscal_year',
  'department_code',
  'project_code',
  'pay_date',
  'month',
  'economic_class',
  'amount',
  'summary',
  'voucher_no',
  'import_batch_id',
] as const;

/** A row as a COPY (FORMAT csv) line of LEDGER_COLUMNS, without the newline (LedgerLineGroups writes the same bytes). */
export function ledgerLine(c: LedgerLineConstants, r: LedgerRow): string {
  const summary = r.summary === '' ? '' : csvField(r.summary);
  return `${c.regionCode},${c.year},${csvField(c.departmentCode)},${csvField(r.projectCode)},${r.payDate},${r.month},${csvField(r.economicClass)},${fenToYuanString(r.amountFen)},${summary},${csvField(r.voucherNo)},${c.batchId}`;
}

export interface LedgerBatchesInput {
  /** The department-year's project codes (rows naming another are errors). */
  projectCodes: ReadonlySet<string>;
  line: LedgerLineConstants;
  batchRows?: number;
  /** The aliases with the user's column mapping first (default LEDGER_ALIASES). */
  aliases?: AliasMap<LedgerField>;
}

/** What the generator found once the whole file was read. */
export interface LedgerBatchesEnd {
  info: TableInfo;
  /** Valid rows (all of them were yielded when errors.count is 0). */
  count: number;
  months: number[];
  totalFen: number;
  errors: RowErrorSummary;
}

/** The row through core's full check (a row the fast path did not take): the row, or null with its errors listed. */
function checkedRow(
  row: TableRow,
  columns: LedgerColumns,
  ctx: LedgerRowContext,
  errors: ErrorList,
): LedgerRow | null {
  const v = validateLedgerRow(cellsOf(row.cells, columns), row.row, ctx);
  if (!v.ok) {
    errors.add(v.errors);
    return null;
  }
  return v.row;
}

/**
 * Reads `source` as a ledger table and yields its valid rows as batches. After the first bad row nothing more is
 * yielded, but every row is still checked so that all errors are listed in the end. Throws UnreadableFileError
 * (not a table; broken CSV or Excel) or IMPORT_HEADERS_MISSING (no header row among the first rows).
 */
export async function* ledgerBatches(
  source: ImportSource,
  input: LedgerBatchesInput,
): AsyncGenerator<LedgerBatch, LedgerBatchesEnd, undefined> {
  const { info, rows } = await openTable(source);
  const ctx = { fiscalYear: input.line.year, projectCodes: input.projectCodes };
  const groups = new LedgerLineGroups(input.line, input.batchRows);
  const errors = new ErrorList();
  const months = new Set<number>();
  const aliases = input.aliases ?? LEDGER_ALIASES;
  const above: TableRow[] = [];
  let columns: LedgerColumns | null = null;
  let count = 0;
  let totalFen = 0;
  for await (const row of rows) {
    if (isBlank(row.cells)) {
      continue;
    }
    if (columns === null) {
      // Title lines may stand above the header row: it is the first row holding every required header.
      const m = matchHeaderCells(row.cells, aliases);
      if (missingFields(m.columns, LEDGER_REQUIRED_COLUMNS).length === 0) {
        columns = m.columns;
        continue;
      }
      above.push(row);
      if (above.length >= MAX_TITLE_ROWS) {
        break;
      }
      continue;
    }
    const bad = encodingProblem(row);
    if (bad) {
      errors.add([bad]);
      continue;
    }
    const r = fastLedgerRow(row.cells, columns, ctx) ?? checkedRow(row, columns, ctx, errors);
    if (r === null) {
      continue;
    }
    count++;
    if (errors.count === 0) {
      months.add(r.month);
      totalFen += r.amountFen;
      const full = groups.add(r);
      if (full) {
        yield full;
      }
    }
  }
  if (columns === null) {
    const search = findHeaderRow(above, aliases, LEDGER_REQUIRED_COLUMNS);
    throw headersMissingError(source.fileName, search, aliases, LEDGER_REQUIRED_COLUMNS);
  }
  const last = errors.count === 0 ? groups.take() : null;
  if (last) {
    yield last;
  }
  return {
    info,
    count,
    months: [...months].sort((a, b) => a - b),
    totalFen,
    errors: errors.summary(),
  };
}

/** An error as plain data, to cross a thread boundary and become the same class again (`errorFromData`). */
export type ErrorData =
  | {
      kind: 'service';
      code: ErrorCode;
      params: ErrorParams;
      details: unknown;
    }
  | { kind: 'unreadable'; messageZh: string; messageEn: string }
  | { kind: 'error'; name: string; message: string; stack: string | undefined };

export function errorToData(e: unknown): ErrorData {
  if (e instanceof ServiceError) {
    return {
      kind: 'service',
      code: e.code,
      params: e.params,
      details: e.details,
    };
  }
  if (e instanceof UnreadableFileError) {
    return { kind: 'unreadable', messageZh: e.messageZh, messageEn: e.messageEn };
  }
  if (e instanceof Error) {
    return { kind: 'error', name: e.name, message: e.message, stack: e.stack };
  }
  return { kind: 'error', name: 'Error', message: String(e), stack: undefined };
}

export function errorFromData(d: ErrorData): Error {
  if (d.kind === 'service') {
    return new ServiceError(d.code, d.params, d.details);
  }
  if (d.kind === 'unreadable') {
    return new UnreadableFileError(d.messageZh, d.messageEn);
  }
  const e = new Error(d.message);
  e.name = d.name;
  if (d.stack) {
    e.stack = `${d.stack}\n    (in the ledger worker thread)`;
  }
  return e;
}

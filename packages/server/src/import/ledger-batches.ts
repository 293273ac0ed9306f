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

/** Rows per COPY (PGlite) or per stream write (PostgreSQL), once the first batches have ramped up. */
export const LEDGER_BATCH_ROWS = 50_000;

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

/** A CSV field for COPY (FORMAT csv): quoted, quotes doubled; null → unquoted empty (NULL). */
export function csvField(s: string | null): string {
  if (s === null) {
    return '';
  }
  return `"${s.replace(/"/g, '""')}"`;
}

/** The fields every line of one import shares. */
export interface LedgerLineConstants {
  regionCode: string;
  departmentCode: string;
  year: number;
  batchId: string;
}

/** A row as a COPY (FORMAT csv) line of LEDGER_COLUMNS, without the newline. */
export function ledgerLine(c: LedgerLineConstants, r: LedgerRow): string {
  return [
    c.regionCode,
    String(c.year),
    csvField(c.departmentCode),
    csvField(r.projectCode),
    r.payDate,
    String(r.month),
    csvField(r.economicClass),
    fenToYuanString(r.amountFen),
    r.summary === '' ? '' : csvField(r.summary),
    csvField(r.voucherNo),
    c.batchId,
  ].join(',');
}

/** COPY-ready lines: `text` is `rows` lines joined with '\n' (no trailing newline). */
export interface LedgerBatch {
  text: string;
  rows: number;
}

/**
 * The first batch is small and each next one twice as large, up to `batchRows`: the COPY (of which there is a lot
 * more per row than of parsing) starts early instead of waiting for 50,000 parsed rows — in a worker that is 0.4 s
 * of the importing thread's time — and parsing still stays ahead of it (it is about twice as fast per row).
 */
export const LEDGER_FIRST_BATCH_ROWS = 5_000;

/**
 * Lines collected into batches (LEDGER_FIRST_BATCH_ROWS, doubling, up to `batchRows`), each batch's lines grouped by
 * project code, groups in code order. The project code leads the ledger's main index after the constant columns,
 * so its entries are then inserted nearly in key order, touching each index page about once per batch instead of
 * at random (1M ledger rows into PGlite: 23.6 s → 18.5 s of COPY). Grouping is linear; only the distinct codes are
 * sorted. The one place where ledger lines are grouped (the file import and importLedgerRows use it).
 */
export class LedgerLineGroups {
  private groups = new Map<string, string[]>();
  private rows = 0;
  private limit: number;
  constructor(private readonly batchRows: number = LEDGER_BATCH_ROWS) {
    this.limit = Math.min(batchRows, LEDGER_FIRST_BATCH_ROWS);
  }
  /** Adds a line; returns the batch once it is full. */
  add(line: string, projectCode: string): LedgerBatch | null {
    const g = this.groups.get(projectCode);
    if (g) {
      g.push(line);
    } else {
      this.groups.set(projectCode, [line]);
    }
    if (++this.rows < this.limit) {
      return null;
    }
    this.limit = Math.min(this.batchRows, this.limit * 2);
    return this.take();
  }
  /** The lines collected so far as a batch (null when there are none). */
  take(): LedgerBatch | null {
    if (this.rows === 0) {
      return null;
    }
    const lines: string[] = [];
    for (const code of [...this.groups.keys()].sort()) {
      for (const l of this.groups.get(code)!) {
        lines.push(l);
      }
    }
    const batch = { text: lines.join('\n'), rows: this.rows };
    this.groups = new Map();
    this.rows = 0;
    return batch;
  }
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
  const groups = new LedgerLineGroups(input.batchRows);
  const errors = new ErrorList();
  const months = new Set<number>();
  const aliases = input.aliases ?? LEDGER_ALIASES;
  const above: TableRow[] = [];
  let columns: Partial<Record<LedgerField, number>> | null = null;
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
    const v = validateLedgerRow(cellsOf(row.cells, columns), row.row, ctx);
    if (!v.ok) {
      errors.add(v.errors);
      continue;
    }
    count++;
    if (errors.count === 0) {
      months.add(v.row.month);
      totalFen += v.row.amountFen;
      const full = groups.add(ledgerLine(input.line, v.row), v.row.projectCode);
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

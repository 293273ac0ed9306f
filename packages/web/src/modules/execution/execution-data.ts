// Readers for the execution API: projects with budgets, ledger rows, import history — read by their declared
// names (Schema 'Execution', 'LedgerPage', 'ImportBatch', 'ImportResult'); money stays 元 strings shown
// through MoneyText. Only an import's error details (free-form in ErrorBody) are read tolerantly.
import type { Schema } from '../../api/schema.ts';

export type Execution = Schema<'Execution'>;
export type LedgerPage = Schema<'LedgerPage'>;
export type ImportBatch = Schema<'ImportBatch'>;
export type ImportResult = Schema<'ImportResult'>;

function rec(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : null;
}

function str(r: Record<string, unknown>, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = r[k];
    if (typeof v === 'string' && v !== '') {
      return v;
    }
    if (typeof v === 'number') {
      return String(v);
    }
  }
  return null;
}

export interface ProjectRow {
  code: string;
  name: string;
  kind: string | null;
  fundSource: string | null;
  initialYuan: string | null;
  adjustedYuan: string | null;
  executedYuan: string | null;
  rate: string | null;
}

export function readProjects(body: Execution | undefined): ProjectRow[] {
  return (body?.projects ?? []).map((p) => ({
    code: p.code,
    name: p.name,
    kind: p.expenditureType,
    fundSource: p.fundSourceName,
    initialYuan: p.initialYuan,
    adjustedYuan: p.budgetYuan,
    executedYuan: p.executedYuan,
    rate: p.rate,
  }));
}

export interface LedgerRow {
  key: string;
  date: string;
  projectCode: string;
  amountYuan: string;
  summary: string;
  voucher: string;
  economicClass: string;
}

export function readLedger(body: LedgerPage | undefined): {
  rows: LedgerRow[];
  total: number;
  totalYuan: string | null;
} {
  const rows = (body?.entries ?? []).map((l) => ({
    key: String(l.id),
    date: l.payDate,
    projectCode: l.projectCode,
    amountYuan: l.amountYuan,
    summary: l.summary ?? '',
    voucher: l.voucherNo ?? '',
    economicClass: l.economicClass,
  }));
  return { rows, total: body?.total ?? rows.length, totalYuan: body?.totalYuan ?? null };
}

export interface ImportRow {
  key: string;
  kind: string;
  fileName: string;
  rows: string;
  at: string;
  by: string;
  status: string;
  /** Ledger rows this import replaced (kept): while > 0 and the import is active, it can be undone. */
  replacedRows: number;
}

export function readImports(body: ImportBatch[] | undefined): ImportRow[] {
  return (body ?? []).map((b) => ({
    key: b.id,
    kind: b.kind,
    fileName: b.fileName,
    rows: String(b.rows),
    at: b.createdAt,
    by: b.createdBy ?? '',
    status: b.status,
    replacedRows: b.replacedRows,
  }));
}

/** Row count of an import's answer. */
export function importedCount(body: ImportResult): string {
  return String(body.rows);
}

/** One refused cell of an import (Schema 'ImportRowError', without its code). */
export type ImportRowError = Pick<
  Schema<'ImportRowError'>,
  'row' | 'column' | 'value' | 'message' | 'messageEn'
>;

/** The rows an import refused (details.errors of IMPORT_ROWS_INVALID) and how many there were in all. */
export function importErrors(details: unknown): { errors: ImportRowError[]; count: number } {
  const r = rec(details);
  const list = Array.isArray(r?.['errors']) ? (r?.['errors'] as unknown[]) : [];
  const errors = list
    .map(rec)
    .filter((x): x is Record<string, unknown> => x !== null)
    .map((e) => ({
      row: Number(e['row'] ?? 0),
      column: str(e, 'column') ?? '',
      value: str(e, 'value') ?? '',
      message: str(e, 'message') ?? '',
      messageEn: str(e, 'messageEn') ?? '',
    }));
  const count = Number(r?.['errorCount'] ?? errors.length);
  return { errors, count: Number.isFinite(count) ? count : errors.length };
}

/** The department totals of the execution report (its top level). */
export function readTotals(
  body: Execution | undefined,
): Omit<ProjectRow, 'code' | 'name' | 'kind' | 'fundSource'> | null {
  if (!body) {
    return null;
  }
  return {
    initialYuan: body.initialYuan,
    adjustedYuan: body.budgetYuan,
    executedYuan: body.executedYuan,
    rate: body.rate,
  };
}

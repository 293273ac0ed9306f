// Readers for the execution API (engineer "ledger"): projects with budgets, ledger rows, import history.
// Tolerant of field names until the contract settles; money stays 元 strings shown through MoneyText.

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

function listIn(body: unknown, ...keys: string[]): Record<string, unknown>[] {
  const r = rec(body);
  const list = Array.isArray(body) ? body : keys.map((k) => r?.[k]).find(Array.isArray);
  return Array.isArray(list)
    ? list.map(rec).filter((x): x is Record<string, unknown> => x !== null)
    : [];
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

export function readProjects(body: unknown): ProjectRow[] {
  return listIn(body, 'projects', 'rows', 'items').map((p) => ({
    code: str(p, 'code', 'projectCode') ?? '',
    name: str(p, 'name', 'projectName') ?? '',
    kind: str(p, 'expenditureType', 'kind', 'type'),
    fundSource: str(p, 'fundSourceName', 'fundSource'),
    initialYuan: str(p, 'initialYuan', 'initialBudgetYuan', 'initial'),
    adjustedYuan: str(p, 'adjustedYuan', 'budgetYuan', 'adjustedBudgetYuan', 'adjusted'),
    executedYuan: str(p, 'executedYuan', 'spentYuan', 'executed'),
    rate: str(p, 'rate', 'executionRate'),
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

export function readLedger(body: unknown): {
  rows: LedgerRow[];
  total: number;
  totalYuan: string | null;
} {
  const rows = listIn(body, 'entries', 'rows', 'items').map((l, i) => ({
    key: str(l, 'id', 'seq') ?? String(i),
    date: str(l, 'payDate', 'date', 'paidOn', 'entryDate') ?? '',
    projectCode: str(l, 'projectCode', 'project') ?? '',
    amountYuan: str(l, 'amountYuan', 'amount') ?? '',
    summary: str(l, 'summary', 'description', 'memo') ?? '',
    voucher: str(l, 'voucherNo', 'voucher', 'voucherNumber') ?? '',
    economicClass: str(l, 'economicClass', 'economicCode', 'economicClassCode') ?? '',
  }));
  const total = Number(rec(body)?.['total'] ?? rows.length);
  const totalYuan = rec(body)?.['totalYuan'];
  return {
    rows,
    total: Number.isFinite(total) ? total : rows.length,
    totalYuan: typeof totalYuan === 'string' ? totalYuan : null,
  };
}

export interface ImportRow {
  key: string;
  kind: string;
  fileName: string;
  rows: string;
  at: string;
  by: string;
  status: string;
}

export function readImports(body: unknown): ImportRow[] {
  return listIn(body, 'imports', 'batches', 'rows').map((b, i) => ({
    key: str(b, 'id') ?? String(i),
    kind: str(b, 'kind', 'type') ?? '',
    fileName: str(b, 'fileName', 'filename', 'file') ?? '',
    rows: str(b, 'rowCount', 'rows', 'count') ?? '',
    at: str(b, 'createdAt', 'importedAt', 'at') ?? '',
    by: str(b, 'createdByName', 'importedByName', 'by', 'createdBy') ?? '',
    status: str(b, 'status') ?? '',
  }));
}

/** Row count from an import's answer ({rows|rowCount|imported|count}). */
export function importedCount(body: unknown): string {
  const r = rec(body);
  const b = rec(r?.['batch']) ?? r;
  return (b && str(b, 'rowCount', 'rows', 'imported', 'count', 'inserted')) ?? '';
}

export interface ImportRowError {
  row: number;
  column: string;
  value: string;
  message: string;
  messageEn: string;
}

/** The rows an import refused (details.errors of IMPORT_INVALID) and how many there were in all. */
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
  body: unknown,
): Omit<ProjectRow, 'code' | 'name' | 'kind' | 'fundSource'> | null {
  const r = rec(body);
  if (!r || !str(r, 'budgetYuan')) {
    return null;
  }
  return {
    initialYuan: str(r, 'initialYuan'),
    adjustedYuan: str(r, 'budgetYuan'),
    executedYuan: str(r, 'executedYuan'),
    rate: str(r, 'rate'),
  };
}

// The imports feature: ledger (支出台账 / 支付明细), budgets (one department or region-wide), indicator progress and
// goal declarations, each in its own service file; this file lists the department-year's import batches and is
// the one entry point the routes, the CLI and the bench import from.
import type { Database } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertCanRead } from '../../auth/access.ts';
import { getDepartment } from '../departments/departments.service.ts';
import * as ledgerRepo from '../execution/ledger.repository.ts';
import type { ImportKind } from './import-common.ts';
import * as replaceRepo from './ledger-replace.repository.ts';

export {
  type ImportHooks,
  type ImportInput,
  type ImportKind,
  type ImportResult,
} from './import-common.ts';
export { importLedger, importLedgerRows } from './ledger-import.service.ts';
export {
  importBudgets,
  importRegionBudgets,
  type RegionBudgetInput,
  type RegionBudgetResult,
} from './budget-import.service.ts';
export { importProgress } from './progress-import.service.ts';
export { MAX_LISTED_ERRORS } from '../../import/row-errors.ts';
export interface ImportBatchOut {
  id: string;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  months: number[];
  rows: number;
  totalYuan: string;
  status: 'active' | 'replaced' | 'withdrawn';
  createdBy: string | null;
  createdAt: string;
  /** Ledger rows this import replaced (kept; the replacement can be undone while it is > 0). */
  replacedRows: number;
}

/** GET …/imports?year=: the department-year's import batches, newest first. */
export async function listImports(
  database: Database,
  actor: Actor,
  departmentCode: string,
  year: number,
): Promise<ImportBatchOut[]> {
  const dept = await getDepartment(database.db, actor, departmentCode);
  assertCanRead(actor, dept);
  const rows = await ledgerRepo.listBatches(database.db, dept.code, year);
  const replaced = await replaceRepo.replacedRowCounts(
    database.db,
    rows.map((b) => b.id),
  );
  return rows.map((b) => ({
    id: b.id,
    kind: b.kind,
    fileName: b.fileName,
    sha256: b.sha256,
    months: b.months.map(Number),
    rows: b.rowCount,
    totalYuan: b.totalAmount,
    status: b.status,
    createdBy: b.createdBy,
    createdAt: b.createdAt.toISOString(),
    replacedRows: replaced.get(b.id) ?? 0,
  }));
}

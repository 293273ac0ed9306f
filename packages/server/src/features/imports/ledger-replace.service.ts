// 替换已导入月份, safely: before a ledger file replaces months already imported, a preview of what it would do —
// the rows and amounts taken out per month and put in, and the department's execution rate before and after —
// then the import itself with replace=true as the explicit confirmation; afterwards the replaced rows stay kept
// and the replacement can be undone from the import history (restore). The file is read by the import's own reader.
import { d, fenToYuanString, parseYuan, toFixed2, type Fen } from '@jixiao/core';
import type { Database } from '../../db/open-db.ts';
import type { ImportSource } from '../../import/import-source.ts';
import { LedgerBatchesWorker } from '../../import/ledger-batches-thread.ts';
import type { LedgerBatchesInput } from '../../import/ledger-batches.ts';
import { LEDGER_ALIASES } from '../../import/table-columns.ts';
import { withMapping } from '../../import/column-mapping.ts';
import type { Actor } from '../../auth/actor.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import * as ledgerRepo from '../execution/ledger.repository.ts';
import { computeExecution } from '../execution/execution.service.ts';
import * as repo from './ledger-replace.repository.ts';
import { editableDepartment, readLedgerToEnd } from './import-common.ts';

export interface ReplacePreview {
  fileName: string;
  /** Months the file covers, and those of them that already hold ledger (the ones replaced). */
  months: number[];
  replacedMonths: number[];
  removed: { month: number; rows: number; amountYuan: string }[];
  removedRows: number;
  removedYuan: string;
  addedRows: number;
  addedYuan: string;
  budgetYuan: string;
  executedBeforeYuan: string;
  executedAfterYuan: string;
  /** 执行率 % of the whole year's budget, before and after (null without a budget). */
  rateBefore: string | null;
  rateAfter: string | null;
}

/** The file read to its end on a pooled thread (its bytes move there; only its name is used afterwards). */
function readWhole(source: ImportSource, input: LedgerBatchesInput) {
  const reader = new LedgerBatchesWorker();
  reader.start(source, input);
  return readLedgerToEnd(reader, source.fileName);
}

const fen = (yuan: string): Fen => parseYuan(yuan) ?? (0 as Fen);
const rate = (executed: Fen, budget: Fen) =>
  budget === 0 ? null : toFixed2(d(executed).times(100).div(budget));

/** POST …/imports/ledger/preview: what replacing the file's months would take out and put in. Writes nothing. */
export async function previewLedgerReplace(
  database: Database,
  actor: Actor,
  input: {
    departmentCode: string;
    year: number;
    source: ImportSource;
    mapping?: Readonly<Record<string, string>>;
  },
): Promise<ReplacePreview> {
  const dept = await editableDepartment(database, actor, input.departmentCode);
  const db = database.db;
  const projects = await ledgerRepo.listProjectRefs(db, dept.code, input.year);
  const end = await readWhole(input.source, {
    projectCodes: new Set(projects.map((p) => p.code)),
    line: {
      regionCode: dept.regionCode,
      departmentCode: dept.code,
      year: input.year,
      batchId: 'preview',
    },
    aliases: withMapping(LEDGER_ALIASES, input.mapping),
  });
  const removed = await repo.monthTotals(db, dept.code, input.year, end.months);
  if (removed.length === 0) {
    throw new ServiceError('IMPORT_PREVIEW_NOTHING_REPLACED', {
      months: end.months.map((m) => `${m}月`).join('、'),
      monthsEn: end.months.join(', '),
    });
  }
  const removedFen = removed.reduce((t, r) => t + fen(r.amountYuan), 0) as Fen;
  const exec = await computeExecution(db, dept, input.year, 12);
  const budget = fen(exec.budgetYuan);
  const before = fen(exec.executedYuan);
  const after = (before - removedFen + end.totalFen) as Fen;
  return {
    fileName: input.source.fileName,
    months: end.months,
    replacedMonths: removed.map((r) => r.month),
    removed,
    removedRows: removed.reduce((n, r) => n + r.rows, 0),
    removedYuan: fenToYuanString(removedFen),
    addedRows: end.count,
    addedYuan: fenToYuanString(end.totalFen as Fen),
    budgetYuan: exec.budgetYuan,
    executedBeforeYuan: exec.executedYuan,
    executedAfterYuan: fenToYuanString(after),
    rateBefore: rate(before, budget),
    rateAfter: rate(after, budget),
  };
}

/** POST …/imports/{batchId}/restore: undo the month replacement this import made (its rows out, the old back). */
export async function restoreReplacedImport(
  database: Database,
  actor: Actor,
  departmentCode: string,
  batchId: string,
): Promise<{ removedRows: number; restoredRows: number }> {
  const dept = await editableDepartment(database, actor, departmentCode);
  return database.db.transaction(async (tx) => {
    const batch = await repo.findBatch(tx, batchId);
    if (!batch || batch.departmentCode !== dept.code || batch.kind !== 'ledger') {
      throw notFound('导入批次', 'Import batch');
    }
    await ledgerRepo.lockLedgerOfDepartmentYear(tx, dept.code, batch.fiscalYear);
    if (batch.status !== 'active' || (await repo.batchRowsReplaced(tx, batch.id))) {
      throw new ServiceError('IMPORT_RESTORE_SUPERSEDED');
    }
    if ((await repo.replacedRowCounts(tx, [batch.id])).size === 0) {
      throw new ServiceError('IMPORT_RESTORE_NOT_REPLACING');
    }
    const r = await repo.restoreReplaced(tx, batch);
    await auditInTx(tx, actor, {
      action: 'ledger.restoreReplaced',
      entity: 'import_batches',
      entityId: batch.id,
      departmentCode: dept.code,
      before: { status: 'active', fileName: batch.fileName, rows: batch.rowCount },
      after: { status: 'withdrawn', removedRows: r.removedRows, restoredRows: r.restoredRows },
    });
    return r;
  });
}

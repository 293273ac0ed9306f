// The ledger import (支出台账 / 国库集中支付 支付明细): the file streamed, every row checked, valid rows COPYed in
// batches inside one transaction — the file parsed on a pooled worker thread meanwhile; months already imported
// refused unless replaced; the batch recorded and audited. Also the same import for rows already parsed (demo).
import { randomUUID } from 'node:crypto';
import { fenToYuanString, validateLedgerRow, type LedgerRow } from '@jixiao/core';
import type { Database, Tx } from '../../db/open-db.ts';
import { copyWriter, driverOfTx } from '../../import/copy-rows.ts';
import { sha256Of } from '../../import/import-source.ts';
import {
  LEDGER_COLUMNS,
  LedgerLineGroups,
  type LedgerBatchesEnd,
} from '../../import/ledger-batches.ts';
import { LedgerBatchesWorker } from '../../import/ledger-batches-thread.ts';
import { ErrorList } from '../../import/row-errors.ts';
import { LEDGER_ALIASES } from '../../import/table-columns.ts';
import { withMapping } from '../../import/column-mapping.ts';
import type { Actor } from '../../auth/actor.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError } from '../../http/service-error.ts';
import * as ledgerRepo from '../execution/ledger.repository.ts';
import {
  editableDepartment,
  readLedgerToEnd,
  refuseDuplicate,
  type ImportHooks,
  type ImportInput,
  type ImportResult,
} from './import-common.ts';

/**
 * After an import at least this large commits, the ledger is vacuumed and analysed: a bulk load leaves stale
 * statistics and pages without hint bits, and the first aggregate would otherwise pay for both (measured on
 * 1M rows, PostgreSQL: 2.8 s before, 0.16 s after a 0.8 s VACUUM ANALYZE).
 */
const VACUUM_AFTER_ROWS = 10_000;

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/**
 * Takes the department-year's ledger lock (ledger imports of it wait for each other until commit) and returns the
 * months that already hold entries — before this import COPYs anything, so the check reads only other rows
 * (after the COPY the same query walked every new row: 1M rows, ≈ 6 s). The lock is held to commit, so nobody
 * adds a month in between; the file's months taken are these ∩ the file's months.
 */
async function lockAndReadMonthsTaken(
  tx: Tx,
  departmentCode: string,
  year: number,
  batchId: string,
): Promise<number[]> {
  await ledgerRepo.lockLedgerOfDepartmentYear(tx, departmentCode, year);
  return ledgerRepo.monthsWithEntries(tx, departmentCode, year, ALL_MONTHS, batchId);
}

/** What a ledger batch needs once its rows are copied: the month check/replacement, the batch row, the audit. */
interface LedgerBatchFacts {
  batchId: string;
  regionCode: string;
  departmentCode: string;
  year: number;
  fileName: string;
  sha256: string;
  rows: number;
  months: number[];
  totalFen: number;
  replace: boolean;
  /** Months holding entries before this import (lockAndReadMonthsTaken, under the lock). */
  monthsTakenBefore: readonly number[];
}

async function finishLedgerBatch(
  tx: Tx,
  actor: Actor,
  f: LedgerBatchFacts,
): Promise<ImportResult['replaced']> {
  const taken = f.months.filter((m) => f.monthsTakenBefore.includes(m));
  let replaced: ImportResult['replaced'] = null;
  if (taken.length > 0) {
    if (!f.replace) {
      throw new ServiceError(
        'IMPORT_MONTHS_TAKEN',
        {
          year: f.year,
          months: taken.map((m) => `${m}月`).join('、'),
          monthsEn: taken.join(', '),
        },
        { months: taken },
      );
    }
    const r = await ledgerRepo.replaceMonths(tx, f.departmentCode, f.year, taken, f.batchId);
    replaced = {
      months: taken,
      batches: [...r.replacedBatches, ...r.shrunkBatches],
      deletedRows: r.deletedRows,
    };
  }
  const totalYuan = fenToYuanString(f.totalFen);
  await ledgerRepo.insertBatch(tx, {
    id: f.batchId,
    regionCode: f.regionCode,
    fiscalYear: f.year,
    departmentCode: f.departmentCode,
    kind: 'ledger',
    fileName: f.fileName,
    sha256: f.sha256,
    months: f.months,
    rowCount: f.rows,
    totalAmount: totalYuan,
    createdBy: actor.userId,
  });
  await auditInTx(tx, actor, {
    action: 'ledger.import',
    entity: 'import_batches',
    entityId: f.batchId,
    departmentCode: f.departmentCode,
    before: replaced
      ? {
          replacedMonths: replaced.months,
          replacedBatches: replaced.batches,
          deletedRows: replaced.deletedRows,
        }
      : null,
    after: { fileName: f.fileName, sha256: f.sha256, rows: f.rows, months: f.months, totalYuan },
  });
  return replaced;
}

/**
 * `jixiao import ledger` / POST …/imports/ledger: the file is streamed, every row checked, valid rows COPYed in
 * batches inside one transaction; any error anywhere refuses the whole file and lists every bad row. The
 * file, whatever its size, is read and checked on a pooled worker thread while this one COPYs (ledger-batches-thread.ts).
 */
export async function importLedger(
  database: Database,
  actor: Actor,
  input: ImportInput,
  hooks: ImportHooks = {},
): Promise<ImportResult> {
  const dept = await editableDepartment(database, actor, input.departmentCode);
  // Read on a pooled thread, whatever the file's size: the request thread only COPYs.
  const worker = new LedgerBatchesWorker();
  hooks.onReader?.(worker);
  try {
    const result = await importLedgerInTx(database, actor, dept, input, worker, hooks);
    if (result.rows >= VACUUM_AFTER_ROWS) {
      // Outside the (committed) transaction: VACUUM cannot run inside one. Best effort — the import stands either way.
      await ledgerRepo.vacuumLedger(database.db).catch(() => undefined);
    }
    return result;
  } finally {
    await worker.close();
  }
}

async function importLedgerInTx(
  database: Database,
  actor: Actor,
  dept: { code: string; name: string; regionCode: string },
  input: ImportInput,
  worker: LedgerBatchesWorker,
  hooks: ImportHooks,
): Promise<ImportResult> {
  const { source, year } = input;
  const sha256 = await sha256Of(source);
  await refuseDuplicate(database.db, dept.code, year, 'ledger', sha256);
  const projects = await ledgerRepo.listProjectRefs(database.db, dept.code, year);
  if (projects.length === 0) {
    throw new ServiceError(
      'IMPORT_NO_PROJECTS',
      { department: dept.name, year },
      { errorCount: 0, errors: [] },
    );
  }
  const projectCodes = new Set(projects.map((p) => p.code));

  return database.db.transaction(async (tx) => {
    await refuseDuplicate(tx, dept.code, year, 'ledger', sha256);
    const batchId = randomUUID();
    await hooks.beforeLock?.();
    const monthsTakenBefore = await lockAndReadMonthsTaken(tx, dept.code, year, batchId);
    const batchInput = {
      projectCodes,
      line: { regionCode: dept.regionCode, departmentCode: dept.code, year, batchId },
      batchRows: hooks.copyBatchRows,
      aliases: withMapping(LEDGER_ALIASES, input.mapping),
    };
    worker.start(source, batchInput, hooks.parseGate ? { gate: hooks.parseGate } : {});
    const writer = copyWriter(tx, database.driver, 'ledger_entries', LEDGER_COLUMNS);
    let end: LedgerBatchesEnd;
    try {
      end = await readLedgerToEnd(worker, source.fileName, (b) => writer.copy(b.bytes, b.rows));
      if (!Number.isSafeInteger(end.totalFen)) {
        throw new ServiceError(
          'IMPORT_TOTAL_OUT_OF_RANGE',
          { fileName: source.fileName },
          { errorCount: 0, errors: [] },
        );
      }
      await writer.finish();
    } catch (e) {
      await writer.abort();
      throw e;
    }
    await hooks.afterCopy?.();
    const replaced = await finishLedgerBatch(tx, actor, {
      batchId,
      regionCode: dept.regionCode,
      departmentCode: dept.code,
      year,
      fileName: source.fileName,
      sha256,
      rows: end.count,
      months: end.months,
      totalFen: end.totalFen,
      replace: input.replace ?? false,
      monthsTakenBefore,
    });
    return {
      batchId,
      kind: 'ledger' as const,
      fileName: source.fileName,
      sha256,
      format: end.info.format,
      encoding: end.info.encoding,
      rows: end.count,
      months: end.months,
      totalYuan: fenToYuanString(end.totalFen),
      createdProjects: [],
      replaced,
    };
  });
}

/**
 * The same ledger import for rows already parsed (the demo loader), inside the caller's transaction:
 * rows are checked against the department's projects, COPYed, and recorded as one batch with its audit entry.
 */
export async function importLedgerRows(
  tx: Tx,
  actor: Actor,
  input: {
    regionCode: string;
    departmentCode: string;
    year: number;
    fileName: string;
    sha256: string;
    rows: readonly LedgerRow[];
    replace?: boolean;
  },
): Promise<ImportResult> {
  const projects = await ledgerRepo.listProjectRefs(tx, input.departmentCode, input.year);
  const codes = new Set(projects.map((p) => p.code));
  const errors = new ErrorList();
  input.rows.forEach((r, i) => {
    const v = validateLedgerRow({ ...r, amount: fenToYuanString(r.amountFen) }, i + 2, {
      fiscalYear: input.year,
      projectCodes: codes,
    });
    if (!v.ok) {
      errors.add(v.errors);
    }
  });
  errors.throwIfAny(input.fileName);
  await refuseDuplicate(tx, input.departmentCode, input.year, 'ledger', input.sha256);
  const batchId = randomUUID();
  const monthsTakenBefore = await lockAndReadMonthsTaken(
    tx,
    input.departmentCode,
    input.year,
    batchId,
  );
  const writer = copyWriter(tx, driverOfTx(tx), 'ledger_entries', LEDGER_COLUMNS);
  const groups = new LedgerLineGroups({
    regionCode: input.regionCode,
    departmentCode: input.departmentCode,
    year: input.year,
    batchId,
  });
  let totalFen = 0;
  const months = new Set<number>();
  for (const r of input.rows) {
    totalFen += r.amountFen;
    months.add(r.month);
    const full = groups.add(r);
    if (full) {
      await writer.copy(full.bytes, full.rows);
    }
  }
  const last = groups.take();
  if (last) {
    await writer.copy(last.bytes, last.rows);
  }
  await writer.finish();
  const monthList = [...months].sort((a, b) => a - b);
  const replaced = await finishLedgerBatch(tx, actor, {
    batchId,
    regionCode: input.regionCode,
    departmentCode: input.departmentCode,
    year: input.year,
    fileName: input.fileName,
    sha256: input.sha256,
    rows: input.rows.length,
    months: monthList,
    totalFen,
    replace: input.replace ?? false,
    monthsTakenBefore,
  });
  return {
    batchId,
    kind: 'ledger',
    fileName: input.fileName,
    sha256: input.sha256,
    format: 'rows',
    encoding: null,
    rows: input.rows.length,
    months: monthList,
    totalYuan: fenToYuanString(totalFen),
    createdProjects: [],
    replaced,
  };
}

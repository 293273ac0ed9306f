// What every import kind shares: its result, its input, the refusal of a file already imported (same sha256),
// of an unreadable file and of a file without rows, and the department the actor may import into.
import type { MoneyUnit } from '@jixiao/core';
import type { Database, Queryable } from '../../db/open-db.ts';
import type { ImportSource } from '../../import/import-source.ts';
import type { LedgerBatch, LedgerBatchesEnd } from '../../import/ledger-batches.ts';
import type { LedgerBatchReader, LedgerBatchesWorker } from '../../import/ledger-batches-thread.ts';
import { refuseRowErrors } from '../../import/row-errors.ts';
import { UnreadableFileError, type TableInfo } from '../../import/read-table.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertCanEdit } from '../../auth/access.ts';
import { ServiceError } from '../../http/service-error.ts';
import { getDepartment } from '../departments/departments.service.ts';
import * as ledgerRepo from '../execution/ledger.repository.ts';

export type ImportKind = 'ledger' | 'budget' | 'progress';

export interface ImportResult {
  batchId: string;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  format: TableInfo['format'] | 'rows';
  encoding: string | null;
  rows: number;
  /** Months covered (ledger, progress). */
  months: number[];
  /** Σ amounts (ledger, budget), 元. */
  totalYuan: string;
  /** Projects created by a budget import. */
  createdProjects: string[];
  replaced: { months: number[]; batches: string[]; deletedRows: number } | null;
}

export interface ImportInput {
  departmentCode: string;
  year: number;
  source: ImportSource;
  /** Replace months already imported (ledger), the year's budget lines (budget). */
  replace?: boolean;
  /** The unit of money columns whose header names none (budgets). */
  unit?: MoneyUnit;
  /** The user's column mapping (field → header), put before the built-in aliases. */
  mapping?: Readonly<Record<string, string>>;
}

/** Test hooks: a failure injected here must leave the database as it was. */
export interface ImportHooks {
  /** Ledger: called inside the transaction just before the department-year's lock is taken. */
  beforeLock?: () => Promise<void>;
  afterCopy?: () => Promise<void>;
  /** Rows per COPY chunk (tests use a small one to have rows copied before a later row fails). */
  copyBatchRows?: number;
  /** Ledger: called with the reader (on a pooled thread) of each import (tests check it ends with the import). */
  onReader?: (reader: LedgerBatchesWorker) => void;
  /** Ledger: the reader waits (blocking its thread) until this gate's first Int32 is not 0. */
  parseGate?: SharedArrayBuffer;
}

/** An unreadable file (not a table, broken CSV or Excel) as the import's refusal; anything else rethrown. */
export function unreadable(e: unknown): never {
  if (e instanceof UnreadableFileError) {
    throw new ServiceError(
      'IMPORT_FILE_UNREADABLE',
      { message: e.messageZh, messageEn: e.messageEn },
      { errorCount: 1, errors: [] },
    );
  }
  throw e;
}

export function noRows(fileName: string): ServiceError {
  return new ServiceError('IMPORT_NO_ROWS', { fileName }, { errorCount: 0, errors: [] });
}

/** A file of the same content already imported (active batch) for the department-year is refused. */
export async function refuseDuplicate(
  db: Queryable,
  departmentCode: string,
  year: number,
  kind: ImportKind,
  sha256: string,
): Promise<void> {
  const dup = await ledgerRepo.findActiveBatchBySha(db, departmentCode, year, kind, sha256);
  if (dup) {
    throw new ServiceError(
      'IMPORT_DUPLICATE_FILE',
      {
        at: dup.createdAt.toISOString().slice(0, 16).replace('T', ' '),
        fileName: dup.fileName,
        rows: dup.rowCount,
      },
      {
        batchId: dup.id,
        fileName: dup.fileName,
        importedAt: dup.createdAt.toISOString(),
        rows: dup.rowCount,
        sha256,
      },
    );
  }
}

export async function editableDepartment(database: Database, actor: Actor, departmentCode: string) {
  const dept = await getDepartment(database.db, actor, departmentCode);
  assertCanEdit(actor, dept);
  return dept;
}

/**
 * Reads a ledger file to its end, handing each batch to `onBatch` (the import's COPY; nothing for a preview), and
 * always ends the reading (a worker thread is terminated). An unreadable file, any bad row or no row at all is
 * refused with the import's own errors.
 */
export async function readLedgerToEnd(
  reader: LedgerBatchReader,
  fileName: string,
  onBatch: (batch: LedgerBatch) => Promise<void> = async () => {},
): Promise<LedgerBatchesEnd> {
  let end: LedgerBatchesEnd;
  try {
    for (;;) {
      const r = await reader.next();
      if (r.done) {
        end = r.value;
        break;
      }
      await onBatch(r.value);
    }
  } catch (e) {
    unreadable(e);
  } finally {
    await reader.close();
  }
  refuseRowErrors(end.errors, fileName);
  if (end.count === 0) {
    throw noRows(fileName);
  }
  return end;
}

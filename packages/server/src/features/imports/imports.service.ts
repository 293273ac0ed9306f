// Imports of the expenditure ledger, budget lines and indicator progress: streamed, checked row by row,
// all-or-nothing in one transaction (COPY for the ledger), duplicate files refused by sha256, months already
// imported refused unless replaced explicitly, every import audited.
import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import {
  cellsOf,
  fenToYuanString,
  isDecimalString,
  matchHeaders,
  parseLedgerDate,
  parseQualProgress,
  parseYuan,
  rowError,
  validateLedgerRow,
  type Fen,
  type LedgerRow,
  type RowError,
} from '@jixiao/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable, Tx } from '../../db/open-db.ts';
import * as s from '../../db/schema/index.ts';
import type { FundSource } from '../../db/schema/projects.ts';
import { copyWriter, driverOfTx } from '../../import/copy-rows.ts';
import { sha256Of, type ImportSource } from '../../import/import-source.ts';
import {
  LEDGER_COLUMNS,
  LedgerLineGroups,
  ledgerLine,
  type LedgerBatchesEnd,
} from '../../import/ledger-batches.ts';
import {
  LEDGER_WORKER_MIN_BYTES,
  LedgerBatchesWorker,
  inThreadReader,
  type LedgerBatchReader,
} from '../../import/ledger-batches-thread.ts';
import { UnreadableFileError, openTable, type TableInfo } from '../../import/read-table.ts';
import {
  ErrorList,
  encodingProblem,
  isBlank,
  missingColumns,
  refuseRowErrors,
} from '../../import/row-errors.ts';
import {
  BUDGET_ALIASES,
  BUDGET_HEADERS,
  BUDGET_REQUIRED,
  DEPARTMENT_SUBJECT_CODES,
  PROGRESS_ALIASES,
  PROGRESS_HEADERS,
  PROGRESS_REQUIRED,
  type BudgetField,
  type ProgressField,
} from '../../import/table-columns.ts';
import * as ledgerRepo from '../execution/ledger.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertCanEdit, assertCanRead } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError } from '../../http/service-error.ts';

export type ImportKind = 'ledger' | 'budget' | 'progress';

export { MAX_LISTED_ERRORS } from '../../import/row-errors.ts';

/**
 * After an import at least this large commits, the ledger is vacuumed and analysed: a bulk load leaves stale
 * statistics and pages without hint bits, and the first aggregate would otherwise pay for both (measured on
 * 1M rows, PostgreSQL: 2.8 s before, 0.16 s after a 0.8 s VACUUM ANALYZE).
 */
const VACUUM_AFTER_ROWS = 10_000;

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
}

/** Test hooks: a failure injected here must leave the database as it was. */
export interface ImportHooks {
  afterCopy?: () => Promise<void>;
  /** Rows per COPY chunk (tests use a small one to have rows copied before a later row fails). */
  copyBatchRows?: number;
  /** Ledger: parse in a worker thread (true) or on this thread (false); default by size (LEDGER_WORKER_MIN_BYTES). */
  parseInWorker?: boolean;
  /** Ledger: called with the worker thread when one is started (tests check it is gone afterwards). */
  onWorker?: (worker: Worker) => void;
}

function unreadable(e: unknown): never {
  if (e instanceof UnreadableFileError) {
    throw new ServiceError(
      'IMPORT_INVALID',
      { message: e.messageZh, messageEn: e.messageEn },
      {
        errorCount: 1,
        errors: [],
      },
    );
  }
  throw e;
}

async function refuseDuplicate(
  db: Queryable,
  departmentCode: string,
  year: number,
  kind: ImportKind,
  sha256: string,
): Promise<void> {
  const dup = await ledgerRepo.findActiveBatchBySha(db, departmentCode, year, kind, sha256);
  if (dup) {
    const at = dup.createdAt.toISOString().slice(0, 16).replace('T', ' ');
    throw new ServiceError(
      'DUPLICATE_IMPORT',
      {
        message: `该文件已导入过（${at}，文件「${dup.fileName}」，${dup.rowCount} 行），本次未重复计入。`,
        messageEn: `This file was already imported (${at}, "${dup.fileName}", ${dup.rowCount} rows); nothing was counted twice.`,
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

async function editableDepartment(database: Database, actor: Actor, departmentCode: string) {
  const dept = await getDepartment(database.db, actor, departmentCode);
  assertCanEdit(actor, dept);
  return dept;
}

// ---------------------------------------------------------------------------------------------------------
// Ledger

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
}

async function finishLedgerBatch(
  tx: Tx,
  actor: Actor,
  f: LedgerBatchFacts,
): Promise<ImportResult['replaced']> {
  const taken = await ledgerRepo.monthsWithEntries(
    tx,
    f.departmentCode,
    f.year,
    f.months,
    f.batchId,
  );
  let replaced: ImportResult['replaced'] = null;
  if (taken.length > 0) {
    if (!f.replace) {
      const list = taken.map((m) => `${m}月`).join('、');
      throw new ServiceError(
        'CONFLICT',
        {
          message: `${f.year} 年 ${list} 已有支出台账数据，本次未导入。如确需用本文件替换这些月份，请使用 --replace-month（接口参数 replace=true）。`,
          messageEn: `Month(s) ${taken.join(', ')} of ${f.year} already hold ledger entries; nothing was imported. To replace those months with this file, use --replace-month (replace=true).`,
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

/** Parse in a worker thread? Forced by the hook, else by size (and only for a source that can leave the thread). */
async function parseInWorker(source: ImportSource, hooks: ImportHooks): Promise<boolean> {
  if (!source.handOff) {
    return false;
  }
  if (hooks.parseInWorker !== undefined) {
    return hooks.parseInWorker;
  }
  const size = await source.size?.();
  return size !== undefined && size >= LEDGER_WORKER_MIN_BYTES;
}

/**
 * `jixiao import ledger` / POST …/imports/ledger: the file is streamed, every row checked, valid rows COPYed in
 * batches inside one transaction; any error anywhere refuses the whole file and lists every bad row. A large
 * file is read and checked in a worker thread while this one COPYs (ledger-batches-thread.ts).
 */
export async function importLedger(
  database: Database,
  actor: Actor,
  input: ImportInput,
  hooks: ImportHooks = {},
): Promise<ImportResult> {
  const dept = await editableDepartment(database, actor, input.departmentCode);
  const { source } = input;
  // Started first: the thread boots while this one hashes the file and looks up the projects.
  const worker = (await parseInWorker(source, hooks)) ? new LedgerBatchesWorker() : null;
  if (worker) {
    hooks.onWorker?.(worker.worker);
  }
  try {
    const result = await importLedgerInTx(database, actor, dept, input, worker, hooks);
    if (result.rows >= VACUUM_AFTER_ROWS) {
      // Outside the (committed) transaction: VACUUM cannot run inside one. Best effort — the import stands either way.
      await database.db.execute(sql`vacuum (analyze) ledger_entries`).catch(() => undefined);
    }
    return result;
  } finally {
    await worker?.close();
  }
}

async function importLedgerInTx(
  database: Database,
  actor: Actor,
  dept: { code: string; name: string; regionCode: string },
  input: ImportInput,
  worker: LedgerBatchesWorker | null,
  hooks: ImportHooks,
): Promise<ImportResult> {
  const { source, year } = input;
  const sha256 = await sha256Of(source);
  await refuseDuplicate(database.db, dept.code, year, 'ledger', sha256);
  const projects = await ledgerRepo.listProjectRefs(database.db, dept.code, year);
  if (projects.length === 0) {
    throw new ServiceError(
      'IMPORT_INVALID',
      {
        message: `${dept.name} ${year} 年度还没有项目预算：请先导入项目预算（import budgets）`,
        messageEn: `${dept.code} has no projects for ${year}: import the budget first`,
      },
      { errorCount: 0, errors: [] },
    );
  }
  const projectCodes = new Set(projects.map((p) => p.code));

  return database.db.transaction(async (tx) => {
    await refuseDuplicate(tx, dept.code, year, 'ledger', sha256);
    const batchId = randomUUID();
    const batchInput = {
      projectCodes,
      line: { regionCode: dept.regionCode, departmentCode: dept.code, year, batchId },
      batchRows: hooks.copyBatchRows,
    };
    let reader: LedgerBatchReader;
    if (worker) {
      worker.start(source, batchInput);
      reader = worker;
    } else {
      reader = inThreadReader(source, batchInput);
    }
    const writer = copyWriter(tx, database.driver, 'ledger_entries', LEDGER_COLUMNS);
    let end: LedgerBatchesEnd;
    try {
      try {
        for (;;) {
          const r = await reader.next();
          if (r.done) {
            end = r.value;
            break;
          }
          await writer.copy(r.value.text, r.value.rows);
        }
      } catch (e) {
        unreadable(e);
      } finally {
        // The file is read (or the import failed): end the reading — a worker thread is terminated here.
        await reader.close();
      }
      refuseRowErrors(end.errors, source.fileName);
      if (end.count === 0) {
        throw new ServiceError(
          'IMPORT_INVALID',
          {
            message: `文件「${source.fileName}」只有表头，没有数据行`,
            messageEn: `File "${source.fileName}" has a header but no rows`,
          },
          { errorCount: 0, errors: [] },
        );
      }
      if (!Number.isSafeInteger(end.totalFen)) {
        throw new ServiceError(
          'IMPORT_INVALID',
          { message: '金额合计超出范围', messageEn: 'Total amount out of range' },
          {
            errorCount: 0,
            errors: [],
          },
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
  const writer = copyWriter(tx, driverOfTx(tx), 'ledger_entries', LEDGER_COLUMNS);
  const groups = new LedgerLineGroups();
  const line = {
    regionCode: input.regionCode,
    departmentCode: input.departmentCode,
    year: input.year,
    batchId,
  };
  let totalFen = 0;
  const months = new Set<number>();
  for (const r of input.rows) {
    totalFen += r.amountFen;
    months.add(r.month);
    const full = groups.add(ledgerLine(line, r), r.projectCode);
    if (full) {
      await writer.copy(full.text, full.rows);
    }
  }
  const last = groups.take();
  if (last) {
    await writer.copy(last.text, last.rows);
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

// ---------------------------------------------------------------------------------------------------------
// Budget lines (年初 / 调整)

const KIND_WORDS: Record<string, 'initial' | 'adjustment'> = {
  年初: 'initial',
  年初预算: 'initial',
  年初预算数: 'initial',
  initial: 'initial',
  调整: 'adjustment',
  预算调整: 'adjustment',
  调整预算: 'adjustment',
  追加: 'adjustment',
  调减: 'adjustment',
  adjustment: 'adjustment',
};
const EXPENDITURE_WORDS: Record<string, 'basic' | 'project'> = {
  基本支出: 'basic',
  项目支出: 'project',
  basic: 'basic',
  project: 'project',
};
const FUND_WORDS: Record<string, FundSource> = {
  一般公共预算: 'general',
  一般公共预算拨款: 'general',
  政府性基金预算: 'governmentFund',
  政府性基金: 'governmentFund',
  国有资本经营预算: 'stateCapital',
  财政专户: 'fiscalSpecial',
  财政专户管理资金: 'fiscalSpecial',
  其他: 'other',
  general: 'general',
  governmentFund: 'governmentFund',
  stateCapital: 'stateCapital',
  fiscalSpecial: 'fiscalSpecial',
  other: 'other',
};

interface BudgetLineIn {
  projectCode: string;
  projectName: string;
  kind: 'initial' | 'adjustment';
  amountFen: Fen;
  date: string | null;
  documentNo: string | null;
  reason: string | null;
  expenditureType: 'basic' | 'project' | null;
  fundSource: FundSource | null;
  row: number;
}

/** `jixiao import budgets`: 年初/调整 lines; unknown project codes create the project (name required). */
export async function importBudgets(
  database: Database,
  actor: Actor,
  input: ImportInput,
): Promise<ImportResult> {
  const dept = await editableDepartment(database, actor, input.departmentCode);
  const { source, year } = input;
  const sha256 = await sha256Of(source);
  await refuseDuplicate(database.db, dept.code, year, 'budget', sha256);
  const { info, rows } = await openTable(source).catch(unreadable);
  const h = (f: BudgetField) => BUDGET_HEADERS[f];
  const errors = new ErrorList();
  const lines: BudgetLineIn[] = [];
  let columns: Partial<Record<BudgetField, number>> | null = null;
  try {
    for await (const row of rows) {
      if (isBlank(row.cells)) {
        continue;
      }
      if (columns === null) {
        const m = matchHeaders(row.cells, BUDGET_ALIASES, BUDGET_REQUIRED);
        if (m.missing.length > 0) {
          throw missingColumns(m.missing, BUDGET_HEADERS, source.fileName);
        }
        columns = m.columns;
        continue;
      }
      const bad = encodingProblem(row);
      if (bad) {
        errors.add([bad]);
        continue;
      }
      const c = cellsOf(row.cells, columns);
      const cell = (f: BudgetField) => (c[f] ?? '').trim();
      const rowErrors: RowError[] = [];
      const code = cell('projectCode');
      if (code === '') {
        rowErrors.push(
          rowError(row.row, h('projectCode'), code, 'REQUIRED', {
            zh: '项目编码不能为空',
            en: 'project code is missing',
          }),
        );
      }
      const kind = KIND_WORDS[cell('kind')];
      if (!kind) {
        rowErrors.push(
          rowError(row.row, h('kind'), cell('kind'), 'BAD_KIND', {
            zh: '类型应为「年初」或「调整」',
            en: 'type must be 年初 (initial) or 调整 (adjustment)',
          }),
        );
      }
      const amountFen = parseYuan(cell('amount'));
      if (amountFen === null) {
        rowErrors.push(
          rowError(
            row.row,
            h('amount'),
            cell('amount'),
            cell('amount') === '' ? 'REQUIRED' : 'BAD_AMOUNT',
            {
              zh: '金额应为以元为单位、最多两位小数的数字',
              en: 'amount must be in 元 with at most 2 decimals',
            },
          ),
        );
      } else if (kind === 'initial' && amountFen < 0) {
        rowErrors.push(
          rowError(row.row, h('amount'), cell('amount'), 'BAD_AMOUNT', {
            zh: '年初预算不能为负数',
            en: 'an initial budget cannot be negative',
          }),
        );
      } else if (kind === 'adjustment' && amountFen === 0) {
        rowErrors.push(
          rowError(row.row, h('amount'), cell('amount'), 'ZERO_AMOUNT', {
            zh: '调整金额不能为 0',
            en: 'an adjustment cannot be 0',
          }),
        );
      }
      let date: string | null = null;
      if (cell('date') !== '') {
        date = parseLedgerDate(cell('date'));
        if (date === null) {
          rowErrors.push(
            rowError(row.row, h('date'), cell('date'), 'BAD_DATE', {
              zh: '日期无法识别，应为 YYYY-MM-DD',
              en: 'not a valid date (YYYY-MM-DD)',
            }),
          );
        } else if (Number(date.slice(0, 4)) > year || Number(date.slice(0, 4)) < year - 1) {
          rowErrors.push(
            rowError(row.row, h('date'), cell('date'), 'DATE_OUTSIDE_YEAR', {
              zh: `日期应在 ${year} 预算年度内（年初预算可为上年末批复）`,
              en: `date must fall in fiscal year ${year} (or the end of the previous year)`,
            }),
          );
        }
      } else if (kind === 'adjustment') {
        rowErrors.push(
          rowError(row.row, h('date'), '', 'REQUIRED', {
            zh: '预算调整须填写调整日期',
            en: 'an adjustment needs its date',
          }),
        );
      }
      if (kind === 'adjustment' && cell('reason') === '') {
        rowErrors.push(
          rowError(row.row, h('reason'), '', 'REQUIRED', {
            zh: '预算调整须说明原因',
            en: 'an adjustment needs its reason',
          }),
        );
      }
      const et = cell('expenditureType');
      const expenditureType = et === '' ? null : (EXPENDITURE_WORDS[et] ?? null);
      if (et !== '' && expenditureType === null) {
        rowErrors.push(
          rowError(row.row, h('expenditureType'), et, 'BAD_VALUE', {
            zh: '支出类型应为「基本支出」或「项目支出」',
            en: 'expenditure type must be 基本支出 or 项目支出',
          }),
        );
      }
      const fs = cell('fundSource');
      const fundSource = fs === '' ? null : (FUND_WORDS[fs] ?? null);
      if (fs !== '' && fundSource === null) {
        rowErrors.push(
          rowError(row.row, h('fundSource'), fs, 'BAD_VALUE', {
            zh: '资金来源应为 一般公共预算/政府性基金预算/国有资本经营预算/财政专户/其他',
            en: 'unknown fund source',
          }),
        );
      }
      if (rowErrors.length > 0 || !kind || amountFen === null) {
        errors.add(rowErrors);
        continue;
      }
      lines.push({
        projectCode: code,
        projectName: cell('projectName'),
        kind,
        amountFen,
        date,
        documentNo: cell('documentNo') || null,
        reason: cell('reason') || null,
        expenditureType,
        fundSource,
        row: row.row,
      });
    }
  } catch (e) {
    unreadable(e);
  }
  if (columns === null) {
    throw missingColumns([...BUDGET_REQUIRED], BUDGET_HEADERS, source.fileName);
  }

  return database.db.transaction(async (tx) => {
    await refuseDuplicate(tx, dept.code, year, 'budget', sha256);
    const existing = new Map(
      (await ledgerRepo.listProjectRefs(tx, dept.code, year)).map((p) => [p.code, p]),
    );
    const withInitial = input.replace
      ? new Set<string>()
      : new Set(
          (
            await tx
              .select({ projectId: s.budgetLines.projectId })
              .from(s.budgetLines)
              .where(
                and(
                  eq(s.budgetLines.departmentCode, dept.code),
                  eq(s.budgetLines.fiscalYear, year),
                  eq(s.budgetLines.kind, 'initial'),
                ),
              )
          ).map((r) => r.projectId),
        );
    const newNames = new Map<string, string>();
    const initialInFile = new Set<string>();
    for (const l of lines) {
      const known = existing.get(l.projectCode);
      if (known) {
        if (l.projectName !== '' && l.projectName !== known.name) {
          errors.add([
            rowError(l.row, h('projectName'), l.projectName, 'NAME_MISMATCH', {
              zh: `与已有项目「${l.projectCode} ${known.name}」的名称不一致：请核对项目编码`,
              en: `differs from the existing project "${known.name}": check the code`,
            }),
          ]);
        }
        if (l.kind === 'initial' && withInitial.has(known.id)) {
          errors.add([
            rowError(l.row, h('kind'), '年初', 'DUPLICATE_INITIAL', {
              zh: '该项目已有年初预算；如需整体替换本年度预算，请使用 --replace（replace=true）',
              en: 'the project already has an initial budget; use --replace to replace the year’s budget',
            }),
          ]);
        }
      } else if (l.projectName === '' && !newNames.has(l.projectCode)) {
        errors.add([
          rowError(l.row, h('projectName'), '', 'REQUIRED', {
            zh: '新项目须填写项目名称',
            en: 'a new project needs its name',
          }),
        ]);
      } else if (l.projectName !== '') {
        const prev = newNames.get(l.projectCode);
        if (prev !== undefined && prev !== l.projectName) {
          errors.add([
            rowError(l.row, h('projectName'), l.projectName, 'NAME_MISMATCH', {
              zh: `同一项目编码在文件中有不同名称（「${prev}」）`,
              en: `the same code has another name in this file ("${prev}")`,
            }),
          ]);
        } else {
          newNames.set(l.projectCode, l.projectName);
        }
      }
      if (l.kind === 'initial') {
        if (initialInFile.has(l.projectCode)) {
          errors.add([
            rowError(l.row, h('kind'), '年初', 'DUPLICATE_INITIAL', {
              zh: '同一项目在文件中有多行年初预算',
              en: 'more than one initial line for the project in this file',
            }),
          ]);
        }
        initialInFile.add(l.projectCode);
      }
    }
    errors.throwIfAny(source.fileName);
    if (lines.length === 0) {
      throw new ServiceError(
        'IMPORT_INVALID',
        {
          message: `文件「${source.fileName}」只有表头，没有数据行`,
          messageEn: `File "${source.fileName}" has a header but no rows`,
        },
        { errorCount: 0, errors: [] },
      );
    }
    const batchId = randomUUID();
    let replaced: ImportResult['replaced'] = null;
    if (input.replace) {
      const del = await tx
        .delete(s.budgetLines)
        .where(and(eq(s.budgetLines.departmentCode, dept.code), eq(s.budgetLines.fiscalYear, year)))
        .returning({ id: s.budgetLines.id });
      const old = await tx
        .update(s.importBatches)
        .set({ status: 'replaced' })
        .where(
          and(
            eq(s.importBatches.departmentCode, dept.code),
            eq(s.importBatches.fiscalYear, year),
            eq(s.importBatches.kind, 'budget'),
            eq(s.importBatches.status, 'active'),
          ),
        )
        .returning({ id: s.importBatches.id });
      replaced = { months: [], batches: old.map((b) => b.id), deletedRows: del.length };
    }
    const created: string[] = [];
    const firstLine = new Map<string, BudgetLineIn>();
    for (const l of lines) {
      if (!firstLine.has(l.projectCode)) {
        firstLine.set(l.projectCode, l);
      }
    }
    const newProjects = [...newNames].map(([code, name]) => {
      const first = firstLine.get(code);
      return {
        regionCode: dept.regionCode,
        fiscalYear: year,
        departmentCode: dept.code,
        code,
        name,
        level: 1 as const,
        fundSource: first?.fundSource ?? ('general' as const),
        expenditureType: first?.expenditureType ?? ('project' as const),
        implementingUnit: dept.name,
      };
    });
    for (let i = 0; i < newProjects.length; i += 1000) {
      const inserted = await tx
        .insert(s.projects)
        .values(newProjects.slice(i, i + 1000))
        .returning({ id: s.projects.id, code: s.projects.code, name: s.projects.name });
      for (const p of inserted) {
        existing.set(p.code, p);
        created.push(p.code);
      }
    }
    let totalFen = 0;
    const values = lines.map((l) => {
      totalFen += l.amountFen;
      return {
        regionCode: dept.regionCode,
        fiscalYear: year,
        departmentCode: dept.code,
        projectId: existing.get(l.projectCode)!.id,
        kind: l.kind,
        amount: fenToYuanString(l.amountFen),
        effectiveDate: l.date,
        documentNo: l.documentNo,
        reason: l.reason,
        importBatchId: batchId,
      };
    });
    for (let i = 0; i < values.length; i += 1000) {
      await tx.insert(s.budgetLines).values(values.slice(i, i + 1000));
    }
    const totalYuan = fenToYuanString(totalFen);
    await ledgerRepo.insertBatch(tx, {
      id: batchId,
      regionCode: dept.regionCode,
      fiscalYear: year,
      departmentCode: dept.code,
      kind: 'budget',
      fileName: source.fileName,
      sha256,
      months: [],
      rowCount: lines.length,
      totalAmount: totalYuan,
      createdBy: actor.userId,
    });
    await auditInTx(tx, actor, {
      action: 'budget.import',
      entity: 'import_batches',
      entityId: batchId,
      departmentCode: dept.code,
      before: replaced
        ? { replacedBatches: replaced.batches, deletedLines: replaced.deletedRows }
        : null,
      after: {
        fileName: source.fileName,
        sha256,
        lines: lines.length,
        totalYuan,
        createdProjects: created,
      },
    });
    return {
      batchId,
      kind: 'budget' as const,
      fileName: source.fileName,
      sha256,
      format: info.format,
      encoding: info.encoding,
      rows: lines.length,
      months: [],
      totalYuan,
      createdProjects: created,
      replaced,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Indicator progress (cumulative value at a month end)

interface IndicatorRef {
  id: string;
  name: string;
  operator: string;
  projectCode: string | null;
}

/** `jixiao import progress`: 指标ID or 项目编码 + 指标名称, 月份, 累计完成值, 说明. A value for the same indicator and month is replaced. */
export async function importProgress(
  database: Database,
  actor: Actor,
  input: ImportInput,
): Promise<ImportResult> {
  const dept = await editableDepartment(database, actor, input.departmentCode);
  const { source, year } = input;
  const sha256 = await sha256Of(source);
  await refuseDuplicate(database.db, dept.code, year, 'progress', sha256);
  const refs = await database.db
    .select({
      id: s.indicators.id,
      name: s.indicators.name,
      operator: s.indicators.operator,
      projectCode: s.projects.code,
    })
    .from(s.indicators)
    .innerJoin(s.goals, eq(s.goals.id, s.indicators.goalId))
    .leftJoin(s.projects, eq(s.projects.id, s.goals.projectId))
    .where(and(eq(s.indicators.departmentCode, dept.code), eq(s.indicators.fiscalYear, year)));
  const byId = new Map<string, IndicatorRef>(refs.map((r) => [r.id, r]));
  const byName = new Map<string, IndicatorRef[]>();
  for (const r of refs) {
    const k = `${r.projectCode ?? ''}\u0001${r.name.trim()}`;
    byName.set(k, [...(byName.get(k) ?? []), r]);
  }
  const { info, rows } = await openTable(source).catch(unreadable);
  const h = (f: ProgressField) => PROGRESS_HEADERS[f];
  const errors = new ErrorList();
  const values: { indicatorId: string; month: number; value: string; note: string | null }[] = [];
  const seen = new Map<string, number>();
  let columns: Partial<Record<ProgressField, number>> | null = null;
  try {
    for await (const row of rows) {
      if (isBlank(row.cells)) {
        continue;
      }
      if (columns === null) {
        const m = matchHeaders(row.cells, PROGRESS_ALIASES, PROGRESS_REQUIRED);
        const hasSubject =
          m.columns.indicatorId !== undefined || m.columns.indicatorName !== undefined;
        if (m.missing.length > 0 || !hasSubject) {
          throw missingColumns(
            [...m.missing, ...(hasSubject ? [] : ['indicatorName' as const])],
            PROGRESS_HEADERS,
            source.fileName,
          );
        }
        columns = m.columns;
        continue;
      }
      const bad = encodingProblem(row);
      if (bad) {
        errors.add([bad]);
        continue;
      }
      const c = cellsOf(row.cells, columns);
      const cell = (f: ProgressField) => (c[f] ?? '').trim();
      const rowErrors: RowError[] = [];
      let ind: IndicatorRef | null = null;
      if (cell('indicatorId') !== '') {
        ind = byId.get(cell('indicatorId')) ?? null;
        if (!ind) {
          rowErrors.push(
            rowError(row.row, h('indicatorId'), cell('indicatorId'), 'UNKNOWN_INDICATOR', {
              zh: `本部门 ${year} 年度没有该指标ID`,
              en: `no such indicator id for this department in ${year}`,
            }),
          );
        }
      } else {
        const code = cell('projectCode');
        const subject = DEPARTMENT_SUBJECT_CODES.includes(code) ? '' : code;
        const found = byName.get(`${subject}\u0001${cell('indicatorName')}`) ?? [];
        if (cell('indicatorName') === '') {
          rowErrors.push(
            rowError(row.row, h('indicatorName'), '', 'REQUIRED', {
              zh: '请填写指标ID，或项目编码 + 指标名称',
              en: 'give the indicator id, or project code + indicator name',
            }),
          );
        } else if (found.length === 0) {
          rowErrors.push(
            rowError(row.row, h('indicatorName'), cell('indicatorName'), 'UNKNOWN_INDICATOR', {
              zh: `${subject === '' ? '部门整体' : `项目 ${subject}`} 没有名为「${cell('indicatorName')}」的指标`,
              en: `${subject === '' ? 'the department' : `project ${subject}`} has no indicator of that name`,
            }),
          );
        } else if (found.length > 1) {
          rowErrors.push(
            rowError(row.row, h('indicatorName'), cell('indicatorName'), 'AMBIGUOUS_INDICATOR', {
              zh: '有多个同名指标，请改用指标ID',
              en: 'several indicators have this name: use the indicator id',
            }),
          );
        } else {
          ind = found[0]!;
        }
      }
      const monthText = cell('month').replace(/月$/, '');
      const month = /^\d{1,2}$/.test(monthText) ? Number(monthText) : NaN;
      if (!(month >= 1 && month <= 12)) {
        rowErrors.push(
          rowError(row.row, h('month'), cell('month'), 'BAD_MONTH', {
            zh: '月份应为 1–12',
            en: 'month must be 1–12',
          }),
        );
      }
      let value = cell('value');
      if (value === '') {
        rowErrors.push(
          rowError(row.row, h('value'), '', 'REQUIRED', {
            zh: '累计完成值不能为空',
            en: 'the cumulative value is missing',
          }),
        );
      } else if (ind && ind.operator === 'QUAL') {
        const q = parseQualProgress(value);
        if (q === null) {
          rowErrors.push(
            rowError(row.row, h('value'), value, 'BAD_VALUE', {
              zh: '定性指标应填「达成」「部分达成」或「未达成」',
              en: 'a qualitative indicator takes 达成 / 部分达成 / 未达成',
            }),
          );
        } else {
          value = q;
        }
      } else if (ind && !isDecimalString(value.replace(/%$/, ''))) {
        rowErrors.push(
          rowError(row.row, h('value'), value, 'BAD_VALUE', {
            zh: '定量指标的完成值应为数字（不带单位）',
            en: 'a quantitative value must be a number (no unit)',
          }),
        );
      } else {
        value = value.replace(/%$/, '').trim();
      }
      if (ind && month >= 1 && month <= 12) {
        const key = `${ind.id}\u0001${month}`;
        const first = seen.get(key);
        if (first !== undefined) {
          rowErrors.push(
            rowError(row.row, '', `${ind.name} ${month}月`, 'BAD_VALUE', {
              zh: `与第 ${first} 行重复（同一指标同一月份）`,
              en: `repeats row ${first} (same indicator and month)`,
            }),
          );
        }
        seen.set(key, row.row);
      }
      if (rowErrors.length > 0 || !ind) {
        errors.add(rowErrors);
        continue;
      }
      values.push({ indicatorId: ind.id, month, value, note: cell('note') || null });
    }
  } catch (e) {
    unreadable(e);
  }
  if (columns === null) {
    throw missingColumns([...PROGRESS_REQUIRED], PROGRESS_HEADERS, source.fileName);
  }
  errors.throwIfAny(source.fileName);
  if (values.length === 0) {
    throw new ServiceError(
      'IMPORT_INVALID',
      {
        message: `文件「${source.fileName}」只有表头，没有数据行`,
        messageEn: `File "${source.fileName}" has a header but no rows`,
      },
      { errorCount: 0, errors: [] },
    );
  }
  return database.db.transaction(async (tx) => {
    await refuseDuplicate(tx, dept.code, year, 'progress', sha256);
    const batchId = randomUUID();
    const ids = [...new Set(values.map((v) => v.indicatorId))];
    const before = await tx
      .select()
      .from(s.indicatorProgress)
      .where(inArray(s.indicatorProgress.indicatorId, ids));
    const replacedKeys = new Set(values.map((v) => `${v.indicatorId}\u0001${v.month}`));
    const old = before.filter((b) => replacedKeys.has(`${b.indicatorId}\u0001${b.month}`));
    for (const o of old) {
      await tx.delete(s.indicatorProgress).where(eq(s.indicatorProgress.id, o.id));
    }
    await tx.insert(s.indicatorProgress).values(
      values.map((v) => ({
        regionCode: dept.regionCode,
        fiscalYear: year,
        departmentCode: dept.code,
        indicatorId: v.indicatorId,
        month: v.month,
        value: v.value,
        note: v.note,
        importBatchId: batchId,
      })),
    );
    const months = [...new Set(values.map((v) => v.month))].sort((a, b) => a - b);
    await ledgerRepo.insertBatch(tx, {
      id: batchId,
      regionCode: dept.regionCode,
      fiscalYear: year,
      departmentCode: dept.code,
      kind: 'progress',
      fileName: source.fileName,
      sha256,
      months,
      rowCount: values.length,
      createdBy: actor.userId,
    });
    await auditInTx(tx, actor, {
      action: 'progress.import',
      entity: 'import_batches',
      entityId: batchId,
      departmentCode: dept.code,
      before:
        old.length > 0
          ? {
              values: old.map((o) => ({
                indicatorId: o.indicatorId,
                month: o.month,
                value: o.value,
              })),
            }
          : null,
      after: { fileName: source.fileName, sha256, rows: values.length, months },
    });
    return {
      batchId,
      kind: 'progress' as const,
      fileName: source.fileName,
      sha256,
      format: info.format,
      encoding: info.encoding,
      rows: values.length,
      months,
      totalYuan: '0.00',
      createdProjects: [],
      replaced: old.length > 0 ? { months, batches: [], deletedRows: old.length } : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------

export interface ImportBatchOut {
  id: string;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  months: number[];
  rows: number;
  totalYuan: string;
  status: 'active' | 'replaced';
  createdBy: string | null;
  createdAt: string;
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
  }));
}

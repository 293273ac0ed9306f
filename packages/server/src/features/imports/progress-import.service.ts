// `jixiao import progress`: in-year progress of indicators (cumulative value at a month end), by 指标ID or by
// 项目编码 + 指标名称; a value for the same indicator and month is replaced. One transaction, audited.
import { randomUUID } from 'node:crypto';
import { cellsOf, isDecimalString, parseQualProgress, rowError, type RowError } from '@jixiao/core';
import type { Database } from '../../db/open-db.ts';
import { sha256Of } from '../../import/import-source.ts';
import { findHeaderRow, headersMissingError } from '../../import/header-match.ts';
import type { TableRow } from '../../import/read-table.ts';
import { openTableOffloaded } from '../../import/read-offloaded.ts';
import { ErrorList, encodingProblem, isBlank } from '../../import/row-errors.ts';
import {
  DEPARTMENT_SUBJECT_CODES,
  PROGRESS_ALIASES,
  PROGRESS_HEADERS,
  PROGRESS_REQUIRED,
  type ProgressField,
} from '../../import/table-columns.ts';
import { withMapping } from '../../import/column-mapping.ts';
import type { Actor } from '../../auth/actor.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import * as ledgerRepo from '../execution/ledger.repository.ts';
import {
  editableDepartment,
  noRows,
  refuseDuplicate,
  unreadable,
  type ImportInput,
  type ImportResult,
} from './import-common.ts';
import * as repo from './imports.repository.ts';

type IndicatorRef = repo.IndicatorRef;

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
  const refs = await repo.listIndicatorRefs(database.db, dept.code, year);
  const byId = new Map<string, IndicatorRef>(refs.map((r) => [r.id, r]));
  const byName = new Map<string, IndicatorRef[]>();
  for (const r of refs) {
    const k = `${r.projectCode ?? ''}\u0001${r.name.trim()}`;
    byName.set(k, [...(byName.get(k) ?? []), r]);
  }
  const { info, rows } = await openTableOffloaded(source).catch(unreadable);
  const h = (f: ProgressField) => PROGRESS_HEADERS[f];
  const aliases = withMapping(PROGRESS_ALIASES, input.mapping);
  const errors = new ErrorList();
  const values: { indicatorId: string; month: number; value: string; note: string | null }[] = [];
  const seen = new Map<string, number>();
  let columns: Partial<Record<ProgressField, number>> | null = null;
  const above: TableRow[] = [];
  try {
    for await (const row of rows) {
      if (isBlank(row.cells)) {
        continue;
      }
      if (columns === null) {
        above.push(row);
        const search = findHeaderRow(above.slice(-1), aliases, PROGRESS_REQUIRED);
        const m = search.header?.columns;
        if (m && (m.indicatorId !== undefined || m.indicatorName !== undefined)) {
          columns = m;
        } else if (above.length >= 30) {
          break;
        }
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
    const required = [...PROGRESS_REQUIRED, 'indicatorName' as const];
    throw headersMissingError(
      source.fileName,
      findHeaderRow(above, aliases, required),
      aliases,
      required,
    );
  }
  errors.throwIfAny(source.fileName);
  if (values.length === 0) {
    throw noRows(source.fileName);
  }
  return database.db.transaction(async (tx) => {
    await refuseDuplicate(tx, dept.code, year, 'progress', sha256);
    const batchId = randomUUID();
    const old = await repo.takeReplacedProgress(tx, values);
    await repo.insertProgress(
      tx,
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

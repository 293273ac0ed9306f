// Writing a checked investment projects import: new codes are inserted, changed projects updated, unchanged
// ones counted, each with the stage history it implies. The rows were checked by core's checkProjectSheet.
import { fenToYuanString, parseWanYuan } from '@jixiao/core';
import { yearOf, type ImportedProject, type ImportRowError } from '@jixiao/core/investment/index';
import type { Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { ServiceError } from '../../http/service-error.ts';
import type { DepartmentRow } from '../departments/departments.repository.ts';
import * as repo from './investment.repository.ts';
import { dateColumns } from './investment-views.ts';
import { importUpdateRows, reachedRows } from './investment-history.ts';

export interface ImportResult {
  fileName: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

interface ImportBy {
  actor: Actor;
  now: Date;
  fileName: string;
}

/** The refusal of an import with row errors: the first is in the message, up to 500 in the details. */
export function importRowsInvalid(errors: ImportRowError[]): ServiceError {
  const shown = errors.slice(0, 500);
  return new ServiceError(
    'PIPELINE_IMPORT_ROWS_INVALID',
    { count: errors.length, first: shown[0]!.message, firstEn: shown[0]!.messageEn },
    { errors: shown, total: errors.length },
  );
}

function rowValues(r: ImportedProject) {
  const f = r.fields;
  return {
    name: f.name.trim(),
    investor: f.investor.trim(),
    industryCode: f.industryCode.trim(),
    industryName: f.industryName.trim(),
    plannedInvestment: fenToYuanString(parseWanYuan(f.plannedInvestmentWan)!),
    isKeyProject: f.isKeyProject,
    responsibleUnitCode: f.responsibleUnitCode,
    source: f.source,
    stage: r.stage,
    ...dateColumns(r.dates),
    contact: f.contact ?? null,
    note: f.note ?? null,
  };
}

async function insertImported(
  tx: Queryable,
  dept: DepartmentRow,
  r: ImportedProject,
  by: ImportBy,
): Promise<repo.StageChangeInsert[]> {
  const row = await repo.insertProject(tx, {
    regionCode: dept.regionCode,
    fiscalYear: yearOf(r.dates.LEAD!),
    departmentCode: dept.code,
    code: r.fields.code,
    ...rowValues(r),
    createdBy: by.actor.userId,
    updatedBy: by.actor.userId,
    createdAt: by.now,
    updatedAt: by.now,
  });
  return reachedRows(row, 'import', null, r.stage, r.dates, {
    ...by,
    reason: `导入：${by.fileName}`,
  });
}

/** Writes the rows and their stage history; returns how many were created, updated and unchanged. */
export async function applyImportRows(
  tx: Queryable,
  dept: DepartmentRow,
  rows: readonly ImportedProject[],
  by: ImportBy,
): Promise<{ created: number; updated: number; unchanged: number }> {
  const codes = rows.map((r) => r.fields.code);
  const existing = new Map(
    (await repo.findProjectsByCodes(tx, dept.code, codes)).map((p) => [p.code, p]),
  );
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const history: repo.StageChangeInsert[] = [];
  for (const r of rows) {
    const old = existing.get(r.fields.code);
    if (!old) {
      history.push(...(await insertImported(tx, dept, r, by)));
      counts.created++;
      continue;
    }
    const values = rowValues(r);
    const changed = Object.entries(values).some(
      ([k, v]) => (old as unknown as Record<string, unknown>)[k] !== v,
    );
    if (!changed) {
      counts.unchanged++;
      continue;
    }
    await repo.updateProject(tx, old.id, {
      ...values,
      updatedBy: by.actor.userId,
      updatedAt: by.now,
    });
    history.push(...importUpdateRows(old, r.stage, r.dates, by));
    counts.updated++;
  }
  await repo.insertStageChanges(tx, history);
  return counts;
}

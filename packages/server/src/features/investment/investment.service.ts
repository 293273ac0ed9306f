// The investment pipeline (招商项目库): list with filters and paging, board by stage, create, edit, move a
// stage (with history), and Excel import (all-or-nothing, errors per row in Chinese) and export. Each
// service checks access, then writes in one transaction with its audit entry; the rules live in core
// (project fields, stage moves, import rows), the Excel files in investment-workbook.ts.
import {
  checkProjectFields,
  checkProjectSheet,
  moveStage,
  PIPELINE_STAGES,
  STAGE_LABEL,
  stageMoveError,
  type PipelineStage,
} from '@jixiao/core/investment/index';
import type { Db } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import * as repo from './investment.repository.ts';
import {
  chinaToday,
  dateColumns,
  datesOf,
  editableDept,
  readableDept,
  stageChangeView,
  toView,
  unitsOf,
  type InvestmentProjectView,
  type StageChangeView,
  type UnitView,
} from './investment-views.ts';
import { moveRows, reachedRows } from './investment-history.ts';
import {
  checkCreate,
  codeTaken,
  fieldsInvalid,
  newProjectValues,
  patchValues,
  pick,
  trimmed,
  type CreateProjectInput,
  type UpdateProjectInput,
} from './investment-writes.ts';
import { applyImportRows, importRowsInvalid, type ImportResult } from './investment-import.ts';
import { writeDocument } from '../../render/document-writer.ts';
import { readProjectSheetOffloaded } from './investment-sheet-offload.ts';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export async function listInvestmentUnits(
  db: Db,
  actor: Actor,
  departmentCode: string,
): Promise<UnitView[]> {
  const dept = await readableDept(db, actor, departmentCode);
  return (await repo.listUnits(db, dept.regionCode)).map((u) => ({
    code: u.code,
    name: u.name,
    kind: u.kind,
  }));
}

// ---- list and board ----

export interface ListQuery extends repo.ProjectFilters {
  page?: number;
  pageSize?: number;
  sort?: repo.ProjectSort;
}

export interface ProjectPage {
  items: InvestmentProjectView[];
  total: number;
  page: number;
  pageSize: number;
}

export async function listInvestmentProjects(
  db: Db,
  actor: Actor,
  departmentCode: string,
  q: ListQuery,
): Promise<ProjectPage> {
  const dept = await readableDept(db, actor, departmentCode);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const { rows, total } = await repo.listProjects(db, dept.code, q, {
    offset: (page - 1) * pageSize,
    limit: pageSize,
    sort: q.sort ?? 'code',
  });
  const units = await unitsOf(db, dept.regionCode);
  return { items: rows.map((r) => toView(r, units)), total, page, pageSize };
}

export interface BoardColumn {
  stage: PipelineStage;
  label: string;
  count: number;
  /** Planned investment of the column, 元. */
  investmentYuan: string;
  /** The most recently updated cards (at most `perColumn`). */
  items: InvestmentProjectView[];
}

/** The kanban: one column per stage with its count, amount and latest cards. */
export async function investmentBoard(
  db: Db,
  actor: Actor,
  departmentCode: string,
  filters: repo.ProjectFilters,
  perColumn = 30,
): Promise<BoardColumn[]> {
  const dept = await readableDept(db, actor, departmentCode);
  const units = await unitsOf(db, dept.regionCode);
  const totals = new Map((await repo.stageTotals(db, dept.code, filters)).map((t) => [t.stage, t]));
  const columns: BoardColumn[] = [];
  for (const stage of PIPELINE_STAGES) {
    const t = totals.get(stage);
    const items = t
      ? (
          await repo.listProjects(
            db,
            dept.code,
            { ...filters, stages: [stage] },
            { offset: 0, limit: perColumn, sort: '-updatedAt' },
          )
        ).rows
      : [];
    columns.push({
      stage,
      label: STAGE_LABEL[stage].zh,
      count: t?.n ?? 0,
      investmentYuan: t?.investment ?? '0.00',
      items: items.map((r) => toView(r, units)),
    });
  }
  return columns;
}

async function projectOf(
  db: Db,
  departmentCode: string,
  id: string,
): Promise<repo.InvestmentProjectRow> {
  const row = await repo.findProject(db, departmentCode, id);
  if (!row) {
    throw notFound('招商项目', 'Investment project');
  }
  return row;
}

export async function getInvestmentProject(
  db: Db,
  actor: Actor,
  departmentCode: string,
  id: string,
): Promise<InvestmentProjectView> {
  const dept = await readableDept(db, actor, departmentCode);
  const row = await projectOf(db, dept.code, id);
  return toView(row, await unitsOf(db, dept.regionCode));
}

export async function getInvestmentProjectHistory(
  db: Db,
  actor: Actor,
  departmentCode: string,
  id: string,
): Promise<StageChangeView[]> {
  const dept = await readableDept(db, actor, departmentCode);
  await projectOf(db, dept.code, id);
  return (await repo.listStageChanges(db, id)).map(stageChangeView);
}

// ---- create, edit, move ----

export async function createInvestmentProject(
  db: Db,
  actor: Actor,
  departmentCode: string,
  input: CreateProjectInput,
  now: Date,
): Promise<InvestmentProjectView> {
  const dept = await editableDept(db, actor, departmentCode);
  return db.transaction(async (tx) => {
    const units = await unitsOf(tx, dept.regionCode);
    const checked = checkCreate(input, new Set(units.keys()), chinaToday(now));
    const code = input.code.trim();
    if ((await repo.findProjectsByCodes(tx, dept.code, [code])).length > 0) {
      throw codeTaken(code);
    }
    const row = await repo.insertProject(tx, newProjectValues(dept, input, checked, actor, now));
    const by = { actor, now, reason: null };
    await repo.insertStageChanges(
      tx,
      reachedRows(row, 'create', null, checked.stage, checked.dates, by),
    );
    await auditInTx(tx, actor, {
      action: 'investmentProject.create',
      entity: 'investment_projects',
      entityId: row.id,
      departmentCode: dept.code,
      before: null,
      after: { code, stage: checked.stage, dates: checked.dates },
    });
    return toView(row, units);
  });
}

/** Edits the descriptive fields; stages move only through moveInvestmentProjectStage. */
export async function updateInvestmentProject(
  db: Db,
  actor: Actor,
  departmentCode: string,
  id: string,
  patch: UpdateProjectInput,
  now: Date,
): Promise<InvestmentProjectView> {
  const dept = await editableDept(db, actor, departmentCode);
  return db.transaction(async (tx) => {
    const before = await projectOf(tx, dept.code, id);
    const units = await unitsOf(tx, dept.regionCode);
    const { errors, fen } = checkProjectFields(patch, new Set(units.keys()), true);
    if (errors.length > 0) {
      throw fieldsInvalid(errors);
    }
    const code = patch.code?.trim();
    if (
      code !== undefined &&
      code !== before.code &&
      (await repo.findProjectsByCodes(tx, dept.code, [code])).length > 0
    ) {
      throw codeTaken(code);
    }
    const values = { ...patchValues(patch, fen), updatedBy: actor.userId, updatedAt: now };
    const row = await repo.updateProject(tx, id, values);
    await auditInTx(tx, actor, {
      action: 'investmentProject.update',
      entity: 'investment_projects',
      entityId: id,
      departmentCode: dept.code,
      before: pick(before, values),
      after: pick(row, values),
    });
    return toView(row, units);
  });
}

export interface MoveStageInput {
  to: PipelineStage;
  /** The date the stage was reached (forward moves). */
  date?: string | null;
  /** Required when moving back (a correction). */
  reason?: string | null;
}

export async function moveInvestmentProjectStage(
  db: Db,
  actor: Actor,
  departmentCode: string,
  id: string,
  input: MoveStageInput,
  now: Date,
): Promise<InvestmentProjectView> {
  const dept = await editableDept(db, actor, departmentCode);
  const today = chinaToday(now);
  return db.transaction(async (tx) => {
    const before = await projectOf(tx, dept.code, id);
    const attempt = {
      from: before.stage,
      dates: datesOf(before),
      to: input.to,
      date: input.date ?? null,
      today,
    };
    const moved = moveStage(attempt.from, attempt.dates, attempt.to, {
      date: attempt.date,
      today,
      reason: input.reason ?? null,
    });
    if (!moved.ok) {
      const e = stageMoveError(moved.error, attempt);
      throw new ServiceError(e.code, e.params, { code: moved.error.code });
    }
    const m = moved.value;
    const row = await repo.updateProject(tx, id, {
      stage: m.stage,
      ...dateColumns(m.dates),
      updatedBy: actor.userId,
      updatedAt: now,
    });
    const reason = trimmed(input.reason);
    await repo.insertStageChanges(
      tx,
      moveRows(before, before.stage, m, { actor, now, reason, today }),
    );
    await auditInTx(tx, actor, {
      action: 'investmentProject.moveStage',
      entity: 'investment_projects',
      entityId: id,
      departmentCode: dept.code,
      before: { stage: before.stage, dates: attempt.dates },
      after: { stage: m.stage, dates: m.dates, reason },
    });
    return toView(row, await unitsOf(tx, dept.regionCode));
  });
}

// ---- Excel ----

export async function exportInvestmentProjects(
  db: Db,
  actor: Actor,
  departmentCode: string,
  filters: repo.ProjectFilters,
  now: Date,
): Promise<{ fileName: string; body: Buffer }> {
  const dept = await readableDept(db, actor, departmentCode);
  const units = await unitsOf(db, dept.regionCode);
  const { rows } = await repo.listProjects(db, dept.code, filters, {
    offset: 0,
    limit: 100_000,
    sort: 'code',
  });
  const body = await writeDocument({
    kind: 'investment-projects-xlsx',
    projects: rows.map((r) => toView(r, units)),
    now,
  });
  return { fileName: `${dept.shortName}招商项目库.xlsx`, body };
}

/** An empty import sheet with the column heads, plus a sheet explaining each column and its values. */
export async function investmentImportTemplate(
  db: Db,
  actor: Actor,
  departmentCode: string,
  now: Date,
): Promise<{ fileName: string; body: Buffer }> {
  const dept = await readableDept(db, actor, departmentCode);
  const units = await repo.listUnits(db, dept.regionCode);
  const body = await writeDocument({
    kind: 'investment-template-xlsx',
    unitNames: units.map((u) => u.name),
    now,
  });
  return { fileName: '招商项目导入模板.xlsx', body };
}

/**
 * Imports projects from an .xlsx sheet (the template's columns): new codes are added, existing codes
 * updated. All-or-nothing: if any row is wrong nothing is written and every row's errors are returned.
 */
export async function importInvestmentProjects(
  db: Db,
  actor: Actor,
  departmentCode: string,
  fileName: string,
  body: Uint8Array,
  now: Date,
): Promise<ImportResult> {
  const dept = await editableDept(db, actor, departmentCode);
  if (body.byteLength > MAX_IMPORT_BYTES) {
    throw new ServiceError('PIPELINE_FILE_TOO_LARGE', { limit: '10 MB' });
  }
  const sheet = await readProjectSheetOffloaded(body); // parsed on a pooled thread
  return db.transaction(async (tx) => {
    const units = [...(await unitsOf(tx, dept.regionCode)).values()];
    const { rows, errors } = checkProjectSheet(sheet, { units, today: chinaToday(now) });
    if (errors.length > 0) {
      throw importRowsInvalid(errors);
    }
    const counts = await applyImportRows(tx, dept, rows, { actor, now, fileName });
    const result = { fileName, rows: rows.length, ...counts };
    await auditInTx(tx, actor, {
      action: 'investmentProject.import',
      entity: 'investment_projects',
      entityId: fileName,
      departmentCode: dept.code,
      before: null,
      after: result,
    });
    return result;
  });
}

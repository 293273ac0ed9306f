// The investment pipeline (招商项目库): list with filters and paging, board by stage, create, edit, move a
// stage (with history), and Excel import (all-or-nothing, errors per row in Chinese) and export (cells
// sanitised against formula injection). Every write is one transaction with its audit entry.
import ExcelJS from 'exceljs';
import { fenToYuanString, fenToWanString, parseWanYuan, parseYuan, type Fen } from '@jixiao/core';
import {
  fillImpliedDates,
  isIndustryCode,
  isIsoDate,
  moveStage,
  NO_STAGE_DATES,
  parseProjectSource,
  parseStage,
  PIPELINE_STAGES,
  PROJECT_SOURCE_LABEL,
  PROJECT_SOURCES,
  STAGE_LABEL,
  stageFromDates,
  stageIndex,
  validateStageDates,
  yearOf,
  type PipelineStage,
  type ProjectSource,
  type StageDates,
} from '@jixiao/core/investment/index';
import type { Db, Queryable } from '../../db/open-db.ts';
import { sanitizeCell } from '../../render/sanitize-cell.ts';
import * as repo from './investment.repository.ts';
import type { DepartmentRow } from '../departments/departments.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertCanEdit } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';

/** Today's date in China (UTC+8, no daylight saving): stage dates may not be later. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

// ---- views ----

export interface UnitView {
  code: string;
  name: string;
  kind: 'department' | 'subdistrict';
}

export interface InvestmentProjectView {
  id: string;
  code: string;
  name: string;
  investor: string;
  industryCode: string;
  industryName: string;
  /** 元, 2 decimals. */
  plannedInvestmentYuan: string;
  /** 万元, exact (at least 2 decimals). */
  plannedInvestmentWan: string;
  isKeyProject: boolean;
  responsibleUnit: UnitView;
  source: string;
  sourceLabel: string;
  stage: PipelineStage;
  stageLabel: string;
  stageDates: StageDates;
  contact: string | null;
  note: string | null;
  illustrative: boolean;
  fiscalYear: number;
  updatedAt: string;
}

export interface StageChangeView {
  id: string;
  kind: 'create' | 'forward' | 'back' | 'import';
  fromStage: PipelineStage | null;
  toStage: PipelineStage;
  toStageLabel: string;
  reachedOn: string | null;
  reason: string | null;
  changedBy: string;
  changedByName: string;
  changedAt: string;
}

function fen(yuan: string): Fen {
  const f = parseYuan(yuan);
  if (f === null) {
    throw new Error(`not a 元 amount from the database: ${yuan}`);
  }
  return f;
}

function unitView(code: string, units: ReadonlyMap<string, repo.InvestmentUnitRow>): UnitView {
  const u = units.get(code);
  return { code, name: u?.name ?? code, kind: u?.kind ?? 'department' };
}

function toView(
  r: repo.InvestmentProjectRow,
  units: ReadonlyMap<string, repo.InvestmentUnitRow>,
): InvestmentProjectView {
  const source = r.source as ProjectSource;
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    investor: r.investor,
    industryCode: r.industryCode,
    industryName: r.industryName,
    plannedInvestmentYuan: r.plannedInvestment,
    plannedInvestmentWan: fenToWanString(fen(r.plannedInvestment)),
    isKeyProject: r.isKeyProject,
    responsibleUnit: unitView(r.responsibleUnitCode, units),
    source: r.source,
    sourceLabel: PROJECT_SOURCE_LABEL[source]?.zh ?? r.source,
    stage: r.stage,
    stageLabel: STAGE_LABEL[r.stage].zh,
    stageDates: datesOf(r),
    contact: r.contact,
    note: r.note,
    illustrative: r.illustrative,
    fiscalYear: r.fiscalYear,
    updatedAt: r.updatedAt.toISOString(),
  };
}

function datesOf(r: repo.InvestmentProjectRow): StageDates {
  return {
    LEAD: r.leadOn,
    NEGOTIATING: r.negotiatingOn,
    SIGNED: r.signedOn,
    REGISTERED: r.registeredOn,
    OPERATING: r.operatingOn,
  };
}

function dateColumns(
  d: StageDates,
): Pick<
  repo.InvestmentProjectInsert,
  'leadOn' | 'negotiatingOn' | 'signedOn' | 'registeredOn' | 'operatingOn'
> {
  return {
    leadOn: d.LEAD!,
    negotiatingOn: d.NEGOTIATING,
    signedOn: d.SIGNED,
    registeredOn: d.REGISTERED,
    operatingOn: d.OPERATING,
  };
}

async function unitsOf(
  db: Queryable,
  regionCode: string,
): Promise<Map<string, repo.InvestmentUnitRow>> {
  return new Map((await repo.listUnits(db, regionCode)).map((u) => [u.code, u]));
}

async function readableDept(db: Db, actor: Actor, code: string): Promise<DepartmentRow> {
  return getDepartment(db, actor, code);
}

async function editableDept(db: Db, actor: Actor, code: string): Promise<DepartmentRow> {
  const dept = await getDepartment(db, actor, code);
  assertCanEdit(actor, dept);
  return dept;
}

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

export async function getInvestmentProject(
  db: Db,
  actor: Actor,
  departmentCode: string,
  id: string,
): Promise<InvestmentProjectView> {
  const dept = await readableDept(db, actor, departmentCode);
  const row = await repo.findProject(db, dept.code, id);
  if (!row) {
    throw notFound('招商项目', 'Investment project');
  }
  return toView(row, await unitsOf(db, dept.regionCode));
}

export async function getInvestmentProjectHistory(
  db: Db,
  actor: Actor,
  departmentCode: string,
  id: string,
): Promise<StageChangeView[]> {
  const dept = await readableDept(db, actor, departmentCode);
  const row = await repo.findProject(db, dept.code, id);
  if (!row) {
    throw notFound('招商项目', 'Investment project');
  }
  return (await repo.listStageChanges(db, id)).map((h) => ({
    id: h.id,
    kind: h.kind,
    fromStage: h.fromStage,
    toStage: h.toStage,
    toStageLabel: STAGE_LABEL[h.toStage].zh,
    reachedOn: h.reachedOn,
    reason: h.reason,
    changedBy: h.changedBy,
    changedByName: h.changedByName,
    changedAt: h.changedAt.toISOString(),
  }));
}

// ---- validation shared by create, edit and import ----

export interface ProjectFields {
  code: string;
  name: string;
  investor: string;
  industryCode: string;
  industryName: string;
  /** 万元, up to 6 decimals (exact to the fen). */
  plannedInvestmentWan: string;
  isKeyProject: boolean;
  responsibleUnitCode: string;
  source: string;
  contact?: string | null;
  note?: string | null;
}

export interface FieldError {
  field: string;
  message: string;
  messageEn: string;
}

const FIELD_LABEL: Record<string, string> = {
  code: '项目编号',
  name: '项目名称',
  investor: '投资方',
  industryCode: '行业代码',
  industryName: '行业名称',
  plannedInvestmentWan: '计划投资额（万元）',
  responsibleUnitCode: '责任单位',
  source: '招商方式',
  stage: '当前阶段',
};

function checkFields(
  f: Partial<ProjectFields>,
  units: ReadonlyMap<string, repo.InvestmentUnitRow>,
  partial: boolean,
): { errors: FieldError[]; fen: Fen | null } {
  const errors: FieldError[] = [];
  const add = (field: string, zh: string, en: string) =>
    errors.push({
      field,
      message: `「${FIELD_LABEL[field] ?? field}」${zh}`,
      messageEn: `${field}: ${en}`,
    });
  const text = (field: keyof ProjectFields, max: number) => {
    const v = f[field];
    if (v === undefined) {
      if (!partial) {
        add(field, '必填', 'required');
      }
      return;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      add(field, '不能为空', 'must not be empty');
    } else if (v.length > max) {
      add(field, `不超过 ${max} 个字`, `at most ${max} characters`);
    }
  };
  text('code', 40);
  if (
    typeof f.code === 'string' &&
    f.code.trim() !== '' &&
    !/^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/.test(f.code.trim())
  ) {
    add('code', '只能由字母、数字和 - _ . / 组成', 'letters, digits and - _ . / only');
  }
  text('name', 200);
  text('investor', 200);
  text('industryName', 60);
  if (f.industryCode !== undefined && !isIndustryCode(f.industryCode)) {
    add(
      'industryCode',
      '应为国民经济行业分类（GB/T 4754-2017）的 2–4 位数字代码，如 6513',
      'must be a GB/T 4754 code of 2–4 digits',
    );
  } else if (f.industryCode === undefined && !partial) {
    add('industryCode', '必填', 'required');
  }
  let amount: Fen | null = null;
  if (f.plannedInvestmentWan !== undefined) {
    amount = parseWanYuan(f.plannedInvestmentWan);
    if (amount === null) {
      add(
        'plannedInvestmentWan',
        `「${f.plannedInvestmentWan}」不是有效金额（万元，最多 6 位小数，如 1250.5）`,
        'not an amount in 万元 with at most 6 decimals',
      );
    } else if (amount < 0) {
      add('plannedInvestmentWan', '不能为负数', 'must not be negative');
      amount = null;
    }
  } else if (!partial) {
    add('plannedInvestmentWan', '必填', 'required');
  }
  if (f.responsibleUnitCode !== undefined && !units.has(f.responsibleUnitCode)) {
    add(
      'responsibleUnitCode',
      `「${f.responsibleUnitCode}」不是本区的部门或街道`,
      'not a unit of the region',
    );
  } else if (f.responsibleUnitCode === undefined && !partial) {
    add('responsibleUnitCode', '必填', 'required');
  }
  if (f.source !== undefined && !(PROJECT_SOURCES as readonly string[]).includes(f.source)) {
    add(
      'source',
      `应为 ${PROJECT_SOURCES.map((k) => PROJECT_SOURCE_LABEL[k].zh).join('、')} 之一`,
      `must be one of ${PROJECT_SOURCES.join(', ')}`,
    );
  } else if (f.source === undefined && !partial) {
    add('source', '必填', 'required');
  }
  return { errors, fen: amount };
}

function validationError(errors: FieldError[]): ServiceError {
  const first = errors[0]!;
  return new ServiceError(
    'VALIDATION',
    { message: `输入有误：${first.message}`, messageEn: `Invalid input: ${first.messageEn}` },
    { fields: errors },
  );
}

function stageErrors(stage: PipelineStage, dates: StageDates, today: string): FieldError[] {
  return validateStageDates(stage, dates, today).map((e) => ({
    field: e.stage ? `stageDates.${e.stage}` : 'stageDates',
    message: e.zh,
    messageEn: e.en,
  }));
}

function historyRows(
  row: { id: string; regionCode: string; departmentCode: string },
  kind: 'create' | 'import',
  from: PipelineStage | null,
  stage: PipelineStage,
  dates: StageDates,
  actor: Actor,
  now: Date,
  reason: string | null,
): repo.StageChangeInsert[] {
  const out: repo.StageChangeInsert[] = [];
  let prev = from;
  const start = from === null ? 0 : stageIndex(from) + 1;
  for (let i = start; i <= stageIndex(stage); i++) {
    const s = PIPELINE_STAGES[i]!;
    const reachedOn = dates[s]!;
    out.push({
      regionCode: row.regionCode,
      fiscalYear: yearOf(reachedOn),
      departmentCode: row.departmentCode,
      projectId: row.id,
      kind,
      fromStage: prev,
      toStage: s,
      reachedOn,
      reason,
      changedBy: actor.userId,
      changedByName: actor.displayName,
      changedAt: now,
    });
    prev = s;
  }
  return out;
}

// ---- create, edit, move ----

export interface CreateProjectInput extends ProjectFields {
  stage?: PipelineStage;
  /** Dates of the stages reached; a stage left empty takes the date of the next later stage given. */
  stageDates?: Partial<Record<PipelineStage, string | null>>;
}

export async function createInvestmentProject(
  db: Db,
  actor: Actor,
  departmentCode: string,
  input: CreateProjectInput,
  now: Date,
): Promise<InvestmentProjectView> {
  const dept = await editableDept(db, actor, departmentCode);
  const today = chinaToday(now);
  return db.transaction(async (tx) => {
    const units = await unitsOf(tx, dept.regionCode);
    const { errors, fen: amount } = checkFields(input, units, false);
    const stage = input.stage ?? 'LEAD';
    const dates = fillImpliedDates(stage, { ...NO_STAGE_DATES, ...(input.stageDates ?? {}) });
    errors.push(...stageErrors(stage, dates, today));
    if (errors.length > 0) {
      throw validationError(errors);
    }
    const code = input.code.trim();
    if ((await repo.findProjectsByCodes(tx, dept.code, [code])).length > 0) {
      throw new ServiceError(
        'CONFLICT',
        { message: `项目编号「${code}」已存在`, messageEn: `Project code ${code} already exists` },
        { fields: [{ field: 'code', message: '项目编号已存在', messageEn: 'already exists' }] },
      );
    }
    const row = await repo.insertProject(tx, {
      regionCode: dept.regionCode,
      fiscalYear: yearOf(dates.LEAD!),
      departmentCode: dept.code,
      code,
      name: input.name.trim(),
      investor: input.investor.trim(),
      industryCode: input.industryCode.trim(),
      industryName: input.industryName.trim(),
      plannedInvestment: fenToYuanString(amount!),
      isKeyProject: input.isKeyProject,
      responsibleUnitCode: input.responsibleUnitCode,
      source: input.source,
      stage,
      ...dateColumns(dates),
      contact: input.contact?.trim() || null,
      note: input.note?.trim() || null,
      createdBy: actor.userId,
      updatedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertStageChanges(
      tx,
      historyRows(row, 'create', null, stage, dates, actor, now, null),
    );
    await auditInTx(tx, actor, {
      action: 'investmentProject.create',
      entity: 'investment_projects',
      entityId: row.id,
      departmentCode: dept.code,
      before: null,
      after: { code, stage, dates },
    });
    return toView(row, units);
  });
}

export type UpdateProjectInput = Partial<ProjectFields>;

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
    const before = await repo.findProject(tx, dept.code, id);
    if (!before) {
      throw notFound('招商项目', 'Investment project');
    }
    const units = await unitsOf(tx, dept.regionCode);
    const { errors, fen: amount } = checkFields(patch, units, true);
    if (errors.length > 0) {
      throw validationError(errors);
    }
    const code = patch.code?.trim();
    if (
      code !== undefined &&
      code !== before.code &&
      (await repo.findProjectsByCodes(tx, dept.code, [code])).length > 0
    ) {
      throw new ServiceError('CONFLICT', {
        message: `项目编号「${code}」已存在`,
        messageEn: `Project code ${code} already exists`,
      });
    }
    const values: Partial<repo.InvestmentProjectInsert> = {
      ...(code !== undefined ? { code } : {}),
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.investor !== undefined ? { investor: patch.investor.trim() } : {}),
      ...(patch.industryCode !== undefined ? { industryCode: patch.industryCode.trim() } : {}),
      ...(patch.industryName !== undefined ? { industryName: patch.industryName.trim() } : {}),
      ...(amount !== null ? { plannedInvestment: fenToYuanString(amount) } : {}),
      ...(patch.isKeyProject !== undefined ? { isKeyProject: patch.isKeyProject } : {}),
      ...(patch.responsibleUnitCode !== undefined
        ? { responsibleUnitCode: patch.responsibleUnitCode }
        : {}),
      ...(patch.source !== undefined ? { source: patch.source } : {}),
      ...(patch.contact !== undefined ? { contact: patch.contact?.trim() || null } : {}),
      ...(patch.note !== undefined ? { note: patch.note?.trim() || null } : {}),
      updatedBy: actor.userId,
      updatedAt: now,
    };
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

function pick(row: repo.InvestmentProjectRow, keys: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(keys)) {
    if (k !== 'updatedAt' && k !== 'updatedBy') {
      out[k] = (row as unknown as Record<string, unknown>)[k];
    }
  }
  return out;
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
  return db.transaction(async (tx) => {
    const before = await repo.findProject(tx, dept.code, id);
    if (!before) {
      throw notFound('招商项目', 'Investment project');
    }
    const moved = moveStage(before.stage, datesOf(before), input.to, {
      date: input.date ?? null,
      today: chinaToday(now),
      reason: input.reason ?? null,
    });
    if (!moved.ok) {
      const code = moved.error.code === 'SAME_STAGE' ? 'STATE' : 'VALIDATION';
      throw new ServiceError(
        code,
        { message: moved.error.zh, messageEn: moved.error.en },
        { code: moved.error.code },
      );
    }
    const m = moved.value;
    const row = await repo.updateProject(tx, id, {
      stage: m.stage,
      ...dateColumns(m.dates),
      updatedBy: actor.userId,
      updatedAt: now,
    });
    const reason = input.reason?.trim() || null;
    const history: repo.StageChangeInsert[] =
      m.direction === 'back'
        ? [
            {
              regionCode: dept.regionCode,
              fiscalYear: yearOf(chinaToday(now)),
              departmentCode: dept.code,
              projectId: id,
              kind: 'back',
              fromStage: before.stage,
              toStage: m.stage,
              reachedOn: null,
              reason,
              changedBy: actor.userId,
              changedByName: actor.displayName,
              changedAt: now,
            },
          ]
        : m.reached.map((s, i) => ({
            regionCode: dept.regionCode,
            fiscalYear: yearOf(m.dates[s]!),
            departmentCode: dept.code,
            projectId: id,
            kind: 'forward' as const,
            fromStage: i === 0 ? before.stage : m.reached[i - 1]!,
            toStage: s,
            reachedOn: m.dates[s],
            reason: i < m.reached.length - 1 ? '跨阶段推进，视为同日达到' : reason,
            changedBy: actor.userId,
            changedByName: actor.displayName,
            changedAt: now,
          }));
    await repo.insertStageChanges(tx, history);
    await auditInTx(tx, actor, {
      action: 'investmentProject.moveStage',
      entity: 'investment_projects',
      entityId: id,
      departmentCode: dept.code,
      before: { stage: before.stage, dates: datesOf(before) },
      after: { stage: m.stage, dates: m.dates, reason },
    });
    return toView(row, await unitsOf(tx, dept.regionCode));
  });
}

// ---- Excel: columns shared by template, export and import ----

interface ExcelColumn {
  key: string;
  header: string;
  width: number;
  required: boolean;
}

const DATE_HEADERS: Record<PipelineStage, string> = {
  LEAD: '线索日期',
  NEGOTIATING: '洽谈日期',
  SIGNED: '签约日期',
  REGISTERED: '注册落地日期',
  OPERATING: '开工开业日期',
};

export const EXCEL_COLUMNS: readonly ExcelColumn[] = [
  { key: 'code', header: '项目编号', width: 16, required: true },
  { key: 'name', header: '项目名称', width: 32, required: true },
  { key: 'investor', header: '投资方', width: 30, required: true },
  { key: 'industryCode', header: '行业代码', width: 10, required: true },
  { key: 'industryName', header: '行业名称', width: 22, required: true },
  { key: 'plannedInvestmentWan', header: '计划投资额（万元）', width: 18, required: true },
  { key: 'isKeyProject', header: '重点项目', width: 10, required: true },
  { key: 'responsibleUnit', header: '责任单位', width: 16, required: true },
  { key: 'source', header: '招商方式', width: 12, required: true },
  { key: 'stage', header: '当前阶段', width: 12, required: false },
  ...PIPELINE_STAGES.map((s) => ({
    key: s,
    header: DATE_HEADERS[s],
    width: 14,
    required: s === 'LEAD',
  })),
  { key: 'contact', header: '联系人', width: 14, required: false },
  { key: 'note', header: '备注', width: 30, required: false },
];

const SHEET_NAME = '招商项目';
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

function styleHeader(ws: ExcelJS.Worksheet): void {
  ws.columns = EXCEL_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** A 万元 amount as an Excel number when a double holds it exactly (≤ 15 significant digits), else as text. */
function amountCell(wan: string): number | string {
  const digits = wan.replace(/[-.]/g, '').replace(/^0+/, '');
  return digits.length <= 15 ? Number(wan) : wan;
}

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
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jixiao 绩效';
  wb.created = now;
  const ws = wb.addWorksheet(SHEET_NAME);
  styleHeader(ws);
  for (const r of rows) {
    const v = toView(r, units);
    const text = (s: string | null) => (s === null ? null : sanitizeCell(s));
    ws.addRow({
      code: text(v.code),
      name: text(v.name),
      investor: text(v.investor),
      industryCode: text(v.industryCode),
      industryName: text(v.industryName),
      plannedInvestmentWan: amountCell(v.plannedInvestmentWan),
      isKeyProject: v.isKeyProject ? '是' : '否',
      responsibleUnit: text(v.responsibleUnit.name),
      source: v.sourceLabel,
      stage: v.stageLabel,
      ...Object.fromEntries(PIPELINE_STAGES.map((s) => [s, v.stageDates[s]])),
      contact: text(v.contact),
      note: text(v.note),
    });
  }
  ws.getColumn('plannedInvestmentWan').numFmt = '#,##0.00####';
  const body = Buffer.from(await wb.xlsx.writeBuffer());
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
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jixiao 绩效';
  wb.created = now;
  styleHeader(wb.addWorksheet(SHEET_NAME));
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'col', width: 18 },
    { header: '说明', key: 'text', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  const lines: [string, string][] = [
    [
      '项目编号',
      '本局项目库内唯一；已存在的编号将更新该项目，新编号将新增项目。字母、数字和 - _ . /',
    ],
    [
      '行业代码 / 行业名称',
      '国民经济行业分类（GB/T 4754-2017）2–4 位代码及名称，如 6513 应用软件开发',
    ],
    ['计划投资额（万元）', '单位万元，最多 6 位小数（精确到分）'],
    ['重点项目', '是 / 否'],
    ['责任单位', units.map((u) => u.name).join('、')],
    ['招商方式', PROJECT_SOURCES.map((k) => PROJECT_SOURCE_LABEL[k].zh).join('、')],
    [
      '当前阶段',
      `${PIPELINE_STAGES.map((s) => STAGE_LABEL[s].zh).join(' → ')}；可不填，按已填日期的最后阶段确定`,
    ],
    [
      '各阶段日期',
      'YYYY-MM-DD；达到某阶段即视为已经过此前各阶段，未填的前序阶段日期取其后一阶段的日期；日期不得晚于今天，且不得早于前一阶段',
    ],
    ['导入规则', '整表校验：任何一行有误则整表不导入，并逐行列出错误'],
  ];
  for (const [col, text] of lines) {
    help.addRow({ col, text: sanitizeCell(text) });
  }
  return { fileName: '招商项目导入模板.xlsx', body: Buffer.from(await wb.xlsx.writeBuffer()) };
}

// ---- import ----

export interface ImportRowError {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  column: string | null;
  message: string;
  messageEn: string;
}

export interface ImportResult {
  fileName: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

function excelSerialToIso(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 2_958_465) {
    return null;
  }
  const ms = Math.round((n - 25_569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

type Cell = ExcelJS.CellValue;

/** A cell as text; dates as YYYY-MM-DD (exceljs gives dates as UTC midnight); formulas by their result. */
function cellText(v: Cell): string {
  if (v === null || v === undefined) {
    return '';
  }
  if (typeof v === 'string') {
    return v.trim();
  }
  if (typeof v === 'number') {
    return String(v);
  }
  if (typeof v === 'boolean') {
    return v ? '是' : '否';
  }
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  }
  if ('richText' in v) {
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  }
  if ('hyperlink' in v) {
    return String(v.text).trim();
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: Cell }).result;
    return cellText(result ?? null);
  }
  if ('error' in v) {
    return `#ERROR:${v.error}`;
  }
  return '';
}

function parseDateText(raw: string, cell: Cell): string | null {
  if (raw === '') {
    return null;
  }
  if (typeof cell === 'number') {
    return excelSerialToIso(cell);
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(raw);
  if (!m) {
    return null;
  }
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

function parseBool(raw: string): boolean | null {
  const s = raw.trim().toLowerCase();
  if (['是', '重点', 'y', 'yes', 'true', '1', '√'].includes(s)) {
    return true;
  }
  if (['否', '非重点', 'n', 'no', 'false', '0', ''].includes(s)) {
    return false;
  }
  return null;
}

function normalizeHeader(h: string): string {
  return h.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

function unitLookup(units: Iterable<repo.InvestmentUnitRow>): (text: string) => string | null {
  const byKey = new Map<string, string>();
  for (const u of units) {
    byKey.set(u.code.toUpperCase(), u.code);
    byKey.set(u.name, u.code);
    if (u.name.endsWith('街道')) {
      byKey.set(u.name.slice(0, -1), u.code); // 琶洲街
      byKey.set(u.name.slice(0, -2), u.code); // 琶洲
    } else if (u.name.endsWith('街')) {
      byKey.set(`${u.name}道`, u.code);
      byKey.set(u.name.slice(0, -1), u.code);
    }
  }
  return (text) => byKey.get(text.trim()) ?? byKey.get(text.trim().toUpperCase()) ?? null;
}

interface ParsedRow {
  row: number;
  fields: ProjectFields;
  stage: PipelineStage;
  dates: StageDates;
}

async function readSheet(body: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(body) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw new ServiceError('VALIDATION', {
      message: '文件无法读取：请上传 Excel 2007 及以上格式（.xlsx）的文件',
      messageEn: 'The file is not a readable .xlsx workbook',
    });
  }
  const ws = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!ws) {
    throw new ServiceError('VALIDATION', {
      message: '文件中没有工作表',
      messageEn: 'The workbook has no worksheet',
    });
  }
  return ws;
}

function parseRows(
  ws: ExcelJS.Worksheet,
  units: ReadonlyMap<string, repo.InvestmentUnitRow>,
  today: string,
): { rows: ParsedRow[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const headerRow = ws.getRow(1);
  const colOf = new Map<string, number>();
  headerRow.eachCell((cell, col) => {
    const h = normalizeHeader(cellText(cell.value));
    const c = EXCEL_COLUMNS.find((x) => normalizeHeader(x.header) === h);
    if (c && !colOf.has(c.key)) {
      colOf.set(c.key, col);
    }
  });
  const missing = EXCEL_COLUMNS.filter((c) => c.required && !colOf.has(c.key));
  if (missing.length > 0) {
    return {
      rows: [],
      errors: [
        {
          row: 1,
          column: null,
          message: `缺少列：${missing.map((c) => `「${c.header}」`).join('、')}（请使用导入模板）`,
          messageEn: `Missing columns: ${missing.map((c) => c.key).join(', ')}`,
        },
      ],
    };
  }
  const findUnit = unitLookup(units.values());
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  const last = ws.actualRowCount > 0 ? ws.rowCount : 1;
  if (last - 1 > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      errors: [
        {
          row: 1,
          column: null,
          message: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入`,
          messageEn: `At most ${MAX_IMPORT_ROWS} rows per import`,
        },
      ],
    };
  }
  for (let r = 2; r <= last; r++) {
    const row = ws.getRow(r);
    const raw = (key: string): { text: string; cell: Cell } => {
      const col = colOf.get(key);
      const cell = col === undefined ? null : row.getCell(col).value;
      return { text: cellText(cell), cell };
    };
    if (EXCEL_COLUMNS.every((c) => raw(c.key).text === '')) {
      continue; // blank line
    }
    const rowErrors: ImportRowError[] = [];
    const fail = (column: string | null, message: string, messageEn: string) =>
      rowErrors.push({
        row: r,
        column,
        message: `第 ${r} 行${column ? `「${column}」` : ''}：${message}`,
        messageEn: `Row ${r}${column ? ` (${column})` : ''}: ${messageEn}`,
      });
    for (const c of EXCEL_COLUMNS) {
      if (raw(c.key).text.startsWith('#ERROR:')) {
        fail(c.header, '单元格是错误值（公式出错）', 'the cell holds an error value');
      }
    }
    const unitText = raw('responsibleUnit').text;
    const unitCode = unitText === '' ? null : findUnit(unitText);
    if (unitText !== '' && unitCode === null) {
      fail('责任单位', `「${unitText}」不是本区的部门或街道`, `unknown unit "${unitText}"`);
    }
    const sourceText = raw('source').text;
    const source = sourceText === '' ? null : parseProjectSource(sourceText);
    if (sourceText !== '' && source === null) {
      fail(
        '招商方式',
        `「${sourceText}」应为 ${PROJECT_SOURCES.map((k) => PROJECT_SOURCE_LABEL[k].zh).join('、')} 之一`,
        `unknown source "${sourceText}"`,
      );
    }
    const keyText = raw('isKeyProject').text;
    const isKey = parseBool(keyText);
    if (isKey === null) {
      fail('重点项目', `「${keyText}」应填「是」或「否」`, 'must be 是 or 否');
    }
    const dates: Record<PipelineStage, string | null> = { ...NO_STAGE_DATES };
    for (const s of PIPELINE_STAGES) {
      const { text, cell } = raw(s);
      const iso = parseDateText(text, cell);
      if (text !== '' && iso === null) {
        fail(
          DATE_HEADERS[s],
          `「${text}」不是有效日期（格式 YYYY-MM-DD）`,
          `"${text}" is not a date`,
        );
      }
      dates[s] = iso;
    }
    const stageText = raw('stage').text;
    const stage = stageText === '' ? stageFromDates(dates) : parseStage(stageText);
    if (stage === null) {
      fail(
        '当前阶段',
        `「${stageText}」应为 ${PIPELINE_STAGES.map((s) => STAGE_LABEL[s].zh).join('、')} 之一`,
        `unknown stage "${stageText}"`,
      );
    }
    const fields: Partial<ProjectFields> = {};
    for (const key of [
      'code',
      'name',
      'investor',
      'industryCode',
      'industryName',
      'plannedInvestmentWan',
    ] as const) {
      const t = raw(key).text;
      if (t !== '') {
        fields[key] = t;
      }
    }
    fields.isKeyProject = isKey ?? false;
    if (unitCode !== null) {
      fields.responsibleUnitCode = unitCode;
    }
    if (source !== null) {
      fields.source = source;
    }
    const contact = raw('contact').text;
    const note = raw('note').text;
    fields.contact = contact === '' ? null : contact;
    fields.note = note === '' ? null : note;
    const checked = checkFields(fields, units, false);
    for (const e of checked.errors) {
      // Unknown units/sources are reported above with the cell text; skip their "required" echo.
      if (
        (e.field === 'responsibleUnitCode' && unitText !== '') ||
        (e.field === 'source' && sourceText !== '')
      ) {
        continue;
      }
      fail(FIELD_LABEL[e.field] ?? null, e.message.replace(/^「[^」]+」/, ''), e.messageEn);
    }
    let filled: StageDates = dates;
    if (stage !== null) {
      filled = fillImpliedDates(stage, dates);
      for (const e of validateStageDates(stage, filled, today)) {
        // A date left empty was taken from the next later stage: say so, and point at the column typed.
        const implied =
          e.stage !== undefined && dates[e.stage] === null && filled[e.stage] !== null;
        const from = implied
          ? PIPELINE_STAGES.slice(stageIndex(e.stage!) + 1).find((s) => dates[s] !== null)
          : undefined;
        const column = e.stage ? DATE_HEADERS[from ?? e.stage] : null;
        const note = from
          ? `（「${DATE_HEADERS[e.stage!]}」未填，按「${DATE_HEADERS[from]}」推定）`
          : '';
        fail(column, `${e.zh}${note}`, e.en);
      }
    }
    const code = fields.code?.trim();
    if (code) {
      const first = seen.get(code);
      if (first !== undefined) {
        fail('项目编号', `「${code}」与第 ${first} 行重复`, `duplicate of row ${first}`);
      } else {
        seen.set(code, r);
      }
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
    } else {
      rows.push({
        row: r,
        fields: { ...(fields as ProjectFields), code: code! },
        stage: stage!,
        dates: filled,
      });
    }
  }
  if (rows.length === 0 && errors.length === 0) {
    errors.push({
      row: 2,
      column: null,
      message: '表中没有数据行',
      messageEn: 'The sheet has no data rows',
    });
  }
  return { rows, errors };
}

function sameDates(a: StageDates, b: StageDates): boolean {
  return PIPELINE_STAGES.every((s) => a[s] === b[s]);
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
    throw new ServiceError('VALIDATION', {
      message: '文件超过 10 MB，请分批导入',
      messageEn: 'The file is larger than 10 MB',
    });
  }
  const ws = await readSheet(body);
  const today = chinaToday(now);
  return db.transaction(async (tx) => {
    const units = await unitsOf(tx, dept.regionCode);
    const { rows, errors } = parseRows(ws, units, today);
    if (errors.length > 0) {
      throw importInvalid(errors);
    }
    const existing = new Map(
      (
        await repo.findProjectsByCodes(
          tx,
          dept.code,
          rows.map((r) => r.fields.code),
        )
      ).map((p) => [p.code, p]),
    );
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const history: repo.StageChangeInsert[] = [];
    for (const r of rows) {
      const f = r.fields;
      const values = {
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
      const old = existing.get(f.code);
      if (!old) {
        const row = await repo.insertProject(tx, {
          regionCode: dept.regionCode,
          fiscalYear: yearOf(r.dates.LEAD!),
          departmentCode: dept.code,
          code: f.code,
          ...values,
          createdBy: actor.userId,
          updatedBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        history.push(
          ...historyRows(row, 'import', null, r.stage, r.dates, actor, now, `导入：${fileName}`),
        );
        created++;
        continue;
      }
      const changed = Object.entries(values).some(
        ([k, v]) => (old as unknown as Record<string, unknown>)[k] !== v,
      );
      if (!changed) {
        unchanged++;
        continue;
      }
      await repo.updateProject(tx, old.id, { ...values, updatedBy: actor.userId, updatedAt: now });
      if (old.stage !== r.stage || !sameDates(datesOf(old), r.dates)) {
        const forwardOnly =
          stageIndex(r.stage) > stageIndex(old.stage) &&
          PIPELINE_STAGES.slice(0, stageIndex(old.stage) + 1).every(
            (s) => datesOf(old)[s] === r.dates[s],
          );
        if (forwardOnly) {
          history.push(
            ...historyRows(
              old,
              'import',
              old.stage,
              r.stage,
              r.dates,
              actor,
              now,
              `导入：${fileName}`,
            ),
          );
        } else {
          history.push({
            regionCode: dept.regionCode,
            fiscalYear: yearOf(r.dates[r.stage]!),
            departmentCode: dept.code,
            projectId: old.id,
            kind: 'import',
            fromStage: old.stage,
            toStage: r.stage,
            reachedOn: r.dates[r.stage],
            reason: `导入更正阶段日期：${fileName}`,
            changedBy: actor.userId,
            changedByName: actor.displayName,
            changedAt: now,
          });
        }
      }
      updated++;
    }
    await repo.insertStageChanges(tx, history);
    await auditInTx(tx, actor, {
      action: 'investmentProject.import',
      entity: 'investment_projects',
      entityId: fileName,
      departmentCode: dept.code,
      before: null,
      after: { fileName, rows: rows.length, created, updated, unchanged },
    });
    return { fileName, rows: rows.length, created, updated, unchanged };
  });
}

function importInvalid(errors: ImportRowError[]): ServiceError {
  const shown = errors.slice(0, 500);
  return new ServiceError(
    'IMPORT_INVALID',
    {
      message: `导入失败：发现 ${errors.length} 处错误，未导入任何数据。${shown[0]!.message}`,
      messageEn: `Import refused: ${errors.length} error(s), nothing was imported. ${shown[0]!.messageEn}`,
    },
    { errors: shown, total: errors.length },
  );
}

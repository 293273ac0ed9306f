// How investment projects and their stage history are shown (names of units and sources, amounts in 万元,
// stage labels and dates), plus the department lookups every investment service starts with.
import { fenToWanString, parseYuan, type Fen } from '@jixiao/core';
import {
  PROJECT_SOURCE_LABEL,
  STAGE_LABEL,
  type PipelineStage,
  type ProjectSource,
  type StageDates,
} from '@jixiao/core/investment/index';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertCanEdit } from '../../auth/access.ts';
import { getDepartment } from '../departments/departments.service.ts';
import type { DepartmentRow } from '../departments/departments.repository.ts';
import * as repo from './investment.repository.ts';

/** Today's date in China (UTC+8, no daylight saving): stage dates may not be later. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

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

export type UnitMap = ReadonlyMap<string, repo.InvestmentUnitRow>;

function fen(yuan: string): Fen {
  const f = parseYuan(yuan);
  if (f === null) {
    throw new Error(`not a 元 amount from the database: ${yuan}`);
  }
  return f;
}

function unitView(code: string, units: UnitMap): UnitView {
  const u = units.get(code);
  return { code, name: u?.name ?? code, kind: u?.kind ?? 'department' };
}

export function datesOf(r: repo.InvestmentProjectRow): StageDates {
  return {
    LEAD: r.leadOn,
    NEGOTIATING: r.negotiatingOn,
    SIGNED: r.signedOn,
    REGISTERED: r.registeredOn,
    OPERATING: r.operatingOn,
  };
}

export function dateColumns(
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

export function toView(r: repo.InvestmentProjectRow, units: UnitMap): InvestmentProjectView {
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

export function stageChangeView(h: repo.StageChangeRow): StageChangeView {
  return {
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
  };
}

export async function unitsOf(
  db: Queryable,
  regionCode: string,
): Promise<Map<string, repo.InvestmentUnitRow>> {
  return new Map((await repo.listUnits(db, regionCode)).map((u) => [u.code, u]));
}

export async function readableDept(db: Db, actor: Actor, code: string): Promise<DepartmentRow> {
  return getDepartment(db, actor, code);
}

export async function editableDept(db: Db, actor: Actor, code: string): Promise<DepartmentRow> {
  const dept = await getDepartment(db, actor, code);
  assertCanEdit(actor, dept);
  return dept;
}

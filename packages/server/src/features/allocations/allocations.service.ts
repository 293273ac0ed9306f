// 任务分解: the city's yearly targets split across the district's departments and 街道, and each unit's
// progress month by month, counted from the pipeline by responsible unit and the month a stage was reached.
import { fenToWanString, fenToYuanString, parseWanYuan, parseYuan, toFixed2 } from '@jixiao/core';
import {
  bucketByMonth,
  computeProgress,
  metricWindow,
  pipelineMatches,
  summarizeAllocation,
  TARGET_KIND_INFO,
  TARGET_KINDS,
  timeProgress,
  validateAllocation,
  type AllocationLine,
  type ProgressStatus,
  type TargetKind,
  type UnitTarget,
} from '@jixiao/core/investment/index';
import type { Db, Queryable } from '../../db/open-db.ts';
import * as repo from './allocations.repository.ts';
import * as projectRepo from '../investment/investment.repository.ts';
import type { DepartmentRow } from '../departments/departments.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertCanEdit } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError } from '../../http/service-error.ts';
import { chinaToday } from '../investment/investment-views.ts';

/** Stored numeric(18,2) → whole quantity: a count, or 分 for the investment amount. */
function quantityOf(kind: TargetKind, stored: string): number {
  const f = parseYuan(stored);
  if (f === null) {
    throw new Error(`bad stored quantity ${stored}`);
  }
  return TARGET_KIND_INFO[kind].money ? f : Math.round(f / 100);
}

/** Whole quantity → stored numeric string (count "300.00", or 元). */
function storedOf(kind: TargetKind, q: number): string {
  return TARGET_KIND_INFO[kind].money ? fenToYuanString(q) : fenToYuanString(q * 100);
}

/** Whole quantity → wire string: "300" projects, or "12345.67" 万元 (exact). */
export function quantityText(kind: TargetKind, q: number): string {
  return TARGET_KIND_INFO[kind].money ? fenToWanString(q) : String(q);
}

/** Wire string → whole quantity, or null if it is not a whole count / a 万元 amount. */
function parseQuantity(kind: TargetKind, text: string): number | null {
  if (TARGET_KIND_INFO[kind].money) {
    const f = parseWanYuan(text);
    return f !== null && f >= 0 ? f : null;
  }
  return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null;
}

export interface TargetView {
  kind: TargetKind;
  label: string;
  unit: string;
  /** The city's target: a whole count, or 万元. */
  target: string;
  allocated: string;
  /** allocated − target (negative: not fully split). */
  difference: string;
  status: 'UNDER' | 'EXACT' | 'OVER';
  documentNo: string | null;
  note: string | null;
  allocations: {
    unitCode: string;
    unitName: string;
    unitKind: 'department' | 'subdistrict';
    value: string;
  }[];
}

async function unitsMap(
  db: Queryable,
  regionCode: string,
): Promise<Map<string, projectRepo.InvestmentUnitRow>> {
  return new Map((await projectRepo.listUnits(db, regionCode)).map((u) => [u.code, u]));
}

function targetView(
  t: repo.TargetRow,
  allocations: repo.AllocationRow[],
  units: ReadonlyMap<string, projectRepo.InvestmentUnitRow>,
): TargetView {
  const kind = t.kind as TargetKind;
  const info = TARGET_KIND_INFO[kind];
  const lines = allocations.map((a) => ({
    unitCode: a.unitCode,
    value: quantityOf(kind, a.value),
  }));
  const sum = summarizeAllocation(quantityOf(kind, t.targetValue), lines);
  const order = (code: string) => units.get(code)?.sort ?? 999;
  return {
    kind,
    label: info.label.zh,
    unit: info.unit.zh,
    target: quantityText(kind, sum.target),
    allocated: quantityText(kind, sum.allocated),
    difference:
      sum.difference < 0
        ? `-${quantityText(kind, -sum.difference)}`
        : quantityText(kind, sum.difference),
    status: sum.status,
    documentNo: t.documentNo,
    note: t.note,
    allocations: lines
      .sort((a, b) => order(a.unitCode) - order(b.unitCode))
      .map((l) => ({
        unitCode: l.unitCode,
        unitName: units.get(l.unitCode)?.name ?? l.unitCode,
        unitKind: units.get(l.unitCode)?.kind ?? 'department',
        value: quantityText(kind, l.value),
      })),
  };
}

export async function listInvestmentTargets(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
): Promise<TargetView[]> {
  const dept = await getDepartment(db, actor, departmentCode);
  const units = await unitsMap(db, dept.regionCode);
  const out: TargetView[] = [];
  for (const t of await repo.listTargets(db, dept.code, year)) {
    if ((TARGET_KINDS as readonly string[]).includes(t.kind)) {
      out.push(targetView(t, await repo.listAllocations(db, t.id), units));
    }
  }
  return out.sort((a, b) => TARGET_KINDS.indexOf(a.kind) - TARGET_KINDS.indexOf(b.kind));
}

export interface SaveTargetInput {
  target: string;
  documentNo?: string | null;
  note?: string | null;
  allocations: { unitCode: string; value: string }[];
}

/** Sets the city's target of `kind` for the year and replaces its decomposition, in one transaction. */
export async function saveInvestmentTarget(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  kind: TargetKind,
  input: SaveTargetInput,
  now: Date,
): Promise<TargetView> {
  const dept: DepartmentRow = await getDepartment(db, actor, departmentCode);
  assertCanEdit(actor, dept);
  const info = TARGET_KIND_INFO[kind];
  const what = info.money ? '金额（万元，最多 6 位小数）' : '不小于 0 的整数';
  const target = parseQuantity(kind, input.target);
  const fields: { field: string; message: string; messageEn: string }[] = [];
  if (target === null) {
    fields.push({
      field: 'target',
      message: `市下达目标「${input.target}」应为${what}`,
      messageEn: 'target must be a whole number (or a 万元 amount)',
    });
  }
  const lines: AllocationLine[] = [];
  input.allocations.forEach((a, i) => {
    const q = parseQuantity(kind, a.value);
    if (q === null) {
      fields.push({
        field: `allocations.${i}.value`,
        message: `第 ${i + 1} 个单位的分解任务「${a.value}」应为${what}`,
        messageEn: `allocation ${i + 1} is not valid`,
      });
    } else {
      lines.push({ unitCode: a.unitCode, value: q });
    }
  });
  if (fields.length > 0) {
    throw new ServiceError(
      'ALLOCATION_INPUT_INVALID',
      { problem: fields[0]!.message, problemEn: fields[0]!.messageEn },
      { fields },
    );
  }
  return db.transaction(async (tx) => {
    const units = await unitsMap(tx, dept.regionCode);
    const names = new Map([...units.values()].map((u) => [u.code, u.name]));
    const errors = validateAllocation(
      target!,
      lines,
      names,
      (n) => `${quantityText(kind, n)} ${info.unit.zh}`,
    );
    if (errors.length > 0) {
      throw new ServiceError(
        errors.some((e) => e.code === 'UNDER_ALLOCATED')
          ? 'ALLOCATION_SUM_MISMATCH'
          : 'ALLOCATION_LINES_INVALID',
        { problem: errors[0]!.zh, problemEn: errors[0]!.en },
        { errors },
      );
    }
    const before = await repo.findTarget(tx, dept.code, year, kind);
    const row = await repo.upsertTarget(tx, {
      regionCode: dept.regionCode,
      fiscalYear: year,
      departmentCode: dept.code,
      kind,
      targetValue: storedOf(kind, target!),
      documentNo: input.documentNo?.trim() || null,
      note: input.note?.trim() || null,
      updatedBy: actor.userId,
      updatedAt: now,
    });
    await repo.replaceAllocations(
      tx,
      row.id,
      lines.map((l) => ({
        regionCode: dept.regionCode,
        fiscalYear: year,
        departmentCode: dept.code,
        targetId: row.id,
        unitCode: l.unitCode,
        value: storedOf(kind, l.value),
      })),
    );
    await auditInTx(tx, actor, {
      action: 'investmentTarget.save',
      entity: 'investment_targets',
      entityId: row.id,
      departmentCode: dept.code,
      before: before ? { target: before.targetValue } : null,
      after: {
        kind,
        year,
        target: row.targetValue,
        allocations: lines.map((l) => [l.unitCode, storedOf(kind, l.value)]),
      },
    });
    return targetView(row, await repo.listAllocations(tx, row.id), units);
  });
}

export interface UnitProgressView {
  unitCode: string;
  unitName: string;
  unitKind: 'department' | 'subdistrict';
  target: string;
  actual: string;
  /** Cumulative achievement at the end of months 1…month. */
  cumulative: string[];
  /** Achievement within each month 1…month. */
  monthly: string[];
  rate: string | null;
  status: ProgressStatus;
  rank: number;
}

export interface DecompositionView {
  year: number;
  kind: TargetKind;
  label: string;
  unit: string;
  metricKey: string;
  /** Progress through the end of this month. */
  month: number;
  /** 序时进度 at that month end, %. */
  timeProgress: string;
  district: { target: string | null; actual: string; rate: string | null; cumulative: string[] };
  units: UnitProgressView[];
}

/** The month to report by default: all 12 for a past year, the current month for this year. */
export function defaultMonth(year: number, now: Date): number {
  const today = chinaToday(now);
  const y = Number(today.slice(0, 4));
  return year < y ? 12 : year > y ? 1 : Number(today.slice(5, 7));
}

export async function getDecomposition(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  kind: TargetKind,
  month: number | undefined,
  now: Date,
): Promise<DecompositionView> {
  const dept = await getDepartment(db, actor, departmentCode);
  return decompositionOf(db, dept, year, kind, month ?? defaultMonth(year, now));
}

export async function decompositionOf(
  db: Queryable,
  dept: DepartmentRow,
  year: number,
  kind: TargetKind,
  month: number,
): Promise<DecompositionView> {
  const info = TARGET_KIND_INFO[kind];
  const units = await unitsMap(db, dept.regionCode);
  const t = await repo.findTarget(db, dept.code, year, kind);
  const allocations = t ? await repo.listAllocations(db, t.id) : [];
  const window = metricWindow(year);
  const records = await projectRepo.loadProjectRecords(db, dept.code, window);
  const events = pipelineMatches(info.metricKey, records, window).map((m) => ({
    unitCode: m.project.responsibleUnitCode,
    date: m.date,
    amount: m.amount,
  }));
  const byUnit = bucketByMonth(events, year);
  const targetOf = new Map(allocations.map((a) => [a.unitCode, quantityOf(kind, a.value)]));
  const codes = [...units.keys()].filter((c) => targetOf.has(c) || byUnit.has(c));
  const unitTargets: UnitTarget[] = codes.map((c) => ({
    unitCode: c,
    unitName: units.get(c)?.name ?? c,
    target: targetOf.get(c) ?? 0,
    monthly: byUnit.get(c) ?? new Array<number>(12).fill(0),
  }));
  const progress = computeProgress(unitTargets, month);
  const monthlyOf = new Map(unitTargets.map((u) => [u.unitCode, u.monthly]));
  const q = (n: number) => quantityText(kind, n);
  const districtMonthly = new Array<number>(12).fill(0);
  for (const months of byUnit.values()) {
    months.forEach((n, i) => (districtMonthly[i]! += n));
  }
  const cityTarget = t ? quantityOf(kind, t.targetValue) : null;
  const district = computeProgress(
    [{ unitCode: '*', unitName: '全区', target: cityTarget ?? 0, monthly: districtMonthly }],
    month,
  )[0]!;
  const tp = toFixed2(timeProgress(month));
  return {
    year,
    kind,
    label: info.label.zh,
    unit: info.unit.zh,
    metricKey: info.metricKey,
    month,
    timeProgress: tp,
    district: {
      target: cityTarget === null ? null : q(cityTarget),
      actual: q(district.actual),
      rate: cityTarget === null ? null : district.rate,
      cumulative: district.cumulative.map(q),
    },
    units: progress.map((p) => ({
      unitCode: p.unitCode,
      unitName: p.unitName,
      unitKind: units.get(p.unitCode)?.kind ?? 'department',
      target: q(p.target),
      actual: q(p.actual),
      cumulative: p.cumulative.map(q),
      monthly: (monthlyOf.get(p.unitCode) ?? []).slice(0, month).map(q),
      rate: p.rate,
      status: p.status,
      rank: p.rank,
    })),
  };
}

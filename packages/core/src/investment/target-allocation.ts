// 任务分解 (招商一盘棋): the city's yearly targets for the district, split across the district's departments
// and 街道; progress and ranking per unit, month by month. Quantities are whole numbers — a count of
// projects, or 分 (Fen) for the investment amount — so splitting and summing stay exact.
import type Big from 'big.js';
import { d, percentOf, toFixed2 } from '../decimal.ts';
import type { Bilingual } from '../result.ts';
import { monthOf, yearOf } from './iso-date.ts';

export const TARGET_KINDS = [
  'negotiatedKeyProjects',
  'registeredProjects',
  'signedInvestment',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface TargetKindInfo {
  label: Bilingual;
  unit: Bilingual;
  /** true: quantities are 分 (the unit shown is 万元); false: counts. */
  money: boolean;
  /** The metric (metrics.ts) whose records are counted per responsible unit. */
  metricKey:
    | 'investment.negotiatedKeyProjects'
    | 'investment.registeredProjects'
    | 'investment.signedInvestmentWan';
}

export const TARGET_KIND_INFO: Readonly<Record<TargetKind, TargetKindInfo>> = {
  negotiatedKeyProjects: {
    label: { zh: '新洽谈重点招商项目数', en: 'New key projects negotiated' },
    unit: { zh: '个', en: 'projects' },
    money: false,
    metricKey: 'investment.negotiatedKeyProjects',
  },
  registeredProjects: {
    label: { zh: '注册落地项目数', en: 'Projects registered' },
    unit: { zh: '个', en: 'projects' },
    money: false,
    metricKey: 'investment.registeredProjects',
  },
  signedInvestment: {
    label: { zh: '签约项目计划投资额', en: 'Investment signed' },
    unit: { zh: '万元', en: '10k yuan' },
    money: true,
    metricKey: 'investment.signedInvestmentWan',
  },
};

export function isTargetKind(x: unknown): x is TargetKind {
  return typeof x === 'string' && (TARGET_KINDS as readonly string[]).includes(x);
}

export interface AllocationLine {
  unitCode: string;
  /** Whole number: projects, or 分. */
  value: number;
}

export type AllocationErrorCode =
  'TARGET_INVALID' | 'UNKNOWN_UNIT' | 'DUPLICATE_UNIT' | 'NOT_WHOLE' | 'UNDER_ALLOCATED';

export interface AllocationError extends Bilingual {
  code: AllocationErrorCode;
  unitCode?: string;
}

export interface AllocationSummary {
  target: number;
  allocated: number;
  /** allocated − target: negative = not fully split, positive = extra pressure (加压). */
  difference: number;
  status: 'UNDER' | 'EXACT' | 'OVER';
}

export function summarizeAllocation(
  target: number,
  lines: readonly AllocationLine[],
): AllocationSummary {
  const allocated = lines.reduce((t, l) => t + l.value, 0);
  const difference = allocated - target;
  return {
    target,
    allocated,
    difference,
    status: difference < 0 ? 'UNDER' : difference === 0 ? 'EXACT' : 'OVER',
  };
}

/**
 * A decomposition is valid when every line names a known unit once, with a whole, non-negative value,
 * and the lines together cover the city's target (they may exceed it: 层层加压).
 */
export function validateAllocation(
  target: number,
  lines: readonly AllocationLine[],
  knownUnits: ReadonlyMap<string, string>,
  format: (n: number) => string = String,
): AllocationError[] {
  const errors: AllocationError[] = [];
  if (!Number.isSafeInteger(target) || target < 0) {
    errors.push({
      code: 'TARGET_INVALID',
      zh: '市下达目标值必须是不小于 0 的整数',
      en: 'The city target must be a whole number ≥ 0',
    });
  }
  const seen = new Set<string>();
  for (const l of lines) {
    const name = knownUnits.get(l.unitCode);
    if (name === undefined) {
      errors.push({
        code: 'UNKNOWN_UNIT',
        zh: `责任单位「${l.unitCode}」不存在`,
        en: `Unknown responsible unit ${l.unitCode}`,
        unitCode: l.unitCode,
      });
      continue;
    }
    if (seen.has(l.unitCode)) {
      errors.push({
        code: 'DUPLICATE_UNIT',
        zh: `责任单位「${name}」重复分配`,
        en: `Unit ${l.unitCode} appears twice`,
        unitCode: l.unitCode,
      });
    }
    seen.add(l.unitCode);
    if (!Number.isSafeInteger(l.value) || l.value < 0) {
      errors.push({
        code: 'NOT_WHOLE',
        zh: `「${name}」的分解任务必须是不小于 0 的整数`,
        en: `The share of ${l.unitCode} must be a whole number ≥ 0`,
        unitCode: l.unitCode,
      });
    }
  }
  if (errors.length === 0) {
    const s = summarizeAllocation(target, lines);
    if (s.status === 'UNDER') {
      errors.push({
        code: 'UNDER_ALLOCATED',
        zh: `分解合计 ${format(s.allocated)} 少于市下达目标 ${format(target)}，还差 ${format(-s.difference)}：任务须全部分解到责任单位`,
        en: `The shares add up to ${format(s.allocated)}, less than the city target ${format(target)} (short by ${format(-s.difference)})`,
      });
    }
  }
  return errors;
}

/**
 * Splits `total` in proportion to whole-number weights by the largest-remainder method: the shares are
 * whole, add up to `total` exactly, and ties go to the earlier unit.
 */
export function splitProportionally(
  total: number,
  weights: readonly { unitCode: string; weight: number }[],
): AllocationLine[] {
  const sumW = weights.reduce((t, w) => t + w.weight, 0);
  if (weights.length === 0 || sumW === 0) {
    return weights.map((w) => ({ unitCode: w.unitCode, value: 0 }));
  }
  const parts = weights.map((w, i) => {
    const exact = d(total).times(w.weight).div(sumW);
    const floor = Number(exact.round(0, 0).toString());
    return { unitCode: w.unitCode, floor, remainder: exact.minus(floor), i };
  });
  let left = total - parts.reduce((t, p) => t + p.floor, 0);
  const byRemainder = [...parts].sort((a, b) => b.remainder.cmp(a.remainder) || a.i - b.i);
  const extra = new Set<number>();
  for (const p of byRemainder) {
    if (left <= 0) {
      break;
    }
    extra.add(p.i);
    left--;
  }
  return parts.map((p) => ({ unitCode: p.unitCode, value: p.floor + (extra.has(p.i) ? 1 : 0) }));
}

/** One dated achievement (a project reaching a stage, with its amount) of a responsible unit. */
export interface UnitEvent {
  unitCode: string | null;
  date: string;
  /** 1 for a count, or 分 for an amount. */
  amount: number;
}

/** Sums events of `year` per unit and month: unitCode → 12 monthly totals (index 0 = January). */
export function bucketByMonth(events: readonly UnitEvent[], year: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const e of events) {
    if (e.unitCode === null || yearOf(e.date) !== year) {
      continue;
    }
    const months = out.get(e.unitCode) ?? new Array<number>(12).fill(0);
    months[monthOf(e.date) - 1]! += e.amount;
    out.set(e.unitCode, months);
  }
  return out;
}

export interface UnitTarget {
  unitCode: string;
  unitName: string;
  target: number;
  /** 12 monthly achievements (index 0 = January). */
  monthly: readonly number[];
}

export type ProgressStatus = 'DONE' | 'ON_TRACK' | 'BEHIND' | 'NO_TARGET';

export const PROGRESS_STATUS_LABEL: Readonly<Record<ProgressStatus, Bilingual>> = {
  DONE: { zh: '已完成', en: 'Done' },
  ON_TRACK: { zh: '达到序时进度', en: 'On track' },
  BEHIND: { zh: '落后序时进度', en: 'Behind' },
  NO_TARGET: { zh: '未分解任务', en: 'No target' },
};

export interface UnitProgress {
  unitCode: string;
  unitName: string;
  target: number;
  /** Achieved from January through the month asked for. */
  actual: number;
  /** Cumulative achievement at the end of each month 1…throughMonth. */
  cumulative: number[];
  /** actual / target × 100 with 2 decimals; null without a target. */
  rate: string | null;
  status: ProgressStatus;
  /** 1 = best; units with the same rate and actual share a rank (1, 2, 2, 4). Units without a target come last. */
  rank: number;
}

/** 序时进度 at the end of `month`: month / 12 × 100. */
export function timeProgress(month: number): Big {
  return percentOf(d(month), d(12)) ?? d(0);
}

/** Progress of every unit through `throughMonth` (1–12), ranked by completion rate, then by amount achieved. */
export function computeProgress(
  units: readonly UnitTarget[],
  throughMonth: number,
): UnitProgress[] {
  if (!Number.isInteger(throughMonth) || throughMonth < 1 || throughMonth > 12) {
    throw new RangeError(`computeProgress: month must be 1–12, got ${throughMonth}`);
  }
  const tp = timeProgress(throughMonth);
  const rows = units.map((u, i) => {
    const cumulative: number[] = [];
    let run = 0;
    for (let m = 0; m < throughMonth; m++) {
      run += u.monthly[m] ?? 0;
      cumulative.push(run);
    }
    const rateBig = u.target > 0 ? percentOf(d(run), d(u.target)) : null;
    const status: ProgressStatus =
      rateBig === null
        ? 'NO_TARGET'
        : rateBig.gte(100)
          ? 'DONE'
          : rateBig.gte(tp)
            ? 'ON_TRACK'
            : 'BEHIND';
    return {
      i,
      unitCode: u.unitCode,
      unitName: u.unitName,
      target: u.target,
      actual: run,
      cumulative,
      rateBig,
      rate: rateBig === null ? null : toFixed2(rateBig),
      status,
    };
  });
  const better = (a: (typeof rows)[number], b: (typeof rows)[number]): number => {
    if (a.rateBig === null || b.rateBig === null) {
      return (a.rateBig === null ? 1 : 0) - (b.rateBig === null ? 1 : 0) || b.actual - a.actual;
    }
    return b.rateBig.cmp(a.rateBig) || b.actual - a.actual;
  };
  const sorted = [...rows].sort((a, b) => better(a, b) || a.i - b.i);
  return sorted.map((r, k) => {
    let rank = k + 1;
    for (let j = k - 1; j >= 0 && better(sorted[j]!, r) === 0; j--) {
      rank = j + 1;
    }
    return {
      unitCode: r.unitCode,
      unitName: r.unitName,
      target: r.target,
      actual: r.actual,
      cumulative: r.cumulative,
      rate: r.rate,
      status: r.status,
      rank,
    };
  });
}

// The indicators of a 自评表 grouped as the official layout merges them (一级 in the fixed order, then 二级), and
// the figures the sheet shows: Σ weights, scores without a trailing ".00", whether a deduction is set.
import { d, dSum, isDecimalString } from '@jixiao/core/decimal';
import type { ContractIndicator } from '../../api/types.ts';

export interface Group {
  level1: string;
  weight: string;
  rows: { level2: string; items: ContractIndicator[] }[];
}

const LEVEL1_ORDER = ['产出指标', '效益指标', '满意度指标', '成本指标'];

/** Σ weights with core's decimals ("50", "7.50" → "57.5"); "—" when one is not a number. */
export function sumWeights(items: Pick<ContractIndicator, 'weight'>[]): string {
  if (!items.every((i) => isDecimalString(i.weight))) {
    return '—';
  }
  return dSum(items.map((i) => d(i.weight))).toFixed();
}

function byLevel2(items: ContractIndicator[]): Group['rows'] {
  const byL2 = new Map<string, ContractIndicator[]>();
  for (const i of items) {
    const k = i.level2 ?? '';
    byL2.set(k, [...(byL2.get(k) ?? []), i]);
  }
  return [...byL2.entries()].map(([level2, list]) => ({ level2, items: list }));
}

export function groupIndicators(indicators: ContractIndicator[]): Group[] {
  const byL1 = new Map<string, ContractIndicator[]>();
  for (const i of indicators) {
    const list = byL1.get(i.level1) ?? [];
    list.push(i);
    byL1.set(i.level1, list);
  }
  const order = [...byL1.keys()].sort((a, b) => {
    const ia = LEVEL1_ORDER.indexOf(a);
    const ib = LEVEL1_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  return order.map((level1) => {
    const items = byL1.get(level1) ?? [];
    return { level1, weight: sumWeights(items), rows: byLevel2(items) };
  });
}

export function trimScore(s: string): string {
  return s.replace(/\.00$/, '');
}

export function hasDeduction(ind: ContractIndicator): boolean {
  return (
    ind.deduction !== null &&
    ind.deduction !== undefined &&
    isDecimalString(ind.deduction) &&
    d(ind.deduction).gt(0)
  );
}

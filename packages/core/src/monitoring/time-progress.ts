// 序时进度 (time progress): the share of the year elapsed at a month end, month/12 by default, or read from
// configured points (e.g. quarters {3:25, 6:50, 9:75, 12:100}) with straight lines between them (and from 0 at month 0).
import Big from 'big.js';
import { divExact, toFixed2 } from '../decimal.ts';
import { DEFAULT_MONITORING_CONFIG } from './config.ts';

/** 序时进度 % at the end of `month` (unrounded). */
export function timeProgressAt(
  month: number,
  points: Readonly<Record<number, string>> = DEFAULT_MONITORING_CONFIG.timeProgress,
): Big {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`month must be 1..12, got ${month}`);
  }
  const known = Object.keys(points)
    .map(Number)
    .filter((m) => Number.isInteger(m) && m >= 1 && m <= 12)
    .sort((a, b) => a - b);
  const exact = points[month];
  if (exact !== undefined) {
    return new Big(exact);
  }
  let lo = 0;
  let loP = new Big(0);
  for (const m of known) {
    const p = new Big(points[m]!);
    if (m < month) {
      lo = m;
      loP = p;
    } else {
      // month lies between lo and m: interpolate.
      return loP.plus(divExact(p.minus(loP).times(month - lo), new Big(m - lo)));
    }
  }
  // After the last configured point: extend to 100% at month 12.
  return loP.plus(divExact(new Big(100).minus(loP).times(month - lo), new Big(12 - lo)));
}

/** 序时进度 as shown: "50.00". */
export function formatTimeProgress(
  month: number,
  points?: Readonly<Record<number, string>>,
): string {
  return toFixed2(timeProgressAt(month, points));
}

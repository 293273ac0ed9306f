// The one decimal helper: every rate and score goes through here (never a binary float).
import Big from 'big.js';

export type Decimal = Big;

const DECIMAL_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** True when `s` is a plain decimal number such as "12", "-3.5", "0.075". */
export function isDecimalString(s: string): boolean {
  return DECIMAL_RE.test(s.trim());
}

/** Parse a decimal string (or an integer) into a Decimal. Throws on anything else: callers validate first. */
export function d(value: string | number | Big): Big {
  if (value instanceof Big) {
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new TypeError(`d(): only safe integers may be passed as numbers, got ${value}`);
    }
    return new Big(value);
  }
  const s = value.trim();
  if (!DECIMAL_RE.test(s)) {
    throw new TypeError(`d(): not a decimal number: "${value}"`);
  }
  return new Big(s.startsWith('+') ? s.slice(1) : s);
}

/** A private constructor that truncates quotients at 50 decimals (the shared Big keeps its defaults). */
const Trunc = Big();
Trunc.DP = 50;
Trunc.RM = Big.roundDown;

/**
 * a / b truncated toward zero at 50 decimals. Rounding that half-up to 2 decimals gives the same result
 * as rounding the exact quotient (no double rounding). b must not be 0.
 */
export function divExact(a: Big, b: Big): Big {
  return new Big(new Trunc(a).div(new Trunc(b)));
}

/** Round half-up (away from zero on a tie) to `dp` decimals. */
export function roundHalfUp(x: Big, dp = 2): Big {
  return x.round(dp, Big.roundHalfUp);
}

/** Round half-up to 2 decimals: 8.075 → 8.08, -2.5 → -3 (at 0 dp). */
export function roundHalfUp2(x: Big): Big {
  return roundHalfUp(x, 2);
}

/** Format with exactly 2 decimals after half-up rounding: "8.08", "100.00". */
export function toFixed2(x: Big): string {
  return x.toFixed(2, Big.roundHalfUp);
}

export function toFixedDp(x: Big, dp: number): string {
  return x.toFixed(dp, Big.roundHalfUp);
}

export function dMin(a: Big, b: Big): Big {
  return a.lt(b) ? a : b;
}

export function dMax(a: Big, b: Big): Big {
  return a.gt(b) ? a : b;
}

/** Sum of decimals (0 for an empty list). */
export function dSum(xs: readonly Big[]): Big {
  return xs.reduce((acc, x) => acc.plus(x), new Big(0));
}

/** Percentage a / b × 100, unrounded; null when b is 0. */
export function percentOf(a: Big, b: Big): Big | null {
  if (b.eq(0)) {
    return null;
  }
  return divExact(a.times(100), b);
}

/** "95.34%" from an unrounded percentage. */
export function formatPercent(p: Big | null): string {
  return p === null ? '—' : `${toFixed2(p)}%`;
}

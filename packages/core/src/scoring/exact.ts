// Decimal helpers the scoring needs beyond ../decimal.ts: strict text parsing and division without double rounding.
import Big from 'big.js';
import { isDecimalString, type Decimal } from '../decimal.ts';

export { divExact } from '../decimal.ts';

/** Parse "12", "-3.5", "+0.75", " 8 " into a Decimal; null for anything else ("1e3", "95%", "1,200", ""). */
export function parseDecimal(text: string): Decimal | null {
  const s = text.trim();
  if (!isDecimalString(s)) {
    return null;
  }
  return new Big(s.startsWith('+') ? s.slice(1) : s);
}

/**
 * A JSON number → its decimal string, through the number's own shortest text (12.5 → "12.5", 1e-7 → "0.0000001").
 * No float arithmetic is done; null for NaN/±Infinity.
 */
export function jsonNumberToDecimalString(n: number): string | null {
  if (!Number.isFinite(n)) {
    return null;
  }
  return new Big(String(n)).toFixed();
}

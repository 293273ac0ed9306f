// Money is an integer number of 分 (Fen) in TypeScript, numeric(18,2) 元 in the database,
// a 2-decimal 元 string on the wire, and "36,628.61 万元" on screen and in reports.
import Big from 'big.js';
import { toFixed2 } from './decimal.ts';

export type Fen = number & { readonly __brand: 'Fen' };

export function assertSafeFen(n: number): Fen {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`amount out of range or not whole fen: ${n}`);
  }
  return n as Fen;
}

export function fen(n: number): Fen {
  return assertSafeFen(n);
}

const YUAN_RE = /^(-)?(\d{1,16})(?:\.(\d{1,2}))?$/;

/** Parse "1234.5" / "-0.07" / "1,234.56" 元 into Fen. Returns null if it is not a 元 amount with ≤ 2 decimals. */
export function parseYuan(input: string): Fen | null {
  const s = input.trim().replace(/,/g, '');
  const m = YUAN_RE.exec(s);
  if (!m) {
    return null;
  }
  const whole = Number(m[2]);
  const frac = Number(((m[3] ?? '') + '00').slice(0, 2));
  const abs = whole * 100 + frac;
  if (!Number.isSafeInteger(abs)) {
    return null;
  }
  return (m[1] ? -abs : abs) as Fen;
}

const WAN_RE = /^(-)?(\d{1,12})(?:\.(\d{1,6}))?$/;

/** Parse "36,628.61" 万元 into Fen (万元 has up to 6 decimals to stay whole fen). */
export function parseWanYuan(input: string): Fen | null {
  const s = input.trim().replace(/,/g, '');
  const m = WAN_RE.exec(s);
  if (!m) {
    return null;
  }
  const whole = Number(m[2]);
  const frac = Number(((m[3] ?? '') + '000000').slice(0, 6));
  const abs = whole * 1_000_000 + frac;
  if (!Number.isSafeInteger(abs)) {
    return null;
  }
  return (m[1] ? -abs : abs) as Fen;
}

/** Fen → "1234.56" (元, exactly 2 decimals, no separators): the wire format. */
export function fenToYuanString(f: Fen | number): string {
  const n = assertSafeFen(f);
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${yuan}.${String(cents).padStart(2, '0')}`;
}

/** Fen → Big of 元. */
export function fenToYuan(f: Fen | number): Big {
  return new Big(assertSafeFen(f)).div(100);
}

/** Fen → Big of 万元 (exact). */
export function fenToWan(f: Fen | number): Big {
  return new Big(assertSafeFen(f)).div(1_000_000);
}

/** Big 元 → Fen, rounding half-up to whole fen. */
export function yuanToFen(y: Big): Fen {
  return assertSafeFen(Number(y.times(100).round(0, Big.roundHalfUp).toString()));
}

/** Big 万元 → Fen, rounding half-up to whole fen. */
export function wanToFen(w: Big): Fen {
  return assertSafeFen(Number(w.times(1_000_000).round(0, Big.roundHalfUp).toString()));
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Fen → "36,628.61" (万元, 2 decimals half-up, thousands separators), without the unit. */
export function formatWan(f: Fen | number): string {
  const s = toFixed2(fenToWan(f));
  const neg = s.startsWith('-');
  const [i, frac] = (neg ? s.slice(1) : s).split('.');
  return `${neg ? '-' : ''}${groupThousands(i ?? '0')}.${frac ?? '00'}`;
}

/** Fen → "36,628.61 万元": the one way money is shown to users. */
export function formatWanYuan(f: Fen | number): string {
  return `${formatWan(f)} 万元`;
}

/** Fen → "1,234.56" 元 with separators. */
export function formatYuan(f: Fen | number): string {
  const s = fenToYuanString(f);
  const neg = s.startsWith('-');
  const [i, frac] = (neg ? s.slice(1) : s).split('.');
  return `${neg ? '-' : ''}${groupThousands(i ?? '0')}.${frac ?? '00'}`;
}

/** Sum of Fen. */
export function sumFen(xs: readonly (Fen | number)[]): Fen {
  let t = 0;
  for (const x of xs) {
    t += x;
  }
  return assertSafeFen(t);
}

/** Fen → exact 万元 decimal string with at least 2 decimals: 7627000 → "76.27", 1 → "0.000001". */
export function fenToWanString(f: Fen | number): string {
  const s = fenToWan(f).toFixed(6);
  const trimmed = s.replace(/0+$/, '');
  const [i, frac = ''] = trimmed.split('.');
  return `${i}.${frac.padEnd(2, '0')}`;
}

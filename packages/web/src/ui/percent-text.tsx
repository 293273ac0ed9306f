// A percentage from the API ("99.99") or computed with core's decimal helpers, shown as "99.99%".
import { d, formatPercent, isDecimalString, percentOf } from '@jixiao/core/decimal';

export function percentText(rate: string | null | undefined): string {
  if (rate === null || rate === undefined || !isDecimalString(rate)) {
    return '—';
  }
  return formatPercent(d(rate));
}

/** a / b as "95.34%" (decimal strings in), "—" when b is 0 or missing. */
export function ratioPercent(a: string | null | undefined, b: string | null | undefined): string {
  if (!a || !b || !isDecimalString(a) || !isDecimalString(b)) {
    return '—';
  }
  return formatPercent(percentOf(d(a), d(b)));
}

export function PercentText({ rate }: { rate: string | null | undefined }) {
  return <span className="jx-num">{percentText(rate)}</span>;
}

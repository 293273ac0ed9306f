// Money on screen, always "36,628.61 万元" through core's formatWanYuan (the one formatter).
import { formatWanYuan, parseWanYuan, parseYuan, type Fen } from '@jixiao/core/money';
import { useI18n } from '../i18n/i18n.tsx';
import { moneyUnit } from '../i18n/terms.ts';

export interface MoneyTextProps {
  /** 2-decimal 元 string from the API ("366286100.00"). */
  yuan?: string | null;
  /** 万元 decimal string ("36628.61"), as in the scoring input. */
  wan?: string | null;
  /** Integer 分. */
  fen?: number | null;
  /** Hide the unit (tables whose header already says 万元). */
  bare?: boolean;
}

export function toFen(p: MoneyTextProps): Fen | null {
  if (p.fen !== undefined && p.fen !== null) {
    return Number.isSafeInteger(p.fen) ? (p.fen as Fen) : null;
  }
  if (p.yuan !== undefined && p.yuan !== null) {
    return parseYuan(p.yuan);
  }
  if (p.wan !== undefined && p.wan !== null) {
    return parseWanYuan(p.wan);
  }
  return null;
}

/** A table sorter by an amount in 元 (a missing or unreadable amount counts as 0). */
export function byYuan<T>(get: (row: T) => string | null): (a: T, b: T) => number {
  return (a, b) => (toFen({ yuan: get(a) }) ?? 0) - (toFen({ yuan: get(b) }) ?? 0);
}

/** The formatted text (for charts, tooltips, titles). */
export function moneyText(p: MoneyTextProps): string {
  const f = toFen(p);
  if (f === null) {
    return '—';
  }
  const s = formatWanYuan(f);
  return p.bare ? s.replace(/\s*万元$/, '') : s;
}

export function MoneyText(props: MoneyTextProps) {
  const { lang } = useI18n();
  return <span className="jx-money">{moneyUnit(moneyText(props), lang)}</span>;
}

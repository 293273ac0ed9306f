// Money columns of an import: the unit (元 / 万元) comes from the header's suffix — 年初批复数（万元）— (found by the
// server's header matcher) or, when the header carries none, from the user's explicit choice; amounts are
// converted exactly to 分 (no floats).
import { parseWanYuan, parseYuan, type Fen } from '../money.ts';

export type MoneyUnit = 'yuan' | 'wanYuan';

export const MONEY_UNIT_TEXT: Readonly<Record<MoneyUnit, string>> = { yuan: '元', wanYuan: '万元' };

/** An amount in the given unit → 分; null when it is not a number with at most 2 (元) or 6 (万元) decimals. */
export function parseMoney(text: string, unit: MoneyUnit): Fen | null {
  return unit === 'yuan' ? parseYuan(text) : parseWanYuan(text);
}

/** `--unit 元|万元` (or yuan / wanYuan) → the unit; null otherwise. */
export function parseMoneyUnit(text: string): MoneyUnit | null {
  const s = text.trim();
  return s === '元' || s === 'yuan' ? 'yuan' : s === '万元' || s === 'wanYuan' ? 'wanYuan' : null;
}

// How a target's quantity is shown: counts as they are, amounts (万元) through the one money formatter.
import { moneyText } from '../../ui/money-text.tsx';
import type { TargetKind } from './investment-api.ts';

/** A quantity as shown: counts as they are, amounts (万元) through the one money formatter. */
export function quantity(kind: TargetKind, v: string | null): string {
  if (v === null) {
    return '—';
  }
  return kind === 'signedInvestment' ? moneyText({ wan: v }) : v;
}

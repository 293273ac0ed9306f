// Minimal reader for the demo's own ledger.csv (trusted, no quoted fields). Real imports use import/.
import { parseYuan, type Fen } from '@jixiao/core';

export interface DemoLedgerRow {
  payDate: string;
  month: number;
  projectCode: string;
  economicClass: string;
  amountFen: Fen;
  summary: string;
  voucherNo: string;
}

export function parseLedgerCsvText(text: string): DemoLedgerRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.slice(1).map((line, i) => {
    const [payDate, projectCode, , economicClass, amount, summary, voucherNo] = line.split(',');
    const amountFen = parseYuan(amount ?? '');
    if (!payDate || !projectCode || !economicClass || amountFen === null) {
      throw new Error(`demo ledger.csv line ${i + 2} is malformed`);
    }
    return { payDate, month: Number(payDate.slice(5, 7)), projectCode, economicClass, amountFen, summary: summary ?? '', voucherNo: voucherNo ?? '' };
  });
}

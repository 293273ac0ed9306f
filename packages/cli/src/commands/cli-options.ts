// Shared option parsing for the ledger/monitoring commands: --department, --year, --month → checked values.
import { CliError } from '../exit-codes.ts';
import { t } from '../output.ts';

export function requireDepartment(v: string | undefined): string {
  if (!v || !/^[A-Za-z0-9.-]{1,32}$/.test(v)) {
    throw new CliError(
      t({
        zh: '请用 --department 指定部门编码，如 440111-SWJ（运行 `npx jixiao departments` 查看）',
        en: 'Give --department CODE, e.g. 440111-SWJ (see `npx jixiao departments`)',
      }),
    );
  }
  return v;
}

export function requireYear(v: string | undefined): number {
  const y = Number(v);
  if (!v || !/^\d{4}$/.test(v) || y < 2000 || y > 2100) {
    throw new CliError(
      t({
        zh: '请用 --year 指定预算年度（四位数字，如 2023）',
        en: 'Give --year YYYY (e.g. 2023)',
      }),
    );
  }
  return y;
}

export function optionalMonth(v: string | undefined): number | undefined {
  if (v === undefined) {
    return undefined;
  }
  const m = Number(v);
  if (!/^\d{1,2}$/.test(v) || m < 1 || m > 12) {
    throw new CliError(t({ zh: '月份应为 1–12', en: 'month must be 1–12' }));
  }
  return m;
}

// One ledger row (支出台账 / 国库集中支付 export) checked cell by cell: every problem of a row is reported,
// in Chinese with English alongside, so a file with errors can be refused whole with a complete list.
import { parseYuan, type Fen } from '../money.ts';
import type { Bilingual } from '../result.ts';

/** The ledger's fields, in template order, with the Chinese column header of each. */
export const LEDGER_FIELDS = [
  'payDate',
  'projectCode',
  'projectName',
  'economicClass',
  'amount',
  'summary',
  'voucherNo',
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

export const LEDGER_HEADERS: Readonly<Record<LedgerField, string>> = {
  payDate: '支付日期',
  projectCode: '项目编码',
  projectName: '项目名称',
  economicClass: '经济分类科目',
  amount: '金额(元)',
  summary: '摘要',
  voucherNo: '凭证号',
};

/** Fields a file must have a column for (项目名称 and 摘要 may be absent). */
export const LEDGER_REQUIRED_COLUMNS: readonly LedgerField[] = [
  'payDate',
  'projectCode',
  'economicClass',
  'amount',
  'voucherNo',
];

/** A problem with one cell (or a whole row when column is ''), located by its row number in the file. */
export interface RowError {
  /** 1-based row number as the user sees it in Excel (the header is row 1). */
  row: number;
  /** The column header ('' for the whole row). */
  column: string;
  /** The cell as read (truncated to 100 characters). */
  value: string;
  code: RowErrorCode;
  message: string;
  messageEn: string;
}

export type RowErrorCode =
  | 'REQUIRED'
  | 'BAD_DATE'
  | 'DATE_OUTSIDE_YEAR'
  | 'UNKNOWN_PROJECT'
  | 'BAD_AMOUNT'
  | 'ZERO_AMOUNT'
  | 'BAD_ECONOMIC_CLASS'
  | 'BAD_MONTH'
  | 'BAD_VALUE'
  | 'BAD_KIND'
  | 'UNKNOWN_INDICATOR'
  | 'AMBIGUOUS_INDICATOR'
  | 'NAME_MISMATCH'
  | 'DUPLICATE_INITIAL'
  | 'BAD_ENCODING'
  | 'TOO_LONG'
  | 'DUPLICATE_CODE'
  | 'UNKNOWN_PARENT'
  | 'UNKNOWN_UNIT'
  | 'MONEY_UNIT_MISSING'
  | 'SUM_MISMATCH'
  | 'BAD_LEVEL'
  | 'TARGET_MISSING'
  | 'GOAL_SET_LOCKED';

export function rowError(
  row: number,
  column: string,
  value: string,
  code: RowErrorCode,
  msg: Bilingual,
): RowError {
  return {
    row,
    column,
    value: value.length > 100 ? `${value.slice(0, 100)}…` : value,
    code,
    message: msg.zh,
    messageEn: msg.en,
  };
}

export interface LedgerRow {
  payDate: string;
  month: number;
  projectCode: string;
  economicClass: string;
  amountFen: Fen;
  summary: string;
  voucherNo: string;
}

export interface LedgerRowContext {
  fiscalYear: number;
  /** Project codes of the department and year. */
  projectCodes: ReadonlySet<string>;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASH_DATE = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const CN_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const EXCEL_SERIAL = /^\d{5}$/;
const ECONOMIC_CLASS = /^\d{3,7}(\s|$|[\u4e00-\u9fff（(])/;
const MAX_TEXT = 500;

/** Accepts 2023-06-30, 2023/6/30, 2023.6.30, 2023年6月30日, 20230630 and Excel day serials; returns YYYY-MM-DD or null. */
export function parseLedgerDate(input: string): string | null {
  const s = input.trim();
  const m = ISO_DATE.exec(s) ?? SLASH_DATE.exec(s) ?? CN_DATE.exec(s) ?? COMPACT_DATE.exec(s);
  if (!m && EXCEL_SERIAL.test(s)) {
    // Excel's day 1 is 1900-01-01 with the 1900 leap-year bug: serial 0 = 1899-12-30 for serials > 60.
    const n = Number(s);
    if (n > 60 && n < 80000) {
      const dt = new Date(Date.UTC(1899, 11, 30) + n * 86_400_000);
      return dt.toISOString().slice(0, 10);
    }
    return null;
  }
  if (!m) {
    return null;
  }
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    return null;
  }
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return (
    [
      31,
      y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
      31,
      30,
      31,
      30,
      31,
      31,
      30,
      31,
      30,
      31,
    ][m - 1] ?? 0
  );
}

/** Checks one row; returns the parsed row or every problem found in it. */
export function validateLedgerRow(
  cells: Readonly<Partial<Record<LedgerField, string>>>,
  rowNumber: number,
  ctx: LedgerRowContext,
): { ok: true; row: LedgerRow } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const cell = (f: LedgerField): string => (cells[f] ?? '').trim();
  const header = (f: LedgerField): string => LEDGER_HEADERS[f];

  const dateText = cell('payDate');
  let payDate: string | null = null;
  if (dateText === '') {
    errors.push(
      rowError(rowNumber, header('payDate'), dateText, 'REQUIRED', {
        zh: '支付日期不能为空',
        en: 'payment date is missing',
      }),
    );
  } else {
    payDate = parseLedgerDate(dateText);
    if (payDate === null) {
      errors.push(
        rowError(rowNumber, header('payDate'), dateText, 'BAD_DATE', {
          zh: '日期无法识别，应为 YYYY-MM-DD（如 2023-06-30）',
          en: 'not a valid date; use YYYY-MM-DD (e.g. 2023-06-30)',
        }),
      );
    } else if (Number(payDate.slice(0, 4)) !== ctx.fiscalYear) {
      errors.push(
        rowError(rowNumber, header('payDate'), dateText, 'DATE_OUTSIDE_YEAR', {
          zh: `日期不在 ${ctx.fiscalYear} 预算年度内`,
          en: `date is outside fiscal year ${ctx.fiscalYear}`,
        }),
      );
      payDate = null;
    }
  }

  const projectCode = cell('projectCode');
  if (projectCode === '') {
    errors.push(
      rowError(rowNumber, header('projectCode'), projectCode, 'REQUIRED', {
        zh: '项目编码不能为空',
        en: 'project code is missing',
      }),
    );
  } else if (!ctx.projectCodes.has(projectCode)) {
    errors.push(
      rowError(rowNumber, header('projectCode'), projectCode, 'UNKNOWN_PROJECT', {
        zh: `项目编码不存在：本部门 ${ctx.fiscalYear} 年度没有该项目（请先导入项目预算）`,
        en: `unknown project code for this department in ${ctx.fiscalYear} (import the budget first)`,
      }),
    );
  }

  const economicClass = cell('economicClass');
  if (economicClass === '') {
    errors.push(
      rowError(rowNumber, header('economicClass'), economicClass, 'REQUIRED', {
        zh: '经济分类科目不能为空',
        en: 'economic class is missing',
      }),
    );
  } else if (!ECONOMIC_CLASS.test(economicClass)) {
    errors.push(
      rowError(rowNumber, header('economicClass'), economicClass, 'BAD_ECONOMIC_CLASS', {
        zh: '经济分类科目应以科目编码开头，如「30201 办公费」',
        en: 'economic class must start with its code, e.g. "30201 办公费"',
      }),
    );
  }

  const amountText = cell('amount');
  let amountFen: Fen | null = null;
  if (amountText === '') {
    errors.push(
      rowError(rowNumber, header('amount'), amountText, 'REQUIRED', {
        zh: '金额不能为空',
        en: 'amount is missing',
      }),
    );
  } else {
    amountFen = parseYuan(amountText);
    if (amountFen === null) {
      errors.push(
        rowError(rowNumber, header('amount'), amountText, 'BAD_AMOUNT', {
          zh: '金额应为以元为单位、最多两位小数的数字（如 1234.56）',
          en: 'amount must be in 元 with at most 2 decimals (e.g. 1234.56)',
        }),
      );
    } else if (amountFen === 0) {
      errors.push(
        rowError(rowNumber, header('amount'), amountText, 'ZERO_AMOUNT', {
          zh: '金额不能为 0',
          en: 'amount must not be 0',
        }),
      );
      amountFen = null;
    }
  }

  const voucherNo = cell('voucherNo');
  if (voucherNo === '') {
    errors.push(
      rowError(rowNumber, header('voucherNo'), voucherNo, 'REQUIRED', {
        zh: '凭证号不能为空',
        en: 'voucher number is missing',
      }),
    );
  }
  const summary = cell('summary');
  for (const [f, v] of [
    ['summary', summary],
    ['voucherNo', voucherNo],
    ['economicClass', economicClass],
  ] as const) {
    if (v.length > MAX_TEXT) {
      errors.push(
        rowError(rowNumber, header(f), v, 'TOO_LONG', {
          zh: `内容过长（不超过 ${MAX_TEXT} 字）`,
          en: `too long (at most ${MAX_TEXT} characters)`,
        }),
      );
    }
  }

  if (errors.length > 0 || payDate === null || amountFen === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    row: {
      payDate,
      month: Number(payDate.slice(5, 7)),
      projectCode,
      economicClass,
      amountFen,
      summary,
      voucherNo,
    },
  };
}

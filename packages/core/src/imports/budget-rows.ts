// One row of a budget file checked cell by cell (every problem of the row reported): a template line (年初 or
// 调整) or an 一体化 project row (年初批复数 + 调整金额 + 调剂金额, which must equal 变动后预算数 when given).
import { parseLedgerDate, rowError, type RowError } from '../ledger/ledger-row.ts';
import type { Fen } from '../money.ts';
import { BUDGET_FILE_HEADERS, type BudgetField } from './budget-columns.ts';
import {
  parseBudgetLineKind,
  parseExpenditureType,
  parseFundSource,
  type BudgetLineKind,
  type ExpenditureTypeCode,
  type FundSourceCode,
} from './budget-words.ts';
import { MONEY_UNIT_TEXT, parseMoney, type MoneyUnit } from './money-column.ts';

export interface BudgetLineIn {
  kind: BudgetLineKind;
  amountFen: Fen;
  date: string | null;
  documentNo: string | null;
  reason: string | null;
}

/** A row as the import uses it: the project it names and its budget lines. */
export interface BudgetRowIn {
  row: number;
  unitCode: string;
  unitName: string;
  projectCode: string;
  projectName: string;
  /** 一级项目 (code or name): the row is then a 二级项目. */
  parentProject: string;
  expenditureType: ExpenditureTypeCode | null;
  fundSource: FundSourceCode | null;
  lines: BudgetLineIn[];
}

export interface BudgetRowContext {
  year: number;
  layout: 'lines' | 'annual';
  /** The unit of each money column present (from its header or the user). */
  units: Readonly<Partial<Record<BudgetField, MoneyUnit>>>;
}

type Cells = Readonly<Partial<Record<BudgetField, string>>>;

function money(
  row: number,
  f: BudgetField,
  c: Cells,
  ctx: BudgetRowContext,
  errors: RowError[],
): Fen | null {
  const text = (c[f] ?? '').trim();
  const unit = ctx.units[f] ?? 'yuan';
  const v = text === '' ? null : parseMoney(text, unit);
  if (v === null) {
    errors.push(
      rowError(row, BUDGET_FILE_HEADERS[f], text, text === '' ? 'REQUIRED' : 'BAD_AMOUNT', {
        zh: `金额应为以${MONEY_UNIT_TEXT[unit]}为单位的数字（${unit === 'yuan' ? '最多两位小数' : '最多六位小数'}）`,
        en: `amount must be a number in ${unit === 'yuan' ? 'yuan (≤ 2 decimals)' : '10,000 yuan (≤ 6 decimals)'}`,
      }),
    );
  }
  return v;
}

function optionalMoney(
  row: number,
  f: BudgetField,
  c: Cells,
  ctx: BudgetRowContext,
  errors: RowError[],
): Fen | null {
  return (c[f] ?? '').trim() === '' ? (0 as Fen) : money(row, f, c, ctx, errors);
}

function parseDate(row: number, text: string, year: number, errors: RowError[]): string | null {
  if (text === '') {
    return null;
  }
  const date = parseLedgerDate(text);
  if (date === null) {
    errors.push(
      rowError(row, BUDGET_FILE_HEADERS.date, text, 'BAD_DATE', {
        zh: '日期无法识别，应为 YYYY-MM-DD',
        en: 'not a valid date (YYYY-MM-DD)',
      }),
    );
  } else if (Number(date.slice(0, 4)) > year || Number(date.slice(0, 4)) < year - 1) {
    errors.push(
      rowError(row, BUDGET_FILE_HEADERS.date, text, 'DATE_OUTSIDE_YEAR', {
        zh: `日期应在 ${year} 预算年度内（年初预算可为上年末批复）`,
        en: `date must fall in fiscal year ${year} (or the end of the previous year)`,
      }),
    );
  }
  return date;
}

function templateLine(row: number, c: Cells, ctx: BudgetRowContext, errors: RowError[]) {
  const cell = (f: BudgetField) => (c[f] ?? '').trim();
  const kind = parseBudgetLineKind(cell('kind'));
  if (!kind) {
    errors.push(
      rowError(row, BUDGET_FILE_HEADERS.kind, cell('kind'), 'BAD_KIND', {
        zh: '类型应为「年初」或「调整」',
        en: 'type must be 年初 (initial) or 调整 (adjustment)',
      }),
    );
  }
  const amountFen = money(row, 'amount', c, ctx, errors);
  const bad = (code: 'BAD_AMOUNT' | 'ZERO_AMOUNT', zh: string, en: string) =>
    errors.push(rowError(row, BUDGET_FILE_HEADERS.amount, cell('amount'), code, { zh, en }));
  if (amountFen !== null && kind === 'initial' && amountFen < 0) {
    bad('BAD_AMOUNT', '年初预算不能为负数', 'an initial budget cannot be negative');
  } else if (amountFen !== null && kind === 'adjustment' && amountFen === 0) {
    bad('ZERO_AMOUNT', '调整金额不能为 0', 'an adjustment cannot be 0');
  }
  const date = parseDate(row, cell('date'), ctx.year, errors);
  if (kind === 'adjustment' && cell('date') === '') {
    errors.push(
      rowError(row, BUDGET_FILE_HEADERS.date, '', 'REQUIRED', {
        zh: '预算调整须填写调整日期',
        en: 'an adjustment needs its date',
      }),
    );
  }
  if (kind === 'adjustment' && cell('reason') === '') {
    errors.push(
      rowError(row, BUDGET_FILE_HEADERS.reason, '', 'REQUIRED', {
        zh: '预算调整须说明原因',
        en: 'an adjustment needs its reason',
      }),
    );
  }
  if (!kind || amountFen === null) {
    return [];
  }
  const text = (f: BudgetField) => cell(f) || null;
  return [{ kind, amountFen, date, documentNo: text('documentNo'), reason: text('reason') }];
}

function annualLines(row: number, c: Cells, ctx: BudgetRowContext, errors: RowError[]) {
  const cell = (f: BudgetField) => (c[f] ?? '').trim();
  const initial = money(row, 'initial', c, ctx, errors);
  const adjustment = optionalMoney(row, 'adjustment', c, ctx, errors);
  const transfer = optionalMoney(row, 'transfer', c, ctx, errors);
  if (initial !== null && initial < 0) {
    errors.push(
      rowError(row, BUDGET_FILE_HEADERS.initial, cell('initial'), 'BAD_AMOUNT', {
        zh: '年初批复数不能为负数',
        en: 'the initial budget cannot be negative',
      }),
    );
  }
  const date = parseDate(row, cell('date'), ctx.year, errors);
  if (initial === null || adjustment === null || transfer === null) {
    return [];
  }
  const change = (adjustment + transfer) as Fen;
  if (cell('final') !== '') {
    const final = money(row, 'final', c, ctx, errors);
    if (final !== null && final !== initial + change) {
      errors.push(
        rowError(row, BUDGET_FILE_HEADERS.final, cell('final'), 'SUM_MISMATCH', {
          zh: '变动后预算数不等于年初批复数 + 调整金额（+ 调剂金额）',
          en: 'the final budget is not initial + adjustment (+ transfer)',
        }),
      );
    }
  }
  const text = (f: BudgetField) => cell(f) || null;
  const lines: BudgetLineIn[] = [
    { kind: 'initial', amountFen: initial, date: null, documentNo: null, reason: null },
  ];
  if (change !== 0) {
    lines.push({
      kind: 'adjustment',
      amountFen: change,
      date,
      documentNo: text('documentNo'),
      reason: text('reason'),
    });
  }
  return lines;
}

function classification(row: number, c: Cells, errors: RowError[]) {
  const cell = (f: BudgetField) => (c[f] ?? '').trim();
  const et = cell('expenditureType') || cell('category');
  const expenditureType = et === '' ? null : parseExpenditureType(et);
  if (cell('expenditureType') !== '' && expenditureType === null) {
    errors.push(
      rowError(row, BUDGET_FILE_HEADERS.expenditureType, et, 'BAD_VALUE', {
        zh: '支出类型应为「基本支出」或「项目支出」（人员类、运转类计为基本支出）',
        en: 'expenditure type must be 基本支出 or 项目支出',
      }),
    );
  }
  const fs = cell('fundSource');
  const fundSource = fs === '' ? null : parseFundSource(fs);
  if (fs !== '' && fundSource === null) {
    errors.push(
      rowError(row, BUDGET_FILE_HEADERS.fundSource, fs, 'BAD_VALUE', {
        zh: '资金来源应为 一般公共预算/政府性基金预算/国有资本经营预算/财政专户/其他',
        en: 'unknown fund source',
      }),
    );
  }
  return { expenditureType, fundSource };
}

/** The row's project and lines, or every problem of the row. */
export function checkBudgetRow(
  row: number,
  c: Cells,
  ctx: BudgetRowContext,
): { ok: true; row: BudgetRowIn } | { ok: false; errors: RowError[] } {
  const cell = (f: BudgetField) => (c[f] ?? '').trim();
  const errors: RowError[] = [];
  if (cell('projectCode') === '') {
    errors.push(
      rowError(row, BUDGET_FILE_HEADERS.projectCode, '', 'REQUIRED', {
        zh: '项目编码不能为空',
        en: 'project code is missing',
      }),
    );
  }
  const lines =
    ctx.layout === 'lines' ? templateLine(row, c, ctx, errors) : annualLines(row, c, ctx, errors);
  const { expenditureType, fundSource } = classification(row, c, errors);
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    row: {
      row,
      unitCode: cell('unitCode'),
      unitName: cell('unitName'),
      projectCode: cell('projectCode'),
      projectName: cell('projectName'),
      parentProject: cell('parentProject'),
      expenditureType,
      fundSource,
      lines,
    },
  };
}

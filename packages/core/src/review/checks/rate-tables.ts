// Rates in tables: a 执行率 cell refers to the 预算数 and 执行数 cells of its row (headers name the columns).
import Big from 'big.js';
import { d } from '../../decimal.ts';
import { findQuantities, type Quantity } from '../numbers.ts';
import type { Paragraph, ReviewDocument } from '../review-document.ts';

/** A printed rate and the two amounts it is computed from (prose and tables alike). */
export interface RateClaim {
  name: string;
  percent: Quantity;
  /** Offsets of the words the rate is computed from (numerator first). */
  numerator: Quantity;
  denominator: Quantity;
  numeratorValue: Big;
  denominatorValue: Big;
  excerptStart: number;
  /** A completion rate may be capped at 100% once the target is reached. */
  cappedAt100: boolean;
}

interface Columns {
  budget: number;
  executed: number;
  rate: number;
  /** 到位率: the executed column holds the funds received. */
  name: string;
}

const RATE_HEADER_RE = /执行率|支付率|使用率|到位率|支出进度|完成率|支出率/;
const BUDGET_HEADER_RE = /预算|资金总额|下达|批复|安排|计划/;
const EXECUTED_HEADER_RE = /执行|支出|支付|使用|决算|拨付/;
const ARRIVED_HEADER_RE = /到位|到账/;

/** Cut a tab-separated row into cells with their offsets in the text. */
function cells(p: Paragraph): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let at = p.start;
  for (const c of p.text.split('\t')) {
    out.push({ text: c, start: at });
    at += c.length + 1;
  }
  return out;
}

/** The columns of a header row, or null when it is not the header of a money-rate table. */
function headerColumns(row: readonly string[]): Columns | null {
  const rate = row.findIndex((c) => RATE_HEADER_RE.test(c));
  if (rate < 0) {
    return null;
  }
  const name = RATE_HEADER_RE.exec(row[rate] ?? '')?.[0] ?? '执行率';
  const arrivedRate = name === '到位率';
  const budgetCols = row.flatMap((c, i) =>
    i !== rate && BUDGET_HEADER_RE.test(c) && !(arrivedRate && ARRIVED_HEADER_RE.test(c))
      ? [i]
      : [],
  );
  // With 年初 and 全年/调整后 columns, the full-year one counts.
  const budget =
    budgetCols.find((i) => /全年|调整后|变动后/.test(row[i] ?? '')) ??
    budgetCols.find((i) => !/年初/.test(row[i] ?? '')) ??
    budgetCols[0];
  const executed = row.findIndex(
    (c, i) =>
      i !== rate &&
      i !== budget &&
      (arrivedRate
        ? ARRIVED_HEADER_RE.test(c)
        : EXECUTED_HEADER_RE.test(c) && !BUDGET_HEADER_RE.test(c)),
  );
  return budget === undefined || executed < 0 ? null : { budget, executed, rate, name };
}

/** One number in a cell ("1,200.00", "1200.00万元"); null for a cell holding anything else. */
function cellNumber(text: string, base: number): Quantity | null {
  const qs = findQuantities(text.trim());
  const q = qs[0];
  if (qs.length !== 1 || q === undefined) {
    return null;
  }
  const lead = text.length - text.trimStart().length;
  return { ...q, start: q.start + base + lead, end: q.end + base + lead };
}

/** Scale of a cell's unit against the other's: both 万元, both bare, or mixed units converted. */
function scaled(q: Quantity): Big {
  const scale: Readonly<Record<string, number>> = {
    元: 1,
    千元: 1000,
    万元: 10000,
    亿元: 1e8,
    '': 1,
  };
  return d(q.value).times(scale[q.unit] ?? 1);
}

function rowClaim(p: Paragraph, cols: Columns): RateClaim | null {
  const row = cells(p);
  const at = (i: number): Quantity | null =>
    row[i] === undefined ? null : cellNumber(row[i]!.text, row[i]!.start);
  const budget = at(cols.budget);
  const executed = at(cols.executed);
  const percent = at(cols.rate);
  if (budget === null || executed === null || percent === null || percent.unit !== '%') {
    return null;
  }
  if (
    budget.unit === '%' ||
    executed.unit === '%' ||
    (budget.unit === '') !== (executed.unit === '')
  ) {
    return null;
  }
  const denominatorValue = scaled(budget);
  if (denominatorValue.eq(0)) {
    return null;
  }
  return {
    name: cols.name,
    percent,
    numerator: executed,
    denominator: budget,
    numeratorValue: scaled(executed),
    denominatorValue,
    excerptStart: p.start,
    cappedAt100: false,
  };
}

/** Every rate cell of a table whose header names the budget, executed and rate columns. */
export function tableClaims(doc: ReviewDocument): RateClaim[] {
  const out: RateClaim[] = [];
  let cols: Columns | null = null;
  for (const p of doc.paragraphs) {
    if (!p.text.includes('\t')) {
      // A table ends at the first paragraph that is not a row (a one-line note under it keeps it open).
      cols = p.text.length > 40 ? null : cols;
      continue;
    }
    const header = headerColumns(p.text.split('\t'));
    if (header !== null && !/\d/.test(p.text.replace(/[（(][^）)]*[）)]/g, ''))) {
      cols = header;
      continue;
    }
    const claim = cols === null ? null : rowClaim(p, cols);
    if (claim !== null) {
      out.push(claim);
    }
  }
  return out;
}

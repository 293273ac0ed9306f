// Formatting and figure helpers shared by the report templates and the self-evaluation tables.
import { d, dSum, formatPercent, percentOf, toFixed2 } from '../decimal.ts';
import { formatWan, type Fen } from '../money.ts';
import { figure, text, type FigureRun, type Run } from './document-model.ts';
import type {
  DepartmentReportData,
  ReportBudgetBlock,
  ReportIndicator,
  SourceRef,
} from './report-data.ts';

/** Marker printed after illustrative (示例数据) values. */
export const ILLUSTRATIVE_MARK = '※';
/** Marker printed after a target changed by an approved change request. */
export const TARGET_CHANGE_MARK = '△';

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (1–99). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) {
    throw new RangeError(`chineseNumber: ${n}`);
  }
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const t = tens === 0 ? '' : tens === 1 ? '十' : `${CN_DIGITS[tens] ?? ''}十`;
  return t + (ones === 0 ? '' : (CN_DIGITS[ones] ?? ''));
}

/** "36,628.61万元" as a figure. */
export function moneyFigure(f: Fen, source: SourceRef): FigureRun {
  return figure(`${formatWan(f)}万元`, source);
}

/** 执行率 of a budget block as "95.34%": the scoring engine's rate when present, else executed / adjusted. */
export function executionRateText(b: ReportBudgetBlock): string {
  if (b.rate !== null) {
    return `${toFixed2(d(b.rate))}%`;
  }
  return formatPercent(percentOf(d(b.executed), d(b.adjustedBudget)));
}

/** a / b as "96.37%" ("—" when b is 0). */
export function ratioText(a: Fen | number, b: Fen | number): string {
  return formatPercent(percentOf(d(a), d(b)));
}

/** "2023-09-15" → "2023年9月15日" (other strings unchanged). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) {
    return iso;
  }
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

function isQualitative(ind: ReportIndicator): boolean {
  return ind.operator === '定性';
}

/** 年度指标值 as printed: "≥300个", "＝100%", or the free text of a 定性 target. */
export function formatTargetValue(
  operator: ReportIndicator['operator'],
  target: string,
  unit: string,
): string {
  return operator === '定性' ? target : `${operator}${target}${unit}`;
}

export function formatTarget(ind: ReportIndicator): string {
  return formatTargetValue(ind.operator, ind.target, ind.unit);
}

/** 实际完成值 as printed: "336个", "达成年度指标", "—" when missing. */
export function formatActual(ind: ReportIndicator): string {
  if (ind.actual === null) {
    return '—';
  }
  return isQualitative(ind) ? ind.actual : `${ind.actual}${ind.unit}`;
}

/** The indicator reached its 年度指标值 (定性: 达成年度指标). */
export function isIndicatorMet(ind: ReportIndicator): boolean {
  if (ind.actual === null) {
    return false;
  }
  if (ind.operator === '定性') {
    return ind.actual === '达成年度指标' || ind.actual === 'ACHIEVED';
  }
  const a = d(ind.actual);
  const t = d(ind.target);
  switch (ind.operator) {
    case '≥':
      return a.gte(t);
    case '＞':
      return a.gt(t);
    case '＝':
      return a.gte(t);
    case '≤':
      return a.lte(t);
    case '＜':
      return a.lt(t);
  }
}

/** 完成率 (actual / target) for "more is better" counts; null for %, 个百分点, 定性 and reverse indicators. */
export function completionRateText(ind: ReportIndicator): string | null {
  if (ind.actual === null || (ind.operator !== '≥' && ind.operator !== '＞')) {
    return null;
  }
  if (ind.unit === '%' || ind.unit === '个百分点' || d(ind.target).eq(0)) {
    return null;
  }
  return formatPercent(percentOf(d(ind.actual), d(ind.target)));
}

export interface Level1Group {
  level1: string;
  indicators: ReportIndicator[];
  weight: string;
  /** Sum of the indicator scores, or null when any is missing. */
  score: string | null;
}

/** Indicators grouped by 一级指标 in order of first appearance, with weight and score subtotals. */
export function groupByLevel1(indicators: readonly ReportIndicator[]): Level1Group[] {
  const order: string[] = [];
  const by = new Map<string, ReportIndicator[]>();
  for (const ind of indicators) {
    const list = by.get(ind.level1);
    if (list === undefined) {
      by.set(ind.level1, [ind]);
      order.push(ind.level1);
    } else {
      list.push(ind);
    }
  }
  return order.map((level1) => {
    const list = by.get(level1) ?? [];
    const scores = list.map((i) => i.score);
    const allScored = scores.every((s) => s !== null);
    return {
      level1,
      indicators: list,
      weight: toFixed2(dSum(list.map((i) => d(i.weight)))),
      score: allScored ? toFixed2(dSum(scores.map((s) => d(s ?? '0')))) : null,
    };
  });
}

// ---------- linking numbers in free text to their records ----------

/** Printed figure (e.g. "336个", "76.27万元") → the records that print exactly that. */
export type FigureIndex = Map<string, SourceRef[]>;

function addToIndex(index: FigureIndex, key: string, source: SourceRef): void {
  const list = index.get(key);
  if (list === undefined) {
    index.set(key, [source]);
  } else if (!list.some((s) => s.table === source.table && s.id === source.id)) {
    list.push(source);
  }
}

/** All figures the data can print, so numbers a clerk typed can point at the record that holds them. */
export function buildFigureIndex(data: DepartmentReportData): FigureIndex {
  const index: FigureIndex = new Map();
  const addBlock = (b: ReportBudgetBlock): void => {
    for (const f of [b.initialBudget, b.adjustedBudget, b.executed]) {
      addToIndex(index, `${formatWan(f)}万元`, b.source);
    }
    addToIndex(index, executionRateText(b), b.source);
  };
  const addIndicators = (list: readonly ReportIndicator[]): void => {
    for (const ind of list) {
      if (ind.operator === '定性') {
        continue;
      }
      if (ind.actual !== null) {
        addToIndex(index, `${ind.actual}${ind.unit}`, ind.source);
      }
      addToIndex(index, `${ind.target}${ind.unit}`, ind.source);
    }
  };
  addBlock(data.budget);
  addIndicators(data.departmentIndicators);
  for (const p of data.projects) {
    addBlock(p.budget);
    addIndicators(p.indicators);
  }
  addToIndex(index, `${formatWan(data.carryover)}万元`, {
    table: 'budgets',
    id: data.budget.source.id,
    note: '结转结余',
  });
  return index;
}

const UNITS = [
  '万元/场',
  '万元/家',
  '万元/个',
  '个百分点',
  '万元',
  '万家',
  '%',
  '个',
  '家',
  '场',
  '项',
  '人',
  '名',
  '份',
  '次',
  '分',
];
const NUMBER_RE = /\d+(?:,\d{3})*(?:\.\d+)?/g;

/**
 * Split free text into text and figure runs. A number followed by a unit (or matching a known figure) becomes a
 * figure pointing at the record that prints the same value when exactly one does, else at `fallback`.
 * Bare numbers such as years and dates stay text.
 */
export function linkFigures(s: string, index: FigureIndex, fallback: SourceRef): Run[] {
  const runs: Run[] = [];
  let last = 0;
  for (const m of s.matchAll(NUMBER_RE)) {
    const start = m.index;
    const num = m[0];
    const rest = s.slice(start + num.length);
    const unit = UNITS.find((u) => rest.startsWith(u)) ?? '';
    const printed = num + unit;
    const sources = index.get(printed);
    if (unit === '' && sources === undefined) {
      continue;
    }
    if (start > last) {
      runs.push(text(s.slice(last, start)));
    }
    const source =
      sources !== undefined && sources.length === 1 && sources[0] !== undefined
        ? sources[0]
        : fallback;
    runs.push(figure(printed, source));
    last = start + printed.length;
  }
  if (last < s.length) {
    runs.push(text(s.slice(last)));
  }
  return runs;
}

/** Remove one trailing sentence mark so templates can add their own. */
export function trimEnd(s: string): string {
  return s.trim().replace(/[。；;，,.\s]+$/u, '');
}

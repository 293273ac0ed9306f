// Numbers as Chinese reports print them: 36,628.61万元, 36,628.61 万元, 1.8万家, 95.34%, 2.3个百分点, 336个.
import type Big from 'big.js';
import { d } from '../decimal.ts';

export type ComparisonOperator = '≥' | '≤' | '>' | '<' | '=';

/** One number with its unit, found in a text. Offsets are into the searched text. */
export interface Quantity {
  /** [start, end) covers the number and its unit as printed. */
  start: number;
  end: number;
  raw: string;
  /** The number without separators or spaces: "36628.61". */
  value: string;
  /** Decimals as printed: "95%" → 0, "95.34%" → 2. */
  decimals: number;
  /** The unit, normalised: ％ → %, 百分点 → 个百分点; '' when none. */
  unit: string;
  /** A comparison printed just before the number (≥300个, 不少于300个), else null. */
  operator: ComparisonOperator | null;
}

// Longest first, so 万元 wins over 万 and 个百分点 over 个.
const UNITS = [
  '个百分点',
  '万平方米',
  '万人次',
  '百分点',
  '平方米',
  '万元',
  '亿元',
  '千元',
  '万家',
  '万户',
  '万人',
  '万个',
  '万件',
  '人次',
  '家次',
  '户次',
  '公里',
  '%',
  '％',
  '‰',
  '元',
  '个',
  '家',
  '项',
  '次',
  '场',
  '户',
  '人',
  '件',
  '条',
  '篇',
  '批',
  '所',
  '名',
  '套',
  '台',
  '张',
  '部',
  '册',
  '天',
  '日',
  '年',
  '月',
  '分',
  '倍',
  '万',
  '亿',
] as const;

/** 分 is a unit (93.52分) unless it starts a word: 分别, 分析, 分配, 分值 … */
const FEN_WORD_NEXT = /^[别析配之钟类解散批享工布值管局项数期区摊担成为拨]/;

const NUMBER_RE = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d])/g;

const OPERATOR_PHRASES: readonly [RegExp, ComparisonOperator][] = [
  [/(?:≥|≧|>=|＞=|大于等于|大于或等于|不少于|不低于|不小于)\s*$/, '≥'],
  [/(?:≤|≦|<=|＜=|小于等于|小于或等于|不超过|不高于|不大于)\s*$/, '≤'],
  [/(?:>|＞|大于|高于|超过)\s*$/, '>'],
  [/(?:<|＜|小于|低于)\s*$/, '<'],
  [/(?:=|＝|等于)\s*$/, '='],
];

function unitAt(text: string, pos: number): { unit: string; length: number } {
  let p = pos;
  if (text[p] === ' ') {
    p += 1;
  }
  for (const u of UNITS) {
    if (text.startsWith(u, p)) {
      if (u === '分' && FEN_WORD_NEXT.test(text.slice(p + 1, p + 2))) {
        continue;
      }
      const unit = u === '％' ? '%' : u === '百分点' ? '个百分点' : u;
      return { unit, length: p - pos + u.length };
    }
  }
  return { unit: '', length: 0 };
}

function operatorBefore(text: string, start: number): ComparisonOperator | null {
  const before = text.slice(Math.max(0, start - 8), start);
  for (const [re, op] of OPERATOR_PHRASES) {
    if (re.test(before)) {
      return op;
    }
  }
  return null;
}

/** Every number in `text` with its unit, in order. */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const start = m.index;
    const intPart = (m[1] ?? '').replace(/,/g, '');
    const frac = m[2] ?? '';
    const numEnd = start + m[0].length;
    const { unit, length } = unitAt(text, numEnd);
    const end = numEnd + length;
    out.push({
      start,
      end,
      raw: text.slice(start, end),
      value: frac === '' ? intPart : `${intPart}.${frac}`,
      decimals: frac.length,
      unit,
      operator: operatorBefore(text, start),
    });
  }
  return out;
}

/** Parse one printed quantity such as "36,628.61 万元" or "95%"; null when it is not exactly one. */
export function parseQuantity(s: string): Quantity | null {
  const t = s.trim();
  const qs = findQuantities(t);
  const q = qs[0];
  if (qs.length !== 1 || q === undefined || q.end !== t.length) {
    return null;
  }
  const head = t.slice(0, q.start).replace(/(?:≥|≧|>=|≤|≦|<=|>|＞|<|＜|=|＝|\s)+$/, '');
  return head === '' ? q : null;
}

const MONEY_SCALE: Readonly<Record<string, string>> = {
  元: '1',
  千元: '1000',
  万元: '10000',
  亿元: '100000000',
};

/** True for 元, 千元, 万元, 亿元. */
export function isMoney(q: Quantity): boolean {
  return MONEY_SCALE[q.unit] !== undefined;
}

/** A money quantity in 元, exactly; null when it is not money. */
export function toYuan(q: Quantity): Big | null {
  const scale = MONEY_SCALE[q.unit];
  return scale === undefined ? null : d(q.value).times(scale);
}

/** The quantity as a decimal. */
export function quantityValue(q: Quantity): Big {
  return d(q.value);
}

/** Units of dates, never figures: 2023年, 12月, 31日. */
export function isDate(q: Quantity): boolean {
  return q.unit === '年' || q.unit === '月' || q.unit === '日';
}

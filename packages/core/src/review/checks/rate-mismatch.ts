// RATE_MISMATCH / RATE_PRECISION: a printed rate against the amounts printed with it.
import Big from 'big.js';
import { toFixed2 } from '../../decimal.ts';
import { moneyFacts, type MoneyFact } from '../money-facts.ts';
import { quantityValue, toYuan, type Quantity } from '../numbers.ts';
import { tableClaims, type RateClaim } from './rate-tables.ts';
import {
  labelBefore,
  quantitiesIn,
  quantityAt,
  type ReviewDocument,
  type Sentence,
} from '../review-document.ts';
import { makeFinding, type ReviewFinding } from '../types.ts';

const BUDGET_RATE_RE =
  /(预算执行率|资金执行率|执行率|支出进度|支出率|预算完成率|完成预算的?|资金使用率|资金支出率|资金支付率|支付率|使用率|资金到位率|到位率|拨付率|资金完成率|完成率)\s*(?:为|达到?|是|约为|仅为|已达到?)?\s*/g;
const COMPLETION_RATE_RE = /(?<!预算)(完成率|完成比例|达成率|完成程度)\s*(?:为|达到?|是)?\s*/g;

const RATE_NAMES_EN: Readonly<Record<string, string>> = {
  预算执行率: 'budget execution rate',
  资金执行率: 'execution rate',
  执行率: 'execution rate',
  支出进度: 'spending progress',
  支出率: 'spending rate',
  预算完成率: 'budget completion rate',
  完成预算的: 'share of budget completed',
  完成预算: 'share of budget completed',
  资金使用率: 'fund utilisation rate',
  资金支出率: 'spending rate',
  资金支付率: 'payment rate',
  支付率: 'payment rate',
  使用率: 'utilisation rate',
  资金到位率: 'rate of funds received',
  到位率: 'rate of funds received',
  拨付率: 'disbursement rate',
  资金完成率: 'completion rate',
  完成率: 'completion rate',
  完成比例: 'completion rate',
  达成率: 'achievement rate',
  完成程度: 'completion rate',
};

function numberText(q: Quantity): string {
  return q.raw
    .slice(0, q.raw.length - (q.unit === '%' && q.raw.endsWith('％') ? 1 : q.unit.length))
    .trim();
}

function percentAt(doc: ReviewDocument, offset: number): Quantity | undefined {
  return quantityAt(doc, offset, '%');
}

/** The facts (in text order) whose quantity lies inside [start, end). */
function factsIn(facts: readonly MoneyFact[], start: number, end: number): MoneyFact[] {
  let lo = 0;
  let hi = facts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (facts[mid]!.q.start < start) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  const out: MoneyFact[] = [];
  for (let i = lo; i < facts.length && facts[i]!.q.start < end; i += 1) {
    if (facts[i]!.q.end <= end) {
      out.push(facts[i]!);
    }
  }
  return out;
}

/**
 * The rounding contract: a printed rate is right when it differs from the exact rate by at most half a unit of
 * its last printed digit (95% for 95.34%; not 86.19% for 86.18%).
 */
function agrees(exact: Big, printed: Big, dp: number): boolean {
  return exact
    .minus(printed)
    .abs()
    .lte(new Big(5).times(new Big(10).pow(-(dp + 1))));
}

interface MoneyPair {
  numerator: { q: Quantity; yuan: Big; start: number };
  denominator: { q: Quantity; yuan: Big };
}

const last = (fs: readonly MoneyFact[], role: MoneyFact['role']): MoneyFact | undefined =>
  fs.filter((f) => f.role === role).at(-1);

/** The amounts a money rate refers to, among the facts before it (same subject only). */
function moneyPair(name: string, facts: readonly MoneyFact[]): MoneyPair | null {
  const total = last(facts, 'budget') ?? last(facts, 'initial');
  if (/到位/.test(name)) {
    const arrived = last(facts, 'arrived');
    return arrived === undefined || total === undefined || arrived.subjectKey !== total.subjectKey
      ? null
      : pair(arrived, total.q, total.yuan);
  }
  const executed = last(facts, 'executed');
  if (executed === undefined) {
    return null;
  }
  const denominator = total ?? last(facts, 'arrived');
  if (denominator !== undefined) {
    return denominator.subjectKey === executed.subjectKey
      ? pair(executed, denominator.q, denominator.yuan)
      : null;
  }
  // "已支付X万元、未支付Y万元": the total is X + Y.
  const remaining = last(facts, 'remaining');
  return remaining === undefined || remaining.subjectKey !== executed.subjectKey
    ? null
    : pair(executed, remaining.q, executed.yuan.plus(remaining.yuan), true);
}

function pair(num: MoneyFact, q: Quantity, yuan: Big, implied = false): MoneyPair {
  const denominatorQ = implied ? { ...q, raw: `${numberText(num.q)} + ${numberText(q)}` } : q;
  return {
    numerator: { q: num.q, yuan: num.yuan, start: Math.min(num.labelStart, num.q.start) },
    denominator: { q: denominatorQ, yuan },
  };
}

/** The money facts a rate at `at` reads: its segment of the sentence, else the sentence before it. */
function factsFor(
  doc: ReviewDocument,
  sentence: Sentence,
  facts: readonly MoneyFact[],
  segmentStart: number,
  at: number,
): MoneyFact[] {
  const inSegment = factsIn(facts, segmentStart, at);
  if (inSegment.length > 0 || segmentStart !== sentence.start) {
    return inSegment;
  }
  const before = doc.sentences
    .filter((s) => s.paragraph === sentence.paragraph && s.end <= sentence.start)
    .at(-1);
  return before === undefined ? [] : factsIn(facts, before.start, before.end);
}

function budgetClaims(
  doc: ReviewDocument,
  sentence: Sentence,
  facts: readonly MoneyFact[],
): RateClaim[] {
  const out: RateClaim[] = [];
  let segmentStart = sentence.start;
  for (const m of sentence.text.matchAll(BUDGET_RATE_RE)) {
    const at = sentence.start + m.index;
    const percent = percentAt(doc, at + m[0].length);
    if (percent === undefined) {
      continue;
    }
    const name = m[1] ?? '';
    const lastQ = quantitiesIn(doc, segmentStart, at)
      .filter((q) => q.unit !== '')
      .at(-1);
    const p =
      /^完成率$/.test(name) && (lastQ === undefined || toYuan(lastQ) === null)
        ? null // an indicator's 完成率 (target and actual), read by completionClaims
        : moneyPair(name, factsFor(doc, sentence, facts, segmentStart, at));
    segmentStart = percent.end;
    if (p === null || p.denominator.yuan.eq(0)) {
      continue;
    }
    out.push({
      name: m[1] ?? '',
      percent,
      numerator: p.numerator.q,
      denominator: p.denominator.q,
      numeratorValue: p.numerator.yuan,
      denominatorValue: p.denominator.yuan,
      excerptStart: p.numerator.start,
      cappedAt100: false,
    });
  }
  return out;
}

function completionClaims(doc: ReviewDocument, sentence: Sentence): RateClaim[] {
  const out: RateClaim[] = [];
  let segmentStart = sentence.start;
  for (const m of sentence.text.matchAll(COMPLETION_RATE_RE)) {
    const at = sentence.start + m.index;
    const percent = percentAt(doc, at + m[0].length);
    if (percent === undefined) {
      continue;
    }
    const inSegment = quantitiesIn(doc, segmentStart, at).filter((q) => q.unit !== '');
    segmentStart = percent.end;
    const targetIndex = inSegment.findLastIndex(
      (q) => q.operator !== null || /指标值|目标值|目标|计划|任务/.test(labelBefore(doc, q).label),
    );
    const target = inSegment[targetIndex];
    const actual = inSegment
      .slice(targetIndex + 1)
      .filter((q) => {
        const label = labelBefore(doc, q).label;
        return label === '' || /实际|完成|实现|达到|达/.test(label);
      })
      .at(-1);
    if (target === undefined || actual === undefined || target.unit !== actual.unit) {
      continue;
    }
    if (target.operator === '≤' || target.operator === '<' || quantityValue(target).eq(0)) {
      continue;
    }
    out.push({
      name: m[1] ?? '',
      percent,
      numerator: actual,
      denominator: target,
      numeratorValue: quantityValue(actual),
      denominatorValue: quantityValue(target),
      excerptStart: labelBefore(doc, actual).start,
      cappedAt100: true,
    });
  }
  return out;
}

function judge(doc: ReviewDocument, c: RateClaim): ReviewFinding | null {
  const exact = c.numeratorValue.times(100).div(c.denominatorValue);
  const printed = quantityValue(c.percent);
  const dp = c.percent.decimals;
  if (c.cappedAt100 && printed.eq(100) && exact.gte(100)) {
    return null;
  }
  const shown = c.percent.raw.replace(/\s+/g, '').replace('％', '%');
  const exact2 = `${toFixed2(exact)}%`;
  const division = `${numberText(c.numerator)} ÷ ${numberText(c.denominator)}`;
  const nameZh = c.name === '完成预算的' || c.name === '完成预算' ? '完成预算的比例' : c.name;
  const nameEn = RATE_NAMES_EN[c.name] ?? 'rate';
  if (!agrees(exact, printed, dp)) {
    return makeFinding(doc, 'RATE_MISMATCH', c.excerptStart, c.percent.end, {
      zh: `${nameZh}应为 ${exact2}（${division}），报告写作 ${shown}，与金额不符。`,
      en: `The ${nameEn} should be ${exact2} (${division}); the report prints ${shown}, which the amounts do not support.`,
    });
  }
  if (dp < 2 && !exact.round(2, Big.roundHalfUp).eq(printed)) {
    return makeFinding(doc, 'RATE_PRECISION', c.excerptStart, c.percent.end, {
      zh: `${nameZh}应为 ${exact2}（${division}），报告写作 ${shown}。`,
      en: `The ${nameEn} should be ${exact2} (${division}); the report prints ${shown}. Show rates to two decimals.`,
    });
  }
  return null;
}

/** Recompute every printed 执行率 / 支出进度 / 完成预算的 / 完成率 from the amounts beside it. */
export function checkRates(doc: ReviewDocument): ReviewFinding[] {
  const facts = moneyFacts(doc);
  const out: ReviewFinding[] = [];
  for (const sentence of doc.sentences) {
    const money = budgetClaims(doc, sentence, facts);
    const claimed = new Set(money.map((c) => c.percent.start));
    const completion = completionClaims(doc, sentence).filter((c) => !claimed.has(c.percent.start));
    for (const claim of [...money, ...completion]) {
      const f = judge(doc, claim);
      if (f !== null) {
        out.push(f);
      }
    }
  }
  for (const claim of tableClaims(doc)) {
    const f = judge(doc, claim);
    if (f !== null) {
      out.push(f);
    }
  }
  return out;
}

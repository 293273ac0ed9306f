// AMOUNT_INCONSISTENT: the same quantity (全年预算数, 执行数, 一级项目数 …) given different values in different places.
import type Big from 'big.js';
import { moneyFacts, printed, subjectKeyOf, type MoneyRole } from '../money-facts.ts';
import { quantityValue, type Quantity } from '../numbers.ts';
import { labelBefore, lineOf, nounAfter, type ReviewDocument } from '../review-document.ts';
import { makeFinding, type ReviewFinding } from '../types.ts';

interface Mention {
  key: string;
  role: MoneyRole | null;
  name: string;
  q: Quantity;
  value: Big;
  start: number;
}

const ROLE_ZH: Readonly<Record<MoneyRole, string>> = {
  initial: '年初预算数',
  budget: '全年预算数',
  executed: '执行数',
  arrived: '到位资金',
  remaining: '未支付数',
};
const ROLE_EN: Readonly<Record<MoneyRole, string>> = {
  initial: 'initial budget',
  budget: 'full-year budget',
  executed: 'amount executed',
  arrived: 'funds received',
  remaining: 'amount unspent',
};

function moneyMentions(doc: ReviewDocument): Mention[] {
  const out: Mention[] = [];
  for (const f of moneyFacts(doc)) {
    // A single payment or item (支付项目启动资金…, 其中一笔…) is never compared with a total.
    if (f.role === null || f.role === 'remaining' || f.part) {
      continue;
    }
    const label = f.label === '' ? ROLE_ZH[f.role] : f.label;
    const name = label.includes(f.subject) ? label : `${f.subject}${label}`;
    out.push({
      key: `money|${f.subjectKey}|${f.role}`,
      role: f.role,
      name,
      q: f.q,
      value: f.yuan,
      start: f.labelStart,
    });
  }
  return out;
}

/** Counts of projects: "一级项目 2个", "推动 170个项目注册落地". */
function projectCountMentions(doc: ReviewDocument): Mention[] {
  const out: Mention[] = [];
  for (const q of doc.quantities) {
    if ((q.unit !== '个' && q.unit !== '项') || q.operator !== null) {
      continue;
    }
    const { label, start } = labelBefore(doc, q);
    const noun = nounAfter(doc, q);
    if (!/项目/.test(label + noun) || /指标值|目标|计划|实际|完成率|预计|任务/.test(label)) {
      continue;
    }
    const labelKey = subjectKeyOf(label, doc);
    if (labelKey === '' && noun === '') {
      continue;
    }
    out.push({
      key: `count|${labelKey}|${noun}|${q.unit}`,
      role: null,
      name: `${label}…${noun}`.replace(/^…|…$/g, ''),
      q,
      value: quantityValue(q),
      start,
    });
  }
  return out;
}

/** Flag the first later mention that gives a quantity another value. */
export function checkAmountInconsistent(doc: ReviewDocument): ReviewFinding[] {
  const first = new Map<string, Mention>();
  const flagged = new Set<string>();
  const out: ReviewFinding[] = [];
  for (const m of [...moneyMentions(doc), ...projectCountMentions(doc)].sort(
    (a, b) => a.start - b.start,
  )) {
    const earlier = first.get(m.key);
    if (earlier === undefined) {
      first.set(m.key, m);
      continue;
    }
    if (earlier.value.eq(m.value) || flagged.has(m.key)) {
      continue;
    }
    flagged.add(m.key);
    const line = lineOf(doc, earlier.q.start);
    const nameEn = m.role === null ? `“${m.name}”` : `“${m.name}” (${ROLE_EN[m.role]})`;
    out.push(
      makeFinding(doc, 'AMOUNT_INCONSISTENT', m.start, m.q.end, {
        zh: `“${m.name}”在第 ${line} 行为 ${printed(earlier.q)}，此处为 ${printed(m.q)}，前后不一致。`,
        en: `${nameEn} is ${printed(earlier.q)} on line ${line} but ${printed(m.q)} here.`,
      }),
    );
  }
  return out;
}

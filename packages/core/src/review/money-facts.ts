// Money figures with what they are (budget or executed) and whose they are (department or a part).
import type Big from 'big.js';
import { isMoney, toYuan, type Quantity } from './numbers.ts';
import { labelBefore, sentenceAt, type ReviewDocument, type Sentence } from './review-document.ts';

export type MoneyRole = 'initial' | 'budget' | 'executed';

export interface MoneyFact {
  q: Quantity;
  yuan: Big;
  role: MoneyRole | null;
  /** The subject as printed ("招商引资业务工作经费"), '' for the department as a whole. */
  subject: string;
  /** The subject without filler words; '' means the department as a whole. */
  subjectKey: string;
  label: string;
  labelStart: number;
  sentence: Sentence;
}

// Names of expenditure categories that contain role words (支出, 预算) but are subjects.
const CATEGORY_RE =
  /一般公共预算|政府性基金预算|国有资本经营预算|基本支出|项目支出|人员支出|公用支出|经常性支出|资本性支出/g;
const BUDGET_WORD_RE = /年初预算|预算|安排|批复|下达|核定/g;
const EXECUTED_WORD_RE = /执行|支出|支付|使用|拨付|花费|开支|决算/g;
const ROLE_START_RE =
  /年初|全年|调整后|变动后|实际|累计|已|预算|安排|批复|下达|核定|执行|支出|支付|使用|拨付|花费|开支|决算|完成/;
const FILLER_RE =
  /^(?:其中|另外|此外|同时|全年|本年度?|当年|年度|我局|本局|全局|我单位|本单位|单位|本部门|我部门|部门整体|部门|整体|的|在|共|合计|总计|[，,：:；;\s])+|(?:的|[，,：:；;\s])+$/g;

function lastIndexOf(label: string, re: RegExp): { index: number; word: string } {
  let best = { index: -1, word: '' };
  for (const m of label.matchAll(re)) {
    best = { index: m.index, word: m[0] };
  }
  return best;
}

function roleOf(label: string): MoneyRole | null {
  const masked = label.replace(CATEGORY_RE, (m) => '□'.repeat(m.length));
  const b = lastIndexOf(masked, BUDGET_WORD_RE);
  const e = lastIndexOf(masked, EXECUTED_WORD_RE);
  if (b.index < 0 && e.index < 0) {
    return null;
  }
  if (b.index > e.index) {
    return b.word === '年初预算' && !/调整后|变动后|全年/.test(masked) ? 'initial' : 'budget';
  }
  return 'executed';
}

function subjectOf(label: string): string {
  const masked = label.replace(CATEGORY_RE, (m) => '□'.repeat(m.length));
  const m = ROLE_START_RE.exec(masked);
  return (m === null ? label : label.slice(0, m.index)).trim();
}

/** The reporting unit's name from the title: "广州市海珠区投资促进局". */
export function unitName(doc: ReviewDocument): string {
  return doc.title
    .replace(/^(?:19|20)\d{2}\s*年度?/, '')
    .replace(/(?:部门)?(?:整体)?(?:支出)?(?:绩效)?(?:自评|评价)?报告$/, '');
}

/** Strip filler; '' means the department as a whole (also for the unit's own name). */
export function subjectKeyOf(subject: string, doc: ReviewDocument): string {
  let s = subject.replace(/\s+/g, '');
  if (doc.year !== null) {
    s = s.replaceAll(`${doc.year}年度`, '').replaceAll(`${doc.year}年`, '');
  }
  let prev = '';
  while (prev !== s) {
    prev = s;
    s = s.replace(FILLER_RE, '');
  }
  const unit = unitName(doc);
  if (s.length >= 3 && unit.endsWith(s)) {
    return '';
  }
  return s;
}

/** A bare label under a heading that names an expenditure item ("1.基本支出") belongs to that item. */
function headingSubject(doc: ReviewDocument, sentence: Sentence): string {
  const p = doc.paragraphs[sentence.paragraph];
  const h = p?.item ?? null;
  if (h === null || !h.alone) {
    return '';
  }
  return /支出|经费|资金|项目/.test(h.title) && !/收支|整体/.test(h.title) ? h.title : '';
}

/** Every money figure in the text with its role and subject; subjects carry over within a sentence. */
export function moneyFacts(doc: ReviewDocument): MoneyFact[] {
  const out: MoneyFact[] = [];
  let prev: MoneyFact | null = null;
  for (const q of doc.quantities) {
    const yuan = toYuan(q);
    const sentence = sentenceAt(doc, q.start);
    if (yuan === null || !isMoney(q) || sentence === undefined) {
      continue;
    }
    const { label, start } = labelBefore(doc, q);
    // Income (收入) is neither a budget nor an execution figure of the expenditure.
    let role = /收入/.test(label.replace(/收入支出|收支/g, '')) ? null : roleOf(label);
    let subject = subjectOf(label);
    let subjectKey = subjectKeyOf(subject, doc);
    const sameSentence = prev !== null && prev.sentence.start === sentence.start;
    if (sameSentence && prev !== null) {
      // "X年初预算80万元，实际支出76.27万元": the second figure is X's too.
      if (
        subjectKey === '' &&
        role !== null &&
        prev.subjectKey !== '' &&
        prev.role !== null &&
        prev.role !== role
      ) {
        subject = prev.subject;
        subjectKey = prev.subjectKey;
      }
      // "全年预算数A万元，其中基本支出B万元": B is a budget figure too.
      if (role === null && subjectKey !== '' && /其中|基本支出|项目支出|经费|项目/.test(label)) {
        role = prev.role;
      }
    }
    if (subjectKey === '' && role !== null) {
      const hs = headingSubject(doc, sentence);
      if (hs !== '') {
        subject = hs;
        subjectKey = subjectKeyOf(hs, doc);
      }
    }
    const fact: MoneyFact = {
      q,
      yuan,
      role,
      subject,
      subjectKey,
      label,
      labelStart: start,
      sentence,
    };
    out.push(fact);
    prev = fact;
  }
  return out;
}

/** Print a money quantity as in the text, without the space: "36,628.61万元". */
export function printed(q: Quantity): string {
  return q.raw.replace(/\s+/g, '');
}

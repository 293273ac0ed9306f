// Money figures with what they are (budget or executed) and whose they are (department or a part).
import type Big from 'big.js';
import { isMoney, toYuan, type Quantity } from './numbers.ts';
import { labelBefore, sentenceAt, type ReviewDocument, type Sentence } from './review-document.ts';

/**
 * initial: 年初预算; budget: the full-year total (预算数, 资金总额, 下达资金 …); executed: spent or paid;
 * arrived: 到位资金; remaining: 未支付 / 结余 (with the executed part it makes the total).
 */
export type MoneyRole = 'initial' | 'budget' | 'executed' | 'arrived' | 'remaining';

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
  /** One payment or item inside a total (支付项目启动资金…, 其中一笔…): never compared with a total. */
  part: boolean;
}

// Names of expenditure categories that contain role words (支出, 预算) but are subjects.
const CATEGORY_RE =
  /一般公共预算|政府性基金预算|国有资本经营预算|基本支出|项目支出|人员支出|公用支出|经常性支出|资本性支出/g;
const BUDGET_WORD_RE = /年初预算|预算|安排|批复|下达|核定|总额|总投资|计划投资/g;
const EXECUTED_WORD_RE = /执行|支出|支付|使用|拨付|花费|开支|决算/g;
const ARRIVED_RE = /到位|到账/g;
const REMAINING_RE = /未支付|未使用|未支出|未拨付|结余|结转|剩余|尚未/g;
const ROLE_START_RE =
  /年初|全年|调整后|变动后|实际|累计|已|预算|安排|批复|下达|核定|执行|支出|支付|使用|拨付|花费|开支|决算|完成|到位|到账|未支|未使|未拨|结余|结转|剩余|尚未|总额|总投资|计划投资/;
/** What may follow the role word in the label of a total: "执行数", "下达资金", "支出金额". */
const TOTAL_TAIL_RE =
  /^(?:了|的|数|额|金额|总额|资金|经费|款项|专项资金|项目资金|财政资金|进度|合计|总计|共计?|累计|全年|率|情况|为)*$/;
const FILLER_RE =
  /^(?:其中|另外|此外|同时|全年|年内|年度内|截至年底|截至年末|本年度?|当年|年度|我局|本局|全局|我单位|本单位|单位|本部门|我部门|部门整体|部门|整体|的|在|共|合计|总计|[，,：:；;\s])+|(?:的|[，,：:；;\s])+$/g;

function lastIndexOf(label: string, re: RegExp): { index: number; word: string } {
  let best = { index: -1, word: '' };
  for (const m of label.matchAll(re)) {
    best = { index: m.index, word: m[0] };
  }
  return best;
}

function roleWord(masked: string): { role: MoneyRole; index: number; word: string } | null {
  const found = [
    { role: 'budget' as const, ...lastIndexOf(masked, BUDGET_WORD_RE) },
    { role: 'executed' as const, ...lastIndexOf(masked, EXECUTED_WORD_RE) },
    { role: 'arrived' as const, ...lastIndexOf(masked, ARRIVED_RE) },
    { role: 'remaining' as const, ...lastIndexOf(masked, REMAINING_RE) },
  ].filter((x) => x.index >= 0);
  // The last word wins; 未支付 beats the 支付 inside it.
  found.sort(
    (x, y) => x.index + x.word.length - (y.index + y.word.length) || x.word.length - y.word.length,
  );
  return found.at(-1) ?? null;
}

function roleOf(label: string): MoneyRole | null {
  const masked = label.replace(CATEGORY_RE, (m) => '□'.repeat(m.length));
  const w = roleWord(masked);
  if (w === null) {
    // "项目资金共350万元", "资金总额": a total printed without a budget word.
    return /(?:资金|经费)$/.test(masked) && /资金|经费/.test(label) ? 'budget' : null;
  }
  if (w.role === 'budget') {
    return w.word === '年初预算' && !/调整后|变动后|全年/.test(masked) ? 'initial' : 'budget';
  }
  return w.role;
}

/** The words after the role word when they name an item: "项目启动资金" in "支付项目启动资金". */
function itemAfterRole(label: string): string {
  const masked = label.replace(CATEGORY_RE, (m) => '□'.repeat(m.length));
  const w = roleWord(masked);
  if (w === null) {
    return '';
  }
  const tail = label.slice(w.index + w.word.length);
  return TOTAL_TAIL_RE.test(tail) || [...tail].length < 2 ? '' : tail;
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

// A money subject names a thing (XX项目, XX专项资金, 基本支出); "截至12月31日", "按新办法考核后" name nothing.
const OTHER_PERIOD_RE = /(?:19|20)\d{2}年|上年|去年|同期|以前年度|往年|上一年/;
const SUBJECT_NAME_RE = /(?:项目|工程|资金|经费|专项|补贴|补助|支出|费|款|中心|平台|系统|计划)$/;

/**
 * Strip filler; '' means the department as a whole (also for the unit's own name). With `money`, a subject that
 * names nothing is the whole too, and in a project's report "项目资金" is the project itself.
 */
export function subjectKeyOf(subject: string, doc: ReviewDocument, money = false): string {
  let s = subject.replace(/\s+/g, '');
  if (doc.year !== null) {
    s = s.replaceAll(`${doc.year}年度`, '').replaceAll(`${doc.year}年`, '');
  }
  let prev = '';
  while (prev !== s) {
    prev = s;
    s = s.replace(FILLER_RE, '');
  }
  // "XX专项资金" and "XX专项" are one subject; a bare "资金" is the department's.
  if (money && s !== '' && !SUBJECT_NAME_RE.test(s) && !OTHER_PERIOD_RE.test(s)) {
    return '';
  }
  const bare = s.replace(/(?:的)?(?:资金|经费|款项)(?:总额|总量)?$/, '');
  if (
    bare === '' ||
    (doc.documentType !== 'department' && /^(?:本?项目|该项目|专项)$/.test(bare))
  ) {
    return '';
  }
  if (!/^(?:项目|专项|财政|上级|本级)$/.test(bare)) {
    s = bare;
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

const SUBJECT_LEAD_RE =
  /^(?:[（(]?\d{1,2}[)）.、．]\s*)?(?:关于|对于|在)?[“"]?([\u4e00-\u9fffA-Za-z0-9]{2,30}?(?:项目|工程|专项资金|专项经费|专项|补助资金|补贴资金|资金|经费))[”"]?(?=[，,：:（(]|主要|用于|是|为|由|年初|全年|调整后|本年|当年|预算|实际|共|总额|下达|安排|到位|已|累计|截至|\d)/;
const NOT_A_SUBJECT_RE =
  /^(?:其中|部门|整体|全局|我局|本局|本单位|我单位|全年|本年|年度|项目支出|基本支出|财政|上级|各项|相关|部分)/;
const DEPARTMENT_RE = /^(?:部门|整体|全局|我局|本局|本单位|我单位|全区|本部门)/;

/** The subject a sentence opens with ("XX项目年初预算…", "XX专项资金主要用于…"), '' when none. */
function leadSubject(s: Sentence): string | null {
  const text = s.text.trim();
  if (DEPARTMENT_RE.test(text)) {
    return '';
  }
  const m = SUBJECT_LEAD_RE.exec(text);
  // "项目下达资金…" opens with a figure's label, not a name: its subject is what precedes the role word.
  const name = m?.[1] === undefined ? undefined : subjectOf(m[1]);
  return name === undefined || !SUBJECT_NAME_RE.test(name) || NOT_A_SUBJECT_RE.test(name)
    ? null
    : name;
}

interface Draft {
  role: MoneyRole | null;
  subject: string;
  subjectKey: string;
  part: boolean;
}

/** Role and subject from the label alone. */
function draftOf(doc: ReviewDocument, label: string): Draft {
  // Income (收入) is neither a budget nor an execution figure of the expenditure.
  const role = /收入/.test(label.replace(/收入支出|收支/g, '')) ? null : roleOf(label);
  const item = itemAfterRole(label);
  const subject = item !== '' ? item : subjectOf(label);
  // A change to a budget (追加, 调增 …) is a part, never a total.
  const part =
    item !== '' ||
    /追加|调增|调减|调剂|核减|压减|增加|减少/.test(label) ||
    (/其中|一笔|单笔|首笔|每笔/.test(label) && subjectKeyOf(subject, doc, true) === '');
  return { role, subject, subjectKey: subjectKeyOf(subject, doc, true), part };
}

/** Carry the subject within a sentence: "X年初预算80万元，实际支出76.27万元" — the second figure is X's too. */
function carryInSentence(d: Draft, prev: MoneyFact, label: string): Draft {
  const out = { ...d };
  if (
    !out.part &&
    out.subjectKey === '' &&
    out.role !== null &&
    prev.subjectKey !== '' &&
    prev.role !== null &&
    prev.role !== out.role &&
    !DEPARTMENT_RE.test(label)
  ) {
    out.subject = prev.subject;
    out.subjectKey = prev.subjectKey;
    out.part = prev.part;
  }
  // "全年预算数A万元，其中基本支出B万元": B is a budget figure too.
  if (
    out.role === null &&
    out.subjectKey !== '' &&
    /其中|基本支出|项目支出|经费|项目/.test(label)
  ) {
    out.role = prev.role;
  }
  return out;
}

/** Every money figure with its role and subject; subjects carry within a sentence and across a paragraph. */
export function moneyFacts(doc: ReviewDocument): MoneyFact[] {
  const cached = factCache.get(doc);
  if (cached !== undefined) {
    return cached;
  }
  const out: MoneyFact[] = [];
  let prev: MoneyFact | null = null;
  // The subject the sentences of a paragraph are about, until another is named.
  let carried = null as { paragraph: number; sentence: number; subject: string } | null;
  for (const q of doc.quantities) {
    const yuan = toYuan(q);
    const sentence = sentenceAt(doc, q.start);
    if (yuan === null || !isMoney(q) || sentence === undefined) {
      continue;
    }
    const { label, start } = labelBefore(doc, q);
    if (carried?.sentence !== sentence.start) {
      const lead = leadSubject(sentence);
      if (lead !== null) {
        carried = { paragraph: sentence.paragraph, sentence: sentence.start, subject: lead };
      } else if (carried !== null && carried.paragraph !== sentence.paragraph) {
        carried = null;
      }
    }
    let d = draftOf(doc, label);
    if (prev !== null && prev.sentence.start === sentence.start) {
      d = carryInSentence(d, prev, label);
    }
    if (
      d.subjectKey === '' &&
      !d.part &&
      d.role !== null &&
      carried !== null &&
      carried.subject !== '' &&
      !DEPARTMENT_RE.test(label)
    ) {
      d = { ...d, subject: carried.subject, subjectKey: subjectKeyOf(carried.subject, doc, true) };
    }
    if (d.subjectKey === '' && d.role !== null && !d.part) {
      const hs = headingSubject(doc, sentence);
      if (hs !== '') {
        d = { ...d, subject: hs, subjectKey: subjectKeyOf(hs, doc, true) };
      }
    }
    const fact: MoneyFact = { q, yuan, ...d, label, labelStart: start, sentence };
    out.push(fact);
    prev = fact;
  }
  factCache.set(doc, out);
  return out;
}

const factCache = new WeakMap<ReviewDocument, MoneyFact[]>();

/** Print a money quantity as in the text, without the space: "36,628.61万元". */
export function printed(q: Quantity): string {
  return q.raw.replace(/\s+/g, '');
}

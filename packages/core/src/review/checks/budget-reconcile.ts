// BUDGET_RECONCILE: the department total and its named parts (基本支出, 项目支出, projects) must add up.
import type Big from 'big.js';
import { toFixed2 } from '../../decimal.ts';
import { moneyFacts, printed, type MoneyFact } from '../money-facts.ts';
import { lineOf, type ReviewDocument } from '../review-document.ts';
import { makeFinding, type ReviewFinding } from '../types.ts';

interface Pair {
  subject: string;
  budget: MoneyFact | undefined;
  executed: MoneyFact | undefined;
}

const PART_RE = /经费|支出|项目|资金|专项|补助|费/;
const NOT_A_PART_RE = /全区|全市|全省|全国|上年|去年|同期|上一年|以前年度|往年/;

function pairOf(subject: string, facts: readonly MoneyFact[]): Pair {
  return {
    subject,
    budget: facts.find((f) => f.role === 'budget') ?? facts.find((f) => f.role === 'initial'),
    executed: facts.find((f) => f.role === 'executed'),
  };
}

function isPart(key: string, year: number | null): boolean {
  if (key === '' || !PART_RE.test(key) || NOT_A_PART_RE.test(key)) {
    return false;
  }
  const years = [...key.matchAll(/((?:19|20)\d{2})年/g)].map((m) => Number(m[1]));
  return years.every((y) => y === year);
}

/** "3.73万元" — a difference in the unit of the figure it is read against. */
function money(yuan: Big, like: MoneyFact): string {
  const scale =
    like.q.unit === '亿元'
      ? 100_000_000
      : like.q.unit === '万元'
        ? 10_000
        : like.q.unit === '千元'
          ? 1000
          : 1;
  const [int = '', frac = ''] = toFixed2(yuan.div(scale)).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}${like.q.unit}`;
}

export function checkBudgetReconcile(doc: ReviewDocument): ReviewFinding[] {
  const facts = moneyFacts(doc).filter((f) => f.role !== null);
  const whole = pairOf(
    '',
    facts.filter((f) => f.subjectKey === ''),
  );
  const bySubject = new Map<string, MoneyFact[]>();
  for (const f of facts) {
    if (f.subjectKey !== '' && isPart(f.subject, doc.year)) {
      bySubject.set(f.subjectKey, [...(bySubject.get(f.subjectKey) ?? []), f]);
    }
  }
  const parts = [...bySubject.entries()].map(([key, fs]) => ({
    key,
    ...pairOf(fs[0]?.subject ?? key, fs),
  }));
  const out: ReviewFinding[] = [];

  // 1. A part larger than the whole.
  for (const p of parts) {
    for (const [part, total, zh, en] of [
      [p.budget, whole.budget, '预算数', 'budget'],
      [p.executed, whole.executed, '执行数', 'amount executed'],
    ] as const) {
      if (part !== undefined && total !== undefined && part.yuan.gt(total.yuan)) {
        const line = lineOf(doc, total.q.start);
        out.push(
          makeFinding(doc, 'BUDGET_RECONCILE', part.labelStart, part.q.end, {
            zh: `“${p.subject}”的${zh} ${printed(part.q)} 超过部门整体${zh} ${printed(total.q)}（第 ${line} 行）。`,
            en: `The ${en} of “${p.subject}” (${printed(part.q)}) exceeds the department's ${en} (${printed(total.q)}, line ${line}).`,
          }),
        );
      }
    }
  }

  // 2. The whole executed exactly 100% while a named part is underspent and nothing is overspent.
  const wb = whole.budget;
  const we = whole.executed;
  if (wb !== undefined && we !== undefined && wb.yuan.eq(we.yuan)) {
    const judged = parts.flatMap((p) =>
      p.budget !== undefined && p.executed !== undefined
        ? [{ ...p, budget: p.budget, executed: p.executed }]
        : [],
    );
    const under = judged.find((p) => p.executed.yuan.lt(p.budget.yuan));
    const anyOver = judged.some((p) => p.executed.yuan.gt(p.budget.yuan));
    if (under !== undefined && !anyOver) {
      const line = lineOf(doc, wb.q.start);
      const gap = money(under.budget.yuan.minus(under.executed.yuan), under.executed);
      out.push(
        makeFinding(doc, 'BUDGET_RECONCILE', under.budget.labelStart, under.executed.q.end, {
          zh: `部门全年预算数与执行数均为 ${printed(wb.q)}（第 ${line} 行，执行率 100%），但“${under.subject}”预算 ${printed(under.budget.q)}、执行 ${printed(under.executed.q)}，少支出 ${gap}，且没有任何部分超支：总额与部分对不上，请说明预算调整或其他部分的执行情况。`,
          en: `The department's budget and execution are both ${printed(wb.q)} (line ${line}, 100% executed), yet “${under.subject}” has a budget of ${printed(under.budget.q)} and executed ${printed(under.executed.q)}, ${gap} underspent, and no part is overspent: the parts cannot add up to the whole. Explain the budget adjustment or show the other parts.`,
        }),
      );
    }
  }

  // 3. 基本支出 + 项目支出 must equal the whole.
  const basic = parts.find((p) => p.key === '基本支出');
  const project = parts.find((p) => p.key === '项目支出');
  if (basic !== undefined && project !== undefined) {
    for (const [b, p, total, zh, en] of [
      [basic.budget, project.budget, wb, '预算数', 'budgets'],
      [basic.executed, project.executed, we, '执行数', 'amounts executed'],
    ] as const) {
      if (b === undefined || p === undefined || total === undefined) {
        continue;
      }
      const sum = b.yuan.plus(p.yuan);
      if (!sum.eq(total.yuan)) {
        out.push(
          makeFinding(doc, 'BUDGET_RECONCILE', p.labelStart, p.q.end, {
            zh: `基本支出${zh} ${printed(b.q)} 与项目支出${zh} ${printed(p.q)} 之和为 ${money(sum, total)}，与部门整体${zh} ${printed(total.q)}（第 ${lineOf(doc, total.q.start)} 行）不符。`,
            en: `Basic and project ${en} (${printed(b.q)} + ${printed(p.q)} = ${money(sum, total)}) do not add up to the department's ${printed(total.q)} (line ${lineOf(doc, total.q.start)}).`,
          }),
        );
      }
    }
  }
  return out;
}

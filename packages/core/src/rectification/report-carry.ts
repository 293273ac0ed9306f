// Open 整改 items carried into next year's self-evaluation report: 四、下一步改进措施 states the previous year's
// items and their status (full-cycle-rules §C.2: open items carry into the next evaluation of the same object).
import { figure, text, type Run } from '../report/document-model.ts';
import type { RectificationDisplayStatus } from './types.ts';
import type { PreviousRectifications, PreviousRectificationItem } from './report-carry-types.ts';
import { RECTIFICATION_STATUS_TEXT } from './types.ts';

const trim = (s: string): string => s.trim().replace(/[。；;，,.\s]+$/u, '');

function chineseDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${String(y)}年${String(m)}月${String(d)}日`;
}

function summaryRuns(p: PreviousRectifications, n: number): Run[] {
  const src = { table: 'rectification_items', note: `${String(p.fiscalYear)}年度整改清单` };
  const count = (s: RectificationDisplayStatus) => p.items.filter((i) => i.status === s).length;
  const closed = count('closed');
  const open = p.items.length - closed;
  const parts = (['awaitingCheck', 'inProgress', 'pending', 'overdue'] as const)
    .filter((s) => count(s) > 0)
    .map((s) => `${RECTIFICATION_STATUS_TEXT[s]}${String(count(s))}项`);
  return [
    text(
      `${String(n)}.上年度整改事项落实情况：${String(p.fiscalYear)}年度绩效评价发现问题列入整改清单共`,
    ),
    figure(`${String(p.items.length)}项`, src),
    text('，已销号'),
    figure(`${String(closed)}项`, src),
    text(
      open === 0
        ? '，全部整改到位。'
        : `，尚未销号${String(open)}项（${parts.join('、')}），我局将按期限继续落实，整改到位后报区财政局复核销号。`,
    ),
  ];
}

function itemRuns(it: PreviousRectificationItem, i: number): Run[] {
  const state =
    it.status === 'closed' && it.closedOn
      ? `已于${chineseDay(it.closedOn)}复核销号`
      : `${RECTIFICATION_STATUS_TEXT[it.status]}，整改期限${chineseDay(it.deadline)}`;
  return [
    text(`（${String(i + 1)}）${it.issueNo}（${it.subject}）${trim(it.problem)}：${state}。`),
  ];
}

/** The paragraphs appended to 四、下一步改进措施, numbered after the year's own measures (n = next number). */
export function previousRectificationParagraphs(
  p: PreviousRectifications | null | undefined,
  n: number,
): { key: string; runs: Run[] }[] {
  if (!p || p.items.length === 0) {
    return [];
  }
  return [
    { key: 'measures.previous', runs: summaryRuns(p, n) },
    ...p.items.map((it, i) => ({
      key: `measures.previous.${String(i + 1)}`,
      runs: itemRuns(it, i),
    })),
  ];
}

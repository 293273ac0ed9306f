// 整改 rules: deadlines from §C.2, the status machine, 逾期 against a given date, counts and closure rate.
import { d } from '../decimal.ts';
import { addDays, isIsoDate } from '../investment/iso-date.ts';
import type {
  RectificationAction,
  RectificationDeadlineConfig,
  RectificationDisplayStatus,
  RectificationStatus,
} from './types.ts';

/**
 * The two dates of §C.2 from the day the result became final: the 整改要求 is due within `noticeDays`, and
 * the measures within `measureDays` of the notice (sent on `noticedOn` when known, else at its latest date).
 */
export function rectificationDeadlines(
  finalOn: string,
  config: RectificationDeadlineConfig,
  noticedOn?: string | null,
): { noticeDue: string; deadline: string } {
  const noticeDue = addDays(finalOn, config.noticeDays);
  const deadline = addDays(noticedOn ?? noticeDue, config.measureDays);
  return { noticeDue, deadline };
}

/** A real calendar date written YYYY-MM-DD (the dates of an item). */
export function isRectificationDate(s: string): boolean {
  return isIsoDate(s);
}

/** True when the config's day counts are whole numbers from 1 to 365. */
export function isValidDeadlineConfig(config: RectificationDeadlineConfig): boolean {
  const ok = (n: number) => Number.isInteger(n) && n >= 1 && n <= 365;
  return ok(config.noticeDays) && ok(config.measureDays);
}

const TRANSITIONS: Readonly<
  Partial<
    Record<RectificationAction, readonly [readonly RectificationStatus[], RectificationStatus]>
  >
> = {
  start: [['pending'], 'inProgress'],
  submit: [['pending', 'inProgress'], 'awaitingCheck'],
  accept: [['awaitingCheck'], 'closed'],
  sendBack: [['awaitingCheck'], 'inProgress'],
};

/** The status an action leads to, or null when the action is not allowed from `from`. */
export function nextRectificationStatus(
  from: RectificationStatus,
  action: RectificationAction,
): RectificationStatus | null {
  if (action === 'edit' || action === 'evidence') {
    return from === 'closed' ? null : from;
  }
  const t = TRANSITIONS[action];
  if (!t) {
    return null;
  }
  return t[0].includes(from) ? t[1] : null;
}

/**
 * An item still being worked (待整改 or 整改中) is 逾期 the day after its deadline; one submitted for 复核 waits on
 * the bureau, and a closed one is done.
 */
export function isRectificationOverdue(
  item: { status: RectificationStatus; deadline: string },
  today: string,
): boolean {
  return (item.status === 'pending' || item.status === 'inProgress') && today > item.deadline;
}

export function rectificationDisplayStatus(
  item: { status: RectificationStatus; deadline: string },
  today: string,
): RectificationDisplayStatus {
  return isRectificationOverdue(item, today) ? 'overdue' : item.status;
}

export interface RectificationCounts {
  total: number;
  pending: number;
  inProgress: number;
  awaitingCheck: number;
  closed: number;
  /** Open items past their deadline (they are also counted under their stored status). */
  overdue: number;
  open: number;
  /** 销号率: closed / total as a percentage with 2 decimals ("0.00" when there is nothing). */
  closureRate: string;
}

export function countRectifications(
  items: readonly { status: RectificationStatus; deadline: string }[],
  today: string,
): RectificationCounts {
  const c = {
    total: items.length,
    pending: 0,
    inProgress: 0,
    awaitingCheck: 0,
    closed: 0,
    overdue: 0,
  };
  for (const it of items) {
    c[it.status] += 1;
    if (isRectificationOverdue(it, today)) {
      c.overdue += 1;
    }
  }
  const closureRate = c.total === 0 ? '0.00' : d(c.closed).times(100).div(c.total).toFixed(2);
  return { ...c, open: c.total - c.closed, closureRate };
}

/** 2023-整改-007: the number shown on the list, the report and the notice. */
export function rectificationIssueNo(fiscalYear: number, seq: number): string {
  return `${String(fiscalYear)}-整改-${String(seq).padStart(3, '0')}`;
}

// Working days (工作日) on the national calendar: weekends off, public holidays off, and the
// make-up working weekends (调休上班) on. Time limits for enterprise requests are counted in working days.
//
// Data: the State Council's annual notices 国务院办公厅关于20XX年部分节假日安排的通知 —
// 2023: 国办发明电〔2022〕16号; 2024: 国办发明电〔2023〕7号; 2025: 国办发明电〔2024〕12号.
// A year without a notice here is counted Monday–Friday only, and `calendarCovers` says so.
import { addDays, dayNumber, yearOf } from './iso-date.ts';

export interface WorkdayCalendar {
  /** Years whose official holiday notice is included. */
  years: readonly number[];
  /** Weekdays that are public holidays (放假). Weekend days inside a holiday need not be listed. */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休上班). */
  makeUpWorkdays: ReadonlySet<string>;
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    out.push(d);
  }
  return out;
}

/** The national (mainland China) calendar, 2023–2025. */
export const CN_WORKDAY_CALENDAR: WorkdayCalendar = {
  years: [2023, 2024, 2025],
  holidays: new Set([
    // 2023
    '2023-01-02',
    ...range('2023-01-21', '2023-01-27'),
    '2023-04-05',
    ...range('2023-04-29', '2023-05-03'),
    ...range('2023-06-22', '2023-06-24'),
    ...range('2023-09-29', '2023-10-06'),
    // 2024
    '2024-01-01',
    ...range('2024-02-10', '2024-02-17'),
    ...range('2024-04-04', '2024-04-06'),
    ...range('2024-05-01', '2024-05-05'),
    '2024-06-10',
    ...range('2024-09-15', '2024-09-17'),
    ...range('2024-10-01', '2024-10-07'),
    // 2025
    '2025-01-01',
    ...range('2025-01-28', '2025-02-04'),
    ...range('2025-04-04', '2025-04-06'),
    ...range('2025-05-01', '2025-05-05'),
    ...range('2025-05-31', '2025-06-02'),
    ...range('2025-10-01', '2025-10-08'),
  ]),
  makeUpWorkdays: new Set([
    '2023-01-28',
    '2023-01-29',
    '2023-04-23',
    '2023-05-06',
    '2023-06-25',
    '2023-10-07',
    '2023-10-08',
    '2024-02-04',
    '2024-02-18',
    '2024-04-07',
    '2024-04-28',
    '2024-05-11',
    '2024-09-14',
    '2024-09-29',
    '2024-10-12',
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
  ]),
};

/** True when the calendar has the official holiday notice for every year from `from` to `to`. */
export function calendarCovers(
  from: string,
  to: string,
  calendar: WorkdayCalendar = CN_WORKDAY_CALENDAR,
): boolean {
  for (let y = yearOf(from); y <= yearOf(to); y++) {
    if (!calendar.years.includes(y)) {
      return false;
    }
  }
  return true;
}

/** The calendar's days as day numbers (counting a year of requests compares numbers, not strings). */
const dayNumberSets = new WeakMap<
  WorkdayCalendar,
  { holidays: ReadonlySet<number>; makeUp: ReadonlySet<number> }
>();

function daySets(calendar: WorkdayCalendar): {
  holidays: ReadonlySet<number>;
  makeUp: ReadonlySet<number>;
} {
  let sets = dayNumberSets.get(calendar);
  if (sets === undefined) {
    sets = {
      holidays: new Set([...calendar.holidays].map(dayNumber)),
      makeUp: new Set([...calendar.makeUpWorkdays].map(dayNumber)),
    };
    dayNumberSets.set(calendar, sets);
  }
  return sets;
}

function isWorkingDayNumber(
  n: number,
  sets: { holidays: ReadonlySet<number>; makeUp: ReadonlySet<number> },
): boolean {
  if (sets.makeUp.has(n)) {
    return true;
  }
  if (sets.holidays.has(n)) {
    return false;
  }
  const wd = (((n + 4) % 7) + 7) % 7; // 1970-01-01 (day 0) was a Thursday
  return wd !== 0 && wd !== 6;
}

export function isWorkingDay(
  iso: string,
  calendar: WorkdayCalendar = CN_WORKDAY_CALENDAR,
): boolean {
  return isWorkingDayNumber(dayNumber(iso), daySets(calendar));
}

/**
 * Working days from `from` to `to`: the working days d with from < d ≤ to (a request received on a
 * Monday and closed on the Tuesday took 1 working day; closed the same day, 0). Negative if to < from.
 */
export function workingDaysBetween(
  from: string,
  to: string,
  calendar: WorkdayCalendar = CN_WORKDAY_CALENDAR,
): number {
  if (to < from) {
    return -workingDaysBetween(to, from, calendar);
  }
  const sets = daySets(calendar);
  let n = 0;
  const end = dayNumber(to);
  for (let d = dayNumber(from) + 1; d <= end; d++) {
    if (isWorkingDayNumber(d, sets)) {
      n++;
    }
  }
  return n;
}

/** The date `n` working days after `from` (n ≥ 0): the default due date of a request received on `from`. */
export function addWorkingDays(
  from: string,
  n: number,
  calendar: WorkdayCalendar = CN_WORKDAY_CALENDAR,
): string {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
  }
  let d = from;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar)) {
      left--;
    }
  }
  return d;
}

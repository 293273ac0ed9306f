// Working days on the 2023–2025 national calendar: the holidays and the make-up working weekends.
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, fromDayNumber, isIsoDate, weekday } from './iso-date.ts';
import { addWorkingDays, calendarCovers, isWorkingDay, workingDaysBetween } from './workdays.ts';

describe('ISO dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2023-10-09')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-1-9')).toBe(false);
    expect(isIsoDate('2023/10/09')).toBe(false);
  });
  it('counts days and weekdays without a clock', () => {
    expect(fromDayNumber(dayNumber('2023-12-31') + 1)).toBe('2024-01-01');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(weekday('2023-10-07')).toBe(6); // Saturday
    expect(weekday('2023-10-09')).toBe(1); // Monday
  });
});

describe('national working-day calendar', () => {
  it('knows the 2023 National Day holiday and its two make-up working weekend days', () => {
    expect(isWorkingDay('2023-09-29')).toBe(false); // Friday, 中秋节
    expect(isWorkingDay('2023-10-02')).toBe(false); // Monday, 国庆节
    expect(isWorkingDay('2023-10-07')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay('2023-10-08')).toBe(true); // Sunday, 调休上班
    expect(isWorkingDay('2023-10-14')).toBe(false); // an ordinary Saturday
  });

  it('received Thu 2023-09-28, closed Mon 2023-10-09: 3 working days (10-07, 10-08, 10-09)', () => {
    expect(workingDaysBetween('2023-09-28', '2023-10-09')).toBe(3);
  });

  it('same day is 0, next working day is 1, and the order matters', () => {
    expect(workingDaysBetween('2023-03-06', '2023-03-06')).toBe(0);
    expect(workingDaysBetween('2023-03-06', '2023-03-07')).toBe(1);
    expect(workingDaysBetween('2023-03-10', '2023-03-13')).toBe(1); // Friday → Monday
    expect(workingDaysBetween('2023-03-13', '2023-03-10')).toBe(-1);
  });

  it('Spring Festival 2024: 2-10…2-17 off, Sunday 2-18 on', () => {
    expect(workingDaysBetween('2024-02-08', '2024-02-19')).toBe(3); // 02-09 (Fri), 02-18 (Sun), 02-19
  });

  it('adds working days for a due date: 10 working days from Mon 2023-01-16 skip the Spring Festival', () => {
    // 17,18,19,20 | 21–27 off | 28 (Sat, on), 29 (Sun, on), 30, 31, 02-01, 02-02
    expect(addWorkingDays('2023-01-16', 10)).toBe('2023-02-02');
    expect(workingDaysBetween('2023-01-16', addWorkingDays('2023-01-16', 10))).toBe(10);
  });

  it('says which years carry the official notice', () => {
    expect(calendarCovers('2023-01-01', '2024-12-31')).toBe(true);
    expect(calendarCovers('2025-12-01', '2026-01-31')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  countRectifications,
  isRectificationOverdue,
  nextRectificationStatus,
  rectificationDeadlines,
  rectificationDisplayStatus,
  rectificationIssueNo,
  DEFAULT_RECTIFICATION_DEADLINES,
} from './index.ts';

describe('整改 deadlines (§C.2)', () => {
  it('notice within 20 days of the final result, measures within 30 of the notice', () => {
    expect(rectificationDeadlines('2024-03-29', DEFAULT_RECTIFICATION_DEADLINES)).toEqual({
      noticeDue: '2024-04-18',
      deadline: '2024-05-18',
    });
    expect(
      rectificationDeadlines('2024-03-29', DEFAULT_RECTIFICATION_DEADLINES, '2024-04-02'),
    ).toEqual({ noticeDue: '2024-04-18', deadline: '2024-05-02' });
    expect(rectificationDeadlines('2024-12-20', { noticeDays: 10, measureDays: 15 })).toEqual({
      noticeDue: '2024-12-30',
      deadline: '2025-01-14',
    });
  });
});

describe('整改 statuses', () => {
  it('待整改 → 整改中 → 已整改待核 → 已销号, and 复核退回 back to 整改中', () => {
    expect(nextRectificationStatus('pending', 'start')).toBe('inProgress');
    expect(nextRectificationStatus('inProgress', 'submit')).toBe('awaitingCheck');
    expect(nextRectificationStatus('awaitingCheck', 'accept')).toBe('closed');
    expect(nextRectificationStatus('awaitingCheck', 'sendBack')).toBe('inProgress');
    expect(nextRectificationStatus('pending', 'accept')).toBeNull();
    expect(nextRectificationStatus('closed', 'edit')).toBeNull();
    expect(nextRectificationStatus('closed', 'evidence')).toBeNull();
    expect(nextRectificationStatus('inProgress', 'evidence')).toBe('inProgress');
  });

  it('逾期 the day after the deadline, never when closed', () => {
    const item = { status: 'inProgress' as const, deadline: '2024-05-18' };
    expect(isRectificationOverdue(item, '2024-05-18')).toBe(false);
    expect(isRectificationOverdue(item, '2024-05-19')).toBe(true);
    expect(rectificationDisplayStatus(item, '2024-05-19')).toBe('overdue');
    expect(rectificationDisplayStatus({ ...item, status: 'closed' }, '2025-01-01')).toBe('closed');
    expect(isRectificationOverdue({ ...item, status: 'awaitingCheck' }, '2025-01-01')).toBe(false);
  });

  it('counts and 销号率', () => {
    const c = countRectifications(
      [
        { status: 'closed', deadline: '2024-05-01' },
        { status: 'pending', deadline: '2024-05-01' },
        { status: 'awaitingCheck', deadline: '2024-05-01' },
      ],
      '2024-06-01',
    );
    expect(c).toEqual({
      total: 3,
      pending: 1,
      inProgress: 0,
      awaitingCheck: 1,
      closed: 1,
      overdue: 1,
      open: 2,
      closureRate: '33.33',
    });
    expect(countRectifications([], '2024-01-01').closureRate).toBe('0.00');
    expect(rectificationIssueNo(2023, 7)).toBe('2023-整改-007');
  });
});

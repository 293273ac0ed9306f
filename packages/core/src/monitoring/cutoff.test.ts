import { describe, expect, it } from 'vitest';
import { applicableCutoffMonth, isCutoffMonth } from './cutoff.ts';

describe('applicableCutoffMonth', () => {
  const months = [6, 7];
  it('an ended year opens on its last cut-off month, a future year on its first', () => {
    expect(applicableCutoffMonth(months, 2024, { year: 2026, month: 12 })).toBe(7);
    expect(applicableCutoffMonth(months, 2027, { year: 2026, month: 12 })).toBe(6);
  });
  it('the current year: the latest cut-off month already over, before that the first', () => {
    expect(applicableCutoffMonth(months, 2026, { year: 2026, month: 3 })).toBe(6);
    expect(applicableCutoffMonth(months, 2026, { year: 2026, month: 7 })).toBe(6);
    expect(applicableCutoffMonth(months, 2026, { year: 2026, month: 12 })).toBe(7);
    expect(applicableCutoffMonth([], 2026, { year: 2026, month: 12 })).toBe(6);
  });
  it('only cut-off months take answers', () => {
    expect(isCutoffMonth(months, 6)).toBe(true);
    expect(isCutoffMonth(months, 12)).toBe(false);
  });
});

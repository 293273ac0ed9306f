import { describe, expect, it } from 'vitest';
import { formatTimeProgress, timeProgressAt } from './time-progress.ts';

describe('序时进度', () => {
  it('is month/12 by default: June 50.00, July 58.33, December 100.00', () => {
    expect(formatTimeProgress(6)).toBe('50.00');
    expect(formatTimeProgress(7)).toBe('58.33');
    expect(formatTimeProgress(1)).toBe('8.33');
    expect(formatTimeProgress(12)).toBe('100.00');
  });
  it('follows configured quarter points and interpolates between them', () => {
    const points = { 3: '20', 6: '45', 9: '75', 12: '95' };
    expect(formatTimeProgress(6, points)).toBe('45.00');
    // July: 45 + (75 − 45) × 1/3 = 55
    expect(formatTimeProgress(7, points)).toBe('55.00');
    // February: 0 + 20 × 2/3 = 13.33
    expect(formatTimeProgress(2, points)).toBe('13.33');
  });
  it('extends to 100% after the last configured point', () => {
    expect(timeProgressAt(9, { 6: '50' }).toFixed(2)).toBe('75.00');
  });
  it('refuses months outside 1..12', () => {
    expect(() => timeProgressAt(0)).toThrow(RangeError);
    expect(() => timeProgressAt(13)).toThrow(RangeError);
  });
});

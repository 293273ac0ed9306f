// Grade bands on the 2-dp total.
import { describe, expect, it } from 'vitest';
import { gradeFor, gradeLabel } from './grade.ts';

describe('gradeFor', () => {
  it('half-open bands 90 / 80 / 60', () => {
    expect(gradeFor('100.00')).toBe('优');
    expect(gradeFor('90.00')).toBe('优');
    expect(gradeFor('89.99')).toBe('良');
    expect(gradeFor('80')).toBe('良');
    expect(gradeFor('79.99')).toBe('中');
    expect(gradeFor('60.00')).toBe('中');
    expect(gradeFor('59.99')).toBe('差');
    expect(gradeFor('0')).toBe('差');
  });
  it('configurable bands', () => {
    expect(gradeFor('90.27', { excellent: '95', good: '85', fair: '70' })).toBe('良');
  });
  it('English labels', () => {
    expect(gradeLabel('优')).toEqual({ zh: '优', en: 'Excellent' });
    expect(gradeLabel('差').en).toBe('Poor');
  });
});

// 定性 bands for display and validation.
import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { inBand, qualBandExact, qualitativeBand } from './qualitative-band.ts';

describe('qualitativeBand', () => {
  it('weight 15 under mof-2020: [12, 15], [9, 12), [0, 9)', () => {
    expect(qualitativeBand('ACHIEVED', '15')).toEqual({
      level: 'ACHIEVED',
      min: '12.00',
      max: '15.00',
      maxInclusive: true,
    });
    expect(qualitativeBand('PARTIAL', '15')).toEqual({
      level: 'PARTIAL',
      min: '9.00',
      max: '12.00',
      maxInclusive: false,
    });
    expect(qualitativeBand('NOT_ACHIEVED', '15')).toEqual({
      level: 'NOT_ACHIEVED',
      min: '0.00',
      max: '9.00',
      maxInclusive: false,
    });
  });
  it('configurable bands: hubei-style 80/50 at weight 15 → 部分达成 [7.50, 12.00)', () => {
    expect(qualitativeBand('PARTIAL', '15', { qualitativeBands: ['0.8', '0.5'] })?.min).toBe(
      '7.50',
    );
  });
  it('limits are rounded to 2 dp as the MOF check does: weight 3.33 → 达成 from 2.66', () => {
    const band = qualBandExact('ACHIEVED', new Big('3.33'), ['0.8', '0.6']);
    expect(band.min.toFixed()).toBe('2.66');
    expect(inBand(new Big('2.66'), band)).toBe(true);
    expect(inBand(new Big('2.65'), band)).toBe(false);
  });
  it('null for a weight that is not a number ≥ 0', () => {
    expect(qualitativeBand('ACHIEVED', 'abc')).toBeNull();
    expect(qualitativeBand('ACHIEVED', '-1')).toBeNull();
  });
});

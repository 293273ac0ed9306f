// The worked example of domain-rules §6.5 (cut-off June, m = 6, 序时进度 50%), then the edges of each rule.
import { describe, expect, it } from 'vitest';
import { parseMonitoringConfig, DEFAULT_MONITORING_CONFIG } from './config.ts';
import { budgetWarning, countWarnings, indicatorWarning, worstWarning } from './warnings.ts';

const yuan = (n: number) => n * 100; // whole 元 → 分

describe('预算执行预警 (§6.5)', () => {
  it('28% executed at June → v = 28/50 = 56 → red; 35% → 70 → yellow; 45% → 90 → green', () => {
    expect(budgetWarning(yuan(28), yuan(100), 6)).toMatchObject({
      rate: '28.00',
      timeProgress: '50.00',
      v: '56.00',
      level: 'RED',
    });
    expect(budgetWarning(yuan(35), yuan(100), 6)).toMatchObject({ v: '70.00', level: 'YELLOW' });
    expect(budgetWarning(yuan(45), yuan(100), 6)).toMatchObject({ v: '90.00', level: 'GREEN' });
  });
  it('thresholds are half-open: v = 60.00 is yellow, v = 80.00 green', () => {
    expect(budgetWarning(yuan(30), yuan(100), 6).level).toBe('YELLOW');
    expect(budgetWarning(yuan(40), yuan(100), 6).level).toBe('GREEN');
  });
  it('no budget → no colour, with the reason', () => {
    expect(budgetWarning(0, 0, 6)).toMatchObject({ level: null, reason: 'NO_BUDGET' });
  });
  it('uses configured thresholds (data, not code)', () => {
    const cfg = parseMonitoringConfig({ budget: { red: 50, yellow: 90 } });
    expect(cfg.ok).toBe(true);
    if (cfg.ok) {
      expect(budgetWarning(yuan(28), yuan(100), 6, cfg.value).level).toBe('YELLOW');
      expect(budgetWarning(yuan(44), yuan(100), 6, cfg.value).level).toBe('YELLOW');
    }
  });
});

describe('指标预警 (§6.5)', () => {
  const events = { operator: 'GE' as const, target: '12', unit: '场' };
  it('推介活动场次 ≥ 12: 5 done → 5/(12×6/12) = 83.33 → green; 3 → 50 → red; 9 → 150 → blue', () => {
    expect(indicatorWarning(events, '5', 6)).toMatchObject({
      basis: 'PRO_RATA',
      expected: '6',
      v: '83.33',
      level: 'GREEN',
    });
    expect(indicatorWarning(events, '3', 6)).toMatchObject({ v: '50.00', level: 'RED' });
    expect(indicatorWarning(events, '9', 6)).toMatchObject({ v: '150.00', level: 'BLUE' });
    expect(indicatorWarning(events, '4', 6)).toMatchObject({ v: '66.67', level: 'YELLOW' });
  });
  it('reverse ≤ is red only when over the target; ＜ also when equal', () => {
    expect(indicatorWarning({ operator: 'LE', target: '10', unit: '天' }, '10', 6).level).toBe(
      'GREEN',
    );
    expect(indicatorWarning({ operator: 'LE', target: '10', unit: '天' }, '10.1', 6).level).toBe(
      'RED',
    );
    expect(indicatorWarning({ operator: 'LT', target: '10', unit: '天' }, '10', 6).level).toBe(
      'RED',
    );
    expect(indicatorWarning({ operator: 'LT', target: '10', unit: '天' }, '9.9', 6).level).toBe(
      'GREEN',
    );
  });
  it('rates (unit %) compare with the full target; with levelUnits [] they are pro-rated like counts', () => {
    const sat = { operator: 'GE' as const, target: '90', unit: '%' };
    // 91.7 / 90 = 101.89 → green
    expect(indicatorWarning(sat, '91.7', 6)).toMatchObject({
      basis: 'LEVEL',
      v: '101.89',
      level: 'GREEN',
    });
    const strict = { ...DEFAULT_MONITORING_CONFIG, levelUnits: [] };
    // 91.7 / (90 × 50%) = 203.78 → blue
    expect(indicatorWarning(sat, '91.7', 6, strict)).toMatchObject({
      basis: 'PRO_RATA',
      v: '203.78',
      level: 'BLUE',
    });
  });
  it('定性: the option decides the colour; unknown text is reported, not guessed', () => {
    const q = { operator: 'QUAL' as const, target: '明显提升', unit: '' };
    expect(indicatorWarning(q, 'ACHIEVED', 6).level).toBe('GREEN');
    expect(indicatorWarning(q, '部分达成', 6).level).toBe('YELLOW');
    expect(indicatorWarning(q, '未达成年度指标且效果较差', 6).level).toBe('RED');
    expect(indicatorWarning(q, '还行', 6)).toMatchObject({ level: null, reason: 'BAD_VALUE' });
  });
  it('no progress value → no colour, reason NO_PROGRESS', () => {
    expect(indicatorWarning(events, null, 6)).toMatchObject({ level: null, reason: 'NO_PROGRESS' });
  });
  it('goalwarn is the worst colour: red > yellow > green > blue', () => {
    expect(worstWarning(['BLUE', 'GREEN', 'YELLOW'])).toBe('YELLOW');
    expect(worstWarning(['BLUE', 'RED', null])).toBe('RED');
    expect(worstWarning(['BLUE', 'BLUE'])).toBe('BLUE');
    expect(worstWarning([null])).toBeNull();
    expect(countWarnings(['RED', 'YELLOW', 'YELLOW', null, 'BLUE'])).toEqual({
      red: 1,
      yellow: 2,
      green: 0,
      blue: 1,
    });
  });
});

describe('monitoring config', () => {
  it('defaults when null; every problem listed when bad', () => {
    expect(parseMonitoringConfig(null)).toEqual({ ok: true, value: DEFAULT_MONITORING_CONFIG });
    const bad = parseMonitoringConfig({
      timeProgress: { 13: 5, 6: 'x' },
      budget: { red: 90, yellow: 80 },
      cutoffMonths: [0],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.length).toBeGreaterThanOrEqual(4);
    }
  });
});

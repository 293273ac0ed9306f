import { describe, expect, it } from 'vitest';
import {
  budgetGate,
  conclusionFor,
  defaultExAnteTemplate,
  requiredAssessments,
  scoreSheet,
  templatePoints,
  type PointInput,
} from './index.ts';

const project = defaultExAnteTemplate('PROJECT');
const full = (): PointInput[] =>
  templatePoints(project).map((p) => ({ pointCode: p.code, score: p.weight }));

describe('ex-ante conclusion bands', () => {
  it('is half-open: 89.99 revise, 90.00 support, 69.99 reject, 70 revise', () => {
    expect(conclusionFor('89.99')).toBe('SUPPORT_AFTER_REVISION');
    expect(conclusionFor('90.00')).toBe('SUPPORT');
    expect(conclusionFor('89.5')).toBe('SUPPORT_AFTER_REVISION');
    expect(conclusionFor('69.99')).toBe('REJECT');
    expect(conclusionFor('70')).toBe('SUPPORT_AFTER_REVISION');
    expect(conclusionFor('100')).toBe('SUPPORT');
    expect(conclusionFor('0')).toBe('REJECT');
  });
});

describe('templates', () => {
  it.each(['PROJECT', 'POLICY'] as const)('%s: five dimensions × 20 = 100', (type) => {
    const t = defaultExAnteTemplate(type);
    expect(t.dimensions.map((x) => x.code)).toEqual([
      'NECESSITY',
      'ECONOMY',
      'TARGET_REASONABLENESS',
      'FEASIBILITY',
      'FUNDING_COMPLIANCE',
    ]);
    const sheet = scoreSheet(t, []);
    expect(sheet.maxTotal).toBe('100.00');
    expect(sheet.rows.filter((r) => r.level === 1).map((r) => r.weight)).toEqual(
      Array(5).fill('20.00'),
    );
  });
});

describe('score sheet', () => {
  it('full marks: 100, complete, 予以支持', () => {
    const s = scoreSheet(project, full());
    expect(s).toMatchObject({
      total: '100.00',
      complete: true,
      conclusion: 'SUPPORT',
      problems: [],
    });
  });

  it('parents are sums; ratings convert by the shares; a note is required below full marks', () => {
    const inputs = full();
    inputs[0] = { pointCode: inputs[0]!.pointCode, rating: 'GOOD', note: '规划依据不够具体' };
    inputs[1] = { pointCode: inputs[1]!.pointCode, score: '3.25' };
    const s = scoreSheet(project, inputs);
    const byCode = new Map(s.rows.map((r) => [r.code, r]));
    expect(byCode.get('NECESSITY.1.1')!.score).toBe('4.00');
    expect(byCode.get('NECESSITY.1')!.score).toBe('7.25');
    expect(byCode.get('NECESSITY')!.score).toBe('17.25');
    expect(s.total).toBe('97.25');
    expect(s.complete).toBe(false);
    expect(s.problems).toEqual([
      expect.objectContaining({ pointCode: 'NECESSITY.1.2', code: 'NOTE_REQUIRED' }),
    ]);
  });

  it('refuses a score above the weight, three decimals, negatives, text and unknown points', () => {
    const s = scoreSheet(project, [
      { pointCode: 'NECESSITY.1.1', score: '5.01' },
      { pointCode: 'NECESSITY.1.2', score: '4.125' },
      { pointCode: 'NECESSITY.2.1', score: '-1' },
      { pointCode: 'NECESSITY.2.2', score: 'abc' },
      { pointCode: 'NOPE', score: '1' },
    ]);
    const codes = Object.fromEntries(s.problems.map((p) => [p.pointCode, p.code]));
    expect(codes).toMatchObject({
      'NECESSITY.1.1': 'OVER_WEIGHT',
      'NECESSITY.1.2': 'TOO_MANY_DECIMALS',
      'NECESSITY.2.1': 'NEGATIVE',
      'NECESSITY.2.2': 'NOT_A_NUMBER',
      NOPE: 'UNKNOWN_POINT',
      'ECONOMY.1.1': 'MISSING',
    });
    expect(s.problems.find((p) => p.code === 'OVER_WEIGHT')!.zh).toContain('评估得分大于权重');
    expect(s.total).toBe('0.00');
  });
});

describe('which items need which assessment', () => {
  it('applies the default thresholds', () => {
    expect(requiredAssessments({ isNew: true, amount: '999999.99' })).toMatchObject({
      department: false,
      finance: false,
    });
    expect(requiredAssessments({ isNew: true, amount: '1000000' })).toMatchObject({
      department: true,
      finance: false,
    });
    expect(requiredAssessments({ isNew: true, amount: '5000000' })).toMatchObject({
      department: true,
      finance: true,
    });
    expect(requiredAssessments({ isNew: false, amount: '9000000' }).department).toBe(false);
    expect(requiredAssessments({ isNew: false, amount: '200000', sensitive: true })).toMatchObject({
      department: true,
      finance: true,
      reasons: ['FLAGGED'],
    });
  });

  it('flags continuing items that grow more than the configured share', () => {
    const thr = { departmentThreshold: '1000000', financeThreshold: '5000000', growthShare: '0.3' };
    const facts = { isNew: false, amount: '1400000', previousAmount: '1000000' };
    expect(requiredAssessments(facts, thr)).toMatchObject({
      department: true,
      reasons: ['GROWTH_OVER_SHARE'],
    });
    expect(requiredAssessments({ ...facts, amount: '1300000' }, thr).department).toBe(false);
  });
});

describe('budget gate', () => {
  it('lets through supported items and confirmed revisions only', () => {
    expect(budgetGate({ required: false, latest: null })).toEqual({ allowed: true });
    expect(budgetGate({ required: true, latest: null })).toEqual({
      allowed: false,
      reason: 'NOT_ASSESSED',
    });
    expect(
      budgetGate({ required: true, latest: { conclusion: 'REJECT', confirmed: true } }),
    ).toEqual({ allowed: false, reason: 'REJECTED' });
    expect(
      budgetGate({
        required: true,
        latest: { conclusion: 'SUPPORT_AFTER_REVISION', confirmed: false },
      }),
    ).toEqual({ allowed: false, reason: 'REVISION_UNCONFIRMED' });
    expect(
      budgetGate({
        required: true,
        latest: { conclusion: 'SUPPORT_AFTER_REVISION', confirmed: true },
      }).allowed,
    ).toBe(true);
    expect(
      budgetGate({ required: true, latest: { conclusion: 'SUPPORT', confirmed: false } }).allowed,
    ).toBe(true);
  });
});

// Stage rules of the pipeline: forward with implied dates, back only with a reason, dates in order.
import { describe, expect, it } from 'vitest';
import {
  allowedMoves,
  fillImpliedDates,
  moveStage,
  NO_STAGE_DATES,
  parseStage,
  reachedBy,
  stageFromDates,
  validateStageDates,
  type StageDates,
} from './pipeline-stages.ts';

const TODAY = '2023-12-31';
const negotiating: StageDates = {
  ...NO_STAGE_DATES,
  LEAD: '2023-02-01',
  NEGOTIATING: '2023-03-15',
};

describe('moveStage', () => {
  it('洽谈 → 注册落地 on 2023-06-20 also reaches 签约 that day (a stage reached implies the earlier ones)', () => {
    const r = moveStage('NEGOTIATING', negotiating, 'REGISTERED', {
      date: '2023-06-20',
      today: TODAY,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) {
      return;
    }
    expect(r.value.stage).toBe('REGISTERED');
    expect(r.value.reached).toEqual(['SIGNED', 'REGISTERED']);
    expect(r.value.dates).toEqual({
      LEAD: '2023-02-01',
      NEGOTIATING: '2023-03-15',
      SIGNED: '2023-06-20',
      REGISTERED: '2023-06-20',
      OPERATING: null,
    });
    expect(validateStageDates(r.value.stage, r.value.dates, TODAY)).toEqual([]);
  });

  it('refuses a date before the current stage was reached, a date after today, and no date', () => {
    const early = moveStage('NEGOTIATING', negotiating, 'SIGNED', {
      date: '2023-03-14',
      today: TODAY,
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'DATE_BEFORE_PREVIOUS' } });
    expect(early.ok ? '' : early.error.zh).toContain('早于「洽谈」日期 2023-03-15');
    expect(
      moveStage('NEGOTIATING', negotiating, 'SIGNED', { date: '2024-01-02', today: TODAY }),
    ).toMatchObject({ ok: false, error: { code: 'DATE_IN_FUTURE' } });
    expect(
      moveStage('NEGOTIATING', negotiating, 'SIGNED', { date: null, today: TODAY }),
    ).toMatchObject({ ok: false, error: { code: 'DATE_INVALID' } });
    expect(
      moveStage('NEGOTIATING', negotiating, 'SIGNED', { date: '2023-02-30', today: TODAY }),
    ).toMatchObject({ ok: false, error: { code: 'DATE_INVALID' } });
  });

  it('the same stage is not a move', () => {
    expect(
      moveStage('NEGOTIATING', negotiating, 'NEGOTIATING', { date: '2023-05-01', today: TODAY }),
    ).toMatchObject({ ok: false, error: { code: 'SAME_STAGE' } });
  });

  it('moving back is a correction: it needs a reason and clears the later dates', () => {
    const signed: StageDates = { ...negotiating, SIGNED: '2023-05-05' };
    expect(moveStage('SIGNED', signed, 'LEAD', { today: TODAY })).toMatchObject({
      ok: false,
      error: { code: 'REASON_REQUIRED' },
    });
    const r = moveStage('SIGNED', signed, 'LEAD', { today: TODAY, reason: '误录：尚未开始洽谈' });
    expect(r).toMatchObject({
      ok: true,
      value: { stage: 'LEAD', direction: 'back', cleared: ['NEGOTIATING', 'SIGNED'] },
    });
    expect(r.ok && r.value.dates).toEqual({ ...NO_STAGE_DATES, LEAD: '2023-02-01' });
  });
});

describe('validateStageDates', () => {
  it('a signed project must carry the 线索, 洽谈 and 签约 dates and nothing later', () => {
    const errors = validateStageDates(
      'SIGNED',
      { ...negotiating, REGISTERED: '2023-07-01' },
      TODAY,
    );
    expect(errors.map((e) => [e.code, e.stage])).toEqual([
      ['DATE_MISSING', 'SIGNED'],
      ['DATE_AFTER_STAGE', 'REGISTERED'],
    ]);
  });
  it('dates must not go backwards along the stages nor lie in the future', () => {
    const errors = validateStageDates(
      'SIGNED',
      { ...NO_STAGE_DATES, LEAD: '2023-05-01', NEGOTIATING: '2023-04-01', SIGNED: '2024-03-01' },
      TODAY,
    );
    expect(errors.map((e) => e.code)).toEqual(['DATES_OUT_OF_ORDER', 'DATE_IN_FUTURE']);
    expect(errors[0]!.zh).toBe('「洽谈」日期 2023-04-01 早于「线索」日期 2023-05-01');
  });
});

describe('helpers', () => {
  it('parses codes and Chinese names', () => {
    expect(parseStage('注册落地')).toBe('REGISTERED');
    expect(parseStage('开工/开业')).toBe('OPERATING');
    expect(parseStage('signed')).toBe('SIGNED');
    expect(parseStage('完成')).toBeNull();
  });
  it('lists the allowed moves', () => {
    expect(allowedMoves('SIGNED')).toEqual({
      forward: ['REGISTERED', 'OPERATING'],
      back: ['LEAD', 'NEGOTIATING'],
    });
    expect(allowedMoves('OPERATING').forward).toEqual([]);
  });
  it('derives the stage from dates and fills the skipped ones from the next later date', () => {
    const dates: StageDates = { ...NO_STAGE_DATES, LEAD: '2023-01-05', REGISTERED: '2023-08-08' };
    expect(stageFromDates(dates)).toBe('REGISTERED');
    expect(fillImpliedDates('REGISTERED', dates)).toEqual({
      LEAD: '2023-01-05',
      NEGOTIATING: '2023-08-08',
      SIGNED: '2023-08-08',
      REGISTERED: '2023-08-08',
      OPERATING: null,
    });
  });
  it('reachedBy compares with the as-of date', () => {
    expect(reachedBy(negotiating, 'NEGOTIATING', '2023-03-15')).toBe(true);
    expect(reachedBy(negotiating, 'NEGOTIATING', '2023-03-14')).toBe(false);
    expect(reachedBy(negotiating, 'SIGNED', TODAY)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { errorMessage } from '../errors.ts';
import {
  moveStage,
  NO_STAGE_DATES,
  type PipelineStage,
  type StageDates,
} from './pipeline-stages.ts';
import { stageMoveError } from './stage-move-errors.ts';

const DATES: StageDates = { ...NO_STAGE_DATES, LEAD: '2023-09-01', NEGOTIATING: '2023-09-20' };

function refusal(to: PipelineStage, date: string | null, reason: string | null = null) {
  const today = '2024-01-15';
  const r = moveStage('NEGOTIATING', DATES, to, { date, today, reason });
  if (r.ok) {
    throw new Error('expected a refusal');
  }
  const e = stageMoveError(r.error, { from: 'NEGOTIATING', dates: DATES, to, date, today });
  return {
    code: e.code,
    zh: errorMessage(e.code, e.params),
    en: errorMessage(e.code, e.params, 'en'),
    core: r.error,
  };
}

describe('stageMoveError', () => {
  it('names the rule and gives the same Chinese text as the stage rules', () => {
    for (const [to, date, reason, code] of [
      ['NEGOTIATING', '2023-10-01', null, 'STAGE_UNCHANGED'],
      ['LEAD', null, null, 'STAGE_BACK_REASON_REQUIRED'],
      ['SIGNED', '2023/10/01', null, 'STAGE_DATE_INVALID'],
      ['SIGNED', '2024-02-01', null, 'STAGE_DATE_IN_FUTURE'],
      ['SIGNED', '2023-09-19', null, 'STAGE_DATE_BEFORE_PREVIOUS'],
    ] as const) {
      const r = refusal(to, date, reason);
      expect(r.code).toBe(code);
      expect(r.zh).toBe(r.core.zh);
      expect(r.en).toBe(r.core.en);
    }
  });
});

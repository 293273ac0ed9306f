// A refused stage move (moveStage's StageError) as a code of the closed error set with its parameters,
// so the API answers the rule that failed with the catalogue's message.
import type { ErrorCode, ErrorParams } from '../errors.ts';
import {
  STAGE_LABEL,
  type PipelineStage,
  type StageDates,
  type StageError,
} from './pipeline-stages.ts';

export interface StageMoveAttempt {
  from: PipelineStage;
  dates: StageDates;
  to: PipelineStage;
  date: string | null;
  today: string;
}

export function stageMoveError(
  e: StageError,
  m: StageMoveAttempt,
): { code: ErrorCode; params: ErrorParams } {
  const stage = { stage: STAGE_LABEL[m.to].zh, stageEn: STAGE_LABEL[m.to].en };
  switch (e.code) {
    case 'SAME_STAGE':
      return { code: 'STAGE_UNCHANGED', params: stage };
    case 'REASON_REQUIRED':
      return { code: 'STAGE_BACK_REASON_REQUIRED', params: stage };
    case 'DATE_IN_FUTURE':
      return { code: 'STAGE_DATE_IN_FUTURE', params: { date: m.date ?? '', today: m.today } };
    case 'DATE_BEFORE_PREVIOUS':
      return {
        code: 'STAGE_DATE_BEFORE_PREVIOUS',
        params: {
          ...stage,
          date: m.date ?? '',
          from: STAGE_LABEL[m.from].zh,
          fromEn: STAGE_LABEL[m.from].en,
          fromDate: m.dates[m.from] ?? '',
        },
      };
    case 'DATE_INVALID':
    case 'DATE_MISSING':
    case 'DATE_AFTER_STAGE':
    case 'DATES_OUT_OF_ORDER':
      return { code: 'STAGE_DATE_INVALID', params: stage };
  }
}

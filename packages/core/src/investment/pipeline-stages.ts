// The investment pipeline (招商项目库): stages 线索 → 洽谈 → 签约 → 注册落地 → 开工/开业, the date each
// stage was reached, and the rules for moving a project: forward to any later stage (the skipped stages
// are reached the same day — a stage reached implies every earlier one reached), back only as a
// correction with a reason (the dates of the stages undone are cleared). Dates never lie in the future
// and never go backwards along the stages.
import type { Bilingual } from '../result.ts';
import { err, ok, type Result } from '../result.ts';
import { isIsoDate } from './iso-date.ts';

export const PIPELINE_STAGES = [
  'LEAD',
  'NEGOTIATING',
  'SIGNED',
  'REGISTERED',
  'OPERATING',
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const STAGE_LABEL: Readonly<Record<PipelineStage, Bilingual>> = {
  LEAD: { zh: '线索', en: 'Lead' },
  NEGOTIATING: { zh: '洽谈', en: 'Negotiating' },
  SIGNED: { zh: '签约', en: 'Signed' },
  REGISTERED: { zh: '注册落地', en: 'Registered' },
  OPERATING: { zh: '开工/开业', en: 'Operating' },
};

/** The date each stage was reached (ISO "YYYY-MM-DD"), null while not reached. */
export type StageDates = Readonly<Record<PipelineStage, string | null>>;

export const NO_STAGE_DATES: StageDates = {
  LEAD: null,
  NEGOTIATING: null,
  SIGNED: null,
  REGISTERED: null,
  OPERATING: null,
};

export function isPipelineStage(x: unknown): x is PipelineStage {
  return typeof x === 'string' && (PIPELINE_STAGES as readonly string[]).includes(x);
}

export function stageIndex(stage: PipelineStage): number {
  return PIPELINE_STAGES.indexOf(stage);
}

const STAGE_ALIASES: Readonly<Record<string, PipelineStage>> = {
  线索: 'LEAD',
  洽谈: 'NEGOTIATING',
  在谈: 'NEGOTIATING',
  签约: 'SIGNED',
  已签约: 'SIGNED',
  注册落地: 'REGISTERED',
  落地: 'REGISTERED',
  注册: 'REGISTERED',
  开工开业: 'OPERATING',
  '开工/开业': 'OPERATING',
  开工: 'OPERATING',
  开业: 'OPERATING',
};

/** A stage from its code ("SIGNED") or its Chinese name ("签约", "注册落地", "开工/开业"). */
export function parseStage(text: string): PipelineStage | null {
  const s = text.trim();
  if (isPipelineStage(s.toUpperCase())) {
    return s.toUpperCase() as PipelineStage;
  }
  return STAGE_ALIASES[s.replace(/\s+/g, '')] ?? null;
}

export type StageErrorCode =
  | 'SAME_STAGE'
  | 'REASON_REQUIRED'
  | 'DATE_INVALID'
  | 'DATE_IN_FUTURE'
  | 'DATE_BEFORE_PREVIOUS'
  | 'DATE_MISSING'
  | 'DATE_AFTER_STAGE'
  | 'DATES_OUT_OF_ORDER';

export interface StageError extends Bilingual {
  code: StageErrorCode;
  stage?: PipelineStage;
}

function stageError(
  code: StageErrorCode,
  zh: string,
  en: string,
  stage?: PipelineStage,
): StageError {
  return stage ? { code, zh, en, stage } : { code, zh, en };
}

/** The stages a project at `stage` may move to: any later one, or back to an earlier one (a correction). */
export function allowedMoves(stage: PipelineStage): {
  forward: PipelineStage[];
  back: PipelineStage[];
} {
  const i = stageIndex(stage);
  return { forward: PIPELINE_STAGES.slice(i + 1), back: PIPELINE_STAGES.slice(0, i) };
}

/**
 * Checks a project's stage and dates together: every stage up to `stage` has a date, no later stage
 * has one, dates are real, not after `today`, and never decrease along the stages.
 */
export function validateStageDates(
  stage: PipelineStage,
  dates: StageDates,
  today: string,
): StageError[] {
  const errors: StageError[] = [];
  const current = stageIndex(stage);
  let previous: { stage: PipelineStage; date: string } | null = null;
  for (const [i, s] of PIPELINE_STAGES.entries()) {
    const date = dates[s];
    const label = STAGE_LABEL[s];
    if (date === null) {
      if (i <= current) {
        errors.push(
          stageError(
            'DATE_MISSING',
            `当前阶段为「${STAGE_LABEL[stage].zh}」，须填写「${label.zh}」日期（达到某阶段即视为已经过此前各阶段）`,
            `Stage ${STAGE_LABEL[stage].en} needs the ${label.en} date (a stage reached implies the earlier ones)`,
            s,
          ),
        );
      }
      continue;
    }
    if (!isIsoDate(date)) {
      errors.push(
        stageError(
          'DATE_INVALID',
          `「${label.zh}」日期「${date}」不是有效日期（格式 YYYY-MM-DD）`,
          `${label.en} date "${date}" is not a valid date (YYYY-MM-DD)`,
          s,
        ),
      );
      continue;
    }
    if (i > current) {
      errors.push(
        stageError(
          'DATE_AFTER_STAGE',
          `当前阶段为「${STAGE_LABEL[stage].zh}」，不应填写「${label.zh}」日期`,
          `Stage ${STAGE_LABEL[stage].en} cannot have a ${label.en} date`,
          s,
        ),
      );
      continue;
    }
    if (date > today) {
      errors.push(
        stageError(
          'DATE_IN_FUTURE',
          `「${label.zh}」日期 ${date} 晚于今天（${today}）`,
          `${label.en} date ${date} is after today (${today})`,
          s,
        ),
      );
    }
    if (previous && date < previous.date) {
      errors.push(
        stageError(
          'DATES_OUT_OF_ORDER',
          `「${label.zh}」日期 ${date} 早于「${STAGE_LABEL[previous.stage].zh}」日期 ${previous.date}`,
          `${label.en} date ${date} is before the ${STAGE_LABEL[previous.stage].en} date ${previous.date}`,
          s,
        ),
      );
    }
    previous = { stage: s, date };
  }
  return errors;
}

export interface StageMove {
  stage: PipelineStage;
  dates: StageDates;
  direction: 'forward' | 'back';
  /** Stages newly reached on this move (the target and any skipped ones), in order. */
  reached: PipelineStage[];
  /** Stages whose dates a backward correction cleared. */
  cleared: PipelineStage[];
}

/**
 * Moves a project from `from` (with its dates) to `to`. Forward: `date` is the day `to` was reached; it
 * must not precede the current stage's date nor lie after `today`; skipped stages get the same date.
 * Back: a correction; `reason` is required and the later stages' dates are cleared.
 */
export function moveStage(
  from: PipelineStage,
  dates: StageDates,
  to: PipelineStage,
  options: { date?: string | null; today: string; reason?: string | null },
): Result<StageMove, StageError> {
  const i = stageIndex(from);
  const j = stageIndex(to);
  if (i === j) {
    return err(
      stageError(
        'SAME_STAGE',
        `项目已处于「${STAGE_LABEL[to].zh}」阶段`,
        `The project is already at ${STAGE_LABEL[to].en}`,
        to,
      ),
    );
  }
  if (j < i) {
    if (!options.reason?.trim()) {
      return err(
        stageError(
          'REASON_REQUIRED',
          `退回到「${STAGE_LABEL[to].zh}」属于更正，请填写退回原因`,
          `Moving back to ${STAGE_LABEL[to].en} is a correction: give a reason`,
          to,
        ),
      );
    }
    const next: Record<PipelineStage, string | null> = { ...dates };
    const cleared = PIPELINE_STAGES.slice(j + 1);
    for (const s of cleared) {
      next[s] = null;
    }
    return ok({
      stage: to,
      dates: next,
      direction: 'back',
      reached: [],
      cleared: cleared.filter((s) => dates[s] !== null),
    });
  }
  const date = options.date ?? '';
  if (!isIsoDate(date)) {
    return err(
      stageError(
        'DATE_INVALID',
        `请填写达到「${STAGE_LABEL[to].zh}」的日期（格式 YYYY-MM-DD）`,
        `Give the date ${STAGE_LABEL[to].en} was reached (YYYY-MM-DD)`,
        to,
      ),
    );
  }
  if (date > options.today) {
    return err(
      stageError(
        'DATE_IN_FUTURE',
        `日期 ${date} 晚于今天（${options.today}）`,
        `Date ${date} is after today (${options.today})`,
        to,
      ),
    );
  }
  const currentDate = dates[from];
  if (currentDate !== null && date < currentDate) {
    return err(
      stageError(
        'DATE_BEFORE_PREVIOUS',
        `「${STAGE_LABEL[to].zh}」日期 ${date} 早于「${STAGE_LABEL[from].zh}」日期 ${currentDate}`,
        `${STAGE_LABEL[to].en} date ${date} is before the ${STAGE_LABEL[from].en} date ${currentDate}`,
        to,
      ),
    );
  }
  const next: Record<PipelineStage, string | null> = { ...dates };
  const reached = PIPELINE_STAGES.slice(i + 1, j + 1);
  for (const s of reached) {
    next[s] = date;
  }
  return ok({ stage: to, dates: next, direction: 'forward', reached, cleared: [] });
}

/** The furthest stage that has a date (LEAD when none): how a stage is derived from imported dates. */
export function stageFromDates(dates: StageDates): PipelineStage {
  let stage: PipelineStage = 'LEAD';
  for (const s of PIPELINE_STAGES) {
    if (dates[s] !== null) {
      stage = s;
    }
  }
  return stage;
}

/** Fills the dates of stages skipped on the way to `stage` with the next known later date (import convenience). */
export function fillImpliedDates(stage: PipelineStage, dates: StageDates): StageDates {
  const next: Record<PipelineStage, string | null> = { ...dates };
  let later: string | null = null;
  for (let i = stageIndex(stage); i >= 0; i--) {
    const s = PIPELINE_STAGES[i]!;
    if (next[s] === null) {
      next[s] = later;
    } else {
      later = next[s];
    }
  }
  return next;
}

/** True when the project had reached `stage` on or before `asOf` (an ISO date). */
export function reachedBy(dates: StageDates, stage: PipelineStage, asOf: string): boolean {
  const d = dates[stage];
  return d !== null && d <= asOf;
}

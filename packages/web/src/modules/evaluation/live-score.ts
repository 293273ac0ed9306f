// Local edits over the server's scoring input, re-scored in the browser with core's engine (the same
// function the server and the CLI call) on every keystroke.
import {
  isScored,
  scoreFromJson,
  type Finding,
  type ScoredOutput,
  type ScoringError,
  type ScoringOutput,
} from '@jixiao/core/scoring/index';
import { isDecimalString } from '@jixiao/core/decimal';
import type { ContractIndicator, ContractInput } from '../../api/types.ts';

/** What the user may change on an indicator in the 自评表. */
export interface IndicatorEdit {
  actual?: string;
  score?: string;
  deviationNote?: string;
}

/** Edits of one subject, by the indicator's position id ("1", "2" …). */
export type SubjectEdits = Record<string, IndicatorEdit>;

export function applyEdits(input: ContractInput, edits: SubjectEdits | undefined): ContractInput {
  if (!edits || Object.keys(edits).length === 0) {
    return input;
  }
  return {
    ...input,
    indicators: input.indicators.map((i) => {
      const e = edits[i.id];
      if (!e) {
        return i;
      }
      return {
        ...i,
        actual: e.actual ?? i.actual,
        score: e.score !== undefined ? (e.score === '' ? null : e.score) : i.score,
        deviationNote: e.deviationNote !== undefined ? e.deviationNote : i.deviationNote,
      };
    }),
  };
}

/** A typed value that is not a number where one is needed ("abc" as an actual or a 定性 score). */
function invalidEdit(i: ContractIndicator, e: IndicatorEdit): boolean {
  const qual = i.operator === '定性' || i.operator === 'QUAL';
  const bad = (v: string | undefined) => v !== undefined && v !== '' && !isDecimalString(v);
  return (qual ? bad(e.score) : bad(e.actual)) === true;
}

/**
 * The edits the engine may score: a row whose typed value is not a number keeps its saved value in the score (the
 * row is marked on screen, the other rows keep their scores), and it is not saved until corrected.
 */
export function validEdits(input: ContractInput, edits: SubjectEdits | undefined): SubjectEdits {
  const out: SubjectEdits = {};
  for (const i of input.indicators) {
    const e = edits?.[i.id];
    if (e && !invalidEdit(i, e)) {
      out[i.id] = e;
    }
  }
  return out;
}

/** Scores an input (any JSON; invalid input gives {errors}). The metric/indicatorId extras are ignored by the engine. */
export function liveScore(input: ContractInput): ScoringOutput {
  const r = scoreFromJson(input);
  return 'output' in r ? r.output : { errors: r.errors };
}

export function scored(output: unknown): ScoredOutput | null {
  return typeof output === 'object' && output !== null && isScored(output as ScoringOutput)
    ? (output as ScoredOutput)
    : null;
}

export function errorsOf(output: unknown): ScoringError[] {
  if (typeof output === 'object' && output !== null && 'errors' in output) {
    const e = (output as { errors: unknown }).errors;
    return Array.isArray(e) ? (e as ScoringError[]) : [];
  }
  return [];
}

export function findingsOf(output: unknown): Finding[] {
  return scored(output)?.findings ?? [];
}

/** Indicators whose edited values differ from what the server has. */
export function changedIndicators(
  input: ContractInput,
  edits: SubjectEdits | undefined,
): { indicator: ContractIndicator; edit: IndicatorEdit }[] {
  if (!edits) {
    return [];
  }
  const out: { indicator: ContractIndicator; edit: IndicatorEdit }[] = [];
  for (const i of input.indicators) {
    const e = edits[i.id];
    if (!e) {
      continue;
    }
    const changed =
      (e.actual !== undefined && e.actual !== i.actual) ||
      (e.score !== undefined && e.score !== (i.score ?? '')) ||
      (e.deviationNote !== undefined && e.deviationNote !== (i.deviationNote ?? ''));
    if (changed) {
      out.push({ indicator: i, edit: e });
    }
  }
  return out;
}

// Rules of the department's responses to monitoring warnings (偏差原因, 完成目标可能性, 纠偏措施) that need no IO:
// which responses are malformed, and what a red or yellow warning still lacks before the form can be submitted.
import {
  COMPLETION_LIKELIHOODS,
  DEVIATION_REASONS,
  type CompletionLikelihood,
  type DeviationReason,
} from './warnings.ts';

export interface WarningResponseInput {
  subjectKey: string;
  deviationReasons?: readonly string[] | undefined;
  completionLikelihood?: string | null | undefined;
}

export interface ResponseProblem {
  subjectKey: string;
  message: string;
  messageEn: string;
}

/** Every problem of the responses: unknown subjects, deviation reasons or likelihoods. */
export function responseProblems(
  inputs: readonly WarningResponseInput[],
  subjects: ReadonlySet<string>,
): ResponseProblem[] {
  const problems: ResponseProblem[] = [];
  for (const i of inputs) {
    const at = (message: string, messageEn: string) =>
      problems.push({ subjectKey: i.subjectKey, message, messageEn });
    if (!subjects.has(i.subjectKey)) {
      at('没有该监控对象', 'no such monitored subject');
    }
    for (const r of i.deviationReasons ?? []) {
      if (!(DEVIATION_REASONS as readonly string[]).includes(r)) {
        at(`偏差原因「${r}」无效`, `unknown deviation reason ${r}`);
      }
    }
    if (
      i.completionLikelihood &&
      !(COMPLETION_LIKELIHOODS as readonly string[]).includes(i.completionLikelihood)
    ) {
      at('完成目标可能性无效', 'unknown completion likelihood');
    }
  }
  return problems;
}

export interface RecordedResponse {
  deviationReasons: readonly DeviationReason[];
  completionLikelihood: CompletionLikelihood | null;
  measures: string | null;
}

/** What a warning's response still lacks (in Chinese), empty when complete. */
export function missingResponseParts(r: RecordedResponse | null): string[] {
  return [
    ...(r && r.deviationReasons.length > 0 ? [] : ['偏差原因']),
    ...(r?.completionLikelihood ? [] : ['完成目标可能性']),
    ...(r?.measures ? [] : ['纠偏措施']),
  ];
}

/** Is the month (1–12) valid as a cut-off month? */
export function isMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

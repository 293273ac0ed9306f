// Building coded messages (errors and findings) in both languages, and the wording shared by both.
import type { CodedMessage } from './types.ts';

export function coded<C extends string>(
  code: C,
  indicator: string | null,
  message: string,
  messageEn: string,
): CodedMessage<C> {
  return { code, indicator, message, messageEn };
}

/** How an indicator is named in messages: 指标 3「活动按计划时间完成率」 / indicator 3 "…". */
export function indicatorLabel(id: string, name?: string): { zh: string; en: string } {
  return name === undefined || name === ''
    ? { zh: `指标 ${id}`, en: `indicator ${id}` }
    : { zh: `指标 ${id}「${name}」`, en: `indicator ${id} "${name}"` };
}

/** Capitalise the first letter of an English message. */
export function sentence(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

// Reading untrusted JSON values field by field: objects, texts and decimal numbers (strings or JSON numbers).
import type { Decimal } from '../decimal.ts';
import { jsonNumberToDecimalString, parseDecimal } from './exact.ts';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** How a decimal field reads: a value, absent (undefined/null), the wrong JSON type, or text that is not a number. */
export type DecimalRead =
  | { kind: 'ok'; text: string; value: Decimal }
  | { kind: 'absent' }
  | { kind: 'wrongType'; type: string }
  | { kind: 'notANumber'; shown: string };

/**
 * Decimal strings are the contract's format; JSON numbers are accepted too and converted through their own
 * text (12.5 → "12.5"), never through float arithmetic. The canonical text drops a leading "+" and blanks.
 */
export function readDecimal(v: unknown): DecimalRead {
  if (v === undefined || v === null) {
    return { kind: 'absent' };
  }
  if (typeof v === 'number') {
    const text = jsonNumberToDecimalString(v);
    const value = text === null ? null : parseDecimal(text);
    return text === null || value === null
      ? { kind: 'notANumber', shown: String(v) }
      : { kind: 'ok', text, value };
  }
  if (typeof v !== 'string') {
    return { kind: 'wrongType', type: jsonType(v) };
  }
  const value = parseDecimal(v);
  if (value === null) {
    return { kind: 'notANumber', shown: shorten(v) };
  }
  const t = v.trim();
  return { kind: 'ok', text: t.startsWith('+') ? t.slice(1) : t, value };
}

/** How a text field reads. */
export type TextRead =
  { kind: 'ok'; text: string } | { kind: 'absent' } | { kind: 'wrongType'; type: string };

export function readText(v: unknown): TextRead {
  if (v === undefined || v === null) {
    return { kind: 'absent' };
  }
  if (typeof v === 'string') {
    return { kind: 'ok', text: v };
  }
  return { kind: 'wrongType', type: jsonType(v) };
}

/** A text, or a JSON number taken as its text (ids such as 1, targets of 定性 indicators). */
export function readTextOrNumber(v: unknown): TextRead {
  if (typeof v === 'number' && Number.isFinite(v)) {
    return { kind: 'ok', text: String(v) };
  }
  return readText(v);
}

export function jsonType(v: unknown): string {
  if (v === null) {
    return 'null';
  }
  if (Array.isArray(v)) {
    return 'array';
  }
  return typeof v;
}

/** Shorten user text for a message. */
export function shorten(s: string, max = 40): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max).join('')}…`;
}

/** True when a note is missing or blank. */
export function isBlank(s: string | null | undefined): boolean {
  return s === undefined || s === null || s.trim() === '';
}

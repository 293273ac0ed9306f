// Errors → JSON responses: {error: {code, message, messageEn, details}}. Never a stack trace to users.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorMessage, type ErrorCode, type ErrorParams } from '@jixiao/core';
import { httpStatusOf, ServiceError } from './service-error.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; messageEn: string; details?: unknown };
}

/** The JSON error body of a code: its messages looked up and filled from params. */
export function errorBody(code: ErrorCode, params: ErrorParams = {}, details?: unknown): ErrorBody {
  return {
    error: {
      code,
      message: errorMessage(code, params, 'zh'),
      messageEn: errorMessage(code, params, 'en'),
      ...(details === undefined ? {} : { details }),
    },
  };
}

/** A ServiceError's body (its messages are already filled). */
export function serviceErrorBody(e: ServiceError): ErrorBody {
  return {
    error: {
      code: e.code,
      message: e.messageZh,
      messageEn: e.messageEn,
      ...(e.details === undefined ? {} : { details: e.details }),
    },
  };
}

interface ZodLikeIssue {
  path: PropertyKey[];
  message: string;
  code?: string;
}

/** Zod issues → field errors with a Chinese message a clerk understands. */
export function validationBody(issues: readonly ZodLikeIssue[]): ErrorBody {
  const fields = issues.map((i) => ({
    field: i.path.map(String).join('.'),
    message: zhIssue(i),
    messageEn: i.message,
  }));
  const first = fields[0];
  const problem = first
    ? `${first.field ? `字段「${first.field}」` : ''}${first.message}`
    : '格式不正确';
  const problemEn = first ? `${first.field} ${first.messageEn}`.trim() : 'malformed request';
  return errorBody('REQUEST_INVALID', { problem, problemEn }, { fields });
}

function zhIssue(i: ZodLikeIssue): string {
  // Messages written for our schemas are already Chinese (they contain CJK); translate zod's defaults.
  if (/[\u4e00-\u9fff]/.test(i.message)) {
    return i.message;
  }
  switch (i.code) {
    case 'invalid_type':
      return i.message.includes('received undefined') || i.message.includes('Required')
        ? '必填'
        : '类型不正确';
    case 'too_small':
      return '太短或太小';
    case 'too_big':
      return '太长或太大';
    case 'invalid_format':
    case 'invalid_string':
      return '格式不正确';
    case 'invalid_value':
    case 'invalid_enum_value':
      return '取值不在允许范围内';
    case 'unrecognized_keys':
      return '含有不允许的字段';
    default:
      return '格式不正确';
  }
}

export function handleError(e: unknown, c: Context): Response {
  if (e instanceof ServiceError) {
    const status = httpStatusOf(e.code);
    if (status === 503) {
      c.header('Retry-After', '10'); // busy or a tool missing: worth trying again shortly
    }
    return c.json(serviceErrorBody(e), status as ContentfulStatusCode);
  }
  if (e instanceof HTTPException) {
    const status = e.status;
    if (status === 413) {
      return c.json(errorBody('TOO_LARGE'), 413);
    }
    if (status === 400 && /json/i.test(e.message)) {
      return c.json(errorBody('JSON_INVALID'), 400);
    }
    if (status === 415) {
      return c.json(errorBody('UNSUPPORTED_MEDIA_TYPE'), 415);
    }
    return c.json(errorBody('HTTP'), status);
  }
  if (e instanceof SyntaxError) {
    return c.json(errorBody('JSON_INVALID'), 400);
  }
  const fromDatabase = databaseInputError(e);
  if (fromDatabase) {
    return c.json(fromDatabase, 400);
  }
  process.stderr.write(
    `[jixiao] unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  return c.json(errorBody('INTERNAL'), 500);
}

/** A value the database refused as data (not a defect of ours): a NUL byte, an impossible date, a bad number. */
function databaseInputError(e: unknown): ErrorBody | null {
  const cause = (e as { cause?: unknown }).cause ?? e;
  const code = (cause as { code?: unknown } | null)?.code;
  switch (code) {
    case '22021': // invalid byte sequence (NUL)
    case '22P05': // untranslatable character
      return errorBody('CONTROL_CHARACTER');
    case '22007': // invalid datetime format
    case '22008': // datetime field out of range (2023-02-30)
      return errorBody('VALUE_INVALID', {
        problem: '日期不存在或格式不对（例如 2023-02-30）',
        problemEn: 'the date does not exist or is malformed (e.g. 2023-02-30)',
      });
    case '22P02': // invalid text representation
    case '22003': // numeric value out of range
      return errorBody('VALUE_INVALID', {
        problem: '数字或编号格式不对，或超出范围',
        problemEn: 'a number or identifier is malformed or out of range',
      });
    default:
      return null;
  }
}

// Errors → JSON responses: {error: {code, message, messageEn, details}}. Never a stack trace to users.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { HTTP_STATUS, ServiceError } from './service-error.ts';

export interface ErrorBody {
  error: { code: string; message: string; messageEn: string; details?: unknown };
}

export function errorBody(
  code: string,
  message: string,
  messageEn: string,
  details?: unknown,
): ErrorBody {
  return { error: { code, message, messageEn, ...(details === undefined ? {} : { details }) } };
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
  return errorBody(
    'VALIDATION',
    first ? `输入有误：${first.field ? `字段「${first.field}」` : ''}${first.message}` : '输入有误',
    first ? `Invalid input: ${first.field} ${first.messageEn}` : 'Invalid input',
    { fields },
  );
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
    return c.json(errorBody(e.code, e.messageZh, e.messageEn, e.details), HTTP_STATUS[e.code]);
  }
  if (e instanceof HTTPException) {
    const status = e.status;
    if (status === 413) {
      return c.json(errorBody('TOO_LARGE', '上传文件过大', 'Payload too large'), 413);
    }
    if (status === 400 && /json/i.test(e.message)) {
      return c.json(
        errorBody('VALIDATION', '请求内容不是有效的 JSON', 'Request body is not valid JSON'),
        400,
      );
    }
    if (status === 415) {
      return c.json(
        errorBody(
          'UNSUPPORTED_MEDIA_TYPE',
          '请求内容类型不受支持：上传文件请用 multipart/form-data，其它请求请用 JSON',
          'Unsupported media type: upload files as multipart/form-data, send other requests as JSON',
        ),
        415,
      );
    }
    return c.json(errorBody('HTTP', e.message || '请求无效', e.message || 'Bad request'), status);
  }
  if (e instanceof SyntaxError) {
    return c.json(
      errorBody('VALIDATION', '请求内容不是有效的 JSON', 'Request body is not valid JSON'),
      400,
    );
  }
  process.stderr.write(
    `[jixiao] unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  return c.json(
    errorBody('INTERNAL', '服务器内部错误，请稍后重试或联系管理员', 'Internal server error'),
    500,
  );
}

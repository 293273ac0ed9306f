// The one error body every route declares: {error: {code, message, messageEn, details?}}, code from core's ERRORS.
import { z } from '@hono/zod-openapi';
import { ERROR_CODES, type ErrorCode } from '@jixiao/core';

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]).openapi({
        description: '错误代码（core 的 ERRORS 之一）',
      }),
      message: z.string().openapi({ description: '中文说明' }),
      messageEn: z.string().openapi({ description: 'English message' }),
      details: z
        .unknown()
        .optional()
        .openapi({ description: '随错误代码而定的补充信息（如 fields、issues）' }),
    }),
  })
  .openapi('ErrorBody');

/** A JSON error response of the shared body. */
export function errorResponse(description: string): {
  description: string;
  content: { 'application/json': { schema: typeof ErrorBodySchema } };
} {
  return { description, content: { 'application/json': { schema: ErrorBodySchema } } };
}

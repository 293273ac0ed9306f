// Service errors are codes of core's closed set (ERRORS): the code decides the HTTP status (by its kind) and the
// CLI's exit code, and both languages' messages are looked up by code and filled from the parameters.
import {
  ERRORS,
  ERROR_KIND_STATUS,
  errorMessage,
  type ErrorCode,
  type ErrorParams,
} from '@jixiao/core';

export type { ErrorCode } from '@jixiao/core';

/** The HTTP status of a code. */
export function httpStatusOf(code: ErrorCode): number {
  return ERROR_KIND_STATUS[ERRORS[code].kind];
}

export class ServiceError extends Error {
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    readonly details?: unknown,
  ) {
    const en = errorMessage(code, params, 'en');
    super(en);
    this.messageZh = errorMessage(code, params, 'zh');
    this.messageEn = en;
  }
}

export const notFound = (what: string, whatEn: string): ServiceError =>
  new ServiceError('NOT_FOUND', { what, whatEn });

export const forbidden = (): ServiceError => new ServiceError('FORBIDDEN');

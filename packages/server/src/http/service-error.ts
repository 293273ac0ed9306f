// Service errors are codes with both languages' messages; HTTP maps code → status, CLI → exit 2.
export type ServiceErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'LOCKED'
  | 'STATE'
  | 'IMPORT_INVALID'
  | 'DUPLICATE_IMPORT'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

export const HTTP_STATUS: Record<
  ServiceErrorCode,
  400 | 401 | 403 | 404 | 409 | 422 | 423 | 429 | 503
> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  VALIDATION: 400,
  CONFLICT: 409,
  LOCKED: 423,
  STATE: 409,
  IMPORT_INVALID: 422,
  DUPLICATE_IMPORT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(messageEn);
  }
}

export const notFound = (what: string, whatEn: string): ServiceError =>
  new ServiceError('NOT_FOUND', `未找到${what}`, `${whatEn} not found`);

export const forbidden = (): ServiceError =>
  new ServiceError(
    'FORBIDDEN',
    '无权访问该数据或执行该操作',
    'You are not allowed to access this data or perform this action',
  );

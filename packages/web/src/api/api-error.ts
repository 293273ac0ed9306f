// The API's error body {error:{code,message,messageEn,details:{fields:[{field,message}]}}} as a typed Error.

export interface FieldError {
  field: string;
  message: string;
  messageEn?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly fields: FieldError[];
  readonly details: unknown;

  constructor(
    status: number,
    code: string,
    messageZh: string,
    messageEn: string,
    details: unknown,
  ) {
    super(messageZh);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.details = details;
    this.fields = readFields(details);
  }

  /** The message in the user's language. */
  localized(lang: 'zh' | 'en'): string {
    return lang === 'en' && this.messageEn ? this.messageEn : this.messageZh;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readFields(details: unknown): FieldError[] {
  if (!isRecord(details) || !Array.isArray(details['fields'])) {
    return [];
  }
  const out: FieldError[] = [];
  for (const f of details['fields']) {
    if (isRecord(f) && typeof f['field'] === 'string' && typeof f['message'] === 'string') {
      out.push({
        field: f['field'],
        message: f['message'],
        messageEn: typeof f['messageEn'] === 'string' ? f['messageEn'] : undefined,
      });
    }
  }
  return out;
}

/** Builds an ApiError from a parsed body (or anything else the server sent). */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  if (isRecord(body) && isRecord(body['error'])) {
    const e = body['error'];
    const code = typeof e['code'] === 'string' ? e['code'] : `HTTP_${status}`;
    const zh = typeof e['message'] === 'string' ? e['message'] : `请求失败（${status}）`;
    const en = typeof e['messageEn'] === 'string' ? e['messageEn'] : `Request failed (${status})`;
    return new ApiError(status, code, zh, en, e['details']);
  }
  return new ApiError(
    status,
    `HTTP_${status}`,
    `请求失败（HTTP ${status}）`,
    `Request failed (HTTP ${status})`,
    undefined,
  );
}

export const NETWORK_ERROR = (): ApiError =>
  new ApiError(
    0,
    'NETWORK',
    '无法连接服务器，请检查网络后重试',
    'Cannot reach the server; check the network and retry',
    undefined,
  );

export function errorText(e: unknown, lang: 'zh' | 'en'): string {
  if (e instanceof ApiError) {
    return e.localized(lang);
  }
  return e instanceof Error ? e.message : String(e);
}

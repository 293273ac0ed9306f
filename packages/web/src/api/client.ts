// fetch wrapper: JSON in/out, the CSRF header on writes, typed errors, and a hook for "session expired".
import { ApiError, NETWORK_ERROR, apiErrorFrom } from './api-error.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfFromLogin: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfFromLogin = token;
}

/** Called when any request answers 401 (the session ended): the app returns to the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** The double-submit token: the non-HttpOnly jixiao_csrf cookie, else the one the login returned. */
export function csrfToken(): string | null {
  const m = /(?:^|;\s*)jixiao_csrf=([^;]+)/.exec(document.cookie);
  return m?.[1] !== undefined ? decodeURIComponent(m[1]) : csrfFromLogin;
}

export function writeHeaders(method: string): Record<string, string> {
  const token = method === 'GET' || method === 'HEAD' ? null : csrfToken();
  return token ? { 'X-CSRF-Token': token } : {};
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) {
    return path;
  }
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== null && v !== undefined && v !== '') {
      qs.set(k, String(v));
    }
  }
  const s = qs.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

async function readBody(res: Response): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    return res.json().catch(() => null);
  }
  return res.text().catch(() => null);
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not treat 401 as "session ended" (the login and me calls). */
  quiet401?: boolean;
}

export async function request<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...writeHeaders(method) };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') {
      throw e;
    }
    throw NETWORK_ERROR();
  }
  const parsed = await readBody(res);
  if (!res.ok) {
    if (res.status === 401 && !options.quiet401) {
      onUnauthorized?.();
    }
    throw apiErrorFrom(res.status, parsed);
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query): Promise<T> =>
    request<T>('POST', path, { body, query }),
  put: <T>(path: string, body?: unknown, query?: Query): Promise<T> =>
    request<T>('PUT', path, { body, query }),
  patch: <T>(path: string, body?: unknown, query?: Query): Promise<T> =>
    request<T>('PATCH', path, { body, query }),
  del: <T>(path: string, query?: Query): Promise<T> => request<T>('DELETE', path, { query }),
};

/** Downloads a file (report, template) with the session; resolves with the file name used. */
export async function downloadFile(
  path: string,
  query: Query | undefined,
  fallbackName: string,
): Promise<string> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), { credentials: 'same-origin' });
  } catch {
    throw NETWORK_ERROR();
  }
  if (!res.ok) {
    if (res.status === 401) {
      onUnauthorized?.();
    }
    throw apiErrorFrom(res.status, await readBody(res));
  }
  const blob = await res.blob();
  const name = fileNameFrom(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

export function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) {
    return null;
  }
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    return decodeURIComponent(star[1]);
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
}

export { ApiError };

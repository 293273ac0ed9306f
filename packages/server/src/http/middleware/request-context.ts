// Per-request facts the session middleware learns (session id, CSRF hash), kept beside the request, and the client IP.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export interface RequestSession {
  sessionId: string;
  csrfHash: string;
  /** The account's password was generated or reset by someone else and must be changed first. */
  mustChangePassword: boolean;
}

const sessions = new WeakMap<Request, RequestSession>();

export function setRequestSession(c: Context, s: RequestSession): void {
  sessions.set(c.req.raw, s);
}

export function requestSession(c: Context): RequestSession | null {
  return sessions.get(c.req.raw) ?? null;
}

/** The peer address; an X-Forwarded-For header is recorded beside it, never instead of it (it can be forged). */
export function clientIp(c: Context): string | null {
  let remote: string | null = null;
  try {
    remote = getConnInfo(c).remote.address ?? null;
  } catch {
    remote = null; // app.request() in tests has no socket
  }
  const xff = c.req.header('x-forwarded-for')?.split(',')[0]?.trim().slice(0, 64);
  if (xff) {
    return remote ? `${remote} (X-Forwarded-For: ${xff})` : `(X-Forwarded-For: ${xff})`;
  }
  return remote;
}

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

function peerAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}

/** The client address a trusted proxy reports: the last X-Forwarded-For entry (the one our proxy appended). */
function forwardedFor(c: Context): string | null {
  const entries = c.req.header('x-forwarded-for')?.split(',') ?? [];
  return entries[entries.length - 1]?.trim().slice(0, 64) || null;
}

function trustsProxy(c: Context): boolean {
  return (
    (c.get('deps') as { config?: { trustProxy?: boolean } } | undefined)?.config?.trustProxy ===
    true
  );
}

/**
 * The address sign-in limits count by (auth/login-throttle.ts): the peer; behind a trusted proxy
 * (JIXIAO_TRUST_PROXY=1) the client address the proxy reports. Never a header an untrusted client can set.
 */
export function throttleAddress(c: Context): string {
  return (trustsProxy(c) ? forwardedFor(c) : null) ?? peerAddress(c) ?? 'unknown';
}

/**
 * The peer address; an X-Forwarded-For header is recorded beside it, never instead of it (it can be forged). Behind
 * a trusted proxy the entry recorded is the proxy's (the last), otherwise the first.
 */
export function clientIp(c: Context): string | null {
  const remote = peerAddress(c);
  const xff = trustsProxy(c)
    ? forwardedFor(c)
    : c.req.header('x-forwarded-for')?.split(',')[0]?.trim().slice(0, 64);
  if (xff) {
    return remote ? `${remote} (X-Forwarded-For: ${xff})` : `(X-Forwarded-For: ${xff})`;
  }
  return remote;
}

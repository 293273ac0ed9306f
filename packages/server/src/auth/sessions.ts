// Session and CSRF tokens: 32 random bytes each, only their sha256 stored; sliding expiry; cookie names.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/open-db.ts';
import * as repo from '../features/accounts/accounts.repository.ts';

export const SESSION_COOKIE = 'jixiao_session';
export const CSRF_COOKIE = 'jixiao_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/** Renew (slide) a session at most this often, to spare a write per request. */
const RENEW_AFTER_MS = 60_000;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Constant-time comparison of two strings (false when lengths differ). */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface NewSession {
  session: repo.SessionRow;
  token: string;
  csrfToken: string;
}

export async function createSession(
  tx: Queryable,
  userId: string,
  now: Date,
  hours: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const session = await repo.insertSession(tx, {
    userId,
    tokenHash: sha256(token),
    csrfHash: sha256(csrfToken),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + hours * 3_600_000),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { session, token, csrfToken };
}

export interface AuthenticatedSession {
  session: repo.SessionRow;
  user: repo.UserRow;
  /** True when the expiry was pushed forward (the cookie should be re-sent). */
  renewed: boolean;
}

/** The live session of a cookie token, with sliding renewal; null when unknown, expired, revoked, or the user may not sign in. */
export async function authenticate(
  db: Queryable,
  token: string,
  now: Date,
  hours: number,
): Promise<AuthenticatedSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) {
    return null;
  }
  const found = await repo.findLiveSession(db, sha256(token), now);
  if (!found || found.user.disabled || (found.user.lockedUntil && found.user.lockedUntil > now)) {
    return null;
  }
  if (now.getTime() - found.session.lastSeenAt.getTime() < RENEW_AFTER_MS) {
    return { ...found, renewed: false };
  }
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await repo.touchSession(db, found.session.id, { lastSeenAt: now, expiresAt });
  return {
    session: { ...found.session, lastSeenAt: now, expiresAt },
    user: found.user,
    renewed: true,
  };
}

/** A fresh CSRF token for a session (when the browser lost its cookie). */
export async function rotateCsrf(db: Queryable, sessionId: string): Promise<string> {
  const csrfToken = newToken();
  await repo.touchSession(db, sessionId, { csrfHash: sha256(csrfToken) });
  return csrfToken;
}

// Sign-in: login behind the in-memory throttle (auth/login-throttle.ts: 429 instead of a lock-out), logout (this
// session or everywhere) and the owner's password change. Failures are audited once per address, account and window
// (and once more when a limit is reached), not once per attempt; every success is audited.
import type { Db, Queryable } from '../../db/open-db.ts';
import { recordAudit, type AuditActor } from '../../audit/audit-log.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../auth/password.ts';
import type { PasswordPolicy } from '../../auth/password-policy.ts';
import type { LoginThrottle, Refusal } from '../../auth/login-throttle.ts';
import { createSession, type NewSession } from '../../auth/sessions.ts';
import type { Actor } from '../../auth/actor.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import * as repo from './accounts.repository.ts';
import { actorOf, normalizeUsername, publicUser, type PublicUser } from './accounts-views.ts';
import {
  assertNotReused,
  assertStrong,
  fieldError,
  getPasswordPolicy,
  rememberReplacedPassword,
} from './accounts-passwords.ts';

export interface LoginInput {
  username: string;
  password: string;
  /** The client address as recorded in the audit log and on the session. */
  ip: string | null;
  /** The address the throttle counts by (the peer, or the trusted proxy's client address). */
  address: string;
  userAgent: string | null;
}

export interface LoginResult extends NewSession {
  user: PublicUser;
  /** The password was generated or reset by someone else: only a password change (or sign-out) is allowed. */
  mustChangePassword: boolean;
}

const BAD_CREDENTIALS = (): ServiceError => new ServiceError('LOGIN_FAILED');

export function lockedError(until: Date): ServiceError {
  const hhmm = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(until);
  return new ServiceError(
    'ACCOUNT_LOCKED',
    { until: hhmm, untilIso: until.toISOString() },
    { lockedUntil: until.toISOString() },
  );
}

/** 429: the details carry retryAfterSeconds (the route sends it as Retry-After). */
export function throttledError(r: Refusal): ServiceError {
  return new ServiceError(
    'LOGIN_THROTTLED',
    { minutes: Math.max(1, Math.ceil(r.retryAfterSeconds / 60)) },
    { retryAfterSeconds: r.retryAfterSeconds },
  );
}

/** An authenticated owner's wrong current password: counted on the account; locks it at the policy's limit. */
async function registerFailure(
  tx: Queryable,
  user: repo.UserRow,
  actor: Actor,
  policy: PasswordPolicy,
  now: Date,
): Promise<ServiceError | null> {
  const attempts = user.failedAttempts + 1;
  const lock = attempts >= policy.maxFailedAttempts;
  const until = new Date(now.getTime() + policy.lockMinutes * 60_000);
  await repo.updateUser(tx, user.id, {
    failedAttempts: lock ? 0 : attempts,
    ...(lock ? { lockedUntil: until } : {}),
    updatedAt: now,
  });
  await recordAudit(tx, actor, {
    action: 'auth.password.change.failed',
    entity: 'users',
    entityId: user.id,
    departmentCode: user.departmentCode,
    before: null,
    after: { attempts, ...(lock ? { lockedUntil: until.toISOString() } : {}) },
  });
  if (lock) {
    await repo.revokeUserSessions(tx, user.id, now);
  }
  return lock ? lockedError(until) : null;
}

/** Count a failed sign-in; audit the first of the window and each limit reached. Returns what to answer. */
async function loginFailed(
  db: Db,
  throttle: LoginThrottle,
  input: LoginInput,
  username: string,
  user: repo.UserRow | null,
  policy: PasswordPolicy,
  now: Date,
): Promise<ServiceError> {
  const outcome = throttle.failure(input.address, username, now, policy);
  const actor: AuditActor = {
    userId: user?.id ?? 'anonymous',
    username: username.slice(0, 64),
    role: user?.role ?? 'anonymous',
    ip: input.ip,
  };
  const target = {
    entity: 'users',
    entityId: user?.id ?? username.slice(0, 64),
    departmentCode: user?.departmentCode ?? null,
    before: null,
  };
  if (outcome.first) {
    await recordAudit(db, actor, {
      ...target,
      action: 'auth.login.failed',
      after: { reason: user ? 'wrongPassword' : 'unknownUser', windowMinutes: policy.lockMinutes },
    });
  }
  for (const scope of outcome.nowBlocked) {
    await recordAudit(db, actor, {
      ...target,
      action: 'auth.login.throttled',
      after: { scope, attempts: outcome.attempts, windowMinutes: policy.lockMinutes },
    });
  }
  return outcome.blockedUntil
    ? throttledError({
        scope: 'address+account',
        retryAfterSeconds: Math.ceil((outcome.blockedUntil.getTime() - now.getTime()) / 1000),
      })
    : BAD_CREDENTIALS();
}

/**
 * Sign in. Unknown account, wrong password, locked or disabled account: the same work (one scrypt check, against a
 * dummy hash when the account is unknown) and, without the right password, the same answer (401). Only the right
 * password learns that an account is locked (423) or disabled (403).
 */
export async function login(
  db: Db,
  input: LoginInput,
  now: Date,
  sessionHours: number,
  throttle: LoginThrottle,
): Promise<LoginResult> {
  const username = normalizeUsername(input.username);
  const policy = await getPasswordPolicy(db);
  const user = await repo.findUserByUsername(db, username);
  const refusal = await throttle.refusal(input.address, username, now, async () =>
    user && input.ip ? repo.hasSessionFrom(db, user.id, input.ip) : false,
  );
  if (refusal) {
    throw throttledError(refusal);
  }
  let ok = false;
  if (user) {
    ok = await verifyPassword(input.password, user.passwordHash);
  } else {
    await verifyAgainstDummy(input.password);
  }
  if (!user || !ok) {
    throw await loginFailed(db, throttle, input, username, user, policy, now);
  }
  const result = await signIn(db, user, input, now, sessionHours);
  throttle.success(input.address, username);
  return result;
}

/** The password was right: refuse a locked or disabled account (audited), else open a session. */
async function signIn(
  db: Db,
  user: repo.UserRow,
  input: LoginInput,
  now: Date,
  sessionHours: number,
): Promise<LoginResult> {
  const actor: AuditActor = {
    userId: user.id,
    username: user.username,
    role: user.role,
    ip: input.ip,
  };
  const outcome = await db.transaction(
    async (tx): Promise<{ error: ServiceError } | { result: LoginResult }> => {
      const fresh = await repo.lockUser(tx, user.id);
      if (!fresh) {
        return { error: BAD_CREDENTIALS() };
      }
      const refusal =
        fresh.lockedUntil && fresh.lockedUntil > now
          ? 'locked'
          : fresh.disabled
            ? 'disabled'
            : null;
      if (refusal) {
        await recordAudit(tx, actor, {
          action: `auth.login.${refusal}`,
          entity: 'users',
          entityId: user.id,
          departmentCode: user.departmentCode,
          before: null,
          after: refusal === 'locked' ? { lockedUntil: fresh.lockedUntil!.toISOString() } : null,
        });
        return {
          error:
            refusal === 'locked'
              ? lockedError(fresh.lockedUntil!)
              : new ServiceError('ACCOUNT_DISABLED'),
        };
      }
      return { result: await openSession(tx, fresh, input, now, sessionHours) };
    },
  );
  if ('error' in outcome) {
    throw outcome.error;
  }
  return outcome.result;
}

async function openSession(
  tx: Queryable,
  user: repo.UserRow,
  input: LoginInput,
  now: Date,
  sessionHours: number,
): Promise<LoginResult> {
  await repo.updateUser(tx, user.id, { failedAttempts: 0, lastLoginAt: now });
  const session = await createSession(tx, user.id, now, sessionHours, {
    ip: input.ip,
    userAgent: input.userAgent,
  });
  await recordAudit(tx, actorOf(user, input.ip), {
    action: 'auth.login',
    entity: 'sessions',
    entityId: session.session.id,
    departmentCode: user.departmentCode,
    before: null,
    after: {
      userAgent: input.userAgent?.slice(0, 120) ?? null,
      ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
    },
  });
  return { ...session, user: publicUser(user), mustChangePassword: user.mustChangePassword };
}

export async function logout(db: Db, actor: Actor, sessionId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.revokeSession(tx, sessionId, now);
    await recordAudit(tx, actor, {
      action: 'auth.logout',
      entity: 'sessions',
      entityId: sessionId,
      departmentCode: actor.departmentCode,
      before: null,
      after: null,
    });
  });
}

export async function logoutEverywhere(db: Db, actor: Actor, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const n = await repo.revokeUserSessions(tx, actor.userId, now);
    await recordAudit(tx, actor, {
      action: 'auth.logout.all',
      entity: 'users',
      entityId: actor.userId,
      departmentCode: actor.departmentCode,
      before: null,
      after: { sessionsRevoked: n },
    });
    return n;
  });
}

export async function changePassword(
  db: Db,
  actor: Actor,
  sessionId: string | null,
  current: string,
  next: string,
  now: Date,
): Promise<void> {
  const user = await repo.findUser(db, actor.userId);
  if (!user) {
    throw notFound('用户', 'User');
  }
  const policy = await getPasswordPolicy(db);
  const ok = await verifyPassword(current, user.passwordHash);
  if (!ok) {
    const locked = await db.transaction(async (tx) => {
      const fresh = await repo.lockUser(tx, user.id);
      return fresh ? registerFailure(tx, fresh, actor, policy, now) : null;
    });
    throw locked ?? fieldError('current', 'CURRENT_PASSWORD_WRONG');
  }
  if (current === next) {
    throw fieldError('next', 'PASSWORD_UNCHANGED');
  }
  assertStrong(next, user.username, policy, 'next');
  await assertNotReused(db, user, next, 'next');
  const hash = await hashPassword(next);
  await db.transaction(async (tx) => {
    // The owner chose this password: a pending forced change is done.
    await repo.updateUser(tx, user.id, {
      passwordHash: hash,
      passwordChangedAt: now,
      failedAttempts: 0,
      mustChangePassword: false,
      updatedAt: now,
    });
    await rememberReplacedPassword(tx, user, now);
    const revoked = await repo.revokeUserSessions(tx, user.id, now, sessionId ?? undefined);
    await recordAudit(tx, actor, {
      action: 'auth.password.change',
      entity: 'users',
      entityId: user.id,
      departmentCode: user.departmentCode,
      before: { mustChangePassword: user.mustChangePassword },
      after: { otherSessionsRevoked: revoked, mustChangePassword: false },
    });
  });
}

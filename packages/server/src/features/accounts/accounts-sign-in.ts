// Sign-in: login with lock-out after the policy's failed attempts, logout (this session or everywhere) and
// the owner's password change. Every attempt, success or failure, is audited.
import type { Db, Queryable } from '../../db/open-db.ts';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../../audit/audit-log.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../auth/password.ts';
import type { PasswordPolicy } from '../../auth/password-policy.ts';
import { createSession, type NewSession } from '../../auth/sessions.ts';
import type { Actor } from '../../auth/actor.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import * as repo from './accounts.repository.ts';
import { actorOf, normalizeUsername, publicUser, type PublicUser } from './accounts-views.ts';
import { assertStrong, fieldError, getPasswordPolicy } from './accounts-passwords.ts';

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult extends NewSession {
  user: PublicUser;
  /** The password was generated or reset by someone else: only a password change (or sign-out) is allowed. */
  mustChangePassword: boolean;
}

const BAD_CREDENTIALS = (): ServiceError => new ServiceError('LOGIN_FAILED');

function lockedError(until: Date, policy: PasswordPolicy): ServiceError {
  const hhmm = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(until);
  return new ServiceError(
    'ACCOUNT_LOCKED',
    { attempts: policy.maxFailedAttempts, until: hhmm, untilIso: until.toISOString() },
    { lockedUntil: until.toISOString() },
  );
}

/** Count a failed password check; locks the account at the policy's limit. Returns the error to throw (after commit). */
async function registerFailure(
  tx: Queryable,
  user: repo.UserRow,
  auditActor: AuditActor,
  policy: PasswordPolicy,
  now: Date,
  action: string,
): Promise<ServiceError | null> {
  const attempts = user.failedAttempts + 1;
  if (attempts >= policy.maxFailedAttempts) {
    const until = new Date(now.getTime() + policy.lockMinutes * 60_000);
    await repo.updateUser(tx, user.id, { failedAttempts: 0, lockedUntil: until, updatedAt: now });
    await recordAudit(tx, auditActor, {
      action,
      entity: 'users',
      entityId: user.id,
      departmentCode: user.departmentCode,
      before: null,
      after: { attempts },
    });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'auth.lockout',
      entity: 'users',
      entityId: user.id,
      departmentCode: user.departmentCode,
      before: null,
      after: { username: user.username, lockedUntil: until.toISOString(), attempts },
    });
    return lockedError(until, policy);
  }
  await repo.updateUser(tx, user.id, { failedAttempts: attempts, updatedAt: now });
  await recordAudit(tx, auditActor, {
    action,
    entity: 'users',
    entityId: user.id,
    departmentCode: user.departmentCode,
    before: null,
    after: { attempts },
  });
  return null;
}

export async function login(
  db: Db,
  input: LoginInput,
  now: Date,
  sessionHours: number,
): Promise<LoginResult> {
  const username = normalizeUsername(input.username);
  const policy = await getPasswordPolicy(db);
  const user = await repo.findUserByUsername(db, username);
  const anonymous: AuditActor = {
    userId: user?.id ?? 'anonymous',
    username: username.slice(0, 64),
    role: user?.role ?? 'anonymous',
    ip: input.ip,
  };
  if (!user) {
    await verifyAgainstDummy(input.password);
    await recordAudit(db, anonymous, {
      action: 'auth.login.failed',
      entity: 'users',
      entityId: username.slice(0, 64),
      departmentCode: null,
      before: null,
      after: { reason: 'unknownUser' },
    });
    throw BAD_CREDENTIALS();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(db, anonymous, {
      action: 'auth.login.locked',
      entity: 'users',
      entityId: user.id,
      departmentCode: user.departmentCode,
      before: null,
      after: { lockedUntil: user.lockedUntil.toISOString() },
    });
    throw lockedError(user.lockedUntil, policy);
  }
  const ok = await verifyPassword(input.password, user.passwordHash);
  const outcome = await db.transaction(
    async (tx): Promise<{ error: ServiceError } | { result: LoginResult }> => {
      const fresh = await repo.lockUser(tx, user.id);
      if (!fresh) {
        return { error: BAD_CREDENTIALS() };
      }
      if (fresh.lockedUntil && fresh.lockedUntil > now) {
        return { error: lockedError(fresh.lockedUntil, policy) }; // locked by a concurrent attempt
      }
      if (!ok) {
        const locked = await registerFailure(
          tx,
          fresh,
          anonymous,
          policy,
          now,
          'auth.login.failed',
        );
        return { error: locked ?? BAD_CREDENTIALS() };
      }
      if (fresh.disabled) {
        await recordAudit(tx, anonymous, {
          action: 'auth.login.disabled',
          entity: 'users',
          entityId: user.id,
          departmentCode: user.departmentCode,
          before: null,
          after: null,
        });
        return {
          error: new ServiceError('ACCOUNT_DISABLED'),
        };
      }
      await repo.updateUser(tx, user.id, {
        failedAttempts: 0,
        lockedUntil: null,
        lastLoginAt: now,
      });
      const session = await createSession(tx, user.id, now, sessionHours, {
        ip: input.ip,
        userAgent: input.userAgent,
      });
      await recordAudit(tx, actorOf(fresh, input.ip), {
        action: 'auth.login',
        entity: 'sessions',
        entityId: session.session.id,
        departmentCode: user.departmentCode,
        before: null,
        after: {
          userAgent: input.userAgent?.slice(0, 120) ?? null,
          ...(fresh.mustChangePassword ? { mustChangePassword: true } : {}),
        },
      });
      return {
        result: {
          ...session,
          user: publicUser(fresh),
          mustChangePassword: fresh.mustChangePassword,
        },
      };
    },
  );
  if ('error' in outcome) {
    throw outcome.error;
  }
  return outcome.result;
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
      return fresh
        ? registerFailure(tx, fresh, actor, policy, now, 'auth.password.change.failed')
        : null;
    });
    throw locked ?? fieldError('current', 'CURRENT_PASSWORD_WRONG');
  }
  if (current === next) {
    throw fieldError('next', 'PASSWORD_UNCHANGED');
  }
  assertStrong(next, user.username, policy, 'next');
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

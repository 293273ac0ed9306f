// Passwords of accounts: the password policy (read, set by the security administrator, audited) and the
// checks every new password passes (strength, common passwords, none of the last 5).
import type { Db, Queryable } from '../../db/open-db.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { verifyPassword } from '../../auth/password.ts';
import {
  DEFAULT_PASSWORD_POLICY,
  PASSWORD_HISTORY_DEPTH,
  POLICY_LIMITS,
  passwordProblems,
  type PasswordPolicy,
} from '../../auth/password-policy.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { ServiceError } from '../../http/service-error.ts';
import * as repo from './accounts.repository.ts';

export async function getPasswordPolicy(db: Queryable): Promise<PasswordPolicy> {
  const raw = await repo.getSetting(db, 'passwordPolicy');
  const p = { ...DEFAULT_PASSWORD_POLICY };
  if (raw) {
    for (const k of Object.keys(POLICY_LIMITS) as (keyof PasswordPolicy)[]) {
      const v = raw[k];
      if (
        typeof v === 'number' &&
        Number.isInteger(v) &&
        v >= POLICY_LIMITS[k].min &&
        v <= POLICY_LIMITS[k].max
      ) {
        p[k] = v;
      }
    }
  }
  return p;
}

export async function readPasswordPolicy(db: Db, actor: Actor): Promise<PasswordPolicy> {
  assertPermission(actor, 'security.policy');
  return getPasswordPolicy(db);
}

export async function setPasswordPolicy(
  db: Db,
  actor: Actor,
  next: PasswordPolicy,
  now: Date,
): Promise<PasswordPolicy> {
  assertPermission(actor, 'security.policy');
  for (const k of Object.keys(POLICY_LIMITS) as (keyof PasswordPolicy)[]) {
    const { min, max } = POLICY_LIMITS[k];
    if (!Number.isInteger(next[k]) || next[k] < min || next[k] > max) {
      throw new ServiceError('PASSWORD_POLICY_OUT_OF_RANGE', { setting: k, min, max });
    }
  }
  return db.transaction(async (tx) => {
    const before = await getPasswordPolicy(tx);
    await repo.putSetting(tx, 'passwordPolicy', { ...next }, actor.userId, now);
    await recordAudit(tx, actor, {
      action: 'security.passwordPolicy.set',
      entity: 'system_settings',
      entityId: 'passwordPolicy',
      departmentCode: null,
      before,
      after: next,
    });
    return next;
  });
}

/** An error on one input field (the web shows it beside that field). */
export function fieldError(
  field: string,
  code: 'PASSWORD_TOO_WEAK' | 'CURRENT_PASSWORD_WRONG' | 'PASSWORD_UNCHANGED' | 'PASSWORD_REUSED',
  params: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): ServiceError {
  const e = new ServiceError(code, params);
  return new ServiceError(code, params, {
    ...extra,
    fields: [{ field, message: e.messageZh, messageEn: e.messageEn }],
  });
}

export function assertStrong(
  password: string,
  username: string,
  policy: PasswordPolicy,
  field: string,
): void {
  const problems = passwordProblems(password, username, policy);
  if (problems.length > 0) {
    throw fieldError(
      field,
      'PASSWORD_TOO_WEAK',
      {
        problems: problems.map((p) => p.zh).join('；'),
        problemsEn: problems.map((p) => p.en).join('; '),
      },
      { problems },
    );
  }
}

/** Refuse a password the account had among its last PASSWORD_HISTORY_DEPTH (the current one included). */
export async function assertNotReused(
  db: Queryable,
  user: repo.UserRow,
  password: string,
  field: string,
): Promise<void> {
  const earlier = await repo.listPasswordHistory(db, user.id, PASSWORD_HISTORY_DEPTH - 1);
  const hashes = [user.passwordHash, ...earlier];
  const matches = await Promise.all(hashes.map((h) => verifyPassword(password, h)));
  if (matches.some(Boolean)) {
    throw fieldError(field, 'PASSWORD_REUSED', { count: String(PASSWORD_HISTORY_DEPTH) });
  }
}

/**
 * Keep the hash being replaced (call in the transaction that replaces it, which is audited). Its time is strictly
 * after the account's previous entry, so "the last N" is well defined even for changes within one clock tick.
 */
export async function rememberReplacedPassword(
  tx: Queryable,
  user: repo.UserRow,
  now: Date,
): Promise<void> {
  const latest = await repo.latestPasswordHistoryAt(tx, user.id);
  const replacedAt =
    latest && latest.getTime() >= now.getTime() ? new Date(latest.getTime() + 1) : now;
  await repo.insertPasswordHistory(tx, {
    userId: user.id,
    passwordHash: user.passwordHash,
    replacedAt,
  });
}

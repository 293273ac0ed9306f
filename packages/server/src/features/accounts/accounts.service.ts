// Accounts and sign-in: login with lock-out, logout (everywhere), password change, and the 三员 account
// operations (systemAdmin: accounts; securityAdmin: roles, lock-outs, password policy). Every change is audited.
import type { Bilingual } from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../../audit/audit-log.ts';
import {
  generatePassword,
  hashPassword,
  verifyAgainstDummy,
  verifyPassword,
} from '../../auth/password.ts';
import {
  DEFAULT_PASSWORD_POLICY,
  POLICY_LIMITS,
  passwordProblems,
  type PasswordPolicy,
} from '../../auth/password-policy.ts';
import { createSession, type NewSession } from '../../auth/sessions.ts';
import { DEPARTMENT_ROLES } from '../../auth/policies.ts';
import * as deptRepo from '../departments/departments.repository.ts';
import * as repo from './accounts.repository.ts';
import { isCli, type Actor, type Role } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';

/** What the API shows of an account (never the hash). */
export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentCode: string | null;
  regionCode: string;
}

export interface AdminUserView extends PublicUser {
  disabled: boolean;
  /** The password was set by someone else; the owner must change it at the next sign-in. */
  mustChangePassword: boolean;
  lockedUntil: string | null;
  failedAttempts: number;
  lastLoginAt: string | null;
  createdAt: string;
}

export function publicUser(u: repo.UserRow): PublicUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    departmentCode: u.departmentCode,
    regionCode: u.regionCode,
  };
}

function adminView(u: repo.UserRow): AdminUserView {
  return {
    ...publicUser(u),
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    failedAttempts: u.failedAttempts,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

export function actorOf(u: repo.UserRow, ip: string | null): Actor {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    departmentCode: u.departmentCode,
    regionCode: u.regionCode,
    ip,
  };
}

const USERNAME_RE = /^[a-z][a-z0-9_.-]{2,31}$/;

export function normalizeUsername(s: string): string {
  return s.trim().toLowerCase();
}

// ——— password policy ———

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
      throw new ServiceError('VALIDATION', {
        message: `密码策略「${k}」应为 ${min}–${max} 之间的整数`,
        messageEn: `Password policy ${k} must be an integer in ${min}..${max}`,
      });
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

/** A validation error on one input field (the web shows it beside that field). */
function fieldError(
  field: string,
  zh: string,
  en: string,
  extra: Record<string, unknown> = {},
): ServiceError {
  return new ServiceError(
    'VALIDATION',
    { message: zh, messageEn: en },
    {
      ...extra,
      fields: [{ field, message: zh, messageEn: en }],
    },
  );
}

function assertStrong(
  password: string,
  username: string,
  policy: PasswordPolicy,
  field: string,
): void {
  const problems = passwordProblems(password, username, policy);
  if (problems.length > 0) {
    throw fieldError(
      field,
      `密码不符合要求：${problems.map((p) => p.zh).join('；')}`,
      `Password rejected: ${problems.map((p) => p.en).join('; ')}`,
      { problems },
    );
  }
}

// ——— sign-in ———

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
    'LOCKED',
    {
      message: `账户已锁定（连续 ${policy.maxFailedAttempts} 次登录失败），请于 ${hhmm} 后再试，或联系安全管理员解锁`,
      messageEn: `Account locked after ${policy.maxFailedAttempts} failed sign-ins; try again after ${until.toISOString()} or ask the security administrator`,
    },
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
    throw locked ?? fieldError('current', '当前密码不正确', 'The current password is wrong');
  }
  if (current === next) {
    throw fieldError(
      'next',
      '新密码不能与当前密码相同',
      'The new password must differ from the current one',
    );
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

// ——— account administration ———

function adminRegionScope(actor: Actor): string {
  return isCli(actor) ? '*' : actor.regionCode;
}

function inScope(actor: Actor, u: { regionCode: string }): boolean {
  const scope = adminRegionScope(actor);
  return scope === '*' || u.regionCode === scope;
}

async function loadManagedUser(db: Queryable, actor: Actor, id: string): Promise<repo.UserRow> {
  const u = await repo.findUser(db, id);
  if (!u || !inScope(actor, u)) {
    throw notFound(`用户「${id}」`, `User ${id}`);
  }
  return u;
}

export async function listUsers(db: Db, actor: Actor): Promise<AdminUserView[]> {
  assertPermission(actor, 'user.read');
  return (await repo.listUsers(db, adminRegionScope(actor))).map(adminView);
}

/** The department an account of this role must (or may) belong to, and the region that follows. */
async function placement(
  db: Queryable,
  actor: Actor,
  role: Role,
  departmentCode: string | null | undefined,
): Promise<{ departmentCode: string | null; regionCode: string }> {
  if (departmentCode === null || departmentCode === undefined) {
    if (DEPARTMENT_ROLES.includes(role) || role === 'financeReviewer') {
      throw new ServiceError('VALIDATION', {
        message: '该角色的账户必须归属一个部门（填报、审核）或财政局（财政审核）',
        messageEn:
          'Accounts of this role must belong to a department (clerk, head) or a finance bureau (reviewer)',
      });
    }
    return { departmentCode: null, regionCode: adminRegionScope(actor) };
  }
  const dept = await deptRepo.findDepartment(db, departmentCode);
  if (!dept) {
    throw new ServiceError('VALIDATION', {
      message: `部门「${departmentCode}」不存在`,
      messageEn: `Department ${departmentCode} does not exist`,
    });
  }
  if (!inScope(actor, dept)) {
    throw new ServiceError('ACCOUNT_OTHER_REGION', {}, { reason: 'region', departmentCode });
  }
  if (DEPARTMENT_ROLES.includes(role) && dept.kind !== 'department') {
    throw new ServiceError('VALIDATION', {
      message: '填报员和部门负责人应归属预算部门，而不是财政局',
      messageEn:
        'Clerks and department heads belong to a spending department, not the finance bureau',
    });
  }
  if (!DEPARTMENT_ROLES.includes(role) && dept.kind !== 'financeBureau') {
    throw new ServiceError('VALIDATION', {
      message: '财政审核员和管理员账户应归属财政局',
      messageEn: 'Finance reviewers and administrators belong to the finance bureau',
    });
  }
  return { departmentCode: dept.code, regionCode: dept.regionCode };
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  departmentCode?: string | null;
  /** Omit to generate one (returned once). */
  password?: string;
  /**
   * Must the owner change the password at the first sign-in? Default true, for a generated password and for one
   * the administrator chose alike: either way someone else knows it. Only scripted set-ups (tests) pass false.
   */
  mustChangePassword?: boolean;
}

/** Roles a system administrator may give new accounts; 三员 roles are granted by the security administrator (or the CLI). */
const SYSTEM_ADMIN_CREATABLE: readonly Role[] = ['clerk', 'deptHead', 'financeReviewer'];

export async function createUser(
  db: Db,
  actor: Actor,
  input: CreateUserInput,
  now: Date,
): Promise<{ user: AdminUserView; generatedPassword: string | null }> {
  assertPermission(actor, 'user.manage');
  if (!isCli(actor) && !SYSTEM_ADMIN_CREATABLE.includes(input.role)) {
    throw new ServiceError(
      'ADMIN_ROLE_NOT_GRANTABLE',
      {},
      {
        reason: 'role',
        departmentCode: input.departmentCode ?? null,
      },
    );
  }
  const username = normalizeUsername(input.username);
  if (!USERNAME_RE.test(username)) {
    throw new ServiceError('VALIDATION', {
      message: '用户名须为 3–32 位小写字母、数字或 _ . -，以字母开头',
      messageEn: 'Username: 3–32 of a-z 0-9 _ . -, starting with a letter',
    });
  }
  const policy = await getPasswordPolicy(db);
  const password = input.password ?? generatePassword();
  assertStrong(password, username, policy, 'password');
  const place = await placement(db, actor, input.role, input.departmentCode);
  const hash = await hashPassword(password);
  const row = await db.transaction(async (tx) => {
    if (await repo.findUserByUsername(tx, username)) {
      throw new ServiceError('CONFLICT', {
        message: `用户名「${username}」已存在`,
        messageEn: `Username ${username} already exists`,
      });
    }
    const u = await repo.insertUser(tx, {
      username,
      displayName: input.displayName.trim(),
      role: input.role,
      departmentCode: place.departmentCode,
      regionCode: place.regionCode,
      passwordHash: hash,
      passwordChangedAt: now,
      mustChangePassword: input.mustChangePassword ?? true,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'user.create',
      entity: 'users',
      entityId: u.id,
      departmentCode: u.departmentCode,
      before: null,
      after: { ...publicUser(u), mustChangePassword: u.mustChangePassword },
    });
    return u;
  });
  return {
    user: adminView(row),
    generatedPassword: input.password === undefined ? password : null,
  };
}

export interface UpdateUserInput {
  displayName?: string | undefined;
  departmentCode?: string | undefined;
  disabled?: boolean | undefined;
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateUserInput,
  now: Date,
): Promise<AdminUserView> {
  assertPermission(actor, 'user.manage');
  const u = await loadManagedUser(db, actor, id);
  if (input.disabled === true && u.id === actor.userId) {
    throw new ServiceError('VALIDATION', {
      message: '不能停用自己的账户',
      messageEn: 'You cannot disable your own account',
    });
  }
  const place =
    input.departmentCode !== undefined
      ? await placement(db, actor, u.role, input.departmentCode)
      : null;
  return db.transaction(async (tx) => {
    const next = await repo.updateUser(tx, u.id, {
      ...(input.displayName !== undefined ? { displayName: input.displayName.trim() } : {}),
      ...(place ? { departmentCode: place.departmentCode, regionCode: place.regionCode } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      updatedAt: now,
    });
    if (input.disabled === true || place) {
      await repo.revokeUserSessions(tx, u.id, now);
    }
    await recordAudit(tx, actor, {
      action:
        input.disabled === true
          ? 'user.disable'
          : input.disabled === false && u.disabled
            ? 'user.enable'
            : 'user.update',
      entity: 'users',
      entityId: u.id,
      departmentCode: next.departmentCode,
      before: { ...publicUser(u), disabled: u.disabled },
      after: { ...publicUser(next), disabled: next.disabled },
    });
    return adminView(next);
  });
}

export async function resetPassword(
  db: Db,
  actor: Actor,
  id: string,
  now: Date,
): Promise<{ user: AdminUserView; generatedPassword: string }> {
  assertPermission(actor, 'user.manage');
  const u = await loadManagedUser(db, actor, id);
  const password = generatePassword();
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // Someone else now knows the password: the owner must change it at the next sign-in.
    const next = await repo.updateUser(tx, u.id, {
      passwordHash: hash,
      passwordChangedAt: now,
      mustChangePassword: true,
      updatedAt: now,
    });
    const revoked = await repo.revokeUserSessions(tx, u.id, now);
    await recordAudit(tx, actor, {
      action: 'user.password.reset',
      entity: 'users',
      entityId: u.id,
      departmentCode: u.departmentCode,
      before: { mustChangePassword: u.mustChangePassword },
      after: { sessionsRevoked: revoked, mustChangePassword: true },
    });
    return { user: adminView(next), generatedPassword: password };
  });
}

export async function setRole(
  db: Db,
  actor: Actor,
  id: string,
  role: Role,
  departmentCode: string | null | undefined,
  now: Date,
): Promise<AdminUserView> {
  assertPermission(actor, 'user.security');
  const u = await loadManagedUser(db, actor, id);
  if (u.id === actor.userId) {
    throw new ServiceError('VALIDATION', {
      message: '不能修改自己的角色',
      messageEn: 'You cannot change your own role',
    });
  }
  const place = await placement(
    db,
    actor,
    role,
    departmentCode === undefined ? u.departmentCode : departmentCode,
  );
  return db.transaction(async (tx) => {
    const next = await repo.updateUser(tx, u.id, {
      role,
      departmentCode: place.departmentCode,
      regionCode: place.regionCode,
      updatedAt: now,
    });
    await repo.revokeUserSessions(tx, u.id, now);
    await recordAudit(tx, actor, {
      action: 'user.role.set',
      entity: 'users',
      entityId: u.id,
      departmentCode: next.departmentCode,
      before: publicUser(u),
      after: publicUser(next),
    });
    return adminView(next);
  });
}

export async function unlockUser(
  db: Db,
  actor: Actor,
  id: string,
  now: Date,
): Promise<AdminUserView> {
  assertPermission(actor, 'user.security');
  const u = await loadManagedUser(db, actor, id);
  return db.transaction(async (tx) => {
    const next = await repo.updateUser(tx, u.id, {
      failedAttempts: 0,
      lockedUntil: null,
      updatedAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'user.unlock',
      entity: 'users',
      entityId: u.id,
      departmentCode: u.departmentCode,
      before: {
        lockedUntil: u.lockedUntil?.toISOString() ?? null,
        failedAttempts: u.failedAttempts,
      },
      after: { lockedUntil: null, failedAttempts: 0 },
    });
    return adminView(next);
  });
}

export async function lockUserAccount(
  db: Db,
  actor: Actor,
  id: string,
  minutes: number,
  now: Date,
): Promise<AdminUserView> {
  assertPermission(actor, 'user.security');
  const u = await loadManagedUser(db, actor, id);
  if (u.id === actor.userId) {
    throw new ServiceError('VALIDATION', {
      message: '不能锁定自己的账户',
      messageEn: 'You cannot lock your own account',
    });
  }
  const until = new Date(now.getTime() + minutes * 60_000);
  return db.transaction(async (tx) => {
    const next = await repo.updateUser(tx, u.id, { lockedUntil: until, updatedAt: now });
    const revoked = await repo.revokeUserSessions(tx, u.id, now);
    await recordAudit(tx, actor, {
      action: 'user.lock',
      entity: 'users',
      entityId: u.id,
      departmentCode: u.departmentCode,
      before: null,
      after: { lockedUntil: until.toISOString(), sessionsRevoked: revoked },
    });
    return adminView(next);
  });
}

// ——— first administrator, demo accounts ———

/**
 * When there is no account `admin` yet: create it (systemAdmin) with the configured or a generated password. A
 * generated one was printed to whoever reads the server log, so it must be changed at the first sign-in; a
 * configured JIXIAO_ADMIN_PASSWORD was chosen by the operator and is not forced.
 */
export async function ensureFirstAdmin(
  db: Db,
  configuredPassword: string | null,
  now: Date,
): Promise<{ created: boolean; password: string | null; problems: Bilingual[] }> {
  if (await repo.findUserByUsername(db, 'admin')) {
    return { created: false, password: null, problems: [] };
  }
  const password = configuredPassword ?? generatePassword();
  const problems = passwordProblems(password, 'admin');
  if (problems.length > 0) {
    return { created: false, password: null, problems };
  }
  const hash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    if (await repo.findUserByUsername(tx, 'admin')) {
      return false;
    }
    const u = await repo.insertUser(tx, {
      username: 'admin',
      displayName: '系统管理员',
      role: 'systemAdmin',
      departmentCode: null,
      regionCode: '*',
      passwordHash: hash,
      passwordChangedAt: now,
      mustChangePassword: configuredPassword === null,
      createdBy: 'system',
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'user.create',
      entity: 'users',
      entityId: u.id,
      departmentCode: null,
      before: null,
      after: {
        ...publicUser(u),
        firstAdministrator: true,
        mustChangePassword: u.mustChangePassword,
      },
    });
    return true;
  });
  return { created, password: created && !configuredPassword ? password : null, problems: [] };
}

export interface SeedUser {
  username: string;
  displayName: string;
  role: Role;
  departmentCode: string | null;
  regionCode: string;
  password: string;
}

/**
 * Insert accounts (demo / CLI) with hashed passwords, audited as the system; existing usernames are skipped. Their
 * passwords are published (the demo accounts in the README), so no change is forced: must_change_password stays false.
 */
export async function seedUsers(
  tx: Queryable,
  list: readonly SeedUser[],
  now: Date,
): Promise<number> {
  let n = 0;
  for (const s of list) {
    if (await repo.findUserByUsername(tx, s.username)) {
      continue;
    }
    const u = await repo.insertUser(tx, {
      username: s.username,
      displayName: s.displayName,
      role: s.role,
      departmentCode: s.departmentCode,
      regionCode: s.regionCode,
      passwordHash: await hashPassword(s.password),
      passwordChangedAt: now,
      createdBy: 'system',
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'user.create',
      entity: 'users',
      entityId: u.id,
      departmentCode: u.departmentCode,
      before: null,
      after: publicUser(u),
    });
    n += 1;
  }
  return n;
}

/** The id of an account by username (CLI), or null. */
export async function findUserIdByUsername(
  db: Queryable,
  username: string,
): Promise<string | null> {
  return (await repo.findUserByUsername(db, normalizeUsername(username)))?.id ?? null;
}

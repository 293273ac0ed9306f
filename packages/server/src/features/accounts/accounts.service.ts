// Account administration (三员): the system administrator manages accounts (create, edit, disable, reset a
// password); the security administrator grants business roles, locks and unlocks. Neither acts on an administrator
// of another duty, and administrator roles are granted only with the CLI (auth/policies.ts, accountActionRefusal).
// Every change is audited. Sign-in,
// passwords, the first administrator and the demo accounts live beside this file; their functions are
// re-exported here so callers keep one import.
import type { Db, Queryable } from '../../db/open-db.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { generatePassword, hashPassword } from '../../auth/password.ts';
import {
  accountActionRefusal,
  DEPARTMENT_ROLES,
  SYSTEM_ADMIN_CREATABLE,
  type AccountAction,
} from '../../auth/policies.ts';
import * as deptRepo from '../departments/departments.repository.ts';
import * as repo from './accounts.repository.ts';
import { isCli, type Actor, type Role } from '../../auth/actor.ts';
import { assertPermission, hiddenRefusal } from '../../auth/access.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import {
  adminView,
  normalizeUsername,
  publicUser,
  USERNAME_RE,
  type AdminUserView,
} from './accounts-views.ts';
import { assertStrong, getPasswordPolicy, rememberReplacedPassword } from './accounts-passwords.ts';

export {
  actorOf,
  normalizeUsername,
  publicUser,
  type AdminUserView,
  type PublicUser,
} from './accounts-views.ts';
export { getPasswordPolicy, readPasswordPolicy, setPasswordPolicy } from './accounts-passwords.ts';
export {
  changePassword,
  login,
  logout,
  logoutEverywhere,
  type LoginInput,
  type LoginResult,
} from './accounts-sign-in.ts';
export { ensureFirstAdmin, seedUsers, type SeedUser } from './accounts-seed.ts';

function adminRegionScope(actor: Actor): string {
  return isCli(actor) ? '*' : actor.regionCode;
}

function inScope(actor: Actor, u: { regionCode: string }): boolean {
  const scope = adminRegionScope(actor);
  return scope === '*' || u.regionCode === scope;
}

async function loadManagedUser(db: Queryable, actor: Actor, id: string): Promise<repo.UserRow> {
  const u = await repo.findUser(db, id);
  if (!u) {
    throw notFound(`用户「${id}」`, `User ${id}`);
  }
  if (!inScope(actor, u)) {
    throw hiddenRefusal(notFound(`用户「${id}」`, `User ${id}`), {
      reason: 'region',
      departmentCode: u.departmentCode,
    });
  }
  return u;
}

/** 三员分立: refuse an action on an administrator of another duty, or on administrator roles (CLI only). */
function assertDuty(
  actor: Actor,
  action: AccountAction,
  target: repo.UserRow,
  newRole?: Role,
): void {
  if (isCli(actor)) {
    return;
  }
  const code = accountActionRefusal(actor.role, action, target.role, newRole);
  if (code) {
    throw new ServiceError(
      code,
      {},
      { reason: 'role', departmentCode: target.departmentCode, permission: `user.${action}` },
    );
  }
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
      throw new ServiceError('ACCOUNT_DEPARTMENT_REQUIRED');
    }
    return { departmentCode: null, regionCode: adminRegionScope(actor) };
  }
  const dept = await deptRepo.findDepartment(db, departmentCode);
  if (!dept) {
    throw new ServiceError('ACCOUNT_DEPARTMENT_UNKNOWN', { department: departmentCode });
  }
  if (!inScope(actor, dept)) {
    throw new ServiceError('ACCOUNT_OTHER_REGION', {}, { reason: 'region', departmentCode });
  }
  if (DEPARTMENT_ROLES.includes(role) && dept.kind !== 'department') {
    throw new ServiceError('ROLE_NEEDS_SPENDING_DEPARTMENT');
  }
  if (!DEPARTMENT_ROLES.includes(role) && dept.kind !== 'financeBureau') {
    throw new ServiceError('ROLE_NEEDS_FINANCE_BUREAU');
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
    throw new ServiceError('USERNAME_INVALID');
  }
  const policy = await getPasswordPolicy(db);
  const password = input.password ?? generatePassword();
  assertStrong(password, username, policy, 'password');
  const place = await placement(db, actor, input.role, input.departmentCode);
  const hash = await hashPassword(password);
  const row = await db.transaction(async (tx) => {
    if (await repo.findUserByUsername(tx, username)) {
      throw new ServiceError('USERNAME_TAKEN', { username });
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
  assertDuty(actor, input.disabled === undefined ? 'edit' : 'disable', u);
  if (input.disabled === true && u.id === actor.userId) {
    throw new ServiceError('OWN_ACCOUNT_NOT_DISABLABLE');
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
  assertDuty(actor, 'resetPassword', u);
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
    await rememberReplacedPassword(tx, u, now);
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
    throw new ServiceError('OWN_ROLE_NOT_CHANGEABLE');
  }
  assertDuty(actor, 'setRole', u, role);
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
  assertDuty(actor, 'unlock', u);
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
  assertDuty(actor, 'lock', u);
  if (u.id === actor.userId) {
    throw new ServiceError('OWN_ACCOUNT_NOT_LOCKABLE');
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

/** The id of an account by username (CLI), or null. */
export async function findUserIdByUsername(
  db: Queryable,
  username: string,
): Promise<string | null> {
  return (await repo.findUserByUsername(db, normalizeUsername(username)))?.id ?? null;
}

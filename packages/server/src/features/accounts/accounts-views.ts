// What the API shows of an account (never the hash), the actor a signed-in account acts as, and how a
// username is written (trimmed, lower case).
import type { Actor, Role } from '../../auth/actor.ts';
import type * as repo from './accounts.repository.ts';

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

export function adminView(u: repo.UserRow): AdminUserView {
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

export const USERNAME_RE = /^[a-z][a-z0-9_.-]{2,31}$/;

export function normalizeUsername(s: string): string {
  return s.trim().toLowerCase();
}

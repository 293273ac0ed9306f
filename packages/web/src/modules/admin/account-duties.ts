// 三员分立 on the account screens, as the server enforces it (auth/policies.ts): the system administrator creates,
// edits, disables and resets business accounts (and accounts of its own duty); the security administrator grants
// business roles, locks and unlocks (business accounts and its own duty). Administrator roles are granted only on
// the server's command line, so no screen offers them. The server checks every request again.
import type { Schema } from '../../api/schema.ts';
import type { Role } from '../../app/roles.ts';

export type Account = Schema<'UserAccount'> & { departmentName?: string | null };

export const ADMIN_ROLES: readonly Role[] = ['systemAdmin', 'securityAdmin', 'auditAdmin'];
/** Roles a system administrator gives a new account here (a third party's accounts: 第三方机构账户). */
export const CREATABLE_ROLES: readonly Role[] = ['clerk', 'deptHead', 'financeReviewer'];
/** Roles a security administrator may grant (a third party's account is opened with its agency). */
export const GRANTABLE_ROLES: readonly Role[] = ['clerk', 'deptHead', 'financeReviewer'];
/** Roles that belong to a department (or, for the reviewer, to the finance bureau). */
export const PLACED_ROLES: readonly Role[] = ['clerk', 'deptHead', 'financeReviewer'];

export type AccountAction = 'edit' | 'disable' | 'resetPassword' | 'setRole' | 'lock' | 'unlock';

const DUTY: Partial<Record<Role, readonly AccountAction[]>> = {
  systemAdmin: ['edit', 'disable', 'resetPassword'],
  securityAdmin: ['setRole', 'lock', 'unlock'],
};

export function mayCreate(actor: Role): boolean {
  return actor === 'systemAdmin';
}

/** May this administrator do this to the account (what the server would allow)? */
export function mayAct(
  actor: { role: Role; id: string },
  action: AccountAction,
  target: Account,
): boolean {
  if (!(DUTY[actor.role] ?? []).includes(action)) {
    return false;
  }
  const targetIsAdmin = ADMIN_ROLES.includes(target.role);
  if (action === 'setRole') {
    return !targetIsAdmin && target.id !== actor.id;
  }
  return !targetIsAdmin || target.role === actor.role;
}

export type AccountState = 'disabled' | 'locked' | 'mustChange' | 'active';

export function accountState(a: Account, now: Date): AccountState {
  if (a.disabled) {
    return 'disabled';
  }
  if (a.lockedUntil && new Date(a.lockedUntil) > now) {
    return 'locked';
  }
  return a.mustChangePassword ? 'mustChange' : 'active';
}

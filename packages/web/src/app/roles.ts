// The roles (core's vocabulary: 三员分立 + business roles) and which area of the app each one works in.
import type { Role } from '@jixiao/core/vocabulary';

export type { Role };

export const DEPARTMENT_ROLES: readonly Role[] = ['clerk', 'deptHead'];
export const BUREAU_ROLES: readonly Role[] = ['financeReviewer'];
export const ADMIN_ROLES: readonly Role[] = ['systemAdmin', 'securityAdmin', 'auditAdmin'];

export function isDepartmentRole(r: Role): boolean {
  return DEPARTMENT_ROLES.includes(r);
}

export function isBureauRole(r: Role): boolean {
  return BUREAU_ROLES.includes(r);
}

// The start page for each role after signing in.
import type { SessionUser } from '../api/types.ts';

export function homePath(user: SessionUser): string {
  switch (user.role) {
    case 'clerk':
    case 'deptHead':
      return user.departmentCode ? `/dept/${user.departmentCode}/dashboard` : '/admin/home';
    case 'financeReviewer':
      return '/bureau/overview';
    case 'systemAdmin':
    case 'securityAdmin':
    case 'auditAdmin':
      return '/admin/home';
    case 'thirdParty':
      return '/admin/exante';
  }
}

/** May this user open the department's pages? (The server enforces it again on every request.) */
export function canOpenDepartment(user: SessionUser, code: string): boolean {
  if (user.role === 'clerk' || user.role === 'deptHead') {
    return user.departmentCode === code;
  }
  if (user.role === 'financeReviewer') {
    // Agency codes of the 一体化 system need not start with the region code; the server refuses another
    // region's department (403), which the page shows.
    return true;
  }
  return false;
}

/** May this user change the department's data (clerk or head of that department)? */
export function canEditDepartment(user: SessionUser, code: string): boolean {
  return (user.role === 'clerk' || user.role === 'deptHead') && user.departmentCode === code;
}

/** May this user enter actual values and edit goals of the department (the clerk of that department)? */
export function canEnterData(user: SessionUser, code: string): boolean {
  return user.role === 'clerk' && user.departmentCode === code;
}

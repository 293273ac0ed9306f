// Data scoping: which departments an actor may see and change. Every service calls these.
import { ServiceError, forbidden } from './errors.ts';
import { isCli, type Actor } from './actor.ts';

export interface DepartmentRef {
  code: string;
  regionCode: string;
}

/** May the actor read this department's business data? */
export function canReadDepartment(actor: Actor, dept: DepartmentRef): boolean {
  if (isCli(actor)) {
    return true;
  }
  switch (actor.role) {
    case 'clerk':
    case 'deptHead':
      return actor.departmentCode === dept.code;
    case 'financeReviewer':
      return actor.regionCode === dept.regionCode;
    case 'systemAdmin':
    case 'securityAdmin':
    case 'auditAdmin':
      return false; // 三员分立: administrators manage the system, not the business data
  }
}

export function assertCanRead(actor: Actor, dept: DepartmentRef): void {
  if (!canReadDepartment(actor, dept)) {
    throw forbidden();
  }
}

/** Department data entry (clerk of that department; head may also edit). */
export function assertCanEdit(actor: Actor, dept: DepartmentRef): void {
  if (isCli(actor)) {
    return;
  }
  if ((actor.role === 'clerk' || actor.role === 'deptHead') && actor.departmentCode === dept.code) {
    return;
  }
  throw forbidden();
}

export function requireRole(actor: Actor, ...roles: Actor['role'][]): void {
  if (isCli(actor) || roles.includes(actor.role)) {
    return;
  }
  throw new ServiceError('FORBIDDEN', '当前角色无权执行该操作', 'Your role may not perform this action');
}

/** Regions whose departments the actor may list ('*' = all, for the CLI). */
export function visibleRegion(actor: Actor): string {
  return isCli(actor) ? '*' : actor.regionCode;
}

// Data scoping and permissions: which departments an actor may see and change, and what each role may do.
// Every service calls these. A refusal is a FORBIDDEN ServiceError whose details say why; the HTTP layer logs
// it in the audit trail as 'access.denied' (http/middleware/access-log.ts).
import { PERMISSIONS, roleMay, type Permission } from './policies.ts';
import { ServiceError, notFound } from '../http/service-error.ts';
import { isCli, type Actor } from './actor.ts';

export interface DepartmentRef {
  code: string;
  regionCode: string;
}

export type DenialReason = 'department' | 'role';

export function accessDenied(
  reason: DenialReason,
  departmentCode: string | null,
  permission?: string,
): ServiceError {
  return reason === 'department'
    ? new ServiceError(
        'DEPARTMENT_FORBIDDEN',
        {},
        { reason, departmentCode, ...(permission ? { permission } : {}) },
      )
    : new ServiceError(
        'ROLE_FORBIDDEN',
        {},
        { reason, departmentCode, ...(permission ? { permission } : {}) },
      );
}

/**
 * The answer for a department code that does not exist: the same refusal as for another department's code, so that
 * 404 against 403 does not tell which codes exist. The CLI, which may see every department, is told it does not exist.
 */
export function unknownDepartment(
  actor: Actor,
  code: string,
  permission?: Permission,
): ServiceError {
  if (isCli(actor)) {
    return notFound(`部门「${code}」`, `Department ${code}`);
  }
  if (permission) {
    // exactly what assertPermission answers for an existing department the actor may not read
    return accessDenied(roleMay(actor.role, permission) ? 'department' : 'role', code, permission);
  }
  return accessDenied(isBusinessRole(actor) ? 'department' : 'role', code);
}

export interface HiddenRefusal {
  reason: DenialReason | 'region';
  departmentCode: string | null;
}

const hiddenRefusals = new WeakMap<ServiceError, HiddenRefusal>();

/**
 * Mark an answer that hides another department's (or region's) item as not found: the caller learns nothing, and
 * the HTTP layer still logs the refusal as 'access.denied' (http/middleware/access-log.ts).
 */
export function hiddenRefusal(e: ServiceError, refusal: HiddenRefusal): ServiceError {
  hiddenRefusals.set(e, refusal);
  return e;
}

export function hiddenRefusalOf(e: ServiceError): HiddenRefusal | undefined {
  return hiddenRefusals.get(e);
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
    case 'thirdParty': // only the assessments assigned to its agency (features/exante)
      return false; // 三员分立: administrators manage the system, not the business data
  }
}

export function assertCanRead(actor: Actor, dept: DepartmentRef): void {
  if (!canReadDepartment(actor, dept)) {
    throw accessDenied(isBusinessRole(actor) ? 'department' : 'role', dept.code);
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
  throw accessDenied(
    actor.role === 'clerk' || actor.role === 'deptHead' || actor.role === 'financeReviewer'
      ? 'department'
      : 'role',
    dept.code,
  );
}

export function requireRole(actor: Actor, ...roles: Actor['role'][]): void {
  if (isCli(actor) || roles.includes(actor.role)) {
    return;
  }
  throw accessDenied('role', actor.departmentCode);
}

/**
 * The role may perform `permission` (policies.ts) and, when `dept` is given, on that department: department
 * roles on their own department only, the finance bureau on every department of its region.
 * Role is checked first, so an administrator touching business data is refused for its role.
 */
export function assertPermission(actor: Actor, permission: Permission, dept?: DepartmentRef): void {
  if (isCli(actor)) {
    return;
  }
  if (!roleMay(actor.role, permission)) {
    throw accessDenied('role', dept?.code ?? null, permission);
  }
  if (dept && !canReadDepartment(actor, dept)) {
    throw accessDenied('department', dept.code, permission);
  }
}

export function may(actor: Actor, permission: Permission, dept?: DepartmentRef): boolean {
  return (
    isCli(actor) || (roleMay(actor.role, permission) && (!dept || canReadDepartment(actor, dept)))
  );
}

function isBusinessRole(actor: Actor): boolean {
  return actor.role === 'clerk' || actor.role === 'deptHead' || actor.role === 'financeReviewer';
}

/** Regions whose departments the actor may list ('*' = all, for the CLI). */
export function visibleRegion(actor: Actor): string {
  return isCli(actor) ? '*' : actor.regionCode;
}

export { PERMISSIONS };

// Role × action: which roles may do what (三员分立: administrators never touch business data; auditors only read the log).
import type { Role } from './actor.ts';

export const PERMISSIONS = {
  /** Read goals, indicators, change requests of a department in scope. */
  'goal.read': ['clerk', 'deptHead', 'financeReviewer'],
  /** Create/edit/delete goals and indicators while draft or returned; submit. */
  'goal.edit': ['clerk'],
  /** First approval (or return) of a submitted goal set. */
  'goal.approve.dept': ['deptHead'],
  /** Finance-bureau approval (or return) when the fiscal year requires it. */
  'goal.approve.finance': ['financeReviewer'],
  /** Enter actual values of locked indicators. */
  'indicator.actual': ['clerk'],
  /** Reviewer deductions (扣分) with a reason. */
  'indicator.deduction': ['deptHead', 'financeReviewer'],
  'changeRequest.create': ['clerk'],
  'changeRequest.decide.dept': ['deptHead'],
  'changeRequest.decide.finance': ['financeReviewer'],
  /** Create and edit the department's projects (code, name, level, fund source, expenditure type). */
  'project.edit': ['clerk', 'deptHead'],
  /** See which fiscal years the region has opened (and their rule presets). */
  'fiscalYear.read': ['clerk', 'deptHead', 'financeReviewer'],
  /** Open a fiscal year for the region (rule preset, finance approval of goals). */
  'fiscalYear.open': ['financeReviewer'],
  'library.read': ['clerk', 'deptHead', 'financeReviewer'],
  'library.manage': ['financeReviewer'],
  /** List accounts. */
  'user.read': ['systemAdmin', 'securityAdmin'],
  /** Create accounts, edit names/departments, disable/enable, reset passwords. */
  'user.manage': ['systemAdmin'],
  /** Change roles, unlock accounts. */
  'user.security': ['securityAdmin'],
  'security.policy': ['securityAdmin'],
  /** See which items need an ex-ante assessment and their state (department roles: their own; bureau: region). */
  'exante.read': ['clerk', 'deptHead', 'financeReviewer'],
  /** Register, score and submit the department's ex-ante assessments. */
  'exante.edit': ['clerk', 'deptHead'],
  /** Review: 意见审核 / 评估审核 / send to a third party / return / confirm; thresholds and agencies. */
  'exante.review': ['financeReviewer'],
  /** Score the assessments assigned to the account's agency (and nothing else). */
  'exante.thirdParty': ['thirdParty'],
  /** See 整改 items (department roles: their own department's; the bureau: its region's). */
  'rectification.read': ['clerk', 'deptHead', 'financeReviewer'],
  /** Work an item: measures, start, evidence, submit the result for 复核. */
  'rectification.edit': ['clerk', 'deptHead'],
  /** Raise items by hand, 复核 (accept → 销号 or send back), deadlines per region and year. */
  'rectification.review': ['financeReviewer'],
  /** See a department's publication package and proof (department roles: their own; bureau: region). */
  'publication.read': ['clerk', 'deptHead', 'financeReviewer'],
  /** Prepare the department's publication package and record its publication (URL, date, screenshot). */
  'publication.prepare': ['clerk', 'deptHead'],
  /** Flag evaluations 拟报人大 and produce the yearly summary for the 决算 and the 人大. */
  'npc.manage': ['financeReviewer'],
  /** See the 预算安排建议 (结果应用): department roles their own department's lines, the bureau its region's. */
  'linkage.read': ['clerk', 'deptHead', 'financeReviewer'],
  /** Confirm or override a line of the 预算安排建议; edit the region's linkage rules. */
  'linkage.decide': ['financeReviewer'],
  /** See external evaluations (财政重点评价): bureau its region's, departments their own concluded ones, a third party its assigned. */
  'externalEvaluation.read': ['clerk', 'deptHead', 'financeReviewer', 'thirdParty'],
  /** Pick objects, assign the evaluator, edit the indicator template, return and conclude evaluations. */
  'externalEvaluation.manage': ['financeReviewer'],
  /** Score and submit an evaluation: the assigned in-house reviewer, or the accounts of the assigned 第三方机构. */
  'externalEvaluation.score': ['financeReviewer', 'thirdParty'],
  /** Read, search, export and verify the audit log. */
  'audit.read': ['auditAdmin'],
  /** Download a backup of the whole database (operations; restore is done on the host, server stopped). */
  'system.backup': ['systemAdmin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleMay(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Roles that belong to one department (scope = that department). */
export const DEPARTMENT_ROLES: readonly Role[] = ['clerk', 'deptHead'];
/** Roles of the finance bureau and the administrators. */
export const BUREAU_ROLES: readonly Role[] = [
  'financeReviewer',
  'systemAdmin',
  'securityAdmin',
  'auditAdmin',
];
export const ALL_ROLES: readonly Role[] = [
  'clerk',
  'deptHead',
  'financeReviewer',
  'systemAdmin',
  'securityAdmin',
  'auditAdmin',
  'thirdParty',
];

/**
 * Roles a system administrator may give new accounts; 三员 roles are granted by the security administrator (or the
 * CLI). A thirdParty account sees only the ex-ante items assigned to its 第三方机构 (features/exante links it).
 */
export const SYSTEM_ADMIN_CREATABLE: readonly Role[] = [
  'clerk',
  'deptHead',
  'financeReviewer',
  'thirdParty',
];

/** The three administrative duties (三员). Every other role is a business account. */
export const ADMIN_ROLES: readonly Role[] = ['systemAdmin', 'securityAdmin', 'auditAdmin'];

export function isAdminRole(role: Role): boolean {
  return ADMIN_ROLES.includes(role);
}

/** What an administrator does to an account (the permission check — user.manage, user.security — comes first). */
export type AccountAction = 'edit' | 'disable' | 'resetPassword' | 'setRole' | 'lock' | 'unlock';

/**
 * 三员分立 on accounts, beyond the role's permission: an administrator acts on business accounts and on accounts
 * of its own duty only — never on an administrator of another duty (a system administrator resetting the auditor's
 * password could sign in as the auditor). The administrator roles themselves are granted, changed and withdrawn
 * only with the server's command line, never through the API (a security administrator could otherwise make any
 * account a system administrator). Null when allowed; else the code to refuse with.
 */
export function accountActionRefusal(
  actorRole: Role,
  action: AccountAction,
  targetRole: Role,
  newRole?: Role,
): 'ADMIN_ACCOUNT_PROTECTED' | 'ADMIN_ROLE_CLI_ONLY' | null {
  if (action === 'setRole' && (isAdminRole(targetRole) || (newRole && isAdminRole(newRole)))) {
    return 'ADMIN_ROLE_CLI_ONLY';
  }
  if (isAdminRole(targetRole) && targetRole !== actorRole) {
    return 'ADMIN_ACCOUNT_PROTECTED';
  }
  return null;
}

// Who is acting: every service call carries an Actor, and every query is scoped by it.
import type { Role } from '@jixiao/core';
/** The roles: core's vocabulary (ROLES). */
export type { Role };

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  clerk: { zh: '部门填报员', en: 'Department clerk' },
  deptHead: { zh: '部门负责人（审核）', en: 'Department head' },
  financeReviewer: { zh: '财政局审核员', en: 'Finance-bureau reviewer' },
  systemAdmin: { zh: '系统管理员', en: 'System administrator' },
  securityAdmin: { zh: '安全管理员', en: 'Security administrator' },
  auditAdmin: { zh: '审计管理员', en: 'Audit administrator' },
  thirdParty: { zh: '第三方机构评估人员', en: 'Third-party evaluator' },
};

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  /** The department an account belongs to (clerk, deptHead); null for finance bureau and admins. */
  departmentCode: string | null;
  /** The region the account serves (finance bureau sees all departments of it). */
  regionCode: string;
  /** Client address, for the audit log. */
  ip: string | null;
}

/** The local operator running the CLI on the server itself (full read/write, audited as "cli"). */
export const CLI_ACTOR: Actor = {
  userId: 'cli',
  username: 'cli',
  displayName: '命令行 (CLI)',
  role: 'systemAdmin',
  departmentCode: null,
  regionCode: '*',
  ip: null,
};

export function isCli(actor: Actor): boolean {
  return actor.userId === 'cli';
}

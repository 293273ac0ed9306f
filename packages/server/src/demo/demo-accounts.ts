// The demo's accounts, one per role (passwords meet the rules; listed in the README).
import type { Tx } from '../db/open-db.ts';
import type { Role } from '../auth/actor.ts';
import { seedUsers, type SeedUser } from '../features/accounts/accounts.service.ts';
import type { DemoData } from './demo-data.ts';

/** Demo accounts, one per role (passwords meet the rules; listed in the README). */
export const DEMO_ACCOUNTS: readonly { username: string; password: string; role: Role; displayName: string; of: 'department' | 'bureau' }[] = [
  { username: 'tzcj_clerk', password: 'Demo#Clerk2023', role: 'clerk', displayName: '区投资促进局 填报员', of: 'department' },
  { username: 'tzcj_head', password: 'Demo#Head2023!', role: 'deptHead', displayName: '区投资促进局 负责人', of: 'department' },
  { username: 'czj_reviewer', password: 'Demo#Review2023', role: 'financeReviewer', displayName: '区财政局 绩效审核员', of: 'bureau' },
  { username: 'sysadmin', password: 'Demo#SysAdmin2023', role: 'systemAdmin', displayName: '系统管理员', of: 'bureau' },
  { username: 'secadmin', password: 'Demo#SecAdmin2023', role: 'securityAdmin', displayName: '安全管理员', of: 'bureau' },
  { username: 'auditadmin', password: 'Demo#Audit2023!', role: 'auditAdmin', displayName: '审计管理员', of: 'bureau' },
];

export async function loadDemoAccounts(tx: Tx, data: DemoData): Promise<void> {
  const region = data.organization.department.regionCode;
  const list: SeedUser[] = DEMO_ACCOUNTS.map((a) => ({
    username: a.username,
    password: a.password,
    role: a.role,
    displayName: a.displayName,
    departmentCode: a.of === 'department' ? data.organization.department.code : data.organization.financeBureau.code,
    regionCode: region,
  }));
  await seedUsers(tx, list, new Date());
}


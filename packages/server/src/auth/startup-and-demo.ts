// Start-up and demo hooks of the auth/audit module: the first administrator, the indicator library, demo accounts.
import type { StartupHook } from '../startup.ts';
import type { DemoHook } from '../demo/demo-hooks.ts';
import type { Role } from '../services/actor.ts';
import { ensureFirstAdmin, seedUsers, type SeedUser } from '../services/user.service.ts';
import { ensureIndicatorLibrary } from '../services/indicator-library.service.ts';

/** First start: systemAdmin `admin` with JIXIAO_ADMIN_PASSWORD, or a generated password printed once (to be changed at the first sign-in). */
export const firstAdminStartupHook: StartupHook = async (deps, log) => {
  const r = await ensureFirstAdmin(deps.database.db, deps.config.adminPassword, deps.now());
  if (r.problems.length > 0) {
    throw new Error(`JIXIAO_ADMIN_PASSWORD 不符合密码规则 / does not meet the password rules: ${r.problems.map((p) => `${p.zh} (${p.en})`).join('; ')}`);
  }
  if (r.created) {
    log(
      r.password
        ? `[jixiao] 已创建系统管理员 admin，初始密码（仅显示这一次，首次登录须修改）/ created administrator "admin", initial password (shown once, must be changed at the first sign-in): ${r.password}`
        : '[jixiao] 已创建系统管理员 admin（密码取自 JIXIAO_ADMIN_PASSWORD）/ created administrator "admin" (password from JIXIAO_ADMIN_PASSWORD)',
    );
  }
};

/** Every start: the shipped indicator library is present (missing templates are added). */
export const indicatorLibraryStartupHook: StartupHook = async (deps, log) => {
  const n = await ensureIndicatorLibrary(deps.database.db);
  if (n > 0) {
    log(`[jixiao] 指标库已载入 ${n} 个指标模板 / indicator library: ${n} templates added`);
  }
};

/** Demo accounts, one per role (passwords meet the rules; listed in the README). */
export const DEMO_ACCOUNTS: readonly { username: string; password: string; role: Role; displayName: string; of: 'department' | 'bureau' }[] = [
  { username: 'tzcj_clerk', password: 'Demo#Clerk2023', role: 'clerk', displayName: '区投资促进局 填报员', of: 'department' },
  { username: 'tzcj_head', password: 'Demo#Head2023!', role: 'deptHead', displayName: '区投资促进局 负责人', of: 'department' },
  { username: 'czj_reviewer', password: 'Demo#Review2023', role: 'financeReviewer', displayName: '区财政局 绩效审核员', of: 'bureau' },
  { username: 'sysadmin', password: 'Demo#SysAdmin2023', role: 'systemAdmin', displayName: '系统管理员', of: 'bureau' },
  { username: 'secadmin', password: 'Demo#SecAdmin2023', role: 'securityAdmin', displayName: '安全管理员', of: 'bureau' },
  { username: 'auditadmin', password: 'Demo#Audit2023!', role: 'auditAdmin', displayName: '审计管理员', of: 'bureau' },
];

export const demoAccountsHook: DemoHook = async (tx, data) => {
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
};

export const demoIndicatorLibraryHook: DemoHook = async (tx) => {
  await ensureIndicatorLibrary(tx);
};

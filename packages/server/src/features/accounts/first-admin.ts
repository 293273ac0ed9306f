// What every server start does after migrations: the first administrator and the shipped indicator library.
import type { AppDeps } from '../../http/app-env.ts';
import { ensureFirstAdmin } from './accounts.service.ts';
import { ensureIndicatorLibrary } from '../indicator-library/indicator-library.service.ts';

export type StartupLog = (line: string) => void;

/** Runs every start-up task, in order (main.ts calls it once before serving). */
export async function runStartupTasks(deps: AppDeps, log: StartupLog): Promise<void> {
  await loadIndicatorLibraryAtStart(deps, log);
  await ensureFirstAdminAtStart(deps, log);
}

/** First start: systemAdmin `admin` with JIXIAO_ADMIN_PASSWORD, or a generated password printed once (to be changed at the first sign-in). */
export async function ensureFirstAdminAtStart(deps: AppDeps, log: StartupLog): Promise<void> {
  const r = await ensureFirstAdmin(deps.database.db, deps.config.adminPassword, deps.now());
  if (r.problems.length > 0) {
    throw new Error(
      `JIXIAO_ADMIN_PASSWORD 不符合密码规则 / does not meet the password rules: ${r.problems.map((p) => `${p.zh} (${p.en})`).join('; ')}`,
    );
  }
  if (r.created) {
    log(
      r.password
        ? `[jixiao] 已创建系统管理员 admin，初始密码（仅显示这一次，首次登录须修改）/ created administrator "admin", initial password (shown once, must be changed at the first sign-in): ${r.password}`
        : '[jixiao] 已创建系统管理员 admin（密码取自 JIXIAO_ADMIN_PASSWORD）/ created administrator "admin" (password from JIXIAO_ADMIN_PASSWORD)',
    );
  }
}

/** Every start: the shipped indicator library is present (missing templates are added). */
export async function loadIndicatorLibraryAtStart(deps: AppDeps, log: StartupLog): Promise<void> {
  const n = await ensureIndicatorLibrary(deps.database.db);
  if (n > 0) {
    log(`[jixiao] 指标库已载入 ${n} 个指标模板 / indicator library: ${n} templates added`);
  }
}

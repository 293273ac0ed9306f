// Accounts made by the system: the first administrator of an empty install, and the demo / CLI accounts
// (seedUsers), each audited as the system.
import type { Bilingual } from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../audit/audit-log.ts';
import { generatePassword, hashPassword } from '../../auth/password.ts';
import { passwordProblems } from '../../auth/password-policy.ts';
import type { Role } from '../../auth/actor.ts';
import * as repo from './accounts.repository.ts';
import { publicUser } from './accounts-views.ts';

/**
 * When there is no account `admin` yet: create it (systemAdmin) with the configured or a generated password. A
 * generated one was printed to whoever reads the server log, so it must be changed at the first sign-in; a
 * configured JIXIAO_ADMIN_PASSWORD was chosen by the operator and is not forced.
 */
export async function ensureFirstAdmin(
  db: Db,
  configuredPassword: string | null,
  now: Date,
): Promise<{ created: boolean; password: string | null; problems: Bilingual[] }> {
  if (await repo.findUserByUsername(db, 'admin')) {
    return { created: false, password: null, problems: [] };
  }
  const password = configuredPassword ?? generatePassword();
  const problems = passwordProblems(password, 'admin');
  if (problems.length > 0) {
    return { created: false, password: null, problems };
  }
  const hash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    if (await repo.findUserByUsername(tx, 'admin')) {
      return false;
    }
    const u = await repo.insertUser(tx, {
      username: 'admin',
      displayName: '系统管理员',
      role: 'systemAdmin',
      departmentCode: null,
      regionCode: '*',
      passwordHash: hash,
      passwordChangedAt: now,
      mustChangePassword: configuredPassword === null,
      createdBy: 'system',
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'user.create',
      entity: 'users',
      entityId: u.id,
      departmentCode: null,
      before: null,
      after: {
        ...publicUser(u),
        firstAdministrator: true,
        mustChangePassword: u.mustChangePassword,
      },
    });
    return true;
  });
  return { created, password: created && !configuredPassword ? password : null, problems: [] };
}

export interface SeedUser {
  username: string;
  displayName: string;
  role: Role;
  departmentCode: string | null;
  regionCode: string;
  password: string;
}

/**
 * Insert accounts (demo / CLI) with hashed passwords, audited as the system; existing usernames are skipped. Their
 * passwords are published (the demo accounts in the README), so no change is forced: must_change_password stays false.
 */
export async function seedUsers(
  tx: Queryable,
  list: readonly SeedUser[],
  now: Date,
): Promise<number> {
  let n = 0;
  for (const s of list) {
    if (await repo.findUserByUsername(tx, s.username)) {
      continue;
    }
    const u = await repo.insertUser(tx, {
      username: s.username,
      displayName: s.displayName,
      role: s.role,
      departmentCode: s.departmentCode,
      regionCode: s.regionCode,
      passwordHash: await hashPassword(s.password),
      passwordChangedAt: now,
      createdBy: 'system',
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'user.create',
      entity: 'users',
      entityId: u.id,
      departmentCode: u.departmentCode,
      before: null,
      after: publicUser(u),
    });
    n += 1;
  }
  return n;
}

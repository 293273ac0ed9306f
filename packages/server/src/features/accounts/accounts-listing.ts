// What the account screens list: accounts with their department's name, and the departments (and the finance
// bureau) an account may be placed in, and the rule table of roles and permissions — for both administrators who
// may read accounts (user.read).
import type { Db } from '../../db/open-db.ts';
import { isCli, type Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import * as repo from './accounts.repository.ts';
import { adminView, type AdminUserView } from './accounts-views.ts';
import { permissionMatrix, type PermissionRow } from '../../auth/permission-labels.ts';

export interface Placement {
  code: string;
  name: string;
  kind: 'department' | 'financeBureau';
}

function scopeOf(actor: Actor): string {
  return isCli(actor) ? '*' : actor.regionCode;
}

export async function listPlacements(db: Db, actor: Actor): Promise<Placement[]> {
  assertPermission(actor, 'user.read');
  return (await repo.listPlacements(db, scopeOf(actor))).filter(
    (p): p is Placement => p.kind !== 'unit',
  );
}

export async function listUsersWithNames(
  db: Db,
  actor: Actor,
): Promise<(AdminUserView & { departmentName: string | null })[]> {
  assertPermission(actor, 'user.read');
  const names = new Map(
    (await repo.listPlacements(db, scopeOf(actor))).map((p) => [p.code, p.name]),
  );
  return (await repo.listUsers(db, scopeOf(actor))).map((u) => ({
    ...adminView(u),
    departmentName: u.departmentCode ? (names.get(u.departmentCode) ?? null) : null,
  }));
}

/** 角色与权限: each permission in words with the roles the server grants it to. */
export function rolePermissions(actor: Actor): PermissionRow[] {
  assertPermission(actor, 'user.read');
  return permissionMatrix();
}

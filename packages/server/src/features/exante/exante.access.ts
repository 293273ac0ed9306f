// Who may see or act on an ex-ante item: department roles their own department's, the bureau its region's
// (policies.ts: exante.*), a third-party account only the items assigned to its agency.
import type { Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { isCli } from '../../auth/actor.ts';
import { accessDenied, assertPermission } from '../../auth/access.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import type { Permission } from '../../auth/policies.ts';
import type { Db } from '../../db/open-db.ts';
import { getDepartment } from '../departments/departments.service.ts';
import * as repo from './exante.repository.ts';

export function isThirdParty(actor: Actor): boolean {
  return !isCli(actor) && actor.role === 'thirdParty';
}

/** The agency of a third-party account (refused when the account belongs to none). */
export async function agencyOf(db: Queryable, actor: Actor): Promise<repo.AgencyRow> {
  const agency = await repo.agencyOfUser(db, actor.userId);
  if (!agency) {
    throw new ServiceError('EXANTE_NOT_ASSIGNED');
  }
  return agency;
}

/**
 * Loads an item the actor may act on with `permission`: 404 if it does not exist; a third-party account may read
 * and score only an item assigned to its agency; everyone else goes through the department check.
 */
export async function loadItemFor(
  db: Db,
  actor: Actor,
  id: string,
  permission: Permission,
): Promise<repo.ItemRow> {
  const item = await repo.findItem(db, id);
  if (!item) {
    throw notFound(`事前绩效评估「${id}」`, `Ex-ante assessment ${id}`);
  }
  if (isThirdParty(actor)) {
    if (permission !== 'exante.read' && permission !== 'exante.thirdParty') {
      throw accessDenied('role', item.departmentCode, permission);
    }
    const agency = await agencyOf(db, actor);
    if (item.agencyId !== agency.id) {
      throw new ServiceError('EXANTE_NOT_ASSIGNED');
    }
    return item;
  }
  const dept = await getDepartment(db, actor, item.departmentCode);
  assertPermission(actor, permission, dept);
  return item;
}

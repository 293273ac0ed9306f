// Loading an indicator with the access check of its department.
import type { Queryable } from '../../db/open-db.ts';
import * as repo from './indicators.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { notFound } from '../../http/service-error.ts';

/** An indicator the actor may act on with `permission` (404 unknown, 403 another department / role). */
export async function loadIndicatorFor(
  db: Queryable,
  actor: Actor,
  id: string,
  permission: Parameters<typeof assertPermission>[1],
): Promise<repo.IndicatorRow> {
  const r = await repo.findIndicator(db, id);
  if (!r) {
    throw notFound(`指标「${id}」`, `Indicator ${id}`);
  }
  assertPermission(actor, permission, { code: r.departmentCode, regionCode: r.regionCode });
  return r;
}

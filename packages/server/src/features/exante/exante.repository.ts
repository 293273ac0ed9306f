// Ex-ante SQL: configuration, agencies and their accounts, items, versions and events. The only SQL of the feature.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import {
  exanteAgencies,
  exanteAgencyMembers,
  exanteConfigs,
  exanteEvents,
  exanteItems,
  exanteVersions,
} from '../../db/schema/exante.ts';
import { departments } from '../../db/schema/organizations.ts';
import { users } from '../../db/schema/users.ts';

export type ItemRow = typeof exanteItems.$inferSelect;
export type NewItemRow = typeof exanteItems.$inferInsert;
export type VersionRow = typeof exanteVersions.$inferSelect;
export type NewVersionRow = typeof exanteVersions.$inferInsert;
export type EventRow = typeof exanteEvents.$inferSelect;
export type NewEventRow = typeof exanteEvents.$inferInsert;
export type AgencyRow = typeof exanteAgencies.$inferSelect;
export type ConfigRow = typeof exanteConfigs.$inferSelect;

export async function findConfig(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<ConfigRow | null> {
  const rows = await db
    .select()
    .from(exanteConfigs)
    .where(and(eq(exanteConfigs.regionCode, regionCode), eq(exanteConfigs.fiscalYear, year)));
  return rows[0] ?? null;
}

export async function upsertConfig(
  tx: Queryable,
  values: typeof exanteConfigs.$inferInsert,
): Promise<ConfigRow> {
  const [row] = await tx
    .insert(exanteConfigs)
    .values(values)
    .onConflictDoUpdate({
      target: [exanteConfigs.regionCode, exanteConfigs.fiscalYear],
      set: {
        thresholds: values.thresholds,
        ratingShares: values.ratingShares,
        templates: values.templates ?? null,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row!;
}

export async function listItems(
  db: Queryable,
  filter: { regionCode?: string; departmentCode?: string; year?: number; ids?: string[] },
): Promise<ItemRow[]> {
  const where = [
    filter.regionCode ? eq(exanteItems.regionCode, filter.regionCode) : undefined,
    filter.departmentCode ? eq(exanteItems.departmentCode, filter.departmentCode) : undefined,
    filter.year ? eq(exanteItems.fiscalYear, filter.year) : undefined,
    filter.ids ? inArray(exanteItems.id, filter.ids.length ? filter.ids : ['']) : undefined,
  ];
  return db
    .select()
    .from(exanteItems)
    .where(and(...where))
    .orderBy(asc(exanteItems.departmentCode), asc(exanteItems.projectCode));
}

export async function findItem(db: Queryable, id: string): Promise<ItemRow | null> {
  return (await db.select().from(exanteItems).where(eq(exanteItems.id, id)))[0] ?? null;
}

export async function lockItem(tx: Queryable, id: string): Promise<ItemRow | null> {
  return (
    (await tx.select().from(exanteItems).where(eq(exanteItems.id, id)).for('update'))[0] ?? null
  );
}

export async function findItemsByCodes(
  db: Queryable,
  departmentCode: string,
  year: number,
  codes: readonly string[],
): Promise<ItemRow[]> {
  if (codes.length === 0) {
    return [];
  }
  return db
    .select()
    .from(exanteItems)
    .where(
      and(
        eq(exanteItems.departmentCode, departmentCode),
        eq(exanteItems.fiscalYear, year),
        inArray(exanteItems.projectCode, [...codes]),
      ),
    );
}

export async function insertItem(tx: Queryable, values: NewItemRow): Promise<ItemRow> {
  const [row] = await tx.insert(exanteItems).values(values).returning();
  return row!;
}

export async function updateItem(
  tx: Queryable,
  id: string,
  patch: Partial<NewItemRow>,
): Promise<ItemRow> {
  const [row] = await tx
    .update(exanteItems)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(exanteItems.id, id))
    .returning();
  return row!;
}

export async function listVersions(db: Queryable, itemId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(exanteVersions)
    .where(eq(exanteVersions.itemId, itemId))
    .orderBy(asc(exanteVersions.versionNo));
}

export async function latestVersion(db: Queryable, itemId: string): Promise<VersionRow | null> {
  const rows = await db
    .select()
    .from(exanteVersions)
    .where(eq(exanteVersions.itemId, itemId))
    .orderBy(desc(exanteVersions.versionNo))
    .limit(1);
  return rows[0] ?? null;
}

export async function countVersions(
  db: Queryable,
  itemIds: string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (itemIds.length === 0) {
    return out;
  }
  const rows = await db
    .select({ itemId: exanteVersions.itemId })
    .from(exanteVersions)
    .where(inArray(exanteVersions.itemId, itemIds));
  for (const r of rows) {
    out.set(r.itemId, (out.get(r.itemId) ?? 0) + 1);
  }
  return out;
}

export async function insertVersion(tx: Queryable, values: NewVersionRow): Promise<VersionRow> {
  const [row] = await tx.insert(exanteVersions).values(values).returning();
  return row!;
}

export async function updateVersion(
  tx: Queryable,
  id: string,
  patch: Partial<NewVersionRow>,
): Promise<VersionRow> {
  const [row] = await tx
    .update(exanteVersions)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(exanteVersions.id, id))
    .returning();
  return row!;
}

export async function insertEvent(tx: Queryable, values: NewEventRow): Promise<void> {
  await tx.insert(exanteEvents).values(values);
}

export async function listEvents(db: Queryable, itemId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(exanteEvents)
    .where(eq(exanteEvents.itemId, itemId))
    .orderBy(asc(exanteEvents.at), asc(exanteEvents.id));
}

export async function listAgencies(db: Queryable, regionCode: string): Promise<AgencyRow[]> {
  return db
    .select()
    .from(exanteAgencies)
    .where(eq(exanteAgencies.regionCode, regionCode))
    .orderBy(asc(exanteAgencies.code));
}

export async function findAgency(db: Queryable, id: string): Promise<AgencyRow | null> {
  return (await db.select().from(exanteAgencies).where(eq(exanteAgencies.id, id)))[0] ?? null;
}

export async function findAgencyByCode(
  db: Queryable,
  regionCode: string,
  code: string,
): Promise<AgencyRow | null> {
  const rows = await db
    .select()
    .from(exanteAgencies)
    .where(and(eq(exanteAgencies.regionCode, regionCode), eq(exanteAgencies.code, code)));
  return rows[0] ?? null;
}

export async function insertAgency(
  tx: Queryable,
  values: typeof exanteAgencies.$inferInsert,
): Promise<AgencyRow> {
  const [row] = await tx.insert(exanteAgencies).values(values).returning();
  return row!;
}

/** The agency an account (role thirdParty) belongs to. */
export async function agencyOfUser(db: Queryable, userId: string): Promise<AgencyRow | null> {
  const rows = await db
    .select({ agency: exanteAgencies })
    .from(exanteAgencyMembers)
    .innerJoin(exanteAgencies, eq(exanteAgencies.id, exanteAgencyMembers.agencyId))
    .where(eq(exanteAgencyMembers.userId, userId));
  return rows[0]?.agency ?? null;
}

export async function findUserByUsername(
  db: Queryable,
  username: string,
): Promise<{ id: string; role: string; regionCode: string } | null> {
  const rows = await db
    .select({ id: users.id, role: users.role, regionCode: users.regionCode })
    .from(users)
    .where(eq(users.username, username));
  return rows[0] ?? null;
}

export async function upsertMember(
  tx: Queryable,
  values: typeof exanteAgencyMembers.$inferInsert,
): Promise<void> {
  await tx
    .insert(exanteAgencyMembers)
    .values(values)
    .onConflictDoUpdate({
      target: exanteAgencyMembers.userId,
      set: { agencyId: values.agencyId },
    });
}

export async function departmentNames(
  db: Queryable,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (codes.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ code: departments.code, name: departments.name })
    .from(departments)
    .where(inArray(departments.code, [...codes]));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Agencies of this code in every region (the command line names an agency by its code). */
export async function findAgenciesByCode(db: Queryable, code: string): Promise<AgencyRow[]> {
  return db.select().from(exanteAgencies).where(eq(exanteAgencies.code, code));
}

/** A third-party account created from the command line serves its agency's region. */
export async function setUserRegion(tx: Queryable, userId: string, regionCode: string) {
  await tx.update(users).set({ regionCode }).where(eq(users.id, userId));
}

/** The accounts of each agency of a region (username and name). */
export async function agencyMembers(db: Queryable, regionCode: string) {
  return db
    .select({
      agencyId: exanteAgencyMembers.agencyId,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
    })
    .from(exanteAgencyMembers)
    .innerJoin(users, eq(users.id, exanteAgencyMembers.userId))
    .where(eq(exanteAgencyMembers.regionCode, regionCode))
    .orderBy(asc(users.username));
}

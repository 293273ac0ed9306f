// User SQL: accounts, sessions (by token hash), and security settings.
import { and, asc, desc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import { passwordHistory, sessions, systemSettings, users } from '../../db/schema/users.ts';
import { departments } from '../../db/schema/organizations.ts';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserByUsername(db: Queryable, username: string): Promise<UserRow | null> {
  return (await db.select().from(users).where(eq(users.username, username)))[0] ?? null;
}

export async function findUser(db: Queryable, id: string): Promise<UserRow | null> {
  return (await db.select().from(users).where(eq(users.id, id)))[0] ?? null;
}

export async function lockUser(tx: Queryable, id: string): Promise<UserRow | null> {
  return (await tx.select().from(users).where(eq(users.id, id)).for('update'))[0] ?? null;
}

export async function listUsers(db: Queryable, regionCode: string | '*'): Promise<UserRow[]> {
  const where = regionCode === '*' ? undefined : eq(users.regionCode, regionCode);
  return db.select().from(users).where(where).orderBy(asc(users.username));
}

export async function countUsers(db: Queryable): Promise<number> {
  const r = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(r[0]?.n ?? 0);
}

export async function insertUser(
  tx: Queryable,
  values: typeof users.$inferInsert,
): Promise<UserRow> {
  const [row] = await tx.insert(users).values(values).returning();
  return row!;
}

export async function updateUser(
  tx: Queryable,
  id: string,
  values: Partial<typeof users.$inferInsert>,
): Promise<UserRow> {
  const [row] = await tx.update(users).set(values).where(eq(users.id, id)).returning();
  return row!;
}

export async function insertSession(
  tx: Queryable,
  values: typeof sessions.$inferInsert,
): Promise<SessionRow> {
  const [row] = await tx.insert(sessions).values(values).returning();
  return row!;
}

/** A live session (not revoked, not expired) and its user. */
export async function findLiveSession(
  db: Queryable,
  tokenHash: string,
  now: Date,
): Promise<{ session: SessionRow; user: UserRow } | null> {
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
      ),
    );
  return rows[0] ?? null;
}

export async function touchSession(
  db: Queryable,
  id: string,
  values: Partial<Pick<SessionRow, 'lastSeenAt' | 'expiresAt' | 'csrfHash'>>,
): Promise<void> {
  await db.update(sessions).set(values).where(eq(sessions.id, id));
}

export async function revokeSession(tx: Queryable, id: string, now: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** Revoke every live (unexpired) session of a user (optionally keeping one); returns how many. */
export async function revokeUserSessions(
  tx: Queryable,
  userId: string,
  now: Date,
  exceptSessionId?: string,
): Promise<number> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        ...(exceptSessionId ? [ne(sessions.id, exceptSessionId)] : []),
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

export async function getSetting(
  db: Queryable,
  key: string,
): Promise<Record<string, unknown> | null> {
  return (
    (await db.select().from(systemSettings).where(eq(systemSettings.key, key)))[0]?.value ?? null
  );
}

export async function putSetting(
  tx: Queryable,
  key: string,
  value: Record<string, unknown>,
  by: string,
  now: Date,
): Promise<void> {
  await tx
    .insert(systemSettings)
    .values({ key, value, updatedBy: by, updatedAt: now })
    .onConflictDoUpdate({
      target: systemSettings.key,
      set: { value, updatedBy: by, updatedAt: now },
    });
}

/** The most recent replaced password hashes of an account, newest first. */
export async function listPasswordHistory(
  db: Queryable,
  userId: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.replacedAt))
    .limit(limit);
  return rows.map((r) => r.hash);
}

export async function latestPasswordHistoryAt(db: Queryable, userId: string): Promise<Date | null> {
  const rows = await db
    .select({ at: passwordHistory.replacedAt })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.replacedAt))
    .limit(1);
  return rows[0]?.at ?? null;
}

export async function insertPasswordHistory(
  tx: Queryable,
  values: typeof passwordHistory.$inferInsert,
): Promise<void> {
  await tx.insert(passwordHistory).values(values);
}

/** Has the account ever had a session from this address (the throttle lets such an address through)? */
export async function hasSessionFrom(db: Queryable, userId: string, ip: string): Promise<boolean> {
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.ip, ip)))
    .limit(1);
  return rows.length > 0;
}

/** Departments and finance bureaus an account may belong to (the account screens' choices and names). */
export async function listPlacements(
  db: Queryable,
  regionCode: string | '*',
): Promise<{ code: string; name: string; kind: 'department' | 'financeBureau' | 'unit' }[]> {
  const kinds = inArray(departments.kind, ['department', 'financeBureau']);
  return db
    .select({ code: departments.code, name: departments.name, kind: departments.kind })
    .from(departments)
    .where(regionCode === '*' ? kinds : and(kinds, eq(departments.regionCode, regionCode)))
    .orderBy(asc(departments.kind), asc(departments.code));
}

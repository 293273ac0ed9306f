// Audit log SQL: filtered search (newest first) and ordered reads for export. Writes go through audit/audit-log.ts.
import { and, asc, count, desc, eq, gte, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { departments } from '../../db/schema/organizations.ts';
import { users } from '../../db/schema/users.ts';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  /** Username (exact) of the actor. */
  user?: string | undefined;
  /** Any of these usernames (the accounts whose login or display name matched the search). */
  usersIn?: string[] | undefined;
  /** Action, exact ('goal.submit') or a prefix ending in '.' or '*' ('goal.' / 'goal*'). */
  action?: string | undefined;
  /** Any of these action codes (the codes whose Chinese or English name matched the search). */
  actionsIn?: string[] | undefined;
  /** Inclusive lower bound. */
  from?: Date | undefined;
  /** Exclusive upper bound. */
  to?: Date | undefined;
  department?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function where(f: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.user) {
    parts.push(eq(auditLog.actorUsername, f.user));
  }
  if (f.usersIn) {
    parts.push(f.usersIn.length > 0 ? inArray(auditLog.actorUsername, f.usersIn) : sql`false`);
  }
  if (f.action) {
    if (f.action.endsWith('*') || f.action.endsWith('.')) {
      const prefix = f.action.replace(/\*$/, '');
      parts.push(like(auditLog.action, `${escapeLike(prefix)}%`));
    } else {
      const exact = eq(auditLog.action, f.action);
      parts.push(or(exact, like(auditLog.action, `${escapeLike(f.action)}.%`)) ?? exact);
    }
  }
  if (f.actionsIn) {
    parts.push(f.actionsIn.length > 0 ? inArray(auditLog.action, f.actionsIn) : sql`false`);
  }
  if (f.from) {
    parts.push(gte(auditLog.at, f.from));
  }
  if (f.to) {
    parts.push(lt(auditLog.at, f.to));
  }
  if (f.department) {
    parts.push(eq(auditLog.departmentCode, f.department));
  }
  if (f.entity) {
    parts.push(eq(auditLog.entity, f.entity));
  }
  if (f.entityId) {
    parts.push(eq(auditLog.entityId, f.entityId));
  }
  return parts.length === 0 ? undefined : and(...parts);
}

export async function searchAudit(
  db: Queryable,
  f: AuditFilter,
  limit: number,
  offset: number,
): Promise<{ total: number; rows: AuditRow[] }> {
  const w = where(f);
  const [rows, totals] = [
    await db
      .select()
      .from(auditLog)
      .where(w)
      .orderBy(desc(auditLog.seq))
      .limit(limit)
      .offset(offset),
    await db.select({ n: count() }).from(auditLog).where(w),
  ];
  return { total: Number(totals[0]?.n ?? 0), rows };
}

/** Entries in chain order, page by page (seq > afterSeq). */
export async function readAuditPage(
  db: Queryable,
  f: AuditFilter,
  afterSeq: number,
  limit: number,
): Promise<AuditRow[]> {
  const w = where(f);
  const cond = w ? and(w, gte(auditLog.seq, afterSeq + 1)) : gte(auditLog.seq, afterSeq + 1);
  return db.select().from(auditLog).where(cond).orderBy(asc(auditLog.seq)).limit(limit);
}

/** Every action code present in the log (the Chinese-name search matches their labels). */
export async function distinctActions(db: Queryable): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog);
  return rows.map((r) => r.action);
}

/**
 * Usernames of the accounts whose login or display name contains `text` (any case), and `text` itself — a writer
 * that is not an account (system, cli) or an account since removed is still found by its exact name.
 */
export async function usernamesMatching(db: Queryable, text: string): Promise<string[]> {
  const pattern = `%${escapeLike(text.toLowerCase())}%`;
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(
      or(
        like(sql`lower(${users.username})`, pattern),
        like(sql`lower(${users.displayName})`, pattern),
      ),
    );
  return [...new Set([text, ...rows.map((r) => r.username)])];
}

/** Display names of the accounts with these ids (the log keeps ids; the screen shows names). */
export async function userNames(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  const list = [...new Set(ids)];
  if (list.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function departmentNames(
  db: Queryable,
  codes: string[],
): Promise<Map<string, string>> {
  const list = [...new Set(codes)];
  if (list.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ code: departments.code, name: departments.name })
    .from(departments)
    .where(inArray(departments.code, list));
  return new Map(rows.map((r) => [r.code, r.name]));
}

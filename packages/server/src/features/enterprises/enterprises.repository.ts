// Enterprise-service SQL: enterprises and their chief service officers, requests, follow-up surveys,
// policy packages and grants — and the plain records the service metrics are computed over.
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import * as s from '../../db/schema/index.ts';

export type EnterpriseRow = typeof s.enterprises.$inferSelect;
export type EnterpriseInsert = typeof s.enterprises.$inferInsert;
export type RequestRow = typeof s.enterpriseRequests.$inferSelect;
export type RequestInsert = typeof s.enterpriseRequests.$inferInsert;
export type SurveyRow = typeof s.satisfactionSurveys.$inferSelect;
export type SurveyInsert = typeof s.satisfactionSurveys.$inferInsert;
export type PackageRow = typeof s.policyPackages.$inferSelect;
export type PackageInsert = typeof s.policyPackages.$inferInsert;
export type GrantRow = typeof s.policyGrants.$inferSelect;
export type GrantInsert = typeof s.policyGrants.$inferInsert;

export interface Paging {
  offset: number;
  limit: number;
}

export function likeOf(q: string): string {
  return `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

// ---- enterprises ----

export interface EnterpriseFilters {
  isKeyEnterprise?: boolean;
  hasOfficer?: boolean;
  subdistrictCode?: string;
  q?: string;
}

export async function listEnterprises(
  db: Queryable,
  departmentCode: string,
  f: EnterpriseFilters,
  page: Paging,
): Promise<{ rows: EnterpriseRow[]; total: number }> {
  const e = s.enterprises;
  const conds: SQL[] = [eq(e.departmentCode, departmentCode)];
  if (f.isKeyEnterprise !== undefined) {
    conds.push(eq(e.isKeyEnterprise, f.isKeyEnterprise));
  }
  if (f.hasOfficer !== undefined) {
    conds.push(f.hasOfficer ? isNotNull(e.serviceOfficer) : isNull(e.serviceOfficer));
  }
  if (f.subdistrictCode) {
    conds.push(eq(e.subdistrictCode, f.subdistrictCode));
  }
  if (f.q) {
    conds.push(
      or(
        ilike(e.name, likeOf(f.q)),
        ilike(e.creditCode, likeOf(f.q)),
        ilike(e.serviceOfficer, likeOf(f.q)),
      )!,
    );
  }
  const where = and(...conds);
  const total = await db.select({ n: count() }).from(e).where(where);
  const rows = await db
    .select()
    .from(e)
    .where(where)
    .orderBy(desc(e.isKeyEnterprise), asc(e.name))
    .limit(page.limit)
    .offset(page.offset);
  return { rows, total: Number(total[0]?.n ?? 0) };
}

export async function findEnterprise(
  db: Queryable,
  departmentCode: string,
  id: string,
): Promise<EnterpriseRow | null> {
  const rows = await db
    .select()
    .from(s.enterprises)
    .where(and(eq(s.enterprises.departmentCode, departmentCode), eq(s.enterprises.id, id)));
  return rows[0] ?? null;
}

export async function findEnterpriseByCreditCode(
  db: Queryable,
  departmentCode: string,
  creditCode: string,
): Promise<EnterpriseRow | null> {
  const rows = await db
    .select()
    .from(s.enterprises)
    .where(
      and(
        eq(s.enterprises.departmentCode, departmentCode),
        eq(s.enterprises.creditCode, creditCode),
      ),
    );
  return rows[0] ?? null;
}

export async function insertEnterprise(
  db: Queryable,
  values: EnterpriseInsert,
): Promise<EnterpriseRow> {
  const [row] = await db.insert(s.enterprises).values(values).returning();
  return row!;
}

export async function updateEnterprise(
  db: Queryable,
  id: string,
  values: Partial<EnterpriseInsert>,
): Promise<EnterpriseRow> {
  const [row] = await db
    .update(s.enterprises)
    .set(values)
    .where(eq(s.enterprises.id, id))
    .returning();
  return row!;
}

/** Inserts many rows in chunks and returns them (the demo's bulk path). */
export async function insertMany<T extends { id: string }>(
  db: Queryable,
  table:
    | typeof s.enterprises
    | typeof s.enterpriseRequests
    | typeof s.satisfactionSurveys
    | typeof s.policyPackages
    | typeof s.policyGrants,
  rows: object[],
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < rows.length; i += 300) {
    const chunk = rows.slice(i, i + 300);
    out.push(
      ...((await db
        .insert(table)
        .values(chunk as never)
        .returning()) as unknown as T[]),
    );
  }
  return out;
}

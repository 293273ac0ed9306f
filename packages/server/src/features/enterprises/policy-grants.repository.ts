// Policy packages (惠企政策包) and the grants paid under them: SQL.
import { and, asc, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import * as s from '../../db/schema/index.ts';
import {
  type Paging,
  type PackageRow,
  type PackageInsert,
  type GrantRow,
  type GrantInsert,
} from './enterprises.repository.ts';

// ---- policy packages and grants ----

export async function listPackages(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<(PackageRow & { grants: number; enterprises: number; amount: string })[]> {
  const p = s.policyPackages;
  const g = s.policyGrants;
  const rows = await db
    .select({
      pkg: p,
      grants: sql<number>`count(${g.id})::int`,
      enterprises: sql<number>`count(distinct ${g.enterpriseId})::int`,
      amount: sql<string>`coalesce(sum(${g.amount}), 0)::numeric(18,2)::text`,
    })
    .from(p)
    .leftJoin(
      g,
      and(
        eq(g.packageId, p.id),
        gte(g.grantedOn, `${year}-01-01`),
        lte(g.grantedOn, `${year}-12-31`),
      ),
    )
    .where(and(eq(p.departmentCode, departmentCode), eq(p.fiscalYear, year)))
    .groupBy(p.id)
    .orderBy(asc(p.code));
  return rows.map((r) => ({
    ...r.pkg,
    grants: Number(r.grants),
    enterprises: Number(r.enterprises),
    amount: r.amount,
  }));
}

export async function findPackage(
  db: Queryable,
  departmentCode: string,
  id: string,
): Promise<PackageRow | null> {
  const rows = await db
    .select()
    .from(s.policyPackages)
    .where(and(eq(s.policyPackages.departmentCode, departmentCode), eq(s.policyPackages.id, id)));
  return rows[0] ?? null;
}

export async function findPackageByCode(
  db: Queryable,
  departmentCode: string,
  year: number,
  code: string,
): Promise<PackageRow | null> {
  const rows = await db
    .select()
    .from(s.policyPackages)
    .where(
      and(
        eq(s.policyPackages.departmentCode, departmentCode),
        eq(s.policyPackages.fiscalYear, year),
        eq(s.policyPackages.code, code),
      ),
    );
  return rows[0] ?? null;
}

/** The id of a budget project (项目编码) of the department-year, or null. */
export async function findBudgetProjectId(
  db: Queryable,
  departmentCode: string,
  year: number,
  code: string,
): Promise<string | null> {
  const rows = await db
    .select({ id: s.projects.id })
    .from(s.projects)
    .where(
      and(
        eq(s.projects.departmentCode, departmentCode),
        eq(s.projects.fiscalYear, year),
        eq(s.projects.code, code),
      ),
    );
  return rows[0]?.id ?? null;
}

export async function insertPackage(db: Queryable, values: PackageInsert): Promise<PackageRow> {
  const [row] = await db.insert(s.policyPackages).values(values).returning();
  return row!;
}

export interface GrantFilters {
  packageId?: string;
  enterpriseId?: string;
  from?: string;
  to?: string;
}

export async function listGrants(
  db: Queryable,
  departmentCode: string,
  f: GrantFilters,
  page: Paging,
): Promise<{
  rows: (GrantRow & { enterpriseName: string; packageName: string })[];
  total: number;
  amount: string;
  enterprises: number;
}> {
  const g = s.policyGrants;
  const conds: SQL[] = [eq(g.departmentCode, departmentCode)];
  if (f.packageId) {
    conds.push(eq(g.packageId, f.packageId));
  }
  if (f.enterpriseId) {
    conds.push(eq(g.enterpriseId, f.enterpriseId));
  }
  if (f.from) {
    conds.push(gte(g.grantedOn, f.from));
  }
  if (f.to) {
    conds.push(lte(g.grantedOn, f.to));
  }
  const where = and(...conds);
  const totals = await db
    .select({
      n: count(),
      amount: sql<string>`coalesce(sum(${g.amount}), 0)::numeric(18,2)::text`,
      enterprises: sql<number>`count(distinct ${g.enterpriseId})::int`,
    })
    .from(g)
    .where(where);
  const rows = await db
    .select({ grant: g, enterpriseName: s.enterprises.name, packageName: s.policyPackages.name })
    .from(g)
    .innerJoin(s.enterprises, eq(s.enterprises.id, g.enterpriseId))
    .innerJoin(s.policyPackages, eq(s.policyPackages.id, g.packageId))
    .where(where)
    .orderBy(desc(g.grantedOn), asc(g.id))
    .limit(page.limit)
    .offset(page.offset);
  const t = totals[0];
  return {
    rows: rows.map((x) => ({
      ...x.grant,
      enterpriseName: x.enterpriseName,
      packageName: x.packageName,
    })),
    total: Number(t?.n ?? 0),
    amount: t?.amount ?? '0.00',
    enterprises: Number(t?.enterprises ?? 0),
  };
}

export async function insertGrant(db: Queryable, values: GrantInsert): Promise<GrantRow> {
  const [row] = await db.insert(s.policyGrants).values(values).returning();
  return row!;
}

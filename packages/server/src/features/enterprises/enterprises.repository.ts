// Enterprise-service SQL: enterprises and their chief service officers, requests, follow-up surveys,
// policy packages and grants — and the plain records the service metrics are computed over.
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  isNotNull,
  isNull,
  lte,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { parseYuan } from '@jixiao/core';
import type {
  EnterpriseRequestRecord,
  MetricWindow,
  PolicyGrantRecord,
  RequestCategory,
  SatisfactionSurveyRecord,
} from '@jixiao/core/investment/index';
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

function likeOf(q: string): string {
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

// ---- requests ----

export interface RequestFilters {
  status?: 'open' | 'closed' | 'withdrawn';
  /** Leave out withdrawn requests (they count in no metric). */
  excludeWithdrawn?: boolean;
  category?: string;
  enterpriseId?: string;
  /** Open requests past their due date on `overdueOn`. */
  overdueOn?: string;
  receivedFrom?: string;
  receivedTo?: string;
  dueFrom?: string;
  dueTo?: string;
  closedFrom?: string;
  closedTo?: string;
  q?: string;
}

export interface RequestListRow extends RequestRow {
  enterpriseName: string;
  surveyScore: number | null;
  surveySatisfied: boolean | null;
}

export async function listRequests(
  db: Queryable,
  departmentCode: string,
  f: RequestFilters,
  page: Paging,
): Promise<{ rows: RequestListRow[]; total: number }> {
  const r = s.enterpriseRequests;
  const conds: SQL[] = [eq(r.departmentCode, departmentCode)];
  if (f.status) {
    conds.push(eq(r.status, f.status));
  }
  if (f.excludeWithdrawn) {
    conds.push(ne(r.status, 'withdrawn'));
  }
  if (f.category) {
    conds.push(eq(r.category, f.category));
  }
  if (f.enterpriseId) {
    conds.push(eq(r.enterpriseId, f.enterpriseId));
  }
  if (f.overdueOn) {
    conds.push(eq(r.status, 'open'), sql`${r.dueOn} < ${f.overdueOn}`);
  }
  const range = (
    col: typeof r.receivedOn | typeof r.dueOn | typeof r.closedOn,
    from?: string,
    to?: string,
  ) => {
    if (from) {
      conds.push(gte(col, from));
    }
    if (to) {
      conds.push(lte(col, to));
    }
  };
  range(r.receivedOn, f.receivedFrom, f.receivedTo);
  range(r.dueOn, f.dueFrom, f.dueTo);
  range(r.closedOn, f.closedFrom, f.closedTo);
  if (f.q) {
    conds.push(or(ilike(r.summary, likeOf(f.q)), ilike(s.enterprises.name, likeOf(f.q)))!);
  }
  const where = and(...conds);
  const total = await db
    .select({ n: count() })
    .from(r)
    .innerJoin(s.enterprises, eq(s.enterprises.id, r.enterpriseId))
    .where(where);
  const rows = await db
    .select({
      req: r,
      enterpriseName: s.enterprises.name,
      surveyScore: s.satisfactionSurveys.score,
      surveySatisfied: s.satisfactionSurveys.satisfied,
    })
    .from(r)
    .innerJoin(s.enterprises, eq(s.enterprises.id, r.enterpriseId))
    .leftJoin(s.satisfactionSurveys, eq(s.satisfactionSurveys.requestId, r.id))
    .where(where)
    .orderBy(desc(r.receivedOn), asc(r.id))
    .limit(page.limit)
    .offset(page.offset);
  return {
    rows: rows.map((x) => ({
      ...x.req,
      enterpriseName: x.enterpriseName,
      surveyScore: x.surveyScore,
      surveySatisfied: x.surveySatisfied,
    })),
    total: Number(total[0]?.n ?? 0),
  };
}

export async function findRequest(
  db: Queryable,
  departmentCode: string,
  id: string,
): Promise<RequestRow | null> {
  const rows = await db
    .select()
    .from(s.enterpriseRequests)
    .where(
      and(eq(s.enterpriseRequests.departmentCode, departmentCode), eq(s.enterpriseRequests.id, id)),
    );
  return rows[0] ?? null;
}

export async function insertRequest(db: Queryable, values: RequestInsert): Promise<RequestRow> {
  const [row] = await db.insert(s.enterpriseRequests).values(values).returning();
  return row!;
}

export async function updateRequest(
  db: Queryable,
  id: string,
  values: Partial<RequestInsert>,
): Promise<RequestRow> {
  const [row] = await db
    .update(s.enterpriseRequests)
    .set(values)
    .where(eq(s.enterpriseRequests.id, id))
    .returning();
  return row!;
}

// ---- surveys ----

export async function findSurveyOfRequest(
  db: Queryable,
  requestId: string,
): Promise<SurveyRow | null> {
  const rows = await db
    .select()
    .from(s.satisfactionSurveys)
    .where(eq(s.satisfactionSurveys.requestId, requestId));
  return rows[0] ?? null;
}

export async function insertSurvey(db: Queryable, values: SurveyInsert): Promise<SurveyRow> {
  const [row] = await db.insert(s.satisfactionSurveys).values(values).returning();
  return row!;
}

export async function listSurveys(
  db: Queryable,
  departmentCode: string,
  from: string | undefined,
  to: string | undefined,
  page: Paging,
): Promise<{ rows: (SurveyRow & { enterpriseName: string; summary: string })[]; total: number }> {
  const v = s.satisfactionSurveys;
  const conds: SQL[] = [eq(v.departmentCode, departmentCode)];
  if (from) {
    conds.push(gte(v.surveyedOn, from));
  }
  if (to) {
    conds.push(lte(v.surveyedOn, to));
  }
  const where = and(...conds);
  const total = await db.select({ n: count() }).from(v).where(where);
  const rows = await db
    .select({
      survey: v,
      enterpriseName: s.enterprises.name,
      summary: s.enterpriseRequests.summary,
    })
    .from(v)
    .innerJoin(s.enterpriseRequests, eq(s.enterpriseRequests.id, v.requestId))
    .innerJoin(s.enterprises, eq(s.enterprises.id, s.enterpriseRequests.enterpriseId))
    .where(where)
    .orderBy(desc(v.surveyedOn), asc(v.id))
    .limit(page.limit)
    .offset(page.offset);
  return {
    rows: rows.map((x) => ({ ...x.survey, enterpriseName: x.enterpriseName, summary: x.summary })),
    total: Number(total[0]?.n ?? 0),
  };
}

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

// ---- metric records ----

/** Requests due or closed in the window (what the request metrics look at). */
export async function loadRequestRecords(
  db: Queryable,
  departmentCode: string,
  w: MetricWindow,
): Promise<EnterpriseRequestRecord[]> {
  const r = s.enterpriseRequests;
  const rows = await db
    .select({
      id: r.id,
      category: r.category,
      receivedOn: r.receivedOn,
      dueOn: r.dueOn,
      closedOn: r.closedOn,
      status: r.status,
    })
    .from(r)
    .where(
      and(
        eq(r.departmentCode, departmentCode),
        or(
          and(gte(r.dueOn, w.from), lte(r.dueOn, w.to)),
          and(gte(r.closedOn, w.from), lte(r.closedOn, w.to)),
        ),
      ),
    )
    .orderBy(asc(r.receivedOn), asc(r.id));
  return rows.map((x) => ({ ...x, category: x.category as RequestCategory }));
}

export async function loadSurveyRecords(
  db: Queryable,
  departmentCode: string,
  w: MetricWindow,
): Promise<SatisfactionSurveyRecord[]> {
  const v = s.satisfactionSurveys;
  return db
    .select({
      id: v.id,
      requestId: v.requestId,
      surveyedOn: v.surveyedOn,
      score: v.score,
      satisfied: v.satisfied,
    })
    .from(v)
    .where(
      and(eq(v.departmentCode, departmentCode), gte(v.surveyedOn, w.from), lte(v.surveyedOn, w.to)),
    )
    .orderBy(asc(v.surveyedOn), asc(v.id));
}

export async function loadGrantRecords(
  db: Queryable,
  departmentCode: string,
  w: MetricWindow,
): Promise<PolicyGrantRecord[]> {
  const g = s.policyGrants;
  const rows = await db
    .select({
      id: g.id,
      enterpriseId: g.enterpriseId,
      packageId: g.packageId,
      grantedOn: g.grantedOn,
      amount: g.amount,
    })
    .from(g)
    .where(
      and(eq(g.departmentCode, departmentCode), gte(g.grantedOn, w.from), lte(g.grantedOn, w.to)),
    )
    .orderBy(asc(g.grantedOn), asc(g.id));
  return rows.map((x) => ({
    id: x.id,
    enterpriseId: x.enterpriseId,
    packageId: x.packageId,
    grantedOn: x.grantedOn,
    amountFen: parseYuan(x.amount) ?? 0,
  }));
}

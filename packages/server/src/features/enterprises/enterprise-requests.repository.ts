// Enterprise requests (诉求) and their satisfaction surveys (回访): SQL.
import { and, asc, count, desc, eq, gte, ilike, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import * as s from '../../db/schema/index.ts';
import {
  likeOf,
  type Paging,
  type RequestRow,
  type RequestInsert,
  type SurveyRow,
  type SurveyInsert,
} from './enterprises.repository.ts';

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

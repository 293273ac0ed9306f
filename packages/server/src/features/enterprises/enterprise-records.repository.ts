// The plain records the enterprise-service metrics are computed over (requests, surveys, grants in a window).
import { and, asc, eq, gte, lte, or } from 'drizzle-orm';
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

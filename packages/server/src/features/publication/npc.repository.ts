// Reads for the 人大 summary and the 拟报人大 candidates: the year's evaluations (self-evaluations submitted or
// accepted; external evaluations concluded), the funds they cover, the 整改 items' closure and what was published.
// external_evaluations (15a) and rectification_items (15b) are read by their agreed column names.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/open-db.ts';

export interface EvaluationRow {
  kind: 'self' | 'external';
  id: string;
  department_code: string;
  department_name: string;
  project_id: string | null;
  project_code: string | null;
  project_name: string | null;
  total: string | null;
  grade: string | null;
  evaluator: string | null;
}

export async function selfEvaluations(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<EvaluationRow[]> {
  return queryRows<EvaluationRow>(
    db,
    sql`select 'self' as kind, e.id, e.department_code, d.name as department_name, e.project_id,
          p.code as project_code, p.name as project_name, e.total::text as total, e.grade, null as evaluator
        from self_evaluations e
        join departments d on d.code = e.department_code
        left join projects p on p.id = e.project_id
        where e.region_code = ${regionCode} and e.fiscal_year = ${year}
          and e.status in ('submitted', 'accepted')
        order by e.department_code, e.project_id nulls first, p.code`,
  );
}

export async function externalEvaluations(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<EvaluationRow[]> {
  return queryRows<EvaluationRow>(
    db,
    sql`select 'external' as kind, e.id, e.department_code, d.name as department_name, e.project_id,
          p.code as project_code, p.name as project_name, e.total::text as total, e.grade,
          e.evaluator_kind as evaluator
        from external_evaluations e
        join departments d on d.code = e.department_code
        left join projects p on p.id = e.project_id
        where e.region_code = ${regionCode} and e.fiscal_year = ${year} and e.status = 'concluded'
        order by e.department_code, e.project_id nulls first, p.code`,
  );
}

/** A self-evaluation (submitted/accepted) or external evaluation (concluded) by id, or null. */
export async function findEvaluation(
  db: Queryable,
  kind: 'self' | 'external',
  id: string,
): Promise<{
  region_code: string;
  fiscal_year: number;
  department_code: string;
  project_id: string | null;
} | null> {
  const rows = await queryRows<{
    region_code: string;
    fiscal_year: number;
    department_code: string;
    project_id: string | null;
  }>(
    db,
    kind === 'self'
      ? sql`select region_code, fiscal_year, department_code, project_id from self_evaluations
            where id = ${id} and status in ('submitted', 'accepted')`
      : sql`select region_code, fiscal_year, department_code, project_id from external_evaluations
            where id = ${id} and status = 'concluded'`,
  );
  return rows[0] ?? null;
}

export async function departmentCount(db: Queryable, regionCode: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from departments
        where region_code = ${regionCode} and kind = 'department' and active`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * 全年预算数 (元, decimal strings) of the year: every project of the region, and those covered by a submitted
 * project self-evaluation (a level-1 project's evaluation covers its level-2 projects' lines too).
 */
export async function fundsOfYear(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<{ total: string; covered: string }> {
  const rows = await queryRows<{ total: string | null; covered: string | null }>(
    db,
    sql`with evaluated as (
          select project_id from self_evaluations
          where region_code = ${regionCode} and fiscal_year = ${year} and project_id is not null
            and status in ('submitted', 'accepted'))
        select sum(b.amount)::text as total,
          sum(b.amount) filter (where p.id in (select project_id from evaluated)
            or p.parent_id in (select project_id from evaluated))::text as covered
        from budget_lines b join projects p on p.id = b.project_id
        where b.region_code = ${regionCode} and b.fiscal_year = ${year}`,
  );
  return { total: rows[0]?.total ?? '0', covered: rows[0]?.covered ?? '0' };
}

/** 整改 items raised by the year's evaluations: how many, how many closed. */
export async function rectificationClosure(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<{ total: number; closed: number }> {
  const rows = await queryRows<{ total: number; closed: number }>(
    db,
    sql`select count(*)::int as total, (count(*) filter (where status = 'closed'))::int as closed
        from rectification_items where region_code = ${regionCode} and fiscal_year = ${year}`,
  );
  return { total: Number(rows[0]?.total ?? 0), closed: Number(rows[0]?.closed ?? 0) };
}

export async function publishedDepartments(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from publications
        where region_code = ${regionCode} and fiscal_year = ${year} and status = 'published'`,
  );
  return Number(rows[0]?.n ?? 0);
}

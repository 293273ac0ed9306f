// Project SQL for create/edit: lookups by id and by (department, year, code), children, ledger references.
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/open-db.ts';
import { projects } from '../../db/schema/projects.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type NewProjectRow = typeof projects.$inferInsert;

export async function findProject(db: Queryable, id: string): Promise<ProjectRow | null> {
  return (await db.select().from(projects).where(eq(projects.id, id)))[0] ?? null;
}

/** The project row, locked for the rest of the transaction. */
export async function lockProject(tx: Queryable, id: string): Promise<ProjectRow | null> {
  return (await tx.select().from(projects).where(eq(projects.id, id)).for('update'))[0] ?? null;
}

export async function findProjectByCode(
  db: Queryable,
  departmentCode: string,
  year: number,
  code: string,
): Promise<ProjectRow | null> {
  const rows = await db
    .select()
    .from(projects)
    .where(
      and(
        eq(projects.departmentCode, departmentCode),
        eq(projects.fiscalYear, year),
        eq(projects.code, code),
      ),
    );
  return rows[0] ?? null;
}

export async function countChildren(db: Queryable, projectId: string): Promise<number> {
  const [r] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from projects where parent_id = ${projectId}`,
  );
  return Number(r?.n ?? 0);
}

/** Ledger rows that name this project code (the ledger references projects by code, not id). */
export async function countLedgerRows(
  db: Queryable,
  departmentCode: string,
  year: number,
  code: string,
): Promise<number> {
  const [r] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from ledger_entries where department_code = ${departmentCode} and fiscal_year = ${year} and project_code = ${code}`,
  );
  return Number(r?.n ?? 0);
}

export async function insertProject(tx: Queryable, values: NewProjectRow): Promise<ProjectRow> {
  const [row] = await tx.insert(projects).values(values).returning();
  return row!;
}

export async function updateProject(
  tx: Queryable,
  id: string,
  patch: Partial<NewProjectRow>,
): Promise<ProjectRow> {
  const [row] = await tx.update(projects).set(patch).where(eq(projects.id, id)).returning();
  return row!;
}

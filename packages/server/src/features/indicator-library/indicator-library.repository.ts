// Indicator library SQL: search by text/field/level, one template, inserts (idempotent seeding).
import { and, asc, eq, ilike, isNull, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import { indicatorTemplates } from '../../db/schema/indicator-templates.ts';
import type { Level1, Level2 } from '../../db/schema/goals.ts';

export type TemplateRow = typeof indicatorTemplates.$inferSelect;
export type NewTemplate = typeof indicatorTemplates.$inferInsert;

export interface TemplateFilter {
  q?: string | undefined;
  field?: string | undefined;
  level1?: Level1 | undefined;
  level2?: Level2 | undefined;
  /** Shipped templates plus those of this region. */
  regionCode?: string | undefined;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function searchTemplates(db: Queryable, f: TemplateFilter): Promise<TemplateRow[]> {
  const parts: SQL[] = [];
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    const any = or(
      ilike(indicatorTemplates.name, pattern),
      ilike(indicatorTemplates.description, pattern),
      ilike(indicatorTemplates.field, pattern),
    );
    if (any) {
      parts.push(any);
    }
  }
  if (f.field) {
    parts.push(eq(indicatorTemplates.field, f.field));
  }
  if (f.level1) {
    parts.push(eq(indicatorTemplates.level1, f.level1));
  }
  if (f.level2) {
    parts.push(eq(indicatorTemplates.level2, f.level2));
  }
  if (f.regionCode && f.regionCode !== '*') {
    const scope = or(
      isNull(indicatorTemplates.regionCode),
      eq(indicatorTemplates.regionCode, f.regionCode),
    );
    if (scope) {
      parts.push(scope);
    }
  }
  return db
    .select()
    .from(indicatorTemplates)
    .where(parts.length ? and(...parts) : undefined)
    .orderBy(
      asc(indicatorTemplates.field),
      asc(indicatorTemplates.level1),
      asc(indicatorTemplates.level2),
      asc(indicatorTemplates.name),
    );
}

export async function findTemplate(db: Queryable, id: string): Promise<TemplateRow | null> {
  return (
    (await db.select().from(indicatorTemplates).where(eq(indicatorTemplates.id, id)))[0] ?? null
  );
}

export async function findTemplateByName(
  db: Queryable,
  field: string,
  name: string,
): Promise<TemplateRow | null> {
  return (
    (
      await db
        .select()
        .from(indicatorTemplates)
        .where(and(eq(indicatorTemplates.field, field), eq(indicatorTemplates.name, name)))
    )[0] ?? null
  );
}

/** Insert templates that are not there yet (by field + name); returns how many were added. */
export async function insertTemplatesIfMissing(
  tx: Queryable,
  rows: NewTemplate[],
): Promise<number> {
  if (rows.length === 0) {
    return 0;
  }
  const inserted = await tx
    .insert(indicatorTemplates)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: indicatorTemplates.id });
  return inserted.length;
}

export async function insertTemplate(tx: Queryable, values: NewTemplate): Promise<TemplateRow> {
  const [row] = await tx.insert(indicatorTemplates).values(values).returning();
  return row!;
}

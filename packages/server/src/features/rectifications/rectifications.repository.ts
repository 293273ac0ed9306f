// 整改 SQL: items, their history and evidence, the deadline configuration, and what the sources hold (report
// problems, review findings and return comments, monitoring measures). The only SQL of the feature.
import { and, asc, count, desc, eq, inArray, isNotNull, max, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import {
  rectificationConfigs,
  rectificationEvents,
  rectificationEvidence,
  rectificationItems,
} from '../../db/schema/rectifications.ts';
import { departments } from '../../db/schema/organizations.ts';
import { projects } from '../../db/schema/projects.ts';
import { reportNarratives, selfEvaluations } from '../../db/schema/evaluations.ts';
import { monitoringItems, monitoringRounds } from '../../db/schema/monitoring.ts';

export type ItemRow = typeof rectificationItems.$inferSelect;
export type NewItemRow = typeof rectificationItems.$inferInsert;
export type EventRow = typeof rectificationEvents.$inferSelect;
export type NewEventRow = typeof rectificationEvents.$inferInsert;
export type EvidenceRow = Omit<typeof rectificationEvidence.$inferSelect, 'content'>;
export type NewEvidenceRow = typeof rectificationEvidence.$inferInsert;
export type ConfigRow = typeof rectificationConfigs.$inferSelect;

/** An item with the names the list shows. */
export interface ListedItem extends ItemRow {
  departmentName: string;
  projectCode: string | null;
  projectName: string | null;
  evidenceCount: number;
}

export interface ItemFilter {
  regionCode?: string | undefined;
  departmentCode?: string | undefined;
  year?: number | undefined;
  years?: number[] | undefined;
  projectId?: string | undefined;
  evaluationId?: string | undefined;
  ids?: string[] | undefined;
}

export async function findConfig(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<ConfigRow | null> {
  const rows = await db
    .select()
    .from(rectificationConfigs)
    .where(
      and(
        eq(rectificationConfigs.regionCode, regionCode),
        eq(rectificationConfigs.fiscalYear, year),
      ),
    );
  return rows[0] ?? null;
}

export async function upsertConfig(
  tx: Queryable,
  values: { regionCode: string; fiscalYear: number; noticeDays: number; measureDays: number },
): Promise<ConfigRow> {
  const [row] = await tx
    .insert(rectificationConfigs)
    .values(values)
    .onConflictDoUpdate({
      target: [rectificationConfigs.regionCode, rectificationConfigs.fiscalYear],
      set: {
        noticeDays: values.noticeDays,
        measureDays: values.measureDays,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row!;
}

const evidenceCount = sql<number>`(select count(*)::int from ${rectificationEvidence} where ${rectificationEvidence.itemId} = ${rectificationItems.id})`;

export async function listItems(db: Queryable, f: ItemFilter): Promise<ListedItem[]> {
  const where = [
    f.regionCode ? eq(rectificationItems.regionCode, f.regionCode) : undefined,
    f.departmentCode ? eq(rectificationItems.departmentCode, f.departmentCode) : undefined,
    f.year ? eq(rectificationItems.fiscalYear, f.year) : undefined,
    f.years ? inArray(rectificationItems.fiscalYear, f.years.length ? f.years : [0]) : undefined,
    f.projectId ? eq(rectificationItems.projectId, f.projectId) : undefined,
    f.evaluationId ? eq(rectificationItems.evaluationId, f.evaluationId) : undefined,
    f.ids ? inArray(rectificationItems.id, f.ids.length ? f.ids : ['']) : undefined,
  ];
  const rows = await db
    .select({
      item: rectificationItems,
      departmentName: departments.name,
      projectCode: projects.code,
      projectName: projects.name,
      evidenceCount,
    })
    .from(rectificationItems)
    .innerJoin(departments, eq(departments.code, rectificationItems.departmentCode))
    .leftJoin(projects, eq(projects.id, rectificationItems.projectId))
    .where(and(...where))
    .orderBy(asc(rectificationItems.fiscalYear), asc(rectificationItems.seq));
  return rows.map((r) => ({
    ...r.item,
    departmentName: r.departmentName,
    projectCode: r.projectCode,
    projectName: r.projectName,
    evidenceCount: Number(r.evidenceCount),
  }));
}

export async function findItem(db: Queryable, id: string): Promise<ItemRow | null> {
  return (
    (await db.select().from(rectificationItems).where(eq(rectificationItems.id, id)))[0] ?? null
  );
}

export async function lockItem(tx: Queryable, id: string): Promise<ItemRow | null> {
  const rows = await tx
    .select()
    .from(rectificationItems)
    .where(eq(rectificationItems.id, id))
    .for('update');
  return rows[0] ?? null;
}

export async function nextSeq(tx: Queryable, regionCode: string, year: number): Promise<number> {
  const [row] = await tx
    .select({ m: max(rectificationItems.seq) })
    .from(rectificationItems)
    .where(
      and(eq(rectificationItems.regionCode, regionCode), eq(rectificationItems.fiscalYear, year)),
    );
  return (row?.m ?? 0) + 1;
}

/** Inserts an item unless one with the same source and source_ref exists (then null). */
export async function insertItem(tx: Queryable, values: NewItemRow): Promise<ItemRow | null> {
  const rows = await tx.insert(rectificationItems).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function sourceRefsTaken(tx: Queryable, refs: string[]): Promise<Set<string>> {
  if (refs.length === 0) {
    return new Set();
  }
  const rows = await tx
    .select({ ref: rectificationItems.sourceRef })
    .from(rectificationItems)
    .where(inArray(rectificationItems.sourceRef, refs));
  return new Set(rows.map((r) => r.ref ?? ''));
}

export async function updateItem(
  tx: Queryable,
  id: string,
  values: Partial<NewItemRow>,
): Promise<ItemRow> {
  const [row] = await tx
    .update(rectificationItems)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(rectificationItems.id, id))
    .returning();
  return row!;
}

export async function insertEvent(tx: Queryable, values: NewEventRow): Promise<void> {
  await tx.insert(rectificationEvents).values(values);
}

export async function listEvents(db: Queryable, itemId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(rectificationEvents)
    .where(eq(rectificationEvents.itemId, itemId))
    .orderBy(asc(rectificationEvents.at), asc(rectificationEvents.id));
}

const evidenceColumns = {
  id: rectificationEvidence.id,
  regionCode: rectificationEvidence.regionCode,
  fiscalYear: rectificationEvidence.fiscalYear,
  departmentCode: rectificationEvidence.departmentCode,
  itemId: rectificationEvidence.itemId,
  note: rectificationEvidence.note,
  fileName: rectificationEvidence.fileName,
  mimeType: rectificationEvidence.mimeType,
  size: rectificationEvidence.size,
  uploadedBy: rectificationEvidence.uploadedBy,
  uploadedByName: rectificationEvidence.uploadedByName,
  createdAt: rectificationEvidence.createdAt,
};

export async function insertEvidence(tx: Queryable, values: NewEvidenceRow): Promise<EvidenceRow> {
  const [row] = await tx.insert(rectificationEvidence).values(values).returning(evidenceColumns);
  return row!;
}

export async function listEvidence(db: Queryable, itemId: string): Promise<EvidenceRow[]> {
  return db
    .select(evidenceColumns)
    .from(rectificationEvidence)
    .where(eq(rectificationEvidence.itemId, itemId))
    .orderBy(asc(rectificationEvidence.createdAt), asc(rectificationEvidence.id));
}

export async function countEvidence(db: Queryable, itemId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(rectificationEvidence)
    .where(eq(rectificationEvidence.itemId, itemId));
  return Number(row?.n ?? 0);
}

export async function findEvidenceFile(
  db: Queryable,
  id: string,
): Promise<{ row: EvidenceRow; content: Uint8Array | null } | null> {
  const rows = await db
    .select({ ...evidenceColumns, content: rectificationEvidence.content })
    .from(rectificationEvidence)
    .where(eq(rectificationEvidence.id, id));
  const r = rows[0];
  if (!r) {
    return null;
  }
  const { content, ...row } = r;
  return { row, content };
}

/** Open items per department and project of a region-year (the linkage's 未销号整改). */
export async function openCounts(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<{ departmentCode: string; projectId: string | null; open: number }[]> {
  const rows = await db
    .select({
      departmentCode: rectificationItems.departmentCode,
      projectId: rectificationItems.projectId,
      open: count(),
    })
    .from(rectificationItems)
    .where(
      and(
        eq(rectificationItems.regionCode, regionCode),
        eq(rectificationItems.fiscalYear, year),
        ne(rectificationItems.status, 'closed'),
      ),
    )
    .groupBy(rectificationItems.departmentCode, rectificationItems.projectId)
    .orderBy(asc(rectificationItems.departmentCode), asc(rectificationItems.projectId));
  return rows.map((r) => ({ ...r, open: Number(r.open) }));
}

export async function findProject(
  db: Queryable,
  id: string,
): Promise<{ id: string; departmentCode: string; fiscalYear: number; name: string } | null> {
  const rows = await db
    .select({
      id: projects.id,
      departmentCode: projects.departmentCode,
      fiscalYear: projects.fiscalYear,
      name: projects.name,
    })
    .from(projects)
    .where(eq(projects.id, id));
  return rows[0] ?? null;
}

// ---- sources ----

export async function findNarrativeProblems(db: Queryable, departmentCode: string, year: number) {
  const rows = await db
    .select({ problems: reportNarratives.problems })
    .from(reportNarratives)
    .where(
      and(
        eq(reportNarratives.departmentCode, departmentCode),
        eq(reportNarratives.fiscalYear, year),
      ),
    );
  return rows[0]?.problems ?? [];
}

export type EvaluationSourceRow = Pick<
  typeof selfEvaluations.$inferSelect,
  'id' | 'projectId' | 'status' | 'submittedAt' | 'reviewedAt' | 'reviewComment' | 'reviewFindings'
>;

export async function listSelfEvaluations(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<EvaluationSourceRow[]> {
  return db
    .select({
      id: selfEvaluations.id,
      projectId: selfEvaluations.projectId,
      status: selfEvaluations.status,
      submittedAt: selfEvaluations.submittedAt,
      reviewedAt: selfEvaluations.reviewedAt,
      reviewComment: selfEvaluations.reviewComment,
      reviewFindings: selfEvaluations.reviewFindings,
    })
    .from(selfEvaluations)
    .where(
      and(eq(selfEvaluations.departmentCode, departmentCode), eq(selfEvaluations.fiscalYear, year)),
    )
    .orderBy(desc(selfEvaluations.submittedAt));
}

/** Warnings of submitted monitoring rounds answered with 纠偏措施. */
export async function listMonitoringMeasures(db: Queryable, departmentCode: string, year: number) {
  return db
    .select({
      id: monitoringItems.id,
      subjectKey: monitoringItems.subjectKey,
      level: monitoringItems.level,
      deviationNote: monitoringItems.deviationNote,
      measures: monitoringItems.measures,
      cutoffMonth: monitoringRounds.cutoffMonth,
      submittedAt: monitoringRounds.submittedAt,
    })
    .from(monitoringItems)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, monitoringItems.roundId))
    .where(
      and(
        eq(monitoringItems.departmentCode, departmentCode),
        eq(monitoringItems.fiscalYear, year),
        eq(monitoringRounds.status, 'submitted'),
        isNotNull(monitoringItems.measures),
        ne(monitoringItems.measures, ''),
      ),
    )
    .orderBy(asc(monitoringRounds.cutoffMonth), asc(monitoringItems.sort));
}

// Publication SQL: packages and their frozen files, the proof of publication, what a region has published, the
// 拟报人大 flags. The only SQL of the feature (the yearly summary's reads are in npc.repository.ts).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import { queryRows } from '../../db/open-db.ts';
import {
  npcReportFlags,
  publicationFiles,
  publications,
  type NpcEvaluationKind,
} from '../../db/schema/publication.ts';
import { departments, regions } from '../../db/schema/organizations.ts';

export type PublicationRow = typeof publications.$inferSelect;
export type NewPublicationRow = typeof publications.$inferInsert;
export type FileRow = typeof publicationFiles.$inferSelect;
export type NewFileRow = typeof publicationFiles.$inferInsert;
export type FileMeta = Omit<FileRow, 'body'>;
export type FlagRow = typeof npcReportFlags.$inferSelect;

const fileMeta = {
  id: publicationFiles.id,
  regionCode: publicationFiles.regionCode,
  fiscalYear: publicationFiles.fiscalYear,
  publicationId: publicationFiles.publicationId,
  seq: publicationFiles.seq,
  kind: publicationFiles.kind,
  projectId: publicationFiles.projectId,
  title: publicationFiles.title,
  fileName: publicationFiles.fileName,
  contentType: publicationFiles.contentType,
  size: publicationFiles.size,
  sha256: publicationFiles.sha256,
};

export async function findPublication(
  db: Queryable,
  departmentCode: string,
  year: number,
  forUpdate = false,
): Promise<PublicationRow | null> {
  const q = db
    .select()
    .from(publications)
    .where(and(eq(publications.departmentCode, departmentCode), eq(publications.fiscalYear, year)));
  return (await (forUpdate ? q.for('update') : q))[0] ?? null;
}

export async function insertPublication(
  tx: Queryable,
  row: NewPublicationRow,
): Promise<PublicationRow> {
  return (await tx.insert(publications).values(row).returning())[0]!;
}

export async function updatePublication(
  tx: Queryable,
  id: string,
  set: Partial<NewPublicationRow>,
): Promise<PublicationRow> {
  return (await tx.update(publications).set(set).where(eq(publications.id, id)).returning())[0]!;
}

export async function replaceFiles(
  tx: Queryable,
  publicationId: string,
  files: NewFileRow[],
): Promise<void> {
  await tx.delete(publicationFiles).where(eq(publicationFiles.publicationId, publicationId));
  for (const f of files) {
    await tx.insert(publicationFiles).values(f);
  }
}

export async function listFileMeta(db: Queryable, publicationId: string): Promise<FileMeta[]> {
  return db
    .select(fileMeta)
    .from(publicationFiles)
    .where(eq(publicationFiles.publicationId, publicationId))
    .orderBy(asc(publicationFiles.seq));
}

export async function listFiles(db: Queryable, publicationId: string): Promise<FileRow[]> {
  return db
    .select()
    .from(publicationFiles)
    .where(eq(publicationFiles.publicationId, publicationId))
    .orderBy(asc(publicationFiles.seq));
}

export async function findFile(db: Queryable, fileId: string): Promise<FileRow | null> {
  return (
    (await db.select().from(publicationFiles).where(eq(publicationFiles.id, fileId)))[0] ?? null
  );
}

export async function findPublicationById(
  db: Queryable,
  id: string,
): Promise<PublicationRow | null> {
  return (await db.select().from(publications).where(eq(publications.id, id)))[0] ?? null;
}

export interface RegionPublicationRow {
  departmentCode: string;
  departmentName: string;
  publication: PublicationRow | null;
  fileCount: number;
}

/** Every active department of the region with its package of the year (null: not prepared). */
export async function listRegionPublications(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<RegionPublicationRow[]> {
  const rows = await db
    .select({ dept: departments, publication: publications })
    .from(departments)
    .leftJoin(
      publications,
      and(eq(publications.departmentCode, departments.code), eq(publications.fiscalYear, year)),
    )
    .where(
      and(
        eq(departments.regionCode, regionCode),
        eq(departments.kind, 'department'),
        eq(departments.active, true),
      ),
    )
    .orderBy(asc(departments.code));
  const counts = await queryRows<{ publication_id: string; n: number }>(
    db,
    sql`select publication_id, count(*)::int as n from publication_files
        where region_code = ${regionCode} and fiscal_year = ${year} group by publication_id`,
  );
  const byId = new Map(counts.map((c) => [c.publication_id, Number(c.n)]));
  return rows.map((r) => ({
    departmentCode: r.dept.code,
    departmentName: r.dept.name,
    publication: r.publication,
    fileCount: r.publication ? (byId.get(r.publication.id) ?? 0) : 0,
  }));
}

export interface PublishedRow {
  publication: PublicationRow;
  departmentName: string;
}

/** The region's published packages (every year), newest year first. */
export async function listPublished(db: Queryable, regionCode: string): Promise<PublishedRow[]> {
  const rows = await db
    .select({ publication: publications, departmentName: departments.name })
    .from(publications)
    .innerJoin(departments, eq(departments.code, publications.departmentCode))
    .where(and(eq(publications.regionCode, regionCode), eq(publications.status, 'published')))
    .orderBy(sql`${publications.fiscalYear} desc`, asc(publications.departmentCode));
  return rows;
}

export async function findRegion(
  db: Queryable,
  code: string,
): Promise<{ code: string; name: string } | null> {
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(eq(regions.code, code));
  return rows[0] ?? null;
}

// ---- 拟报人大 flags ----

export async function listFlags(db: Queryable, regionCode: string, year: number) {
  return db
    .select()
    .from(npcReportFlags)
    .where(and(eq(npcReportFlags.regionCode, regionCode), eq(npcReportFlags.fiscalYear, year)))
    .orderBy(asc(npcReportFlags.departmentCode), asc(npcReportFlags.flaggedAt));
}

export async function findFlag(
  db: Queryable,
  kind: NpcEvaluationKind,
  evaluationId: string,
): Promise<FlagRow | null> {
  const rows = await db
    .select()
    .from(npcReportFlags)
    .where(
      and(eq(npcReportFlags.evaluationKind, kind), eq(npcReportFlags.evaluationId, evaluationId)),
    );
  return rows[0] ?? null;
}

export async function upsertFlag(
  tx: Queryable,
  row: typeof npcReportFlags.$inferInsert,
): Promise<FlagRow> {
  const [r] = await tx
    .insert(npcReportFlags)
    .values(row)
    .onConflictDoUpdate({
      target: [npcReportFlags.evaluationKind, npcReportFlags.evaluationId],
      set: { note: row.note ?? null, flaggedBy: row.flaggedBy, flaggedAt: row.flaggedAt },
    })
    .returning();
  return r!;
}

export async function deleteFlag(tx: Queryable, id: string): Promise<void> {
  await tx.delete(npcReportFlags).where(eq(npcReportFlags.id, id));
}

// ---- what a package needs ----

/** The department-level (部门整体) self-evaluation of the year has been submitted (or accepted). */
export async function departmentEvaluationSubmitted(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from self_evaluations
        where department_code = ${departmentCode} and fiscal_year = ${year} and project_id is null
          and status in ('submitted', 'accepted')`,
  );
  return Number(rows[0]?.n ?? 0) > 0;
}

/** Project ids of the department-year by project code. */
export async function projectIdsByCode(
  db: Queryable,
  departmentCode: string,
  year: number,
): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; code: string }>(
    db,
    sql`select id, code from projects where department_code = ${departmentCode} and fiscal_year = ${year}`,
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}

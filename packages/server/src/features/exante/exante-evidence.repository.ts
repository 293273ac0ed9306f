// SQL of the ex-ante 佐证材料 files (exante_evidence): the list never loads the bytes.
import { asc, and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import { exanteEvidence } from '../../db/schema/exante.ts';

export type EvidenceRow = typeof exanteEvidence.$inferSelect;
export type EvidenceMeta = Omit<EvidenceRow, 'content'>;

const META = {
  id: exanteEvidence.id,
  regionCode: exanteEvidence.regionCode,
  fiscalYear: exanteEvidence.fiscalYear,
  departmentCode: exanteEvidence.departmentCode,
  itemId: exanteEvidence.itemId,
  versionNo: exanteEvidence.versionNo,
  pointCode: exanteEvidence.pointCode,
  fileName: exanteEvidence.fileName,
  mimeType: exanteEvidence.mimeType,
  size: exanteEvidence.size,
  sha256: exanteEvidence.sha256,
  uploadedBy: exanteEvidence.uploadedBy,
  uploadedByName: exanteEvidence.uploadedByName,
  createdAt: exanteEvidence.createdAt,
};

export async function insertEvidence(
  tx: Queryable,
  values: typeof exanteEvidence.$inferInsert,
): Promise<EvidenceMeta> {
  const [row] = await tx.insert(exanteEvidence).values(values).returning(META);
  return row!;
}

export async function listEvidence(db: Queryable, itemId: string): Promise<EvidenceMeta[]> {
  return db
    .select(META)
    .from(exanteEvidence)
    .where(eq(exanteEvidence.itemId, itemId))
    .orderBy(asc(exanteEvidence.createdAt), asc(exanteEvidence.fileName));
}

export async function findEvidence(
  db: Queryable,
  itemId: string,
  id: string,
): Promise<EvidenceRow | null> {
  const rows = await db
    .select()
    .from(exanteEvidence)
    .where(and(eq(exanteEvidence.itemId, itemId), eq(exanteEvidence.id, id)));
  return rows[0] ?? null;
}

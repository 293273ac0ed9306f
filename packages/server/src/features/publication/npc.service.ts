// The bureau's side (full-cycle-rules §C.3, §C.4): the region's 公开 register (which department published what,
// where and when), the 拟报人大 flags on evaluations, and the yearly summary for the 决算 and the 人大 (.docx/.xlsx).
import {
  buildNpcSummary,
  npcSummaryTables,
  parseYuan,
  type Fen,
  type NpcEvaluationLine,
  type NpcSummaryData,
} from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import { isCli, type Actor } from '../../auth/actor.ts';
import { accessDenied, assertPermission } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import { writeDocument } from '../../render/document-writer.ts';
import type { NpcEvaluationKind } from '../../db/schema/publication.ts';
import * as repo from './publication.repository.ts';
import * as npcRepo from './npc.repository.ts';
import type { DownloadFile } from './publication-files.service.ts';

/** The region the bureau acts on: its own (the CLI names one). */
async function regionFor(db: Db, actor: Actor, regionCode: string) {
  assertPermission(actor, 'npc.manage');
  if (!isCli(actor) && actor.regionCode !== regionCode) {
    throw accessDenied('department', null, 'npc.manage');
  }
  const region = await repo.findRegion(db, regionCode);
  if (!region) {
    throw notFound(`地区「${regionCode}」`, `Region ${regionCode}`);
  }
  return region;
}

export interface RegisterRow {
  departmentCode: string;
  departmentName: string;
  status: 'none' | 'prepared' | 'published';
  preparedAt: string | null;
  publishedOn: string | null;
  publicationUrl: string | null;
  hasScreenshot: boolean;
  fileCount: number;
}

/** 公开登记: every department of the region and where its package of the year stands. */
export async function publicationRegister(
  db: Db,
  actor: Actor,
  regionCode: string,
  year: number,
): Promise<RegisterRow[]> {
  await regionFor(db, actor, regionCode);
  const rows = await repo.listRegionPublications(db, regionCode, year);
  return rows.map((r) => ({
    departmentCode: r.departmentCode,
    departmentName: r.departmentName,
    status: r.publication?.status ?? 'none',
    preparedAt: r.publication?.preparedAt.toISOString() ?? null,
    publishedOn: r.publication?.publishedOn ?? null,
    publicationUrl: r.publication?.publicationUrl ?? null,
    hasScreenshot: r.publication?.screenshot !== null && r.publication?.screenshot !== undefined,
    fileCount: r.fileCount,
  }));
}

export interface NpcEvaluationView extends NpcEvaluationLine {
  evaluationId: string;
  flaggedAt: string | null;
}

async function evaluationLines(db: Db, regionCode: string, year: number) {
  const [self, external, flags] = await Promise.all([
    npcRepo.selfEvaluations(db, regionCode, year),
    npcRepo.externalEvaluations(db, regionCode, year),
    repo.listFlags(db, regionCode, year),
  ]);
  const flagOf = new Map(flags.map((f) => [`${f.evaluationKind}:${f.evaluationId}`, f]));
  return [...self, ...external].map((e): NpcEvaluationView => {
    const flag = flagOf.get(`${e.kind}:${e.id}`);
    return {
      evaluationId: e.id,
      kind: e.kind,
      departmentCode: e.department_code,
      departmentName: e.department_name,
      projectCode: e.project_code,
      projectName: e.project_name,
      total: e.total,
      grade: e.grade,
      evaluator: e.evaluator,
      flagged: flag !== undefined,
      note: flag?.note ?? null,
      flaggedAt: flag?.flaggedAt.toISOString() ?? null,
    };
  });
}

/** The year's evaluations the bureau may flag 拟报人大, with their flags. */
export async function listNpcEvaluations(
  db: Db,
  actor: Actor,
  regionCode: string,
  year: number,
): Promise<NpcEvaluationView[]> {
  await regionFor(db, actor, regionCode);
  return evaluationLines(db, regionCode, year);
}

export async function setNpcFlag(
  db: Db,
  actor: Actor,
  input: { kind: NpcEvaluationKind; evaluationId: string; flagged: boolean; note: string | null },
  now: Date,
): Promise<void> {
  assertPermission(actor, 'npc.manage');
  const ev = await npcRepo.findEvaluation(db, input.kind, input.evaluationId);
  if (!ev) {
    throw new ServiceError('NPC_EVALUATION_UNKNOWN');
  }
  await regionFor(db, actor, ev.region_code);
  await db.transaction(async (tx) => {
    const before = await repo.findFlag(tx, input.kind, input.evaluationId);
    if (!input.flagged && !before) {
      throw new ServiceError('NPC_FLAG_NOT_SET');
    }
    if (input.flagged) {
      await repo.upsertFlag(tx, {
        regionCode: ev.region_code,
        fiscalYear: ev.fiscal_year,
        departmentCode: ev.department_code,
        projectId: ev.project_id,
        evaluationKind: input.kind,
        evaluationId: input.evaluationId,
        note: input.note,
        flaggedBy: actor.userId,
        flaggedAt: now,
      });
    } else {
      await repo.deleteFlag(tx, before!.id);
    }
    await auditInTx(tx, actor, {
      action: input.flagged ? 'npc.flag' : 'npc.unflag',
      entity: 'npc_report_flags',
      entityId: `${input.kind}/${input.evaluationId}`,
      departmentCode: ev.department_code,
      before: before ? { note: before.note } : null,
      after: input.flagged ? { note: input.note } : null,
    });
  });
}

const fenOf = (yuan: string): Fen => parseYuan(yuan) ?? (0 as Fen);

export async function npcSummaryData(
  db: Db,
  actor: Actor,
  regionCode: string,
  year: number,
  now: Date,
): Promise<NpcSummaryData> {
  const region = await regionFor(db, actor, regionCode);
  const [evaluations, departmentCount, funds, rectification, published] = await Promise.all([
    evaluationLines(db, regionCode, year),
    npcRepo.departmentCount(db, regionCode),
    npcRepo.fundsOfYear(db, regionCode, year),
    npcRepo.rectificationClosure(db, regionCode, year),
    npcRepo.publishedDepartments(db, regionCode, year),
  ]);
  return {
    regionCode,
    regionName: region.name,
    fiscalYear: year,
    departmentCount,
    evaluations: evaluations.map(({ evaluationId: _id, flaggedAt: _at, ...line }) => line),
    fundsCovered: fenOf(funds.covered),
    fundsTotal: fenOf(funds.total),
    rectification,
    published: { departments: published },
    generatedAt: now.toISOString(),
  };
}

export const SUMMARY_FORMATS = ['docx', 'xlsx'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

export async function renderNpcSummary(
  db: Db,
  actor: Actor,
  regionCode: string,
  year: number,
  format: SummaryFormat,
  now: Date,
): Promise<DownloadFile> {
  const data = await npcSummaryData(db, actor, regionCode, year, now);
  const doc = buildNpcSummary(data);
  if (format === 'docx') {
    return {
      body: await writeDocument({ kind: 'report-docx', doc }),
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      fileName: `${doc.title}.docx`,
    };
  }
  return {
    body: await writeDocument({
      kind: 'tables-xlsx',
      tables: npcSummaryTables(data),
      options: { created: now },
    }),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `${doc.title}.xlsx`,
  };
}

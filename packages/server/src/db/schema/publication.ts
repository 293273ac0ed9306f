// 公开 (publication, full-cycle-rules §C.3) and 报告人大 (§C.4): a department-year's publication package (its
// files frozen when prepared), the proof of publication (URL, date, screenshot), and the bureau's 拟报人大 flags.
import {
  customType,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './common.ts';
import { departments } from './organizations.ts';

/** bytea ↔ Buffer (PGlite hands back a Uint8Array, node-postgres a Buffer). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => v,
  fromDriver: (v) => Buffer.from(v),
});

export type PublicationStatus = 'prepared' | 'published';
export type PublicationFileKind =
  'departmentReport' | 'departmentTable' | 'projectTable' | 'externalReport' | 'manifest';

/** One package per department and year: prepared (files frozen) → published (proof recorded). */
export const publications = pgTable(
  'publications',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    status: text('status').$type<PublicationStatus>().notNull().default('prepared'),
    preparedAt: timestamp('prepared_at', { withTimezone: true }).notNull(),
    preparedBy: text('prepared_by').notNull(),
    /** sha256 of the zip as served (files in seq order). */
    packageSha256: text('package_sha256').notNull(),
    /** The day it went public (公开时间) and where (公开网址). */
    publishedOn: date('published_on'),
    publicationUrl: text('publication_url'),
    /** 公开截图: an image of the published page. */
    screenshot: bytea('screenshot'),
    screenshotType: text('screenshot_type'),
    screenshotName: text('screenshot_name'),
    publishedBy: text('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('publications_dept_year').on(t.departmentCode, t.fiscalYear),
    index('publications_region_year').on(t.regionCode, t.fiscalYear),
  ],
);

/** A file of a package, frozen as prepared. */
export const publicationFiles = pgTable(
  'publication_files',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    publicationId: text('publication_id')
      .notNull()
      .references(() => publications.id, { onDelete: 'cascade' }),
    seq: smallint('seq').notNull(),
    kind: text('kind').$type<PublicationFileKind>().notNull(),
    /** The project of a 项目支出绩效自评表 / external report; null for the department's files. */
    projectId: text('project_id'),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    body: bytea('body').notNull(),
  },
  (t) => [unique('publication_files_seq').on(t.publicationId, t.seq)],
);

export type NpcEvaluationKind = 'self' | 'external';

/** 拟报人大: an evaluation (self-evaluation or external evaluation) the bureau means to report to the 人大. */
export const npcReportFlags = pgTable(
  'npc_report_flags',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    projectId: text('project_id'),
    evaluationKind: text('evaluation_kind').$type<NpcEvaluationKind>().notNull(),
    evaluationId: text('evaluation_id').notNull(),
    note: text('note'),
    flaggedBy: text('flagged_by').notNull(),
    flaggedAt: timestamp('flagged_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('npc_report_flags_evaluation').on(t.evaluationKind, t.evaluationId),
    index('npc_report_flags_region_year').on(t.regionCode, t.fiscalYear),
  ],
);

// What the API, the CLI and the report show of an item: the stored fields, the issue number, the names, and
// the status as of today (逾期 derived from the deadline and the injected clock).
import {
  RECTIFICATION_ACTION_TEXT,
  RECTIFICATION_CATEGORY_TEXT,
  RECTIFICATION_SOURCE_TEXT,
  RECTIFICATION_STATUS_TEXT,
  rectificationDisplayStatus,
  rectificationIssueNo,
  type RectificationAction,
  type RectificationCategory,
  type RectificationDisplayStatus,
  type RectificationSource,
  type RectificationStatus,
} from '@jixiao/core';
import type * as repo from './rectifications.repository.ts';

/** The calendar day of `now` in China (UTC+8): the day 逾期 is judged on. */
export function todayOf(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface ItemView {
  id: string;
  issueNo: string;
  regionCode: string;
  fiscalYear: number;
  departmentCode: string;
  departmentName: string;
  projectId: string | null;
  projectCode: string | null;
  projectName: string | null;
  source: RectificationSource;
  sourceText: string;
  sourceRef: string | null;
  evaluationId: string | null;
  indicatorRef: string | null;
  category: RectificationCategory;
  categoryText: string;
  problem: string;
  requirement: string;
  responsibleUnit: string;
  owner: string;
  measures: string;
  finalOn: string;
  noticedOn: string | null;
  deadline: string;
  status: RectificationStatus;
  displayStatus: RectificationDisplayStatus;
  statusText: string;
  overdue: boolean;
  resultNote: string;
  reviewerOpinion: string;
  budgetImpact: string;
  closedAt: string | null;
  illustrative: boolean;
  evidenceCount: number;
}

export function itemView(r: repo.ListedItem, today: string): ItemView {
  const displayStatus = rectificationDisplayStatus(r, today);
  return {
    id: r.id,
    issueNo: rectificationIssueNo(r.fiscalYear, r.seq),
    regionCode: r.regionCode,
    fiscalYear: r.fiscalYear,
    departmentCode: r.departmentCode,
    departmentName: r.departmentName,
    projectId: r.projectId,
    projectCode: r.projectCode,
    projectName: r.projectName,
    source: r.source,
    sourceText: RECTIFICATION_SOURCE_TEXT[r.source],
    sourceRef: r.sourceRef,
    evaluationId: r.evaluationId,
    indicatorRef: r.indicatorRef,
    category: r.category,
    categoryText: RECTIFICATION_CATEGORY_TEXT[r.category],
    problem: r.problem,
    requirement: r.requirement,
    responsibleUnit: r.responsibleUnit,
    owner: r.owner,
    measures: r.measures,
    finalOn: r.finalOn,
    noticedOn: r.noticedOn,
    deadline: r.deadline,
    status: r.status,
    displayStatus,
    statusText: RECTIFICATION_STATUS_TEXT[displayStatus],
    overdue: displayStatus === 'overdue',
    resultNote: r.resultNote,
    reviewerOpinion: r.reviewerOpinion,
    budgetImpact: r.budgetImpact,
    closedAt: r.closedAt?.toISOString() ?? null,
    illustrative: r.illustrative,
    evidenceCount: r.evidenceCount,
  };
}

export interface EventView {
  action: RectificationAction;
  actionText: string;
  fromStatus: RectificationStatus | null;
  toStatus: RectificationStatus;
  note: string;
  actorName: string;
  at: string;
}

export function eventView(e: repo.EventRow): EventView {
  return {
    action: e.action,
    actionText: RECTIFICATION_ACTION_TEXT[e.action],
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
    actorName: e.actorName,
    at: e.at.toISOString(),
  };
}

export interface EvidenceView {
  id: string;
  note: string;
  fileName: string | null;
  mimeType: string | null;
  size: number | null;
  uploadedByName: string;
  at: string;
}

export function evidenceView(e: repo.EvidenceRow): EvidenceView {
  return {
    id: e.id,
    note: e.note,
    fileName: e.fileName,
    mimeType: e.mimeType,
    size: e.size,
    uploadedByName: e.uploadedByName,
    at: e.createdAt.toISOString(),
  };
}

export interface ItemDetail extends ItemView {
  events: EventView[];
  evidence: EvidenceView[];
}

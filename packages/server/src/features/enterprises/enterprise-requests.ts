// Enterprise requests (企业诉求): received with a time limit (10 working days by default), closed (办结) with
// the result or withdrawn with a reason; each write is one transaction with its audit entry.
import {
  addWorkingDays,
  isIsoDate,
  REQUEST_CATEGORIES,
  REQUEST_CATEGORY_LABEL,
  REQUEST_STATUS_LABEL,
  yearOf,
  type RequestCategory,
  type RequestStatus,
} from '@jixiao/core/investment/index';
import type { Db, Queryable } from '../../db/open-db.ts';
import * as repo from './enterprises.repository.ts';
import * as reqRepo from './enterprise-requests.repository.ts';
import type { DepartmentRow } from '../departments/departments.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import { chinaToday } from '../investment/investment-views.ts';
import { checkDate, editable, invalid, paging, type FieldLabel } from './enterprises-common.ts';

const RECEIVED_ON: FieldLabel = ['受理日期', 'The date received'];

/** Default time limit for a request: 10 working days from receipt. */
export const DEFAULT_REQUEST_WORKING_DAYS = 10;

export interface RequestView {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  category: RequestCategory;
  categoryLabel: string;
  summary: string;
  receivedOn: string;
  dueOn: string;
  closedOn: string | null;
  status: RequestStatus;
  statusLabel: string;
  /** Closed on or before the due date; null while open. */
  onTime: boolean | null;
  closureNote: string | null;
  handledBy: string | null;
  survey: { score: number | null; satisfied: boolean | null } | null;
  illustrative: boolean;
}

function requestView(
  r: repo.RequestRow,
  enterpriseName: string,
  survey: { score: number | null; satisfied: boolean | null } | null,
): RequestView {
  const category = r.category as RequestCategory;
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName,
    category,
    categoryLabel: REQUEST_CATEGORY_LABEL[category]?.zh ?? r.category,
    summary: r.summary,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    closedOn: r.closedOn,
    status: r.status,
    statusLabel: REQUEST_STATUS_LABEL[r.status].zh,
    onTime: r.status === 'closed' && r.closedOn ? r.closedOn <= r.dueOn : null,
    closureNote: r.closureNote,
    handledBy: r.handledBy,
    survey,
    illustrative: r.illustrative,
  };
}

export async function listRequests(
  db: Db,
  actor: Actor,
  departmentCode: string,
  f: reqRepo.RequestFilters & { page?: number; pageSize?: number },
) {
  const dept = await getDepartment(db, actor, departmentCode);
  const { rows, total } = await reqRepo.listRequests(db, dept.code, f, paging(f.page, f.pageSize));
  return {
    items: rows.map((r) =>
      requestView(
        r,
        r.enterpriseName,
        r.surveyScore === null && r.surveySatisfied === null
          ? null
          : { score: r.surveyScore, satisfied: r.surveySatisfied },
      ),
    ),
    total,
    page: f.page ?? 1,
    pageSize: f.pageSize ?? 20,
  };
}

export interface CreateRequestInput {
  enterpriseId: string;
  category: RequestCategory;
  summary: string;
  receivedOn: string;
  /** Default: 10 working days after receipt (national calendar). */
  dueOn?: string | null;
  handledBy?: string | null;
}

/** The checks of a new request (category, text, dates); returns its due date (default 10 working days). */
function checkRequestInput(input: CreateRequestInput, today: string): string {
  if (!(REQUEST_CATEGORIES as readonly string[]).includes(input.category)) {
    throw invalid('category', 'REQUEST_CATEGORY_UNKNOWN', {
      options: REQUEST_CATEGORIES.map((c) => REQUEST_CATEGORY_LABEL[c].zh).join('、'),
      optionsEn: REQUEST_CATEGORIES.map((c) => REQUEST_CATEGORY_LABEL[c].en).join(', '),
    });
  }
  if (input.summary.trim() === '') {
    throw invalid('summary', 'ENTERPRISE_FIELD_REQUIRED', {
      field: '诉求内容',
      fieldEn: 'what the enterprise asks',
    });
  }
  checkDate('receivedOn', RECEIVED_ON, input.receivedOn, today);
  const dueOn = input.dueOn ?? addWorkingDays(input.receivedOn, DEFAULT_REQUEST_WORKING_DAYS);
  if (!isIsoDate(dueOn)) {
    throw invalid('dueOn', 'ENTERPRISE_DATE_INVALID', {
      field: '办理期限',
      fieldEn: 'The due date',
      value: dueOn,
    });
  }
  if (dueOn < input.receivedOn) {
    throw invalid('dueOn', 'ENTERPRISE_DATE_BEFORE', {
      field: '办理期限',
      fieldEn: 'The due date',
      date: dueOn,
      other: RECEIVED_ON[0],
      otherEn: 'date received',
      otherDate: input.receivedOn,
    });
  }
  return dueOn;
}

export async function createRequest(
  db: Db,
  actor: Actor,
  departmentCode: string,
  input: CreateRequestInput,
  now: Date,
): Promise<RequestView> {
  const dept = await editable(db, actor, departmentCode);
  const dueOn = checkRequestInput(input, chinaToday(now));
  return db.transaction(async (tx) => {
    const ent = await repo.findEnterprise(tx, dept.code, input.enterpriseId);
    if (!ent) {
      throw invalid('enterpriseId', 'ENTERPRISE_UNKNOWN');
    }
    const row = await reqRepo.insertRequest(tx, {
      regionCode: dept.regionCode,
      fiscalYear: yearOf(input.receivedOn),
      departmentCode: dept.code,
      enterpriseId: ent.id,
      category: input.category,
      summary: input.summary.trim(),
      receivedOn: input.receivedOn,
      dueOn,
      status: 'open',
      handledBy: input.handledBy?.trim() || null,
      createdAt: now,
      updatedAt: now,
    });
    await auditInTx(tx, actor, {
      action: 'enterpriseRequest.create',
      entity: 'enterprise_requests',
      entityId: row.id,
      departmentCode: dept.code,
      before: null,
      after: { enterpriseId: ent.id, category: row.category, receivedOn: row.receivedOn, dueOn },
    });
    return requestView(row, ent.name, null);
  });
}

async function openRequest(
  tx: Queryable,
  dept: DepartmentRow,
  id: string,
): Promise<repo.RequestRow> {
  const r = await reqRepo.findRequest(tx, dept.code, id);
  if (!r) {
    throw notFound('企业诉求', 'Enterprise request');
  }
  if (r.status !== 'open') {
    throw new ServiceError('REQUEST_NOT_OPEN', {
      status: REQUEST_STATUS_LABEL[r.status].zh.replace('已', ''),
      statusEn: REQUEST_STATUS_LABEL[r.status].en.toLowerCase(),
    });
  }
  return r;
}

/** Closes a request (办结) on `closedOn` with the result. */
export async function closeRequest(
  db: Db,
  actor: Actor,
  departmentCode: string,
  id: string,
  input: { closedOn: string; closureNote: string },
  now: Date,
): Promise<RequestView> {
  const dept = await editable(db, actor, departmentCode);
  checkDate('closedOn', ['办结日期', 'The date closed'], input.closedOn, chinaToday(now));
  if (input.closureNote.trim() === '') {
    throw invalid('closureNote', 'ENTERPRISE_FIELD_REQUIRED', {
      field: '办理结果',
      fieldEn: 'the outcome',
    });
  }
  return db.transaction(async (tx) => {
    const r = await openRequest(tx, dept, id);
    if (input.closedOn < r.receivedOn) {
      throw invalid('closedOn', 'ENTERPRISE_DATE_BEFORE', {
        field: '办结日期',
        fieldEn: 'The date closed',
        date: input.closedOn,
        other: RECEIVED_ON[0],
        otherEn: 'date received',
        otherDate: r.receivedOn,
      });
    }
    const row = await reqRepo.updateRequest(tx, id, {
      status: 'closed',
      closedOn: input.closedOn,
      closureNote: input.closureNote.trim(),
      updatedAt: now,
    });
    await auditInTx(tx, actor, {
      action: 'enterpriseRequest.close',
      entity: 'enterprise_requests',
      entityId: id,
      departmentCode: dept.code,
      before: { status: 'open' },
      after: { status: 'closed', closedOn: input.closedOn },
    });
    const ent = await repo.findEnterprise(tx, dept.code, row.enterpriseId);
    return requestView(row, ent?.name ?? '', null);
  });
}

/** The enterprise withdrew the request (撤回): it leaves the on-time rate and the durations. */
export async function withdrawRequest(
  db: Db,
  actor: Actor,
  departmentCode: string,
  id: string,
  reason: string,
  now: Date,
): Promise<RequestView> {
  const dept = await editable(db, actor, departmentCode);
  if (reason.trim() === '') {
    throw invalid('reason', 'ENTERPRISE_FIELD_REQUIRED', {
      field: '撤回原因',
      fieldEn: 'why it was withdrawn',
    });
  }
  return db.transaction(async (tx) => {
    await openRequest(tx, dept, id);
    const row = await reqRepo.updateRequest(tx, id, {
      status: 'withdrawn',
      closureNote: `企业撤回：${reason.trim()}`,
      updatedAt: now,
    });
    await auditInTx(tx, actor, {
      action: 'enterpriseRequest.withdraw',
      entity: 'enterprise_requests',
      entityId: id,
      departmentCode: dept.code,
      before: { status: 'open' },
      after: { status: 'withdrawn', reason },
    });
    const ent = await repo.findEnterprise(tx, dept.code, row.enterpriseId);
    return requestView(row, ent?.name ?? '', null);
  });
}

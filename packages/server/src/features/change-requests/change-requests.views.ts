// What the API answers for change requests: each request with its field and status in words, a batch in order.
import { CHANGE_FIELD_TEXT } from '@jixiao/core/indicators/change-values';
import type { Queryable } from '../../db/open-db.ts';
import type { ChangeField, ChangeStatus } from '../../db/schema/change-requests.ts';
import * as repo from './change-requests.repository.ts';
import * as indRepo from '../indicators/indicators.repository.ts';

export const CHANGE_FIELDS: readonly ChangeField[] = [
  'target',
  'weight',
  'operator',
  'unit',
  'name',
];

export const FIELD_TEXT: Record<ChangeField, string> = CHANGE_FIELD_TEXT;

export const CHANGE_STATUS_TEXT: Record<ChangeStatus, string> = {
  pending: '待部门审核',
  deptApproved: '待财政审核',
  approved: '已批准',
  rejected: '已驳回',
};

export interface ChangeRequestView {
  id: string;
  batchId: string;
  departmentCode: string;
  fiscalYear: number;
  goalId: string;
  indicatorId: string;
  indicatorName: string;
  field: ChangeField;
  fieldLabel: string;
  originalValue: string;
  newValue: string;
  reason: string;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  status: ChangeStatus;
  statusLabel: string;
  deptDecidedBy: string | null;
  deptDecidedAt: string | null;
  deptComment: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
}

export function view(r: repo.ChangeRequestRow, indicatorName: string): ChangeRequestView {
  return {
    id: r.id,
    batchId: r.batchId,
    departmentCode: r.departmentCode,
    fiscalYear: r.fiscalYear,
    goalId: r.goalId,
    indicatorId: r.indicatorId,
    indicatorName,
    field: r.field,
    fieldLabel: FIELD_TEXT[r.field],
    originalValue: r.originalValue,
    newValue: r.newValue,
    reason: r.reason,
    requestedBy: r.requestedBy,
    requestedByName: r.requestedByName,
    requestedAt: r.requestedAt.toISOString(),
    status: r.status,
    statusLabel: CHANGE_STATUS_TEXT[r.status],
    deptDecidedBy: r.deptDecidedBy,
    deptDecidedAt: r.deptDecidedAt?.toISOString() ?? null,
    deptComment: r.deptComment,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionComment: r.decisionComment,
  };
}

export async function batchViews(
  db: Queryable,
  batch: repo.ChangeRequestRow[],
): Promise<ChangeRequestView[]> {
  const out: ChangeRequestView[] = [];
  for (const r of batch) {
    const ind = await indRepo.findIndicator(db, r.indicatorId);
    out.push(view(r, ind?.name ?? ''));
  }
  return out;
}

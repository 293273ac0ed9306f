// What every enterprise-services write shares: the department it may edit, an input error on one field, the
// date checks (a real date, not in the future) and paging.
import { errorMessage, type ErrorCode, type ErrorParams } from '@jixiao/core';
import { isIsoDate } from '@jixiao/core/investment/index';
import type { Db } from '../../db/open-db.ts';
import type { DepartmentRow } from '../departments/departments.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertCanEdit } from '../../auth/access.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError } from '../../http/service-error.ts';
import type * as repo from './enterprises.repository.ts';

export async function editable(db: Db, actor: Actor, code: string): Promise<DepartmentRow> {
  const dept = await getDepartment(db, actor, code);
  assertCanEdit(actor, dept);
  return dept;
}

/** A refused value of one field: the code's message, also listed under details.fields for the form. */
export function invalid(field: string, code: ErrorCode, params: ErrorParams = {}): ServiceError {
  return new ServiceError(code, params, {
    fields: [
      {
        field,
        message: errorMessage(code, params, 'zh'),
        messageEn: errorMessage(code, params, 'en'),
      },
    ],
  });
}

/** Field labels shown in the messages (zh, en). */
export type FieldLabel = readonly [string, string];

export function checkDate(field: string, label: FieldLabel, value: string, today: string): void {
  const [zh, en] = label;
  if (!isIsoDate(value)) {
    throw invalid(field, 'ENTERPRISE_DATE_INVALID', { field: zh, fieldEn: en, value });
  }
  if (value > today) {
    throw invalid(field, 'ENTERPRISE_DATE_IN_FUTURE', {
      field: zh,
      fieldEn: en,
      date: value,
      today,
    });
  }
}

export function paging(page = 1, pageSize = 20): repo.Paging {
  return { offset: (page - 1) * pageSize, limit: pageSize };
}

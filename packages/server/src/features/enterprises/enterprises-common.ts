// What every enterprise-services write shares: the department it may edit, an input error on one field, the
// date checks (a real date, not in the future) and paging.
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

export function invalid(field: string, zh: string, en: string): ServiceError {
  return new ServiceError(
    'VALIDATION',
    { message: `输入有误：${zh}`, messageEn: `Invalid input: ${en}` },
    {
      fields: [{ field, message: zh, messageEn: en }],
    },
  );
}

export function checkDate(field: string, label: string, value: string, today: string): void {
  if (!isIsoDate(value)) {
    throw invalid(
      field,
      `「${label}」「${value}」不是有效日期（格式 YYYY-MM-DD）`,
      `${field} is not a valid date`,
    );
  }
  if (value > today) {
    throw invalid(field, `「${label}」${value} 晚于今天（${today}）`, `${field} is after today`);
  }
}

export function paging(page = 1, pageSize = 20): repo.Paging {
  return { offset: (page - 1) * pageSize, limit: pageSize };
}

// The previous year's 整改 items of a department with their status today, for the self-evaluation report's
// 四、下一步改进措施 (features/reports calls this while loading the report data).
import type { PreviousRectifications } from '@jixiao/core';
import type { Queryable } from '../../db/open-db.ts';
import * as repo from './rectifications.repository.ts';
import { itemView, todayOf } from './rectifications.views.ts';

export async function previousRectificationsFor(
  db: Queryable,
  departmentCode: string,
  year: number,
  now: Date,
): Promise<PreviousRectifications | null> {
  const rows = await repo.listItems(db, { departmentCode, year: year - 1 });
  if (rows.length === 0) {
    return null;
  }
  const today = todayOf(now);
  return {
    fiscalYear: year - 1,
    items: rows.map((r) => {
      const v = itemView(r, today);
      return {
        id: v.id,
        issueNo: v.issueNo,
        subject: v.projectName ?? '部门整体',
        problem: v.problem,
        status: v.displayStatus,
        deadline: v.deadline,
        closedOn: r.closedAt ? todayOf(r.closedAt) : null,
      };
    }),
  };
}

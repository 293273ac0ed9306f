// Tests only: the clerk's submission signed off by the department's head, so the self-evaluation reaches the finance
// bureau (frozen) as it does in a year that requires the head's sign-off (the default).
import type { Db } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { submitEvaluation } from './evaluation-review.service.ts';
import { headApproveEvaluation } from './evaluation-signoff.service.ts';
import type { DepartmentEvaluation } from './evaluation-inputs.ts';

export async function submitToBureau(
  db: Db,
  clerk: Actor,
  departmentCode: string,
  year: number,
  now: Date,
): Promise<DepartmentEvaluation> {
  const sent = await submitEvaluation(db, clerk, departmentCode, year, now);
  if (sent.department.status !== 'headReview') {
    return sent;
  }
  const head: Actor = { ...clerk, userId: `${clerk.userId}-head`, role: 'deptHead' };
  return headApproveEvaluation(db, head, departmentCode, year, null, now);
}

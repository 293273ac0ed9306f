// The budget gate (§A.5) for the budget paths: a registered ex-ante item that needs an assessment receives a
// 年初 budget line only when its latest conclusion is 予以支持, or 调整完善后予以支持 confirmed by the bureau.
// Items never registered for assessment are not affected. A project whose goal set the bureau graded 差
// (§C.5) is refused as well.
import { GATE_REFUSAL_TEXT } from '@jixiao/core';
import type { Queryable } from '../../db/open-db.ts';
import { ServiceError } from '../../http/service-error.ts';
import * as repo from './exante.repository.ts';
import { gateOf, rulesFor } from './exante.views.ts';
import { latestGradesOfProjects } from './goal-grade.repository.ts';

/** Throws EXANTE_BUDGET_BLOCKED naming the first refused project (details list every refusal). */
export async function assertExanteAllowsBudget(
  tx: Queryable,
  departmentCode: string,
  year: number,
  projectCodes: string | readonly string[],
): Promise<void> {
  const codes = typeof projectCodes === 'string' ? [projectCodes] : [...new Set(projectCodes)];
  const items = await repo.findItemsByCodes(tx, departmentCode, year, codes);
  const refused: { project: string; reason: string; reasonEn: string }[] = [];
  for (const item of items) {
    const gate = gateOf(item, await rulesFor(tx, item.regionCode, item.fiscalYear));
    if (!gate.allowed) {
      const text = GATE_REFUSAL_TEXT[gate.reason];
      refused.push({ project: item.projectCode, reason: text.zh, reasonEn: text.en });
    }
  }
  const grades = await latestGradesOfProjects(tx, departmentCode, year, codes);
  for (const [project, grade] of grades) {
    if (grade === '差') {
      refused.push({
        project,
        reason: '绩效目标审核结果为「差」，不得进入下一步预算安排',
        reasonEn: 'its goal set was graded "poor" and cannot proceed to budgeting',
      });
    }
  }
  const first = refused[0];
  if (first) {
    throw new ServiceError(
      'EXANTE_BUDGET_BLOCKED',
      { project: first.project, reason: first.reason, reasonEn: first.reasonEn },
      { refused },
    );
  }
}

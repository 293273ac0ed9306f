// The budget gate (§A.5) for the budget paths: a registered ex-ante item that needs an assessment receives a
// 年初 budget line only when its latest conclusion is 予以支持, or 调整完善后予以支持 confirmed by the bureau.
// Items never registered for assessment are not affected.
import { GATE_REFUSAL_TEXT } from '@jixiao/core';
import type { Queryable } from '../../db/open-db.ts';
import { ServiceError } from '../../http/service-error.ts';
import * as repo from './exante.repository.ts';
import { gateOf, rulesFor } from './exante.views.ts';

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
  const first = refused[0];
  if (first) {
    throw new ServiceError(
      'EXANTE_BUDGET_BLOCKED',
      { project: first.project, reason: first.reason, reasonEn: first.reasonEn },
      { refused },
    );
  }
}

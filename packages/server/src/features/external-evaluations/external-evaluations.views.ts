// Rows → API views: the list entry, and the detail with the score sheet scored by core (the same function the
// browser's live total calls), issue texts a finance clerk reads, and the template warnings.
import {
  EXT_EVAL_DIMENSION_TEXT,
  checkExtEvalTemplate,
  scoreExtEvalSheet,
  type ExtEvalIndicatorDef,
  type ExtEvalStatus,
  type ExtEvalTemplate,
  type ExtEvalTemplateIssue,
} from '@jixiao/core';
import type { Queryable } from '../../db/open-db.ts';
import * as repo from './external-evaluations.repository.ts';

export const STATUS_TEXT: Readonly<Record<ExtEvalStatus, { zh: string; en: string }>> = {
  draft: { zh: '待启动', en: 'draft' },
  scoring: { zh: '评分中', en: 'being scored' },
  submitted: { zh: '已提交待审定', en: 'submitted' },
  concluded: { zh: '已审定', en: 'concluded' },
};

export const ISSUE_TEXT: Readonly<Record<string, string>> = {
  INPUT_MISSING: '尚未评分',
  INPUT_KIND: '填写方式与该指标的评分规则不符',
  NUMBER_INVALID: '数字有误（应为非负数）',
  DENOMINATOR_ZERO: '分母为 0，无法计算比率',
  TIER_UNKNOWN: '请选择档次',
  CHECKLIST_LENGTH: '评价要点的个数与评分标准不符',
  NOTE_REQUIRED: '酌情评分须写明评分依据',
  SCORE_OUT_OF_RANGE: '得分须在 0 与分值之间，最多两位小数',
  DEDUCTION_REASON_REQUIRED: '有扣分，须填写扣分理由',
};

/** One line per template problem, naming the indicator or 一级 concerned. */
export function templateIssueText(t: ExtEvalTemplate, issue: ExtEvalTemplateIssue): string {
  const ind = issue.index === undefined ? undefined : t.indicators[issue.index];
  const where = ind ? `「${ind.name || `第 ${(issue.index ?? 0) + 1} 项`}」` : '';
  const dim = issue.dimension ? EXT_EVAL_DIMENSION_TEXT[issue.dimension] : '';
  switch (issue.code) {
    case 'WEIGHT_INVALID':
      return `${dim}的权重应为不超过两位小数的数字`;
    case 'WEIGHT_SUM':
      return '决策、过程、产出、效益的权重合计应为 100 分';
    case 'DIMENSION_SUM':
      return `${dim}下各三级指标的分值合计应等于${dim}的权重 ${t.weights[issue.dimension ?? 'decision']} 分`;
    case 'INDICATOR_NAME':
      return `第 ${(issue.index ?? 0) + 1} 项指标缺少二级或三级指标名称`;
    case 'MAX_SCORE_INVALID':
      return `${where}的分值应为大于 0、不超过两位小数的数字`;
    case 'RULE_INVALID':
      return `${where}的评分标准不完整（档次得分不得超过分值，要点不能为空，扣分值须大于 0）`;
    case 'RESULT_WEIGHT_LOW':
      return `产出与效益的权重合计低于 ${t.resultWeightWarnBelow} 分（10号文：原则上不低于 60%）`;
  }
}

export function templateWarnings(t: ExtEvalTemplate): string[] {
  return checkExtEvalTemplate(t).warnings.map((w) => templateIssueText(t, w));
}

export function defOf(r: repo.IndicatorRow): ExtEvalIndicatorDef {
  return {
    dimension: r.dimension,
    level2: r.level2,
    name: r.name,
    explanation: r.explanation,
    points: r.points,
    criterion: r.criterion,
    maxScore: r.maxScore,
    rule: r.rule,
    ...(r.metric ? { metric: r.metric } : {}),
  };
}

export function sheetOf(ev: repo.EvaluationRow, rows: repo.IndicatorRow[]) {
  return scoreExtEvalSheet(
    rows.map((r) => ({ def: defOf(r), input: r.input, deductionReason: r.deductionReason })),
    ev.executionFormula,
  );
}

export interface Names {
  departmentName: string;
  projectCode: string | null;
  evaluatorName: string;
}

export async function namesOf(db: Queryable, ev: repo.EvaluationRow): Promise<Names> {
  const depts = await repo.departmentNames(db, [ev.departmentCode]);
  const project = ev.projectId ? await repo.findProject(db, ev.projectId) : null;
  const evaluator =
    ev.evaluatorKind === 'thirdParty'
      ? ((ev.agencyId ? await repo.findAgency(db, ev.agencyId) : null)?.name ?? '第三方机构')
      : ((ev.evaluatorUserId ? await repo.findUser(db, { id: ev.evaluatorUserId }) : null)
          ?.displayName ?? '财政部门');
  return {
    departmentName: depts.get(ev.departmentCode) ?? ev.departmentCode,
    projectCode: project?.code ?? null,
    evaluatorName: evaluator,
  };
}

export function evaluationView(ev: repo.EvaluationRow, names: Names) {
  return {
    id: ev.id,
    regionCode: ev.regionCode,
    fiscalYear: ev.fiscalYear,
    departmentCode: ev.departmentCode,
    departmentName: names.departmentName,
    projectId: ev.projectId,
    projectCode: names.projectCode,
    objectKind: ev.projectId ? ('project' as const) : ('department' as const),
    objectName: ev.objectName,
    evaluatorKind: ev.evaluatorKind,
    evaluatorName: names.evaluatorName,
    agencyId: ev.agencyId,
    status: ev.status,
    statusText: STATUS_TEXT[ev.status].zh,
    executionFormula: ev.executionFormula,
    total: ev.total,
    grade: ev.grade,
    submittedAt: ev.submittedAt?.toISOString() ?? null,
    concludedAt: ev.concludedAt?.toISOString() ?? null,
    findingCount: ev.findings.length,
  };
}

export type EvaluationView = ReturnType<typeof evaluationView>;

export function indicatorViews(rows: repo.IndicatorRow[], sheet: ReturnType<typeof sheetOf>) {
  return rows.map((r, i) => {
    const res = sheet.rows[i];
    return {
      ...defOf(r),
      position: r.position,
      input: r.input,
      score: res?.score ?? null,
      deducted: res?.deducted ?? null,
      detail: res?.detail ?? {},
      issue: res?.issue ?? null,
      issueText: res?.issue ? (ISSUE_TEXT[res.issue] ?? res.issue) : null,
      deductionReason: r.deductionReason,
      evidence: r.evidence,
    };
  });
}

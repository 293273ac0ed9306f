// What the API answers for an ex-ante item: the list row (what it needs, where it stands, whether it may be
// budgeted) and the detail (template, every version with its score sheet, the history).
import {
  DEFAULT_EXANTE_THRESHOLDS,
  DEFAULT_RATING_SHARES,
  EXANTE_ASSESSOR_TEXT,
  EXANTE_CONCLUSION_TEXT,
  EXANTE_TYPE_TEXT,
  GATE_REFUSAL_TEXT,
  REQUIREMENT_REASON_TEXT,
  budgetGate,
  defaultExAnteTemplate,
  formatWanYuan,
  parseYuan,
  requiredAssessments,
  scoreSheet,
  type ExAnteRequirement,
  type ExAnteTemplate,
  type ExAnteThresholds,
  type ExAnteType,
  type RatingShares,
  type ScoreSheet,
} from '@jixiao/core';
import type { Queryable } from '../../db/open-db.ts';
import type { ExAnteState } from '../../db/schema/exante.ts';
import * as repo from './exante.repository.ts';

export const STATE_TEXT: Readonly<Record<ExAnteState, { zh: string; en: string }>> = {
  draft: { zh: '填报中', en: 'draft' },
  submitted: { zh: '待财政审核', en: 'submitted' },
  returned: { zh: '已退回', en: 'returned' },
  thirdParty: { zh: '第三方评估中', en: 'with the third party' },
  concluded: { zh: '已形成结论', en: 'concluded' },
};

export interface ExAnteRules {
  thresholds: ExAnteThresholds;
  ratingShares: RatingShares;
  templates: ExAnteTemplate[] | null;
}

export async function rulesFor(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<ExAnteRules> {
  const row = await repo.findConfig(db, regionCode, year);
  return {
    thresholds: row?.thresholds ?? DEFAULT_EXANTE_THRESHOLDS,
    ratingShares: row?.ratingShares ?? DEFAULT_RATING_SHARES,
    templates: row?.templates ?? null,
  };
}

export function templateOf(rules: ExAnteRules, type: ExAnteType): ExAnteTemplate {
  return rules.templates?.find((t) => t.type === type) ?? defaultExAnteTemplate(type);
}

export function requirementOf(item: repo.ItemRow, rules: ExAnteRules): ExAnteRequirement {
  return requiredAssessments(
    {
      isNew: item.isNew,
      amount: item.amount,
      previousAmount: item.previousAmount,
      continuing: item.continuing,
      sensitive: item.sensitive,
      major: item.major,
    },
    rules.thresholds,
  );
}

export function gateOf(item: repo.ItemRow, rules: ExAnteRules) {
  return budgetGate({
    required: requirementOf(item, rules).department,
    latest: item.conclusion ? { conclusion: item.conclusion, confirmed: item.confirmed } : null,
  });
}

export interface ItemView {
  id: string;
  departmentCode: string;
  departmentName: string;
  fiscalYear: number;
  projectCode: string;
  projectName: string;
  type: ExAnteType;
  typeText: string;
  isNew: boolean;
  amount: string;
  amountText: string;
  continuing: boolean;
  sensitive: boolean;
  major: boolean;
  requires: { department: boolean; finance: boolean; reasons: string[] };
  state: ExAnteState;
  stateText: string;
  conclusion: string | null;
  conclusionText: string | null;
  total: string | null;
  confirmed: boolean;
  versionCount: number;
  agencyId: string | null;
  agencyName: string | null;
  budgetAllowed: boolean;
  budgetRefusal: string | null;
  goalId: string | null;
}

export function itemView(
  item: repo.ItemRow,
  rules: ExAnteRules,
  ctx: { departmentName: string; versionCount: number; agencyName: string | null },
): ItemView {
  const req = requirementOf(item, rules);
  const gate = gateOf(item, rules);
  return {
    id: item.id,
    departmentCode: item.departmentCode,
    departmentName: ctx.departmentName,
    fiscalYear: item.fiscalYear,
    projectCode: item.projectCode,
    projectName: item.projectName,
    type: item.type,
    typeText: EXANTE_TYPE_TEXT[item.type],
    isNew: item.isNew,
    amount: item.amount,
    amountText: formatWanYuan(parseYuan(item.amount) ?? 0),
    continuing: item.continuing,
    sensitive: item.sensitive,
    major: item.major,
    requires: {
      department: req.department,
      finance: req.finance,
      reasons: req.reasons.map((r) => REQUIREMENT_REASON_TEXT[r]),
    },
    state: item.state,
    stateText: STATE_TEXT[item.state].zh,
    conclusion: item.conclusion,
    conclusionText: item.conclusion ? EXANTE_CONCLUSION_TEXT[item.conclusion].zh : null,
    total: item.total,
    confirmed: item.confirmed,
    versionCount: ctx.versionCount,
    agencyId: item.agencyId,
    agencyName: ctx.agencyName,
    budgetAllowed: gate.allowed,
    budgetRefusal: gate.allowed ? null : GATE_REFUSAL_TEXT[gate.reason].zh,
    goalId: item.goalId,
  };
}

export interface VersionView {
  versionNo: number;
  assessor: string;
  assessorText: string;
  assessedByName: string;
  total: string;
  conclusion: string;
  conclusionText: string;
  submitted: boolean;
  submittedAt: string | null;
  summary: string;
  suggestions: string;
  sheet: ScoreSheet;
}

export function versionView(
  v: repo.VersionRow,
  template: ExAnteTemplate,
  shares: RatingShares,
): VersionView {
  return {
    versionNo: v.versionNo,
    assessor: v.assessor,
    assessorText: EXANTE_ASSESSOR_TEXT[v.assessor].zh,
    assessedByName: v.assessedByName,
    total: v.total,
    conclusion: v.conclusion,
    conclusionText: EXANTE_CONCLUSION_TEXT[v.conclusion].zh,
    submitted: v.submittedAt !== null,
    submittedAt: v.submittedAt?.toISOString() ?? null,
    summary: v.summary,
    suggestions: v.suggestions,
    sheet: scoreSheet(template, v.scores, shares),
  };
}

export const ACTION_TEXT: Readonly<Record<repo.EventRow['action'], string>> = {
  register: '登记事前评估',
  submit: '提交审核',
  return: '退回修改',
  conclude: '形成评估结论',
  rescore: '财政评估审核',
  assign: '委托第三方评估',
  thirdPartySubmit: '第三方提交评估',
  confirm: '财政确认调整完善',
  revise: '调整完善（新版本）',
  adoptGoals: '生成绩效目标草稿',
};

export interface EventView {
  action: string;
  actionText: string;
  versionNo: number | null;
  opinion: string | null;
  actorName: string;
  at: string;
}

export function eventView(e: repo.EventRow): EventView {
  return {
    action: e.action,
    actionText: ACTION_TEXT[e.action],
    versionNo: e.versionNo,
    opinion: e.opinion,
    actorName: e.actorName,
    at: e.at.toISOString(),
  };
}

// The 预算安排建议 of a budget year: for each department of the region, its lines — 部门整体 (applied to the
// envelope for 新增项目) and every 项目支出 project of the year before — with last year's self-evaluation and
// external grades, 执行率, open 整改 items, the rule's proposal and the bureau's decision in force.
import {
  actionLabel,
  asLinkageGrade,
  fenToYuanString,
  parseYuan,
  proposeLinkage,
  sumFen,
  LINKAGE_OBJECT_TEXT,
  type Fen,
  type GradeSource,
  type LinkageObjectType,
  type LinkageRuleSet,
  type ProposedAction,
} from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import type { DepartmentRow } from '../departments/departments.repository.ts';
import { computeExecution } from '../execution/execution.service.ts';
import * as execRepo from '../execution/execution.repository.ts';
import { sharedEvaluation } from '../evaluations/evaluations.service.ts';
import type { EvaluationSubject } from '../evaluations/evaluation-inputs.ts';
import * as repo from './linkage.repository.ts';

export type BaseKind = 'nextYearBudget' | 'lastYearBudget' | 'newItems';

export interface LinkageDecisionView {
  decision: 'confirmed' | 'overridden';
  action: ProposedAction;
  actionText: string;
  amountYuan: string;
  reason: string;
  decidedByName: string;
  decidedAt: string;
  /** The proposal has changed since this decision (a grade or an amount changed): look again. */
  stale: boolean;
}

export interface LinkageRow {
  departmentCode: string;
  departmentName: string;
  /** null = 部门整体. */
  projectCode: string | null;
  objectName: string;
  objectType: LinkageObjectType;
  objectTypeText: string;
  selfGrade: string | null;
  selfScore: string | null;
  /** live (not submitted) | draft | submitted | returned | accepted | none (no goal set scored). */
  selfStatus: string;
  externalGrade: string | null;
  externalScore: string | null;
  grade: string | null;
  gradeSource: GradeSource;
  /** Last year's 执行率 % (against 全年预算数). */
  executionRate: string | null;
  openRectifications: number;
  lastYearBudgetYuan: string;
  nextYearBudgetYuan: string | null;
  baseKind: BaseKind;
  baseYuan: string;
  proposedAction: ProposedAction;
  proposedCutPct: string | null;
  proposedActionText: string;
  proposedAmountYuan: string;
  decision: LinkageDecisionView | null;
}

export interface LookupMaps {
  external: Map<string, repo.ExternalGradeRow>;
  rectifications: Map<string, number>;
  decisions: Map<string, repo.DecisionRow>;
}

export const objectKey = (departmentCode: string, projectCode: string | null) =>
  `${departmentCode}|${projectCode ?? ''}`;

function fen(yuan: string): Fen {
  const f = parseYuan(yuan);
  if (f === null) {
    throw new Error(`not a 元 amount from SQL: ${yuan}`);
  }
  return f;
}

function scoreOf(sj: EvaluationSubject | undefined): {
  grade: string | null;
  total: string | null;
} {
  const out = sj?.output;
  return out && 'total' in out
    ? { grade: out.grade, total: out.total }
    : { grade: null, total: null };
}

function decisionView(
  d: repo.DecisionRow | undefined,
  proposed: { action: ProposedAction; amountYuan: string },
): LinkageDecisionView | null {
  if (!d) {
    return null;
  }
  return {
    decision: d.decision,
    action: d.action,
    actionText: actionLabel(d.action, d.decision === 'confirmed' ? d.proposedCutPct : null).zh,
    amountYuan: d.amount,
    reason: d.reason,
    decidedByName: d.decidedByName,
    decidedAt: d.createdAt.toISOString(),
    stale:
      d.proposedAction !== proposed.action || fen(d.proposedAmount) !== fen(proposed.amountYuan),
  };
}

interface ObjectFacts {
  dept: DepartmentRow;
  projectCode: string | null;
  objectName: string;
  objectType: LinkageObjectType;
  self: EvaluationSubject | undefined;
  executionRate: string | null;
  lastYearBudgetFen: Fen;
  nextYearBudgetFen: Fen | null;
  baseKind: BaseKind;
  baseFen: Fen;
}

function buildRow(rules: LinkageRuleSet, maps: LookupMaps, f: ObjectFacts): LinkageRow {
  const key = objectKey(f.dept.code, f.projectCode);
  const self = scoreOf(f.self);
  const ext = maps.external.get(key);
  const p = proposeLinkage(rules, {
    objectType: f.objectType,
    selfGrade: asLinkageGrade(self.grade),
    externalGrade: asLinkageGrade(ext?.grade),
    baseFen: f.baseFen,
  });
  const proposedAmountYuan = fenToYuanString(p.amountFen);
  return {
    departmentCode: f.dept.code,
    departmentName: f.dept.name,
    projectCode: f.projectCode,
    objectName: f.objectName,
    objectType: f.objectType,
    objectTypeText: LINKAGE_OBJECT_TEXT[f.objectType].zh,
    selfGrade: self.grade,
    selfScore: self.total,
    selfStatus: f.self ? f.self.status : 'none',
    externalGrade: ext?.grade ?? null,
    externalScore: ext?.total ?? null,
    grade: p.grade,
    gradeSource: p.gradeSource,
    executionRate: f.executionRate,
    openRectifications: maps.rectifications.get(key) ?? 0,
    lastYearBudgetYuan: fenToYuanString(f.lastYearBudgetFen),
    nextYearBudgetYuan: f.nextYearBudgetFen === null ? null : fenToYuanString(f.nextYearBudgetFen),
    baseKind: f.baseKind,
    baseYuan: fenToYuanString(f.baseFen),
    proposedAction: p.action,
    proposedCutPct: p.cutPct,
    proposedActionText: actionLabel(p.action, p.cutPct).zh,
    proposedAmountYuan,
    decision: decisionView(maps.decisions.get(key), {
      action: p.action,
      amountYuan: proposedAmountYuan,
    }),
  };
}

const isProjectLine = (b: execRepo.ProjectBudgetRow) =>
  b.expenditureType === 'project' && b.level === 1;

/** The lines of one department for budget year `year` (grades and execution of `year - 1`). */
export async function departmentLines(
  db: Db,
  dept: DepartmentRow,
  year: number,
  rules: LinkageRuleSet,
  maps: LookupMaps,
): Promise<LinkageRow[]> {
  const last = year - 1;
  const [ev, exec, next] = await Promise.all([
    sharedEvaluation(db, dept, last),
    computeExecution(db, dept, last, 12),
    execRepo.projectBudgets(db, dept.code, year, null),
  ]);
  const nextProjects = new Map(next.filter(isProjectLine).map((b) => [b.code, b]));
  const lastProjects = exec.projects.filter(
    (p) => p.expenditureType === 'project' && p.level === 1 && !p.unbudgeted,
  );
  const lastCodes = new Set(lastProjects.map((p) => p.code));
  const newItems = [...nextProjects.values()].filter((b) => !lastCodes.has(b.code));
  const newFen = sumFen(newItems.map((b) => fen(b.initialYuan)));
  const rows = [
    buildRow(rules, maps, {
      dept,
      projectCode: null,
      objectName: `${dept.name}（部门整体）`,
      objectType: 'department',
      self: ev.department,
      executionRate: exec.total.rate,
      lastYearBudgetFen: fen(exec.total.budgetYuan),
      nextYearBudgetFen: next.length > 0 ? newFen : null,
      baseKind: 'newItems',
      baseFen: newFen,
    }),
  ];
  const subjects = new Map(ev.projects.map((p) => [p.code, p]));
  for (const p of lastProjects) {
    const nextLine = nextProjects.get(p.code);
    const lastFen = fen(p.budgetYuan);
    const objectType: LinkageObjectType =
      nextLine || nextProjects.size === 0 ? 'continuing' : 'oneOff';
    const baseFen = nextLine ? fen(nextLine.initialYuan) : lastFen;
    rows.push(
      buildRow(rules, maps, {
        dept,
        projectCode: p.code,
        objectName: p.name,
        objectType,
        self: subjects.get(p.code),
        executionRate: p.rate,
        lastYearBudgetFen: lastFen,
        nextYearBudgetFen: nextLine ? fen(nextLine.initialYuan) : null,
        baseKind: nextLine ? 'nextYearBudget' : 'lastYearBudget',
        baseFen,
      }),
    );
  }
  return rows;
}

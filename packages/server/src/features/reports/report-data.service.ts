// Loads everything the self-evaluation report needs (DepartmentReportData) from the database, with
// the scores from the self-evaluation (frozen when submitted, live otherwise).
import {
  QUAL_LEVEL_TEXT,
  d,
  toFixed2,
  TARGET_BASIS_TEXT,
  parseYuan,
  type DepartmentReportData,
  type Fen,
  type ReportBudgetBlock,
  type ReportIndicator,
  type ReportScore,
  type SourceRef,
} from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import * as reportRepo from './reports.repository.ts';
import * as deptRepo from '../departments/departments.repository.ts';
import * as repo from '../evaluations/evaluations.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { getDepartment } from '../departments/departments.service.ts';
import {
  getEvaluation,
  type ContractIndicator,
  type EvaluationSubject,
} from '../evaluations/evaluations.service.ts';
import { listTargetChanges } from '../change-requests/change-requests.repository.ts';
import { previousRectificationsFor } from '../rectifications/rectification-carry.ts';
import { yearComparisonFor } from '../linkage/year-comparison.service.ts';

const QUAL_CODE_TEXT = QUAL_LEVEL_TEXT as Readonly<Record<string, string>>;

function fen(yuan: string | null | undefined): Fen {
  return parseYuan(yuan ?? '0') ?? (0 as Fen);
}

/** 万元 decimal string (contract input) → Fen (exact: 1 万元 = 1 000 000 分). */
function fenFromWan(wan: string): Fen {
  return d(wan).times(1_000_000).round(0, 0).toNumber() as Fen;
}

function scoreOf(subject: EvaluationSubject, preset: string): ReportScore | null {
  const out = subject.output;
  if (!('total' in out)) {
    return null;
  }
  return {
    total: out.total,
    grade: out.grade,
    preset,
    findings: out.findings.map((f) => ({
      code: f.code,
      indicator: f.indicator,
      message: f.message,
    })),
  };
}

function budgetBlock(subject: EvaluationSubject, source: SourceRef): ReportBudgetBlock {
  const b = subject.input.budget;
  const out = subject.output;
  const initial = fenFromWan(b.initial);
  const adjusted = fenFromWan(b.adjusted);
  const executed = fenFromWan(b.executed);
  return {
    initialBudget: initial,
    adjustedBudget: adjusted,
    executed,
    rows: [{ label: '当年财政拨款', initialBudget: initial, adjustedBudget: adjusted, executed }],
    weight: toFixed2(d(b.weight)),
    rate: 'total' in out ? out.budget.rate : null,
    score: 'total' in out ? out.budget.score : null,
    adjustmentNote: b.note,
    source,
  };
}

export async function loadReportData(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  now: Date,
): Promise<DepartmentReportData> {
  const dept = await getDepartment(db, actor, departmentCode);
  const [
    evaluation,
    units,
    staffing,
    region,
    fiscalYear,
    projects,
    indicatorRows,
    narrativeRows,
    overrideRows,
    goals,
    money,
    targetChanges,
  ] = await Promise.all([
    getEvaluation(db, actor, departmentCode, year),
    deptRepo.listUnits(db, departmentCode),
    deptRepo.findStaffing(db, departmentCode, year),
    deptRepo.findRegion(db, dept.regionCode),
    deptRepo.findFiscalYear(db, dept.regionCode, year),
    repo.listProjects(db, departmentCode, year),
    repo.listIndicatorsOfDepartmentYear(db, departmentCode, year),
    reportRepo.listNarratives(db, departmentCode, year),
    reportRepo.listOverrides(db, departmentCode, year),
    repo.listGoals(db, departmentCode, year),
    repo.projectMoney(db, departmentCode, year),
    listTargetChanges(db, departmentCode, year),
  ]);
  const indicatorById = new Map(indicatorRows.map((r) => [r.id, r]));
  const changeOf = new Map(targetChanges.map((c) => [c.indicatorId, c]));
  const preset = evaluation.preset;

  const toReportIndicators = (subject: EvaluationSubject): ReportIndicator[] => {
    const scores =
      'total' in subject.output
        ? new Map(subject.output.indicators.map((i) => [i.id, i.score]))
        : new Map<string, string>();
    return subject.input.indicators.map((ci: ContractIndicator) => {
      const row = indicatorById.get(ci.indicatorId);
      const change = changeOf.get(ci.indicatorId);
      return {
        id: ci.indicatorId,
        level1: ci.level1,
        level2: ci.level2,
        name: ci.name,
        operator: ci.operator as ReportIndicator['operator'],
        target: ci.target,
        unit: ci.unit,
        actual:
          ci.operator === '定性' ? (QUAL_CODE_TEXT[ci.actual] ?? ci.actual) : ci.actual || null,
        weight: toFixed2(d(ci.weight)),
        score: scores.get(ci.id) ?? null,
        deviationNote: ci.deviationNote,
        targetBasis: row?.targetBasis ? TARGET_BASIS_TEXT[row.targetBasis] : null,
        dataSource: ci.metric
          ? `${row?.dataSource ?? ci.metric.key}（系统实时取数，截至${ci.metric.asOf}，${ci.metric.records}条记录）`
          : (row?.dataSource ?? null),
        illustrative: row?.illustrative ?? false,
        targetChange: change
          ? {
              originalTarget: change.originalTarget,
              newTarget: change.newTarget,
              reason: change.reason,
              approvedAt: change.approvedAt,
            }
          : null,
        source: {
          table: ci.metric ? 'metric' : 'indicators',
          id: ci.indicatorId,
          ...(ci.metric ? { note: ci.metric.key } : {}),
        },
      };
    });
  };

  const goalOf = new Map(goals.map((g) => [g.projectId ?? '', g]));
  const moneyOf = new Map(money.map((m) => [m.projectId, m]));
  let basicAdjusted = 0;
  let basicExecuted = 0;
  let projAdjusted = 0;
  let projExecuted = 0;
  for (const p of projects) {
    const m = moneyOf.get(p.id);
    if (p.expenditureType === 'basic') {
      basicAdjusted += fen(m?.adjustedYuan);
      basicExecuted += fen(m?.executedYuan);
    } else {
      projAdjusted += fen(m?.adjustedYuan);
      projExecuted += fen(m?.executedYuan);
    }
  }
  const narrative = narrativeRows[0];
  const deptBudget = budgetBlock(evaluation.department, {
    table: 'budget_lines+ledger_entries',
    note: '全部项目预算合计与支出台账合计',
  });
  const deptGoal = goalOf.get('');
  const projectById = new Map(projects.map((p) => [p.id, p]));

  return {
    fiscalYear: year,
    department: {
      code: dept.code,
      name: dept.name,
      shortName: dept.shortName,
      regionCode: dept.regionCode,
      regionName: region?.name ?? '',
      functions: dept.functions,
      units: units.map((u) => ({ name: u.name, kind: u.kind })),
      staffing: staffing
        ? {
            authorized: staffing.authorizedStaff,
            active: staffing.activeStaff,
            retired: staffing.retiredStaff,
            illustrative: staffing.illustrative,
          }
        : { authorized: 0, active: 0, retired: 0, illustrative: true },
    },
    income: (narrative?.income ?? []).map((i) => ({ label: i.label, amount: fen(i.amountYuan) })),
    budget: deptBudget,
    basicExpenditure: { adjustedBudget: basicAdjusted as Fen, executed: basicExecuted as Fen },
    projectExpenditure: { adjustedBudget: projAdjusted as Fen, executed: projExecuted as Fen },
    carryover: (deptBudget.adjustedBudget - deptBudget.executed) as Fen,
    departmentGoal: { target: deptGoal?.targetText ?? '', actual: deptGoal?.actualText ?? '' },
    departmentIndicators: toReportIndicators(evaluation.department),
    departmentScore: scoreOf(evaluation.department, preset),
    projects: evaluation.projects.map((sj) => {
      const p = projectById.get(sj.projectId ?? '');
      const g = goalOf.get(sj.projectId ?? '');
      return {
        code: sj.code,
        name: sj.name,
        level: (p?.level ?? 1) as 1 | 2,
        parentCode: null,
        fundSource:
          p?.fundSource === 'general' || !p
            ? '一般公共预算'
            : p.fundSource === 'governmentFund'
              ? '政府性基金预算'
              : '其他资金',
        expenditureType: 'project' as const,
        implementingUnit: p?.implementingUnit ?? dept.name,
        goal: { target: g?.targetText ?? '', actual: g?.actualText ?? '' },
        budget: budgetBlock(sj, {
          table: 'budget_lines+ledger_entries',
          id: sj.projectId ?? undefined,
        }),
        indicators: toReportIndicators(sj),
        score: scoreOf(sj, preset),
        illustrative: p?.illustrative ?? false,
      };
    }),
    narrative: {
      overrides: Object.fromEntries(overrideRows.map((o) => [o.paragraphKey, o.text])),
      keyTasks: narrative?.keyTasks ?? [],
      achievements: narrative?.achievements ?? [],
      problems: narrative?.problems ?? [],
      managementPractice: narrative?.managementPractice ?? [],
      basisNotice: fiscalYear?.basisNotice ?? null,
    },
    monitoring: null,
    previousRectifications: await previousRectificationsFor(db, departmentCode, year, now),
    yearComparison: await yearComparisonFor(db, dept, year),
    generatedAt: now.toISOString().slice(0, 10),
    illustrativeNote:
      dept.illustrative || indicatorRows.some((r) => r.illustrative)
        ? '本报告由演示数据生成：种子报告未给出的目标值、第二个项目、人员编制、满意度及质量、时效、成本指标等为示例数据（示例数据），仅供演示。'
        : null,
  };
}

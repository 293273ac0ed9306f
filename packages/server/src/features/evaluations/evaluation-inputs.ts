// The scoring-contract input of a department-year built from stored data: each project's budget and indicators
// and the department's (部门整体, domain-rules §5.1), with metric values and budget adjustments; scored by the
// one engine in @jixiao/core.
import {
  LEVEL1_TEXT,
  LEVEL2_TEXT,
  OPERATOR_SYMBOL,
  QUAL_LEVEL_TEXT,
  fenToWanString,
  formatWan,
  parseYuan,
  scoreEvaluation,
  type Fen,
  type ScoringOutput,
} from '@jixiao/core';
import type { EvaluationStatus } from '@jixiao/core';
import type { EvaluationEventView } from './evaluation-events.ts';
import type { Queryable } from '../../db/open-db.ts';
import * as deptRepo from '../departments/departments.repository.ts';
import * as repo from './evaluations.repository.ts';
import { notFound } from '../../http/service-error.ts';
import { resolveMetricActuals, type MetricActual } from '../metrics/metrics.service.ts';

/** The scoring-contract JSON input (shared/spec/scoring-contract.md), as built from the database. */
export interface ContractInput {
  version: 1;
  rules: { preset: string };
  subject: { kind: 'project' | 'department'; name: string; year: number; unit: string };
  budget: {
    initial: string;
    adjusted: string;
    executed: string;
    weight: string;
    note: string | null;
  };
  indicators: ContractIndicator[];
}

export interface ContractIndicator {
  /** Position in the subject's indicator list ("1", "2" …): short, for messages and tables. */
  id: string;
  /** Not part of the contract (ignored by the engine): the database id of the indicator. */
  indicatorId: string;
  level1: string;
  level2: string;
  name: string;
  operator: string;
  target: string;
  actual: string;
  unit: string;
  weight: string;
  score: string | null;
  deduction: string | null;
  deductionReason: string | null;
  deviationNote: string | null;
  applicable: boolean;
  /** Not part of the contract (ignored by the engine): where the actual came from. */
  metric?: { key: string; value: string; records: number; asOf: string } | null;
}

export interface EvaluationSubject {
  kind: 'project' | 'department';
  projectId: string | null;
  code: string; // project code, or the department code
  name: string;
  input: ContractInput;
  output: ScoringOutput;
  status: 'live' | EvaluationStatus;
  frozenAt: string | null;
  reviewComment: string | null;
  reviewFindings: ReviewFindingNote[] | null;
}

/** A review finding the finance bureau attached when returning a report (from the report reviewer). */
export interface ReviewFindingNote {
  code: string;
  severity: string;
  line: number | null;
  message: string;
}

export interface DepartmentEvaluation {
  departmentCode: string;
  departmentName: string;
  year: number;
  preset: string;
  department: EvaluationSubject;
  projects: EvaluationSubject[];
  /** The year has the department head sign off before the finance bureau (clerk → head → bureau). */
  headReviewRequired: boolean;
  /** Who submitted, signed off, returned or accepted it, when, with comments (oldest first). */
  history: EvaluationEventView[];
}

function fen(yuan: string): Fen {
  const f = parseYuan(yuan);
  if (f === null) {
    throw new Error(`not a 元 amount from the database: ${yuan}`);
  }
  return f;
}

function toContractIndicator(
  row: repo.IndicatorRow,
  position: number,
  metric: MetricActual | undefined,
): ContractIndicator {
  const isQual = row.operator === 'QUAL';
  const qualText = QUAL_LEVEL_TEXT as Readonly<Record<string, string>>;
  const actual = metric
    ? metric.value
    : isQual
      ? (qualText[row.actual ?? ''] ?? row.actual ?? '')
      : (row.actual ?? '');
  return {
    id: String(position),
    indicatorId: row.id,
    level1: LEVEL1_TEXT[row.level1],
    level2: LEVEL2_TEXT[row.level2],
    name: row.name,
    operator: OPERATOR_SYMBOL[row.operator],
    target: row.target,
    actual,
    unit: row.unit,
    weight: row.weight,
    score: isQual ? row.qualScore : null,
    deduction: row.deduction,
    deductionReason: row.deductionReason,
    deviationNote: row.deviationNote,
    applicable: row.applicable,
    metric: metric
      ? { key: metric.metric, value: metric.value, records: metric.records, asOf: metric.asOf }
      : null,
  };
}

/** Builds the live (unfrozen) contract inputs of a department-year from stored data. */
export async function buildEvaluationInputs(
  db: Queryable,
  departmentCode: string,
  year: number,
  options: { asOf?: string } = {},
): Promise<{
  preset: string;
  department: { name: string; input: ContractInput };
  projects: { projectId: string; code: string; name: string; input: ContractInput }[];
}> {
  const dept = await deptRepo.findDepartment(db, departmentCode);
  if (!dept) {
    throw notFound(`部门「${departmentCode}」`, `Department ${departmentCode}`);
  }
  const fy = await deptRepo.findFiscalYear(db, dept.regionCode, year);
  const preset = fy?.scoringPreset ?? 'mof-2020';
  // Sequential on purpose: inside a transaction the queries share one connection.
  const projects = await repo.listProjects(db, departmentCode, year);
  const money = await repo.projectMoney(db, departmentCode, year);
  const goals = await repo.listGoals(db, departmentCode, year);
  const indicators = await repo.listIndicatorsOfDepartmentYear(db, departmentCode, year);
  const adjustments = await repo.listBudgetAdjustments(db, departmentCode, year);
  const metrics = await resolveMetricActuals(db, departmentCode, year, options.asOf);
  const moneyOf = new Map(money.map((m) => [m.projectId, m]));
  const goalOfProject = new Map(goals.map((g) => [g.projectId ?? '', g]));
  const indicatorsOfGoal = new Map<string, repo.IndicatorRow[]>();
  for (const ind of indicators) {
    indicatorsOfGoal.set(ind.goalId, [...(indicatorsOfGoal.get(ind.goalId) ?? []), ind]);
  }
  const adjustmentNote = (projectId: string | null): string | null => {
    const lines = adjustments.filter((a) => projectId === null || a.projectId === projectId);
    if (lines.length === 0) {
      return null;
    }
    return lines
      .map(
        (a) =>
          `${a.effectiveDate ?? ''}${a.documentNo ? `（${a.documentNo}）` : ''}调整${formatWan(fen(a.amount))}万元${a.reason ? `：${a.reason}` : ''}`,
      )
      .join('；');
  };
  const subjectInput = (
    kind: 'project' | 'department',
    name: string,
    initial: Fen,
    adjusted: Fen,
    executed: Fen,
    note: string | null,
    rows: repo.IndicatorRow[],
  ): ContractInput => ({
    version: 1,
    rules: { preset },
    subject: { kind, name, year, unit: dept.name },
    budget: {
      initial: fenToWanString(initial),
      adjusted: fenToWanString(adjusted),
      executed: fenToWanString(executed),
      weight: '10',
      note,
    },
    indicators: rows.map((r, i) => toContractIndicator(r, i + 1, metrics.get(r.id))),
  });

  let totalInitial = 0;
  let totalAdjusted = 0;
  let totalExecuted = 0;
  const projectInputs: { projectId: string; code: string; name: string; input: ContractInput }[] =
    [];
  for (const p of projects) {
    const m = moneyOf.get(p.id);
    const initial = fen(m?.initialYuan ?? '0');
    const adjusted = fen(m?.adjustedYuan ?? '0');
    const executed = fen(m?.executedYuan ?? '0');
    totalInitial += initial;
    totalAdjusted += adjusted;
    totalExecuted += executed;
    if (p.expenditureType !== 'project') {
      continue; // 基本支出 counts in the department's budget but is not self-evaluated as a project
    }
    const goal = goalOfProject.get(p.id);
    projectInputs.push({
      projectId: p.id,
      code: p.code,
      name: p.name,
      input: subjectInput(
        'project',
        p.name,
        initial,
        adjusted,
        executed,
        adjustmentNote(p.id),
        goal ? (indicatorsOfGoal.get(goal.id) ?? []) : [],
      ),
    });
  }
  const deptGoal = goalOfProject.get('');
  const deptInput = subjectInput(
    'department',
    `${year}年度${dept.name}部门整体支出`,
    totalInitial as Fen,
    totalAdjusted as Fen,
    totalExecuted as Fen,
    adjustmentNote(null),
    deptGoal ? (indicatorsOfGoal.get(deptGoal.id) ?? []) : [],
  );
  return {
    preset,
    department: { name: deptInput.subject.name, input: deptInput },
    projects: projectInputs,
  };
}

export function score(input: ContractInput): ScoringOutput {
  // The engine validates its input (contract JSON); our ContractInput is that JSON.
  return scoreEvaluation(input as unknown as Parameters<typeof scoreEvaluation>[0]);
}

// Self-evaluation from stored data: builds the scoring-contract input for each project and for the
// department (部门整体, domain-rules §5.1), scores it with the one engine in @jixiao/core, and stores
// the frozen input, output and rule preset at submission so a report can be traced to its rules.
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
import type { Db, Queryable } from '../../db/open-db.ts';
import * as deptRepo from '../departments/departments.repository.ts';
import * as repo from './evaluations.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { assertCanEdit, requireRole } from '../../auth/access.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import { resolveMetricActuals, type MetricActual } from '../metrics/metrics.service.ts';
import { auditInTx } from '../../audit/audit-log.ts';

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
  status: 'live' | 'draft' | 'submitted' | 'returned' | 'accepted';
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

function score(input: ContractInput): ScoringOutput {
  // The engine validates its input (contract JSON); our ContractInput is that JSON.
  return scoreEvaluation(input as unknown as Parameters<typeof scoreEvaluation>[0]);
}

/**
 * The department's self-evaluation as it stands: stored (frozen) results once submitted, otherwise
 * scored live from the current data.
 */
export async function getEvaluation(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
): Promise<DepartmentEvaluation> {
  const dept = await getDepartment(db, actor, departmentCode);
  return evaluate(db, dept.code, dept.name, year);
}

async function evaluate(
  db: Queryable,
  departmentCode: string,
  departmentName: string,
  year: number,
): Promise<DepartmentEvaluation> {
  const built = await buildEvaluationInputs(db, departmentCode, year);
  const stored = await repo.listSelfEvaluations(db, departmentCode, year);
  const storedOf = new Map(stored.map((r) => [r.projectId ?? '', r]));
  const subject = (
    kind: 'project' | 'department',
    projectId: string | null,
    code: string,
    name: string,
    live: ContractInput,
  ): EvaluationSubject => {
    const row = storedOf.get(projectId ?? '');
    if (row && (row.status === 'submitted' || row.status === 'accepted')) {
      return {
        kind,
        projectId,
        code,
        name,
        input: row.input as unknown as ContractInput,
        output: row.output as unknown as ScoringOutput,
        status: row.status,
        frozenAt: row.submittedAt?.toISOString() ?? null,
        reviewComment: row.reviewComment,
        reviewFindings: row.reviewFindings ?? null,
      };
    }
    return {
      kind,
      projectId,
      code,
      name,
      input: live,
      output: score(live),
      status: row ? row.status : 'live',
      frozenAt: null,
      reviewComment: row?.reviewComment ?? null,
      reviewFindings: row?.reviewFindings ?? null,
    };
  };
  return {
    departmentCode,
    departmentName,
    year,
    preset: built.preset,
    department: subject(
      'department',
      null,
      departmentCode,
      built.department.name,
      built.department.input,
    ),
    projects: built.projects.map((p) => subject('project', p.projectId, p.code, p.name, p.input)),
  };
}

/** Submits the self-evaluation: freezes inputs (metric values included) and outputs, in one transaction. */
export async function submitEvaluation(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  now: Date,
): Promise<DepartmentEvaluation> {
  const dept = await getDepartment(db, actor, departmentCode);
  assertCanEdit(actor, dept);
  await db.transaction(async (tx) => {
    const existing = await repo.listSelfEvaluations(tx, departmentCode, year);
    if (existing.some((e) => e.status === 'submitted' || e.status === 'accepted')) {
      throw new ServiceError('STATE', {
        message: '自评已提交，不能重复提交；如需修改请由财政局退回',
        messageEn:
          'The self-evaluation is already submitted; it must be returned before it can change',
      });
    }
    // A self-evaluation scores against approved targets (domain-rules §4: targets are set and locked before
    // the year); a goal set still being edited would let targets follow the actuals (TARGETS_AFTER_FACT).
    const unlocked = (await repo.listGoals(tx, departmentCode, year)).filter(
      (g) => g.status !== 'locked',
    );
    if (unlocked.length > 0) {
      const projects = await repo.listProjects(tx, departmentCode, year);
      const nameOf = (projectId: string | null): string =>
        projectId === null
          ? '部门整体'
          : (projects.find((p) => p.id === projectId)?.name ?? projectId);
      throw new ServiceError(
        'STATE',
        {
          message: `以下绩效目标尚未批复锁定，不能提交自评：${unlocked.map((g) => `「${nameOf(g.projectId)}」`).join('、')}。请先完成目标审核与锁定`,
          messageEn: `Goal sets not yet approved and locked: ${unlocked.map((g) => nameOf(g.projectId)).join(', ')}`,
        },
        { goals: unlocked.map((g) => ({ id: g.id, projectId: g.projectId, status: g.status })) },
      );
    }
    const built = await buildEvaluationInputs(tx, departmentCode, year);
    const all = [
      {
        projectId: null as string | null,
        name: built.department.name,
        input: built.department.input,
      },
      ...built.projects.map((p) => ({
        projectId: p.projectId as string | null,
        name: p.name,
        input: p.input,
      })),
    ];
    const invalid: { subject: string; errors: unknown }[] = [];
    const scored = all.map((x) => {
      const output = score(x.input);
      if (!('total' in output)) {
        invalid.push({ subject: x.name, errors: output.errors });
      }
      return { ...x, output };
    });
    if (invalid.length > 0) {
      throw new ServiceError(
        'VALIDATION',
        {
          message: '自评数据不完整或有误，不能提交：请先补全实际完成值等信息',
          messageEn: 'The self-evaluation is incomplete or invalid',
        },
        { subjects: invalid },
      );
    }
    await repo.deleteSelfEvaluations(tx, departmentCode, year);
    for (const x of scored) {
      const out = x.output as { total: string; grade: string };
      const row = await repo.insertSelfEvaluation(tx, {
        regionCode: dept.regionCode,
        fiscalYear: year,
        departmentCode,
        projectId: x.projectId,
        status: 'submitted',
        preset: built.preset,
        rules: { preset: built.preset },
        input: x.input as unknown as Record<string, unknown>,
        output: x.output as unknown as Record<string, unknown>,
        total: out.total,
        grade: out.grade,
        scoredAt: now,
        scoredBy: actor.userId,
        submittedAt: now,
        submittedBy: actor.userId,
      });
      await auditInTx(tx, actor, {
        action: 'selfEvaluation.submit',
        entity: 'self_evaluations',
        entityId: row.id,
        departmentCode,
        before: null,
        after: { total: out.total, grade: out.grade, preset: built.preset },
      });
    }
  });
  return evaluate(db, dept.code, dept.name, year);
}

/** The finance bureau returns a submitted self-evaluation for revision, with comments (退回). */
export async function returnEvaluation(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  comment: string,
  findings: ReviewFindingNote[] = [],
): Promise<DepartmentEvaluation> {
  requireRole(actor, 'financeReviewer');
  const dept = await getDepartment(db, actor, departmentCode);
  await db.transaction(async (tx) => {
    const existing = await repo.listSelfEvaluations(tx, departmentCode, year);
    if (!existing.some((e) => e.status === 'submitted')) {
      throw new ServiceError('STATE', {
        message: '该部门尚未提交自评，无需退回',
        messageEn: 'Nothing submitted to return',
      });
    }
    await repo.setSelfEvaluationStatus(tx, departmentCode, year, {
      status: 'returned',
      reviewComment: comment,
      reviewFindings: findings,
      reviewedBy: actor.userId,
      reviewedAt: new Date(),
    });
    await auditInTx(tx, actor, {
      action: 'selfEvaluation.return',
      entity: 'self_evaluations',
      entityId: `${departmentCode}/${year}`,
      departmentCode,
      before: { status: 'submitted' },
      after: { status: 'returned', comment, findings: findings.map((f) => f.code) },
    });
  });
  return evaluate(db, dept.code, dept.name, year);
}

/** The finance bureau accepts a submitted self-evaluation (审核通过). */
export async function acceptEvaluation(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
): Promise<DepartmentEvaluation> {
  requireRole(actor, 'financeReviewer');
  const dept = await getDepartment(db, actor, departmentCode);
  await db.transaction(async (tx) => {
    const existing = await repo.listSelfEvaluations(tx, departmentCode, year);
    if (!existing.some((e) => e.status === 'submitted')) {
      throw new ServiceError('STATE', {
        message: '该部门尚未提交自评',
        messageEn: 'Nothing submitted to accept',
      });
    }
    await repo.setSelfEvaluationStatus(tx, departmentCode, year, {
      status: 'accepted',
      reviewedBy: actor.userId,
      reviewedAt: new Date(),
    });
    await auditInTx(tx, actor, {
      action: 'selfEvaluation.accept',
      entity: 'self_evaluations',
      entityId: `${departmentCode}/${year}`,
      departmentCode,
      before: { status: 'submitted' },
      after: { status: 'accepted' },
    });
  });
  return evaluate(db, dept.code, dept.name, year);
}

/** CLI path: `jixiao score --department CODE --year YYYY [--project CODE]`. */
export async function scoreStoredEvaluation(opts: {
  department: string;
  year: number;
  project?: string;
  preset?: string;
  db?: Db;
}): Promise<{ output: ScoringOutput; subjectName: string; input: ContractInput }[]> {
  const run = async (db: Db) => {
    const ev = await evaluate(
      db,
      opts.department,
      (await getDepartment(db, CLI_ACTOR, opts.department)).name,
      opts.year,
    );
    const subjects = opts.project
      ? ev.projects.filter((p) => p.code === opts.project)
      : [ev.department, ...ev.projects];
    if (subjects.length === 0) {
      throw notFound(`项目「${opts.project ?? ''}」`, `Project ${opts.project ?? ''}`);
    }
    return subjects.map((sj) => {
      const input = opts.preset ? { ...sj.input, rules: { preset: opts.preset } } : sj.input;
      return { output: opts.preset ? score(input) : sj.output, subjectName: sj.name, input };
    });
  };
  if (opts.db) {
    return run(opts.db);
  }
  const { loadConfig } = await import('../../config.ts');
  const { bootstrapDb } = await import('../../db/bootstrap.ts');
  const { database } = await bootstrapDb(loadConfig());
  try {
    return await run(database.db);
  } finally {
    await database.close();
  }
}

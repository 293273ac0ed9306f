// The department's self-evaluation as it stands: the stored (frozen) results of each subject once submitted,
// otherwise scored live from the current data.
import type { ScoringOutput } from '@jixiao/core';
import type { Queryable } from '../../db/open-db.ts';
import * as repo from './evaluations.repository.ts';
import { evaluationHistory } from './evaluation-events.ts';
import {
  buildEvaluationInputs,
  score,
  type ContractInput,
  type DepartmentEvaluation,
  type EvaluationSubject,
} from './evaluation-inputs.ts';

type SubjectName = Pick<EvaluationSubject, 'kind' | 'projectId' | 'code' | 'name'>;

/** A subject: frozen when submitted or accepted, else live with the stored status and review. */
function subjectOf(
  id: SubjectName,
  live: ContractInput,
  row: repo.SelfEvaluationRow | undefined,
): EvaluationSubject {
  if (row && (row.status === 'submitted' || row.status === 'accepted')) {
    // frozen (a head-review row is scored live: the head's deductions show as they are made)
    return {
      ...id,
      input: row.input as unknown as ContractInput,
      output: row.output as unknown as ScoringOutput,
      status: row.status,
      frozenAt: row.submittedAt?.toISOString() ?? null,
      reviewComment: row.reviewComment,
      reviewFindings: row.reviewFindings ?? null,
    };
  }
  return {
    ...id,
    input: live,
    output: score(live),
    status: row ? row.status : 'live',
    frozenAt: null,
    reviewComment: row?.reviewComment ?? null,
    reviewFindings: row?.reviewFindings ?? null,
  };
}

export async function evaluate(
  db: Queryable,
  departmentCode: string,
  departmentName: string,
  year: number,
): Promise<DepartmentEvaluation> {
  const built = await buildEvaluationInputs(db, departmentCode, year);
  const stored = await repo.listSelfEvaluations(db, departmentCode, year);
  const [history, headReviewRequired] = await Promise.all([
    evaluationHistory(db, departmentCode, year),
    repo.headReviewRequiredOf(db, departmentCode, year),
  ]);
  const storedOf = new Map(stored.map((r) => [r.projectId ?? '', r]));
  const subject = (
    kind: 'project' | 'department',
    projectId: string | null,
    code: string,
    name: string,
    live: ContractInput,
  ): EvaluationSubject =>
    subjectOf({ kind, projectId, code, name }, live, storedOf.get(projectId ?? ''));
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
    headReviewRequired,
    history,
  };
}

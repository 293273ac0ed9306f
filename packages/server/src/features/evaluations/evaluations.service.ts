// Self-evaluation from stored data: builds the scoring-contract input for each project and for the
// department (部门整体, domain-rules §5.1), scores it with the one engine in @jixiao/core, and stores
// the frozen input, output and rule preset at submission so a report can be traced to its rules.
// Inputs are built in evaluation-inputs.ts; submission and the bureau's review in evaluation-review.service.ts
// (both exported from here).
import type { ScoringOutput } from '@jixiao/core';
import { VersionedCache } from '../../db/versioned-cache.ts';
import type { Db } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { notFound } from '../../http/service-error.ts';
import { score, type ContractInput, type DepartmentEvaluation } from './evaluation-inputs.ts';
import { evaluate } from './evaluation-view.ts';

export {
  buildEvaluationInputs,
  type ContractIndicator,
  type ContractInput,
  type DepartmentEvaluation,
  type EvaluationSubject,
  type ReviewFindingNote,
} from './evaluation-inputs.ts';
export {
  acceptEvaluation,
  returnEvaluation,
  submitEvaluation,
} from './evaluation-review.service.ts';

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
  return structuredClone(await sharedEvaluation(db, dept, year)); // callers may change their copy
}

/** The evaluation as it stands is the same for every reader until the next write (see db/versioned-cache.ts). */
const evaluations = new VersionedCache<DepartmentEvaluation>(256);

/**
 * The cached evaluation itself, for callers that have checked access and only read it (the report's 同比, the
 * linkage table): the same computation as getEvaluation's, not a second one per reader. Never change it.
 */
export function sharedEvaluation(
  db: Db,
  dept: { code: string; name: string },
  year: number,
): Promise<Readonly<DepartmentEvaluation>> {
  return evaluations.get(db, `${dept.code}|${year}`, () =>
    evaluate(db, dept.code, dept.name, year),
  );
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

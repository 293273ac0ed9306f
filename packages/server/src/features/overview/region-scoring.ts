// Scoring of a whole region for the bureau overview, off the request thread (offload/offload.ts): the inputs of
// every department come from the database here, and the department-level scores of those not yet frozen are
// computed in one bounded worker, so a region of many departments never stalls other requests. A department whose
// self-evaluation was submitted or accepted shows its frozen score, as in evaluations/evaluation-view.ts.
import type { ScoringOutput } from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import {
  OffloadBusy,
  OffloadCrash,
  OffloadTimeout,
  runOffloaded,
  WARM_HEAP_MB,
} from '../../offload/offload.ts';
import { ServiceError } from '../../http/service-error.ts';
import { buildEvaluationInputs, type ContractInput } from '../evaluations/evaluations.service.ts';
import { listSelfEvaluations } from '../evaluations/evaluations.repository.ts';
import { mapInParallel } from './read-in-parallel.ts';

/** A region's scoring takes well under a second; this bounds a pathological one. */
export const REGION_SCORING_TIMEOUT_MS = 30_000;

/** What the overview shows of one department's self-evaluation as it stands. */
export interface DepartmentScoreLine {
  /** live (never saved) | the stored status */
  status: string;
  budget: ContractInput['budget'];
  output: ScoringOutput;
  projects: number;
}

/** The scoring's worker module and heap limit (the server starts a pooled thread for it ahead of use). */
export const REGION_SCORING_WORKER = {
  module: new URL('./region-scoring.worker.ts', import.meta.url),
  maxHeapMb: WARM_HEAP_MB,
};
const FROZEN = new Set(['submitted', 'accepted']);

async function scoreOffloaded(inputs: ContractInput[]): Promise<ScoringOutput[]> {
  try {
    return await runOffloaded<ContractInput[], ScoringOutput[]>(
      REGION_SCORING_WORKER.module,
      inputs,
      { timeoutMs: REGION_SCORING_TIMEOUT_MS, maxHeapMb: REGION_SCORING_WORKER.maxHeapMb },
    );
  } catch (e) {
    if (e instanceof OffloadBusy) {
      throw new ServiceError('SCORING_BUSY');
    }
    if (e instanceof OffloadTimeout || e instanceof OffloadCrash) {
      throw new ServiceError('SCORING_TOO_HEAVY', {
        seconds: String(REGION_SCORING_TIMEOUT_MS / 1000),
      });
    }
    throw e;
  }
}

/** Each department's line (by code): stored data read here, live scores computed in a worker. */
export async function scoreRegionDepartments(
  db: Db,
  codes: readonly string[],
  year: number,
): Promise<Map<string, DepartmentScoreLine>> {
  // A few departments at a time (not in a transaction: each department's reads on a connection of the pool).
  const read = await mapInParallel(codes, async (code) => {
    const built = await buildEvaluationInputs(db, code, year);
    const row = (await listSelfEvaluations(db, code, year)).find((r) => r.projectId === null);
    const frozen = row !== undefined && FROZEN.has(row.status);
    const input = frozen ? (row.input as unknown as ContractInput) : built.department.input;
    return {
      code,
      status: row?.status ?? 'live',
      budget: input.budget,
      projects: built.projects.length,
      frozen: frozen ? (row.output as unknown as ScoringOutput) : null,
      input,
    };
  });
  const live = read.filter((r) => r.frozen === null);
  const scored = live.length === 0 ? [] : await scoreOffloaded(live.map((r) => r.input));
  const liveOutput = new Map(live.map((r, i) => [r.code, scored[i]]));
  const lines = new Map<string, DepartmentScoreLine>();
  for (const { code, status, budget, projects, frozen } of read) {
    const output = frozen ?? liveOutput.get(code);
    if (output === undefined) {
      throw new Error(`no score for ${code}`); // the worker answers one output per input
    }
    lines.set(code, { status, budget, projects, output });
  }
  return lines;
}

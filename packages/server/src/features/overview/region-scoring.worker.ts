// The worker side of the region's scoring (region-scoring.ts): scores each contract input with core's one engine.
import { scoreEvaluation, type ScoringOutput } from '@jixiao/core';
import type { OffloadHandler } from '../../offload/offload.ts';

/** Run on a pooled thread (offload/offload.ts), which keeps this module loaded between overviews. */
export const handle: OffloadHandler<unknown[], ScoringOutput[]> = (inputs) =>
  inputs.map((input) => scoreEvaluation(input as Parameters<typeof scoreEvaluation>[0]));

// The worker side of the region's scoring (region-scoring.ts): scores each contract input with core's one engine.
import { parentPort } from 'node:worker_threads';
import { scoreEvaluation, type ScoringOutput } from '@jixiao/core';

if (!parentPort) {
  throw new Error('region-scoring.worker.ts runs only as a worker thread');
}
const port = parentPort;

port.once('message', (inputs: unknown[]) => {
  const outputs: ScoringOutput[] = inputs.map((input) =>
    scoreEvaluation(input as Parameters<typeof scoreEvaluation>[0]),
  );
  port.postMessage(outputs);
});

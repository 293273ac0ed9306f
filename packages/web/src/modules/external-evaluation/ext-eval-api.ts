// Shapes of /api/external-evaluations…: the schemas generated from docs/openapi.json.
import type { Schema } from '../../api/schema.ts';

export type ExtEval = Schema<'ExternalEvaluation'>;
export type ExtEvalDetail = Schema<'ExternalEvaluationDetail'>;
export type ExtEvalRow = ExtEvalDetail['indicators'][number];
export type ExtEvalInputValue = Schema<'ExtEvalInput'>;
export type Candidate = Schema<'ExtEvalCandidate'>;
export type Evaluators = Schema<'ExtEvalEvaluators'>;

export const evalPath = (id: string): string =>
  `/api/external-evaluations/${encodeURIComponent(id)}`;

export const DIMENSION_TEXT: Record<string, string> = {
  decision: '决策',
  process: '过程',
  output: '产出',
  benefit: '效益',
  management: '管理',
};

export const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  scoring: 'processing',
  submitted: 'gold',
  concluded: 'green',
};

// The API's response shapes the UI reads, as aliases of the schemas generated from docs/openapi.json (the
// server's zod schemas are the source of truth; web never imports server code). Money is a 2-decimal 元
// string unless the name says Wan (万元).
import type { Schema } from './schema.ts';

export type LoginResponse = Schema<'Session'>;
export type SessionUser = Schema<'SessionUser'>;
export type DepartmentSummary = Schema<'DepartmentSummary'>;
/** A fiscal year the region's finance bureau opened (GET /api/regions/{code}/fiscal-years). */
export type FiscalYearView = Schema<'FiscalYear'>;
export type FiscalYearListing = Schema<'FiscalYearListing'>;
export type DepartmentProfile = Schema<'DepartmentProfile'>;
export type DepartmentEvaluation = Schema<'DepartmentEvaluation'>;
export type EvaluationSubject = Schema<'EvaluationSubject'>;
export type EvaluationStatus = EvaluationSubject['status'];
/** The scoring-contract v1 input (shared/spec/scoring-contract.md); budget amounts in 万元. */
export type ContractInput = Schema<'ContractInput'>;
/** One indicator of the scoring-contract input as the server builds it. */
export type ContractIndicator = Schema<'ContractIndicator'>;
export type ReviewFindingNote = Schema<'ReviewFindingNote'>;
export type OverviewRow = Schema<'OverviewRow'>;
export type ReviewFinding = Schema<'ReviewFinding'>;
export type ReviewedReport = Schema<'ReviewedReport'>;

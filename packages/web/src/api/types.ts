// Hand-written types of the API responses the UI reads (the server's zod schemas are the source of truth;
// web never imports server code). Money is a 2-decimal 元 string unless the name says Wan (万元).
import type { Role } from '../app/roles.ts';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentCode: string | null;
  regionCode: string;
}

export interface LoginResponse {
  user: SessionUser;
  csrfToken: string;
  /** The password was set by an administrator (first sign-in or a reset): change it before anything else. */
  mustChangePassword: boolean;
}

export interface DepartmentSummary {
  code: string;
  name: string;
  shortName: string;
  regionCode: string;
  years: number[];
}

/** A fiscal year the region's finance bureau opened (GET /api/regions/{code}/fiscal-years). */
export interface FiscalYearView {
  year: number;
  scoringPreset: string;
  scoringPresetTitle: string;
  financeApprovalRequired: boolean;
  basisNotice: string | null;
  openedAt: string;
}

export interface FiscalYearListing {
  regionCode: string;
  regionName: string;
  years: FiscalYearView[];
  /** The year to open next (latest opened + 1, at most maxYear). */
  nextYear: number;
  /** The latest year that may be opened now (next calendar year). */
  maxYear: number;
  presets: { name: string; title: string; titleEn: string }[];
}

export interface DepartmentProfile {
  code: string;
  name: string;
  shortName: string;
  regionCode: string;
  regionName: string | null;
  functions: string[];
  units: { name: string; kind: string }[];
  staffing: {
    authorizedStaff: number;
    activeStaff: number;
    retiredStaff: number;
    illustrative: boolean;
  } | null;
  illustrative: boolean;
  scoringPreset: string | null;
  basisNotice: string | null;
}

export type EvaluationStatus = 'live' | 'draft' | 'submitted' | 'returned' | 'accepted';

/** One indicator of the scoring-contract input as the server builds it (symbols and Chinese level names). */
export interface ContractIndicator {
  id: string;
  indicatorId?: string;
  level1: string;
  level2?: string | null;
  name: string;
  operator: string;
  target: string;
  actual: string;
  unit?: string | null;
  weight: string;
  score?: string | null;
  deduction?: string | null;
  deductionReason?: string | null;
  deviationNote?: string | null;
  applicable?: boolean;
  metric?: { key: string; value: string; records: number; asOf: string } | null;
}

/** The scoring-contract v1 input (shared/spec/scoring-contract.md); budget amounts in 万元. */
export interface ContractInput {
  version: 1;
  rules?: Record<string, unknown>;
  subject: { kind: 'project' | 'department'; name: string; year?: number; unit?: string };
  budget: {
    initial?: string;
    adjusted: string;
    executed: string;
    weight?: string;
    note?: string | null;
  };
  indicators: ContractIndicator[];
}

export interface ReviewFindingNote {
  code: string;
  severity: 'high' | 'medium' | 'low';
  line: number | null;
  message: string;
}

export interface EvaluationSubject {
  kind: 'project' | 'department';
  projectId: string | null;
  code: string;
  name: string;
  input: ContractInput;
  /** ScoringOutput of @jixiao/core (scored or {errors}). */
  output: unknown;
  status: EvaluationStatus;
  frozenAt: string | null;
  reviewComment: string | null;
  reviewFindings: ReviewFindingNote[] | null;
}

export interface DepartmentEvaluation {
  departmentCode: string;
  departmentName: string;
  year: number;
  preset: string;
  department: EvaluationSubject;
  projects: EvaluationSubject[];
}

export interface OverviewRow {
  code: string;
  name: string;
  status: string;
  budgetYuan: string;
  executedYuan: string;
  rate: string | null;
  score: string | null;
  grade: string | null;
  projects?: number;
  findings?: number;
  warnings: { red: number; yellow: number } | number;
}

export interface ReviewFinding {
  code: string;
  severity: 'high' | 'medium' | 'low';
  line: number;
  endLine?: number;
  excerpt: string;
  message: string;
  messageEn: string;
}

export interface ReviewedReport {
  fileName: string;
  kind: 'txt' | 'docx' | 'pdf';
  text: string;
  result: {
    title: string | null;
    year: number | null;
    findings: ReviewFinding[];
    figures: { label: string; value: string; unit: string; line: number }[];
  };
}

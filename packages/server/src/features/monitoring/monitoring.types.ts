// The monitoring picture's shapes (budget, indicator and goal warnings, the department's responses).
import type {
  CompletionLikelihood,
  DeviationReason,
  IndicatorWarningBasis,
  MonitoringConfig,
  WarningLevel,
} from '@jixiao/core';

export type Colour = 'red' | 'yellow' | 'green' | 'blue';

export interface WarningResponse {
  deviationReasons: DeviationReason[];
  deviationNote: string | null;
  completionLikelihood: CompletionLikelihood | null;
  measures: string | null;
  expectedAnnual: string | null;
  updatedBy: string | null;
  updatedAt: string;
}

export interface Coloured {
  /** RED / YELLOW / GREEN / BLUE (glossary), null when it cannot be judged (see reason). */
  level: WarningLevel | null;
  /** The same in lower case, for the UI's tags. */
  color: Colour | null;
  /** The key a response is saved under. */
  subjectKey: string;
  needsResponse: boolean;
  response: WarningResponse | null;
}

export interface BudgetWarningOut extends Coloured {
  projectId: string | null;
  code: string;
  name: string;
  budgetYuan: string;
  executedYuan: string;
  rate: string | null;
  timeProgress: string;
  v: string | null;
  reason: string | null;
  keyProject: boolean;
}

export interface IndicatorWarningOut extends Coloured {
  indicatorId: string;
  projectId: string | null;
  projectCode: string | null;
  /** 部门整体 or the project's name. */
  projectName: string;
  level1: string;
  level2: string;
  name: string;
  operator: string;
  target: string;
  unit: string;
  /** Cumulative value used (null = none reported). */
  value: string | null;
  valueMonth: number | null;
  valueSource: 'progress' | 'metric' | null;
  basis: IndicatorWarningBasis;
  expected: string | null;
  v: string | null;
  reason: string | null;
}

export interface GoalWarningOut extends Coloured {
  projectId: string | null;
  projectCode: string | null;
  projectName: string;
  indicators: number;
}

export interface MonitoringReport {
  departmentCode: string;
  departmentName: string;
  regionCode: string;
  year: number;
  month: number;
  timeProgress: string;
  cutoffMonths: readonly number[];
  thresholds: Pick<MonitoringConfig, 'budget' | 'positive' | 'levelUnits'>;
  round: {
    id: string;
    status: 'draft' | 'submitted';
    submittedAt: string | null;
    submittedBy: string | null;
  } | null;
  department: BudgetWarningOut;
  projects: BudgetWarningOut[];
  goals: GoalWarningOut[];
  indicators: IndicatorWarningOut[];
  /** Counted over project budgets and indicators (the department total and goal roll-ups are not counted again). */
  warnings: { red: number; yellow: number; green: number; blue: number };
}

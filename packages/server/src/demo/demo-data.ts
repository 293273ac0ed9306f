// The demo's files as read from demo/<name>/ (organization.json, plan.json, narrative.json, ledger.csv).
import type { Level1, Level2, TargetBasis } from '../db/schema/goals.ts';
import type { FundSource } from '../db/schema/projects.ts';

export interface DemoIndicator {
  level1: Level1;
  level2: Level2;
  name: string;
  operator: string;
  target: string;
  unit: string;
  weight: string;
  targetBasis?: TargetBasis;
  dataSource?: string;
  actual?: string;
  deviationNote?: string;
  qualScore?: string;
  evidence?: string;
  metric?: { key: string; params?: Record<string, unknown> };
  progress?: Record<string, string>;
  illustrative?: boolean;
}
export interface DemoGoal {
  target: string;
  actual: string;
  illustrative?: boolean;
  indicators: DemoIndicator[];
}
export interface DemoProject {
  code: string;
  name: string;
  expenditureType: 'basic' | 'project';
  fundSource: FundSource;
  implementingUnit: string;
  illustrative: boolean;
  budget: { kind: 'initial' | 'adjustment'; amountWan: string; date: string; documentNo?: string; reason?: string }[];
  goal?: DemoGoal;
}
export interface DemoOrganization {
  regions: { code: string; name: string; parentCode: string | null; level: 'province' | 'city' | 'district' }[];
  financeBureau: { code: string; name: string; shortName: string };
  department: { code: string; regionCode: string; name: string; shortName: string; functions: string[]; functionsIllustrative: boolean };
  units: { name: string; kind: string }[];
  staffing: { authorizedStaff: number; activeStaff: number; retiredStaff: number; illustrative: boolean };
  fiscalYear: { year: number; scoringPreset: string; basisNotice: string; financeApprovalRequired: boolean };
}
export interface DemoPlan {
  departmentGoal: DemoGoal;
  projects: DemoProject[];
}
export interface DemoNarrative {
  income: { label: string; amountWan: string }[];
  keyTasks: string[];
  managementPractice: string[];
  achievements: string[];
  problems: { text: string; measure: string; owner: string; deadline: string }[];
}

/** A further department of the same region, compact: monthly execution instead of a ledger file. */
export interface DemoOtherDepartment {
  code: string;
  name: string;
  shortName: string;
  functions: string[];
  units: { name: string; kind: string }[];
  staffing: { authorizedStaff: number; activeStaff: number; retiredStaff: number };
  departmentGoal: Omit<DemoGoal, 'illustrative'>;
  projects: (Omit<DemoProject, 'fundSource' | 'implementingUnit' | 'illustrative' | 'budget'> & {
    budget: { kind: 'initial' | 'adjustment'; amountWan: string }[];
    executedByMonthWan: string[];
    economicClass: string;
  })[];
}

export interface DemoData {
  organization: DemoOrganization;
  plan: DemoPlan;
  narrative: DemoNarrative;
  ledgerCsv: string;
  otherDepartments: DemoOtherDepartment[];
}

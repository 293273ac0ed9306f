// The investment module's API shapes (as the server sends them) and the paths it calls.
import type { PipelineStage } from '@jixiao/core/investment/index';

export type { PipelineStage };

export interface UnitRef {
  code: string;
  name: string;
  kind: 'department' | 'subdistrict';
}

export interface InvestmentProject {
  id: string;
  code: string;
  name: string;
  investor: string;
  industryCode: string;
  industryName: string;
  plannedInvestmentYuan: string;
  plannedInvestmentWan: string;
  isKeyProject: boolean;
  responsibleUnit: UnitRef;
  source: string;
  sourceLabel: string;
  stage: PipelineStage;
  stageLabel: string;
  stageDates: Record<PipelineStage, string | null>;
  contact: string | null;
  note: string | null;
  illustrative: boolean;
  fiscalYear: number;
  updatedAt: string;
}

export interface ProjectPage {
  items: InvestmentProject[];
  total: number;
  page: number;
  pageSize: number;
}

export interface BoardColumn {
  stage: PipelineStage;
  label: string;
  count: number;
  investmentYuan: string;
  items: InvestmentProject[];
}

export interface StageChange {
  id: string;
  kind: 'create' | 'forward' | 'back' | 'import';
  fromStage: PipelineStage | null;
  toStage: PipelineStage;
  toStageLabel: string;
  reachedOn: string | null;
  reason: string | null;
  changedBy: string;
  changedByName: string;
  changedAt: string;
}

export type TargetKind = 'negotiatedKeyProjects' | 'registeredProjects' | 'signedInvestment';

export interface TargetView {
  kind: TargetKind;
  label: string;
  unit: string;
  target: string;
  allocated: string;
  difference: string;
  status: 'UNDER' | 'EXACT' | 'OVER';
  documentNo: string | null;
  note: string | null;
  allocations: {
    unitCode: string;
    unitName: string;
    unitKind: 'department' | 'subdistrict';
    value: string;
  }[];
}

export type ProgressStatus = 'DONE' | 'ON_TRACK' | 'BEHIND' | 'NO_TARGET';

export interface UnitProgress {
  unitCode: string;
  unitName: string;
  unitKind: 'department' | 'subdistrict';
  target: string;
  actual: string;
  cumulative: string[];
  monthly: string[];
  rate: string | null;
  status: ProgressStatus;
  rank: number;
}

export interface Decomposition {
  year: number;
  kind: TargetKind;
  label: string;
  unit: string;
  metricKey: string;
  month: number;
  timeProgress: string;
  district: { target: string | null; actual: string; rate: string | null; cumulative: string[] };
  units: UnitProgress[];
}

export interface IndicatorMetric {
  indicatorId: string;
  indicator: string;
  target: string;
  unit: string;
  enteredActual: string | null;
  metric: { key: string; name: string; nameEn: string; unit: string; description: string };
  value: string | null;
  display: string;
  asOf: string;
  recordKind: 'investmentProject' | 'enterpriseRequest' | 'satisfactionSurvey' | 'enterprise';
  recordCount: number;
  numerator: string | null;
  denominator: string | null;
  link: string;
}

export const TARGET_KINDS: readonly TargetKind[] = [
  'negotiatedKeyProjects',
  'registeredProjects',
  'signedInvestment',
];

export const TARGET_KIND_LABEL: Readonly<Record<TargetKind, { zh: string; en: string }>> = {
  negotiatedKeyProjects: { zh: '新洽谈重点项目', en: 'Key projects negotiated' },
  registeredProjects: { zh: '注册落地项目', en: 'Projects registered' },
  signedInvestment: { zh: '签约投资额', en: 'Investment signed' },
};

export const PROGRESS_STATUS: Readonly<
  Record<ProgressStatus, { zh: string; en: string; color: string }>
> = {
  DONE: { zh: '已完成', en: 'Done', color: 'green' },
  ON_TRACK: { zh: '达到序时进度', en: 'On track', color: 'blue' },
  BEHIND: { zh: '落后序时进度', en: 'Behind', color: 'orange' },
  NO_TARGET: { zh: '未分解任务', en: 'No target', color: 'default' },
};

export function deptBase(code: string): string {
  return `/api/departments/${encodeURIComponent(code)}`;
}

/** The pipeline list filters in the API's query form. */
export interface PipelineFilters {
  stage?: PipelineStage[];
  key?: 'true' | 'false';
  unit?: string;
  source?: string;
  q?: string;
  year?: number;
  reachedStage?: PipelineStage;
  reachedFrom?: string;
  reachedTo?: string;
}

export function filterQuery(f: PipelineFilters): Record<string, string | number | undefined> {
  return {
    stage: f.stage && f.stage.length > 0 ? f.stage.join(',') : undefined,
    key: f.key,
    unit: f.unit,
    source: f.source,
    q: f.q?.trim() || undefined,
    year: f.year,
    reachedStage: f.reachedStage,
    reachedFrom: f.reachedFrom,
    reachedTo: f.reachedTo,
  };
}

/** Reads the filters a metric's record link carries (/api/…/investment-projects?reachedStage=…). */
export function filtersFromLink(link: string): PipelineFilters | null {
  const [path, qs = ''] = link.split('?');
  if (!path?.endsWith('/investment-projects')) {
    return null;
  }
  const p = new URLSearchParams(qs);
  const stage = p.get('reachedStage');
  return {
    ...(stage ? { reachedStage: stage as PipelineStage } : {}),
    ...(p.get('reachedFrom') ? { reachedFrom: p.get('reachedFrom')! } : {}),
    ...(p.get('reachedTo') ? { reachedTo: p.get('reachedTo')! } : {}),
    ...(p.get('key') === 'true' ? { key: 'true' as const } : {}),
  };
}

// The investment module's API shapes (as the server sends them) and the paths it calls.
import type { PipelineStage } from '@jixiao/core/investment/index';
import type { Schema } from '../../api/schema.ts';

export type { PipelineStage };

export type InvestmentProject = Schema<'InvestmentProject'>;
export type UnitRef = InvestmentProject['responsibleUnit'];
export type ProjectPage = Schema<'InvestmentProjectPage'>;
export type BoardColumn = Schema<'InvestmentBoard'>[number];
export type StageChange = Schema<'InvestmentStageHistory'>[number];
export type TargetView = Schema<'InvestmentTarget'>;
export type TargetKind = TargetView['kind'];
export type Decomposition = Schema<'InvestmentDecomposition'>;
export type UnitProgress = Decomposition['units'][number];
export type ProgressStatus = UnitProgress['status'];
export type IndicatorMetric = Schema<'IndicatorMetric'>;

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

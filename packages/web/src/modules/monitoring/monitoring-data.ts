// Readers for the monitoring API (engineer "ledger"): budget-execution warnings per project and target
// warnings per indicator, with the colour the server computed (domain-rules §6.2). Nothing is recomputed here.
import { toWarningLevel, type WarningLevel } from '../../ui/warning-tag.tsx';

function rec(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : null;
}

function str(r: Record<string, unknown>, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = r[k];
    if (typeof v === 'string' && v !== '') {
      return v;
    }
    if (typeof v === 'number') {
      return String(v);
    }
  }
  return null;
}

function levelOf(r: Record<string, unknown>): WarningLevel | null {
  return (
    [r['level'], r['color'], r['colour'], r['warning']]
      .map(toWarningLevel)
      .find((x) => x !== null) ?? null
  );
}

function listIn(body: unknown, ...keys: string[]): Record<string, unknown>[] {
  const r = rec(body);
  const list = Array.isArray(body) ? body : keys.map((k) => r?.[k]).find(Array.isArray);
  return Array.isArray(list)
    ? list.map(rec).filter((x): x is Record<string, unknown> => x !== null)
    : [];
}

/** The department's answer to a warning (偏差原因, 完成目标可能性, 纠偏措施 …). */
export interface WarningResponse {
  deviationReasons: string[];
  deviationNote: string | null;
  completionLikelihood: string | null;
  measures: string | null;
  expectedAnnual: string | null;
}

function responseOf(r: Record<string, unknown>): WarningResponse | null {
  const x = rec(r['response']);
  if (!x) {
    return null;
  }
  return {
    deviationReasons: Array.isArray(x['deviationReasons'])
      ? (x['deviationReasons'] as unknown[]).filter((v): v is string => typeof v === 'string')
      : [],
    deviationNote: str(x, 'deviationNote'),
    completionLikelihood: str(x, 'completionLikelihood'),
    measures: str(x, 'measures'),
    expectedAnnual: str(x, 'expectedAnnual'),
  };
}

export interface Respondable {
  subjectKey: string | null;
  needsResponse: boolean;
  response: WarningResponse | null;
}

function respondable(r: Record<string, unknown>): Respondable {
  return {
    subjectKey: str(r, 'subjectKey'),
    needsResponse: r['needsResponse'] === true,
    response: responseOf(r),
  };
}

export interface MonitoringRound {
  status: 'draft' | 'submitted';
  submittedAt: string | null;
  submittedBy: string | null;
}

export function readRound(body: unknown): MonitoringRound | null {
  const r = rec(rec(body)?.['round']);
  if (!r) {
    return null;
  }
  return {
    status: r['status'] === 'submitted' ? 'submitted' : 'draft',
    submittedAt: str(r, 'submittedAt'),
    submittedBy: str(r, 'submittedBy'),
  };
}

export interface BudgetWarningRow extends Respondable {
  key: string;
  project: string;
  budgetYuan: string | null;
  executedYuan: string | null;
  progress: string | null;
  timeProgress: string | null;
  ratio: string | null;
  level: WarningLevel | null;
}

export function readBudgetWarnings(body: unknown): BudgetWarningRow[] {
  return listIn(body, 'projects', 'budget', 'budgetWarnings', 'execution').map((p, i) => ({
    key: str(p, 'projectId', 'code', 'projectCode') ?? String(i),
    project: str(p, 'projectName', 'name', 'project') ?? '',
    budgetYuan: str(p, 'adjustedYuan', 'budgetYuan'),
    executedYuan: str(p, 'executedYuan', 'spentYuan'),
    progress: str(p, 'progress', 'executionRate', 'rate'),
    timeProgress: str(p, 'timeProgress', 'expectedProgress'),
    ratio: str(p, 'ratio', 'v'),
    level: levelOf(p),
    ...respondable(p),
  }));
}

/** The indicators' warnings with what is needed to answer them. */
export function readIndicatorResponses(body: unknown): Map<string, Respondable> {
  const out = new Map<string, Respondable>();
  for (const i of listIn(body, 'indicators')) {
    const key = str(i, 'indicatorId', 'id');
    if (key) {
      out.set(key, respondable(i));
    }
  }
  return out;
}

export interface RegionWarningRow {
  code: string;
  name: string;
  red: number;
  yellow: number;
  green: number;
  blue: number;
  rate: string | null;
}

export function readRegionWarnings(body: unknown): RegionWarningRow[] {
  return listIn(body, 'departments', 'rows').map((d) => {
    const w = rec(d['warnings']) ?? rec(d['counts']) ?? d;
    const n = (k: string) => (typeof w[k] === 'number' ? (w[k] as number) : 0);
    return {
      code: str(d, 'code', 'departmentCode') ?? '',
      name: str(d, 'name', 'departmentName') ?? '',
      red: n('red'),
      yellow: n('yellow'),
      green: n('green'),
      blue: n('blue'),
      rate: str(d, 'rate', 'progress', 'executionRate'),
    };
  });
}

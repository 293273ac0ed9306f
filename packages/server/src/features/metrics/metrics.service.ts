// Live indicator values: an indicator bound to a metric (indicators.metric_key / metric_params) takes its
// actual from the business records — the pipeline, the request ledger, the surveys, the policy grants —
// computed by the one definition in @jixiao/core/investment/metrics.ts. The scoring input calls
// resolveMetricActuals and freezes what it returns into the self-evaluation at submission.
import {
  findMetric,
  formatMetricValue,
  metricWindow,
  METRICS,
  parseMetricParams,
  type MetricDefinition,
  type MetricParams,
  type MetricRecords,
  type MetricSource,
  type MetricValue,
  type MetricWindow,
} from '@jixiao/core/investment/index';
import type { Bilingual } from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import * as enterpriseRepo from '../enterprises/enterprise-records.repository.ts';
import * as metricRepo from './metrics.repository.ts';
import * as projectRepo from '../investment/investment.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertCanEdit } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
/** A metric-bound indicator's live value, computed from the department's business records. */
export interface MetricActual {
  metric: string;
  value: string;
  records: number;
  asOf: string;
}

const EMPTY: MetricRecords = {
  investmentProjects: [],
  enterpriseRequests: [],
  satisfactionSurveys: [],
  policyGrants: [],
};

/** Loads the records one source needs for a window (nothing else). */
export async function loadMetricRecords(
  db: Queryable,
  departmentCode: string,
  source: MetricSource,
  window: MetricWindow,
): Promise<MetricRecords> {
  if (window.to < window.from) {
    return EMPTY;
  }
  switch (source) {
    case 'investmentProjects':
      return {
        ...EMPTY,
        investmentProjects: await projectRepo.loadProjectRecords(db, departmentCode, window),
      };
    case 'enterpriseRequests':
      return {
        ...EMPTY,
        enterpriseRequests: await enterpriseRepo.loadRequestRecords(db, departmentCode, window),
      };
    case 'satisfactionSurveys':
      return {
        ...EMPTY,
        satisfactionSurveys: await enterpriseRepo.loadSurveyRecords(db, departmentCode, window),
      };
    case 'policyGrants':
      return {
        ...EMPTY,
        policyGrants: await enterpriseRepo.loadGrantRecords(db, departmentCode, window),
      };
  }
}

/** The effective as-of date: the caller's, else the binding's, else the year's end (never past it). */
export function effectiveWindow(
  year: number,
  asOf: string | undefined,
  params: MetricParams,
): MetricWindow {
  return metricWindow(year, asOf ?? params.asOf ?? null);
}

/** Computes one metric for a department-year. Records are loaded once per source and window via `cache`. */
export async function computeMetric(
  db: Queryable,
  departmentCode: string,
  def: MetricDefinition,
  window: MetricWindow,
  params: MetricParams,
  cache: Map<string, Promise<MetricRecords>> = new Map(),
): Promise<MetricValue> {
  const key = `${def.source}|${window.from}|${window.to}`;
  let records = cache.get(key);
  if (!records) {
    records = loadMetricRecords(db, departmentCode, def.source, window);
    cache.set(key, records);
  }
  return def.compute(await records, window, params);
}

/**
 * The actual value of every metric-bound indicator of a department-year: indicator id → {metric key,
 * value (decimal string), number of records behind it, as-of date}. Indicators whose metric is unknown,
 * whose params are invalid, or whose value is undefined (a rate over no records) are left out, so their
 * entered actual (if any) stays in use.
 */
export async function resolveMetricActuals(
  db: Queryable,
  departmentCode: string,
  year: number,
  asOf?: string,
): Promise<Map<string, MetricActual>> {
  const out = new Map<string, MetricActual>();
  const cache = new Map<string, Promise<MetricRecords>>();
  for (const ind of await metricRepo.listBoundIndicators(db, departmentCode, year)) {
    const def = findMetric(ind.metricKey ?? '');
    if (!def) {
      continue;
    }
    const params = parseMetricParams(def, ind.metricParams);
    if (!params.ok) {
      continue;
    }
    const window = effectiveWindow(year, asOf, params.value);
    // Sequential on purpose: inside a transaction the queries share one connection.
    const v = await computeMetric(db, departmentCode, def, window, params.value, cache);
    if (v.value !== null) {
      out.set(ind.id, {
        metric: def.key,
        value: v.value,
        records: v.recordIds.length,
        asOf: window.to,
      });
    }
  }
  return out;
}

// ---- for people: one indicator's value with the records behind it ----

export interface MetricInfo {
  key: string;
  name: string;
  nameEn: string;
  unit: string;
  description: string;
  params: string[];
}

export function metricInfo(def: MetricDefinition): MetricInfo {
  return {
    key: def.key,
    name: def.name.zh,
    nameEn: def.name.en,
    unit: def.unit.zh,
    description: def.description.zh,
    params: [...def.params],
  };
}

export function listMetricCatalogue(): MetricInfo[] {
  return METRICS.map(metricInfo);
}

export interface IndicatorMetricView {
  indicatorId: string;
  indicator: string;
  departmentCode: string;
  year: number;
  target: string;
  unit: string;
  /** The actual typed on the indicator (ignored while the metric gives a value). */
  enteredActual: string | null;
  metric: MetricInfo;
  params: MetricParams;
  /** Decimal string, or null when there is nothing to measure. */
  value: string | null;
  display: string;
  asOf: string;
  window: { from: string; to: string };
  recordKind: MetricValue['recordKind'];
  recordCount: number;
  records: string[];
  numerator: string | null;
  denominator: string | null;
  note: Bilingual | null;
  /** The API query listing the records behind the value. */
  link: string;
}

/** The API list that shows exactly the records behind a metric value. */
export function recordsLink(
  departmentCode: string,
  def: MetricDefinition,
  window: MetricWindow,
  params: MetricParams,
): string {
  const base = `/api/departments/${departmentCode}`;
  const q = new URLSearchParams();
  const add = (k: string, v: string | undefined) => {
    if (v !== undefined) {
      q.set(k, v);
    }
  };
  let path: string;
  switch (def.key) {
    case 'investment.negotiatedKeyProjects':
    case 'investment.registeredProjects':
    case 'investment.signedInvestmentWan': {
      path = 'investment-projects';
      add(
        'reachedStage',
        def.key === 'investment.negotiatedKeyProjects'
          ? 'NEGOTIATING'
          : def.key === 'investment.registeredProjects'
            ? 'REGISTERED'
            : 'SIGNED',
      );
      add('reachedFrom', window.from);
      add('reachedTo', window.to);
      add(
        'key',
        def.key === 'investment.negotiatedKeyProjects' || params.keyOnly ? 'true' : undefined,
      );
      break;
    }
    case 'services.requestsClosedOnTimeRate':
      path = 'enterprise-requests';
      add('dueFrom', window.from);
      add('dueTo', window.to);
      add('excludeWithdrawn', 'true');
      add('category', params.category);
      break;
    case 'services.meanDaysToClose':
    case 'services.medianDaysToClose':
      path = 'enterprise-requests';
      add('status', 'closed');
      add('closedFrom', window.from);
      add('closedTo', window.to);
      add('category', params.category);
      break;
    case 'services.satisfiedShare':
      path = 'satisfaction-surveys';
      add('from', window.from);
      add('to', window.to);
      break;
    case 'services.policyBeneficiaries':
      path = 'policy-grants';
      add('from', window.from);
      add('to', window.to);
      break;
  }
  return `${base}/${path}?${q.toString()}`;
}

async function indicatorOf(
  db: Db,
  actor: Actor,
  indicatorId: string,
): Promise<metricRepo.BoundIndicatorRow> {
  const ind = await metricRepo.findIndicator(db, indicatorId);
  if (!ind) {
    throw notFound('指标', 'Indicator');
  }
  await getDepartment(db, actor, ind.departmentCode); // 404 / 403 by the department's rules
  return ind;
}

async function viewOf(
  db: Queryable,
  ind: metricRepo.BoundIndicatorRow,
  asOf: string | undefined,
  cache: Map<string, Promise<MetricRecords>>,
): Promise<IndicatorMetricView | null> {
  const def = findMetric(ind.metricKey ?? '');
  if (!def) {
    return null;
  }
  const parsed = parseMetricParams(def, ind.metricParams);
  const params = parsed.ok ? parsed.value : {};
  const window = effectiveWindow(ind.fiscalYear, asOf, params);
  const v = await computeMetric(db, ind.departmentCode, def, window, params, cache);
  return {
    indicatorId: ind.id,
    indicator: ind.name,
    departmentCode: ind.departmentCode,
    year: ind.fiscalYear,
    target: ind.target,
    unit: ind.unit,
    enteredActual: ind.actual,
    metric: metricInfo(def),
    params,
    value: v.value,
    display: formatMetricValue(def, v.value),
    asOf: window.to,
    window: { from: window.from, to: window.to },
    recordKind: v.recordKind,
    recordCount: v.recordIds.length,
    records: v.recordIds,
    numerator: v.numerator ?? null,
    denominator: v.denominator ?? null,
    note: v.note ?? (parsed.ok ? null : parsed.error),
    link: recordsLink(ind.departmentCode, def, window, params),
  };
}

/** GET /api/indicators/{id}/metric: the live value of one indicator and the records behind it. */
export async function getIndicatorMetric(
  db: Db,
  actor: Actor,
  indicatorId: string,
  asOf?: string,
): Promise<IndicatorMetricView> {
  const ind = await indicatorOf(db, actor, indicatorId);
  if (!ind.metricKey) {
    throw new ServiceError('METRIC_NOT_BOUND', { indicator: ind.name });
  }
  const view = await viewOf(db, ind, asOf, new Map());
  if (!view) {
    throw new ServiceError('METRIC_BINDING_UNKNOWN', {
      indicator: ind.name,
      metric: ind.metricKey ?? '',
    });
  }
  return view;
}

/** Every metric-bound indicator of a department-year with its live value (UI list and `jixiao metrics`). */
export async function listDepartmentMetrics(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  asOf?: string,
): Promise<IndicatorMetricView[]> {
  const dept = await getDepartment(db, actor, departmentCode);
  const cache = new Map<string, Promise<MetricRecords>>();
  const out: IndicatorMetricView[] = [];
  for (const ind of await metricRepo.listBoundIndicators(db, dept.code, year)) {
    const v = await viewOf(db, ind, asOf, cache);
    if (v) {
      out.push(v);
    }
  }
  return out;
}

/**
 * Binds an indicator to a metric (or unbinds it with key null). Only while its goal set can still be
 * edited (draft or returned): after approval the source of an actual is part of the locked target.
 */
export async function bindIndicatorMetric(
  db: Db,
  actor: Actor,
  indicatorId: string,
  binding: { key: string; params?: Record<string, unknown> | null } | null,
  now: Date,
): Promise<IndicatorMetricView | null> {
  const ind = await indicatorOf(db, actor, indicatorId);
  const dept = await getDepartment(db, actor, ind.departmentCode);
  assertCanEdit(actor, dept);
  if (ind.goalStatus !== 'draft' && ind.goalStatus !== 'returned') {
    throw new ServiceError('METRIC_BINDING_LOCKED');
  }
  let params: Record<string, unknown> | null = null;
  if (binding) {
    const def = findMetric(binding.key);
    if (!def) {
      const options = METRICS.map((m) => `${m.key}（${m.name.zh}）`).join('、');
      throw new ServiceError('METRIC_KEY_UNKNOWN', { metric: binding.key, options });
    }
    const parsed = parseMetricParams(def, binding.params ?? null);
    if (!parsed.ok) {
      throw new ServiceError('METRIC_PARAMS_INVALID', {
        problem: parsed.error.zh,
        problemEn: parsed.error.en,
      });
    }
    params = Object.keys(parsed.value).length > 0 ? { ...parsed.value } : null;
  }
  await db.transaction(async (tx) => {
    await metricRepo.setIndicatorMetric(tx, ind.id, binding?.key ?? null, params, now);
    await auditInTx(tx, actor, {
      action: 'indicator.metric.bind',
      entity: 'indicators',
      entityId: ind.id,
      departmentCode: ind.departmentCode,
      before: { metricKey: ind.metricKey, metricParams: ind.metricParams },
      after: { metricKey: binding?.key ?? null, metricParams: params },
    });
  });
  return binding ? getIndicatorMetric(db, actor, indicatorId) : null;
}

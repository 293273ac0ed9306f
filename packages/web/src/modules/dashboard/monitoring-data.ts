// Indicator progress rows for the dashboard: warning colours from the monitoring API (rules live in the
// server/core, not here); without it, the year-end picture from the scoring engine (met / not met).
import {
  OPERATOR_SYMBOL,
  QUAL_LEVEL_TEXT,
  parseQualLevel,
  type Operator,
} from '@jixiao/core/scoring/index';
import type { DepartmentEvaluation } from '../../api/types.ts';
import { toWarningLevel, type WarningLevel } from '../../ui/warning-tag.tsx';
import { scored } from '../evaluation/live-score.ts';

export interface IndicatorProgressRow {
  key: string;
  subject: string;
  name: string;
  target: string;
  value: string;
  /** v of domain-rules §6.2 (%), as the API computed it. */
  ratio: string | null;
  level: WarningLevel | null;
  met: boolean | null;
}

function rec(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : null;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** Monitoring API rows: {indicators: [{id|indicatorId, name, subject|projectName, target, value|actual, ratio|v, level|color}]}. */
export function readMonitoringIndicators(body: unknown): IndicatorProgressRow[] {
  const r = rec(body);
  const list = Array.isArray(body)
    ? body
    : (r?.['indicators'] ?? r?.['indicatorWarnings'] ?? rec(r?.['goal'])?.['indicators']);
  if (!Array.isArray(list)) {
    return [];
  }
  const rows: IndicatorProgressRow[] = [];
  list.forEach((item, i) => {
    const m = rec(item);
    if (!m) {
      return;
    }
    const level =
      [m['level'], m['color'], m['warning'], m['colour']]
        .map(toWarningLevel)
        .find((x) => x !== null) ?? null;
    const unit = text(m['unit']);
    const rawOp = text(m['operator']);
    const op = rawOp === '定性' ? 'QUAL' : rawOp;
    const symbol = op === 'QUAL' ? '' : (OPERATOR_SYMBOL[op as Operator] ?? op);
    const rawValue = text(m['value']) || text(m['actual']);
    const qual = op === 'QUAL' ? parseQualLevel(rawValue) : null;
    const basis = text(m['basis']);
    rows.push({
      key: text(m['indicatorId']) || text(m['id']) || String(i),
      subject: text(m['projectName']) || text(m['subject']) || text(m['project']),
      name: text(m['name']) || text(m['indicatorName']),
      target: `${symbol}${text(m['target'])}${unit && op !== 'QUAL' ? ` ${unit}` : ''}`,
      value: qual
        ? QUAL_LEVEL_TEXT[qual]
        : rawValue
          ? `${rawValue}${unit && op !== 'QUAL' ? ` ${unit}` : ''}`
          : '—',
      // v of a reverse indicator is the value itself (§6.2), not a percentage: not shown as one
      ratio:
        basis === 'REVERSE' || op === 'QUAL'
          ? null
          : text(m['ratio']) || text(m['v']) || text(m['progress']) || null,
      level,
      met: null,
    });
  });
  return rows;
}

export function readIndicatorProgress(
  monitoring: unknown,
  evaluation: DepartmentEvaluation | undefined,
  departmentLabel: string,
): IndicatorProgressRow[] {
  const fromApi = readMonitoringIndicators(monitoring);
  if (fromApi.length > 0 || !evaluation) {
    return fromApi;
  }
  const rows: IndicatorProgressRow[] = [];
  for (const s of [evaluation.department, ...evaluation.projects]) {
    const out = scored(s.output);
    const below = new Set(
      (out?.findings ?? []).filter((f) => f.code === 'BELOW_TARGET').map((f) => f.indicator),
    );
    for (const i of s.input.indicators) {
      const unit = i.unit ? ` ${i.unit}` : '';
      rows.push({
        key: `${s.code}:${i.id}`,
        subject: s.kind === 'department' ? departmentLabel : s.name,
        name: i.name,
        target: i.operator === '定性' ? i.target : `${i.operator}${i.target}${unit}`,
        value: i.actual ? (i.operator === '定性' ? i.actual : `${i.actual}${unit}`) : '—',
        ratio: null,
        level: null,
        met: out ? !below.has(i.id) : null,
      });
    }
  }
  return rows;
}

/** Warning counts from the monitoring API ({warnings:{red,yellow,green,blue}} or counted from its rows); null without data. */
export function readWarningCounts(
  body: unknown,
): { red: number; yellow: number; green: number; blue: number } | null {
  const r = rec(body);
  const w = rec(r?.['warnings']) ?? rec(r?.['counts']);
  const n = (x: Record<string, unknown>, k: string) =>
    typeof x[k] === 'number' ? (x[k] as number) : 0;
  if (w && typeof w['red'] === 'number' && typeof w['yellow'] === 'number') {
    return { red: n(w, 'red'), yellow: n(w, 'yellow'), green: n(w, 'green'), blue: n(w, 'blue') };
  }
  const rows = readMonitoringIndicators(body);
  if (rows.length === 0) {
    return null;
  }
  const count = (l: WarningLevel) => rows.filter((x) => x.level === l).length;
  return { red: count('red'), yellow: count('yellow'), green: count('green'), blue: count('blue') };
}

/** The cut-off month the monitoring answer is for. */
export function monthOf(body: unknown): number | null {
  const m = rec(body)?.['month'];
  return typeof m === 'number' && Number.isInteger(m) ? m : null;
}

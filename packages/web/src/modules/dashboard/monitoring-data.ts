// Indicator progress rows for the dashboard: warning colours from the monitoring API (rules live in the
// server/core, not here); without it, the year-end picture from the scoring engine (met / not met).
import {
  OPERATOR_SYMBOL,
  QUAL_LEVEL_TEXT,
  parseQualLevel,
  type Operator,
} from '@jixiao/core/scoring/index';
import type { DepartmentEvaluation } from '../../api/types.ts';
import type { Schema } from '../../api/schema.ts';
import { toWarningLevel, type WarningLevel } from '../../ui/warning-tag.tsx';
import { scored } from '../evaluation/live-score.ts';

export type Monitoring = Schema<'Monitoring'>;

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

/** The indicator warnings of the monitoring answer (Schema 'Monitoring'), as table rows. */
export function readMonitoringIndicators(body: Monitoring | undefined): IndicatorProgressRow[] {
  return (body?.indicators ?? []).map((m) => {
    const op = m.operator === '定性' ? 'QUAL' : m.operator;
    const symbol = op === 'QUAL' ? '' : (OPERATOR_SYMBOL[op as Operator] ?? op);
    const unit = m.unit && op !== 'QUAL' ? ` ${m.unit}` : '';
    const qual = op === 'QUAL' && m.value !== null ? parseQualLevel(m.value) : null;
    return {
      key: m.indicatorId,
      subject: m.projectName,
      name: m.name,
      target: `${symbol}${m.target}${unit}`,
      value: qual ? QUAL_LEVEL_TEXT[qual] : m.value ? `${m.value}${unit}` : '—',
      // v of a reverse indicator is the value itself (§6.2), not a percentage: not shown as one
      ratio: m.basis === 'REVERSE' || op === 'QUAL' ? null : m.v,
      level: toWarningLevel(m.color),
      met: null,
    };
  });
}

export function readIndicatorProgress(
  monitoring: Monitoring | undefined,
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

/** Warning counts of the monitoring answer; null without data. */
export function readWarningCounts(
  body: Monitoring | undefined,
): { red: number; yellow: number; green: number; blue: number } | null {
  return body ? body.warnings : null;
}

/** The cut-off month the monitoring answer is for. */
export function monthOf(body: Monitoring | undefined): number | null {
  return body ? body.month : null;
}

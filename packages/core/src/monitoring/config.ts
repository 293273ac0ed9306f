// Monitoring configuration as data (fiscal_years.monitoring_config): 序时进度 per quarter or month, warning
// thresholds of domain-rules §6.2 (MOF pmkpi defaults, configurable per region) and the cut-off months.
import { isDecimalString } from '../decimal.ts';
import type { QualLevel } from '../scoring/types.ts';
import { err, ok, type Bilingual, type Result } from '../result.ts';
import { WARNING_LEVELS, type WarningLevel } from '../vocabulary.ts';

export type { WarningLevel };

export interface MonitoringConfig {
  /** 序时进度 % at given month ends (e.g. quarters {3:25,6:50,9:75,12:100}); months between are interpolated. */
  timeProgress: Readonly<Record<number, string>>;
  /** Budget: v = 执行率 / 序时进度 × 100 — RED below `red`, YELLOW below `yellow`, GREEN otherwise. */
  budget: Readonly<{ red: string; yellow: string }>;
  /** Positive indicators: v = 完成值 / (年度指标值 × 序时进度) × 100 — RED < red ≤ YELLOW < yellow ≤ GREEN < blue ≤ BLUE. */
  positive: Readonly<{ red: string; yellow: string; blue: string }>;
  /** 定性 option → colour. */
  qualitative: Readonly<Record<QualLevel, WarningLevel>>;
  /**
   * Units of level (non-cumulative) indicators — rates such as 满意度 %: compared with the full target, not
   * pro rata. [] applies the pro-rata formula to every positive indicator (the pmkpi default).
   */
  levelUnits: readonly string[];
  /** Cut-off months offered (typically 6 and 7) and the default one. */
  cutoffMonths: readonly number[];
  defaultCutoffMonth: number;
  /** 重点监控: projects with a budget of at least this many 元 (domain-rules §6.3, default 100 万元). */
  keyProjectThresholdYuan: string;
}

export const DEFAULT_MONITORING_CONFIG: MonitoringConfig = {
  timeProgress: { 3: '25', 6: '50', 9: '75', 12: '100' },
  budget: { red: '60', yellow: '80' },
  positive: { red: '60', yellow: '80', blue: '120' },
  qualitative: { ACHIEVED: 'GREEN', PARTIAL: 'YELLOW', NOT_ACHIEVED: 'RED' },
  levelUnits: ['%'],
  cutoffMonths: [6, 7],
  defaultCutoffMonth: 6,
  keyProjectThresholdYuan: '1000000.00',
};

const LEVELS: readonly WarningLevel[] = WARNING_LEVELS;

function rec(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : null;
}

function num(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) {
    return String(v);
  }
  return typeof v === 'string' && isDecimalString(v) ? v.trim() : null;
}

/**
 * Reads a stored configuration (null = defaults), merging it over the defaults field by field. Every problem
 * is reported; nothing is silently dropped.
 */
export function parseMonitoringConfig(input: unknown): Result<MonitoringConfig, Bilingual[]> {
  if (input === null || input === undefined) {
    return ok(DEFAULT_MONITORING_CONFIG);
  }
  const r = rec(input);
  if (!r) {
    return err([{ zh: '监控配置应为对象', en: 'monitoring config must be an object' }]);
  }
  const problems: Bilingual[] = [];
  const out: MonitoringConfig = { ...DEFAULT_MONITORING_CONFIG };

  if (r['timeProgress'] !== undefined) {
    const tp = rec(r['timeProgress']);
    const points: Record<number, string> = {};
    for (const [k, v] of Object.entries(tp ?? {})) {
      const m = Number(k);
      const p = num(v);
      if (
        !Number.isInteger(m) ||
        m < 1 ||
        m > 12 ||
        p === null ||
        Number(p) < 0 ||
        Number(p) > 100
      ) {
        problems.push({
          zh: `序时进度配置「${k}: ${String(v)}」无效：月份 1–12，进度 0–100`,
          en: `bad time progress "${k}: ${String(v)}": month 1–12, percent 0–100`,
        });
      } else {
        points[m] = p;
      }
    }
    const months = Object.keys(points)
      .map(Number)
      .sort((a, b) => a - b);
    if (!tp || months.length === 0) {
      problems.push({
        zh: '序时进度配置不能为空',
        en: 'time progress must list at least one month',
      });
    } else if (months.some((m, i) => i > 0 && Number(points[m]) < Number(points[months[i - 1]!]))) {
      problems.push({ zh: '序时进度应随月份递增', en: 'time progress must not decrease' });
    }
    out.timeProgress = points;
  }
  const thresholds = <K extends string>(
    key: string,
    names: readonly K[],
    base: Readonly<Record<K, string>>,
  ): Record<K, string> => {
    const v = r[key];
    if (v === undefined) {
      return { ...base };
    }
    const o = rec(v);
    const res = { ...base } as Record<K, string>;
    for (const n of names) {
      if (o && o[n] !== undefined) {
        const p = num(o[n]);
        if (p === null) {
          problems.push({
            zh: `预警阈值 ${key}.${n} 应为数字`,
            en: `threshold ${key}.${n} must be a number`,
          });
        } else {
          res[n] = p;
        }
      }
    }
    if (!o) {
      problems.push({ zh: `预警阈值 ${key} 应为对象`, en: `threshold ${key} must be an object` });
    }
    return res;
  };
  out.budget = thresholds('budget', ['red', 'yellow'] as const, DEFAULT_MONITORING_CONFIG.budget);
  out.positive = thresholds(
    'positive',
    ['red', 'yellow', 'blue'] as const,
    DEFAULT_MONITORING_CONFIG.positive,
  );
  if (Number(out.budget.red) > Number(out.budget.yellow)) {
    problems.push({
      zh: '预算预警：红色阈值不能高于黄色阈值',
      en: 'budget: red threshold above yellow',
    });
  }
  if (
    Number(out.positive.red) > Number(out.positive.yellow) ||
    Number(out.positive.yellow) > Number(out.positive.blue)
  ) {
    problems.push({
      zh: '正向指标预警阈值应满足 红 ≤ 黄 ≤ 蓝',
      en: 'positive thresholds must satisfy red ≤ yellow ≤ blue',
    });
  }
  if (r['qualitative'] !== undefined) {
    const q = rec(r['qualitative']);
    const res = { ...DEFAULT_MONITORING_CONFIG.qualitative };
    for (const k of ['ACHIEVED', 'PARTIAL', 'NOT_ACHIEVED'] as const) {
      const v = q?.[k];
      if (v !== undefined) {
        if (LEVELS.includes(v as WarningLevel)) {
          res[k] = v as WarningLevel;
        } else {
          problems.push({
            zh: `定性指标 ${k} 的预警颜色无效`,
            en: `bad colour for qualitative ${k}`,
          });
        }
      }
    }
    out.qualitative = res;
  }
  if (r['levelUnits'] !== undefined) {
    const u = r['levelUnits'];
    if (Array.isArray(u) && u.every((x) => typeof x === 'string')) {
      out.levelUnits = u as string[];
    } else {
      problems.push({
        zh: 'levelUnits 应为单位字符串列表',
        en: 'levelUnits must be a list of unit strings',
      });
    }
  }
  if (r['cutoffMonths'] !== undefined) {
    const c = r['cutoffMonths'];
    if (
      Array.isArray(c) &&
      c.length > 0 &&
      c.every((x) => Number.isInteger(x) && (x as number) >= 1 && (x as number) <= 12)
    ) {
      out.cutoffMonths = c as number[];
    } else {
      problems.push({
        zh: '监控截止月份应为 1–12 的整数列表',
        en: 'cutoffMonths must list months 1–12',
      });
    }
  }
  if (r['defaultCutoffMonth'] !== undefined) {
    const m = r['defaultCutoffMonth'];
    if (Number.isInteger(m) && (m as number) >= 1 && (m as number) <= 12) {
      out.defaultCutoffMonth = m as number;
    } else {
      problems.push({ zh: '默认监控截止月份应为 1–12', en: 'defaultCutoffMonth must be 1–12' });
    }
  }
  if (r['keyProjectThresholdYuan'] !== undefined) {
    const k = num(r['keyProjectThresholdYuan']);
    if (k === null) {
      problems.push({
        zh: '重点监控金额阈值应为数字（元）',
        en: 'keyProjectThresholdYuan must be a number (元)',
      });
    } else {
      out.keyProjectThresholdYuan = k;
    }
  }
  return problems.length > 0 ? err(problems) : ok(out);
}

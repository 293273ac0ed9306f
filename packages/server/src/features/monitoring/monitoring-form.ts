// 绩效运行监控表 as rows of text: the one layout both renderers (docx, xlsx) draw — budget execution against
// 序时进度 per project, indicator progress with its warning, the goal roll-up, and the department's responses.
import {
  COMPLETION_LIKELIHOOD_TEXT,
  DEVIATION_REASON_TEXT,
  LEVEL1_TEXT,
  LEVEL2_TEXT,
  QUAL_LEVEL_TEXT,
  WARNING_LEVEL_TEXT,
  formatWan,
  parseYuan,
  type IndicatorLevel2,
  type Level1,
  type QualLevel,
  type WarningLevel,
} from '@jixiao/core';
import type { MonitoringReport, WarningResponse } from './monitoring.types.ts';

const REASON_TEXT: Record<string, string> = {
  NO_BUDGET: '无预算',
  NO_PROGRESS: '未填报',
  BAD_VALUE: '完成值无法识别',
  BAD_TARGET: '指标值非数字',
};

function reasonText(reason: string | null): string {
  return reason ? (REASON_TEXT[reason] ?? reason) : '';
}

export interface FormTable {
  title: string;
  headers: string[];
  /** Relative column widths (mm on a landscape A4 text width of 245 mm). */
  widths: number[];
  rows: { cells: string[]; level: WarningLevel | null }[];
}

export interface MonitoringForm {
  title: string;
  subtitle: string;
  tables: FormTable[];
  notes: string[];
}

const LEVEL_SHORT: Record<WarningLevel, string> = {
  RED: '红',
  YELLOW: '黄',
  GREEN: '绿',
  BLUE: '蓝',
};

function wan(yuan: string): string {
  return formatWan(parseYuan(yuan) ?? 0);
}

function responseCells(r: WarningResponse | null): string[] {
  if (!r) {
    return ['', '', ''];
  }
  const reasons = r.deviationReasons.map((x) => DEVIATION_REASON_TEXT[x]?.zh ?? x).join('、');
  return [
    [reasons, r.deviationNote ?? ''].filter((x) => x !== '').join('：'),
    r.completionLikelihood ? COMPLETION_LIKELIHOOD_TEXT[r.completionLikelihood].zh : '',
    r.measures ?? '',
  ];
}

function levelText(level: WarningLevel | null, reason: string | null): string {
  return level ? LEVEL_SHORT[level] : reasonText(reason) || '—';
}

function valueText(value: string | null, unit: string): string {
  if (value === null) {
    return '未填报';
  }
  const q = QUAL_LEVEL_TEXT[value as QualLevel];
  return q ? q : `${value}${unit}`;
}

export function buildMonitoringForm(r: MonitoringReport): MonitoringForm {
  const m = r.month;
  const status =
    r.round?.status === 'submitted'
      ? `已报送（${r.round.submittedAt?.slice(0, 10) ?? ''}）`
      : r.round
        ? '填报中'
        : '未填报';
  const budget: FormTable = {
    title: '一、预算执行情况',
    headers: [
      '序号',
      '项目名称',
      '全年预算数（万元）',
      `截至${m}月执行数（万元）`,
      '执行率',
      '序时进度',
      '执行率/序时进度',
      '预警',
      '偏差原因',
      '完成目标可能性',
      '纠偏措施',
    ],
    widths: [10, 40, 22, 22, 16, 16, 18, 10, 36, 20, 35],
    rows: [...r.projects, r.department].map((p, i) => ({
      cells: [
        i < r.projects.length ? String(i + 1) : '合计',
        p.name,
        wan(p.budgetYuan),
        wan(p.executedYuan),
        p.rate ? `${p.rate}%` : '—',
        `${p.timeProgress}%`,
        p.v ? `${p.v}%` : '—',
        levelText(p.level, p.reason),
        ...responseCells(p.response),
      ],
      level: p.level,
    })),
  };
  const indicators: FormTable = {
    title: '二、绩效目标完成情况',
    headers: [
      '序号',
      '项目',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      `截至${m}月累计完成值`,
      '完成进度',
      '预警',
      '偏差原因',
      '完成目标可能性',
      '纠偏措施',
    ],
    widths: [9, 26, 14, 18, 34, 18, 20, 14, 9, 30, 18, 35],
    rows: r.indicators.map((ind, i) => ({
      cells: [
        String(i + 1),
        ind.projectName,
        LEVEL1_TEXT[ind.level1 as Level1] ?? ind.level1,
        LEVEL2_TEXT[ind.level2 as IndicatorLevel2] ?? ind.level2,
        ind.name,
        ind.operator === '定性' ? ind.target : `${ind.operator}${ind.target}${ind.unit}`,
        valueText(ind.value, ind.unit),
        ind.basis === 'REVERSE' || ind.basis === 'QUALITATIVE' || ind.v === null
          ? '—'
          : `${ind.v}%`,
        levelText(ind.level, ind.reason),
        ...responseCells(ind.response),
      ],
      level: ind.level,
    })),
  };
  const goals: FormTable = {
    title: '三、目标执行预警汇总',
    headers: ['序号', '项目', '指标数', '目标执行预警（各指标最差预警）', '预算执行预警'],
    widths: [10, 80, 20, 70, 65],
    rows: r.goals.map((g, i) => {
      const b = g.projectId ? r.projects.find((p) => p.projectId === g.projectId) : r.department;
      return {
        cells: [
          String(i + 1),
          g.projectName,
          String(g.indicators),
          g.level ? WARNING_LEVEL_TEXT[g.level].zh : '—',
          b?.level ? WARNING_LEVEL_TEXT[b.level].zh : '—',
        ],
        level: g.level,
      };
    }),
  };
  const t = r.thresholds;
  return {
    title: `${r.departmentName}${r.year}年度绩效运行监控表`,
    subtitle: `监控截止：${r.year}年${m}月　序时进度：${r.timeProgress}%　填报状态：${status}`,
    tables: [budget, indicators, goals],
    notes: [
      `预警规则：预算执行以「执行率/序时进度×100」判定，低于 ${t.budget.red} 为红色、低于 ${t.budget.yellow} 为黄色，其余为绿色；正向指标以「累计完成值/(年度指标值×序时进度)×100」判定，低于 ${t.positive.red} 红色、低于 ${t.positive.yellow} 黄色、低于 ${t.positive.blue} 绿色、其余蓝色（超前）${t.levelUnits.length > 0 ? `，计量单位为 ${t.levelUnits.join('、')} 的比率类指标与年度指标值直接比较` : ''}；反向指标超过指标值为红色；定性指标按达成/部分达成/未达成分别为绿/黄/红。`,
      `预警合计：红色 ${r.warnings.red} 项，黄色 ${r.warnings.yellow} 项，绿色 ${r.warnings.green} 项，蓝色 ${r.warnings.blue} 项。`,
      '填报人：                    审核人（部门负责人）：                    填报日期：',
    ],
  };
}

// The two charts of the department's 工作台: spending by month with 支出进度 against 序时进度, and each project's
// execution rate against the year's 序时进度.
import type { EvaluationSubject } from '../../api/types.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { moneyText } from '../../ui/money-text.tsx';
import { percentText } from '../../ui/percent-text.tsx';
import { scored } from '../evaluation/live-score.ts';
import { wanValue, type ExecutionSeries } from './execution-data.ts';

const percent = (v: unknown) => `${String(v)}%`;

function progressLines(series: ExecutionSeries, t: Translate) {
  return [
    {
      type: 'line',
      name: t('dash.spendProgress'),
      yAxisIndex: 1,
      data: series.months.map((m) => m.progress),
      itemStyle: { color: '#1d4f9c' },
      symbolSize: 6,
      tooltip: { valueFormatter: percent },
    },
    {
      type: 'line',
      name: t('dash.timeProgress'),
      yAxisIndex: 1,
      data: series.months.map((m) => m.timeProgress),
      lineStyle: { type: 'dashed', color: '#c62828' },
      itemStyle: { color: '#c62828' },
      symbol: 'none',
      tooltip: { valueFormatter: percent },
    },
  ];
}

export function monthlyOption(series: ExecutionSeries, t: Translate) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: series.months.map((m) => `${m.month}${t('dash.month')}`) },
    yAxis: [
      { type: 'value', name: t('unit.wan'), splitLine: { lineStyle: { type: 'dashed' } } },
      { type: 'value', name: '%', max: 100, min: 0, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: t('dash.monthlySpend'),
        data: series.months.map((m) => wanValue(m.spentFen)),
        itemStyle: { color: '#8fb3e6' },
        barMaxWidth: 28,
        tooltip: { valueFormatter: (v: unknown) => `${String(v)} ${t('unit.wan')}` },
      },
      ...progressLines(series, t),
    ],
  };
}

type ProjectBar = { p: EvaluationSubject; out: ReturnType<typeof scored> };

function projectTooltip(rows: ProjectBar[], t: Translate) {
  return (items: { dataIndex: number }[]) => {
    const r = rows[items[0]?.dataIndex ?? 0];
    if (!r) {
      return '';
    }
    const b2 = r.p.input.budget;
    return [
      `<strong>${r.p.name}</strong>`,
      `${t('eval.adjusted')}：${moneyText({ wan: b2.adjusted })}`,
      `${t('eval.executedCol')}：${moneyText({ wan: b2.executed })}`,
      `${t('dash.rate')}：${r.out ? percentText(r.out.budget.rate) : '—'}`,
    ].join('<br/>');
  };
}

function projectBars(rows: ProjectBar[], yearEnd: string, t: Translate) {
  return {
    type: 'bar',
    name: t('dash.rate'),
    data: rows.map((r) => r.out?.budget.rate ?? null),
    itemStyle: { color: '#1d4f9c' },
    barMaxWidth: 26,
    label: { show: true, position: 'insideRight', color: '#fff', formatter: '{c}%' },
    markLine: {
      symbol: 'none',
      label: {
        formatter: `${t('dash.timeProgress')} {c}%`,
        position: 'start',
        color: '#c62828',
      },
      lineStyle: { color: '#c62828', type: 'dashed' },
      data: [{ xAxis: yearEnd }],
    },
  };
}

/** null when the department has no projects. */
export function projectOption(
  projects: EvaluationSubject[],
  series: ExecutionSeries | null,
  t: Translate,
) {
  if (projects.length === 0) {
    return null;
  }
  const rows = projects.map((p) => ({ p, out: scored(p.output) }));
  const name = (s: string) => (s.length > 12 ? `${s.slice(0, 12)}…` : s);
  const yearEnd = series?.months.at(-1)?.timeProgress ?? '100.00';
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: projectTooltip(rows, t),
    },
    grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      max: 100,
      axisLabel: { formatter: '{value}%' },
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => name(r.p.name)) },
    series: [projectBars(rows, yearEnd, t)],
  };
}

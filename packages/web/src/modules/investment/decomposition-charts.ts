// The two charts of 任务分解: the units ranked by completion against 序时进度, and the district's month-by-month
// progress towards the city's target.
import type { EChartsCoreOption } from 'echarts/core';
import type { Decomposition, UnitProgress } from './investment-api.ts';
import { quantity } from './target-quantity.ts';

type Pick = (text: { zh: string; en: string }) => string;

const STATUS_COLOR: Record<UnitProgress['status'], string> = {
  DONE: '#389e0d',
  ON_TRACK: '#1677ff',
  BEHIND: '#fa8c16',
  NO_TARGET: '#bfbfbf',
};

/** ECharts tooltips are HTML: unit names are escaped. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function rankingSeries(p: Decomposition, rows: UnitProgress[], pick: Pick) {
  return {
    type: 'bar',
    name: pick({ zh: '完成率', en: 'Completion' }),
    // Bar lengths are plotted as numbers; the labels show the API's exact 2-decimal rates.
    data: rows
      .map((u) => ({
        value: Number(u.rate),
        rate: u.rate,
        itemStyle: { color: STATUS_COLOR[u.status] },
      }))
      .reverse(),
    label: {
      show: true,
      position: 'right',
      formatter: (x: { data: { rate: string } }) => `${x.data.rate}%`,
    },
    markLine: {
      symbol: 'none',
      data: [
        {
          xAxis: Number(p.timeProgress),
          name: pick({ zh: '序时进度', en: 'Time progress' }),
        },
      ],
      label: {
        formatter: pick({ zh: `序时进度 ${p.timeProgress}%`, en: `Time ${p.timeProgress}%` }),
      },
      lineStyle: { color: '#cf1322', type: 'dashed' },
    },
  };
}

export function rankingOption(p: Decomposition, pick: Pick): EChartsCoreOption {
  const rows = p.units.filter((u) => u.rate !== null);
  const names = rows.map((u) => u.unitName).reverse();
  return {
    grid: { left: 150, right: 48, top: 24, bottom: 24 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: { name: string; data: { rate: string } }[]) =>
        ps.map((x) => `${escapeHtml(x.name)}：${x.data.rate}%`).join('<br/>'),
    },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
    series: [rankingSeries(p, rows, pick)],
  };
}

function cityTargetLine(p: Decomposition, pick: Pick) {
  if (p.district.target === null) {
    return undefined;
  }
  return {
    symbol: 'none',
    data: [{ yAxis: Number(p.district.target) }],
    label: {
      position: 'insideEndTop',
      formatter: pick({
        zh: `市下达目标 ${quantity(p.kind, p.district.target)}`,
        en: `City target ${quantity(p.kind, p.district.target)}`,
      }),
    },
    lineStyle: { color: '#cf1322', type: 'dashed' },
  };
}

export function monthlyOption(p: Decomposition, pick: Pick, lang: string): EChartsCoreOption {
  const months = p.district.cumulative.map((_v, i) => (lang === 'en' ? `M${i + 1}` : `${i + 1}月`));
  const cumulative = p.district.cumulative.map(Number);
  const perMonth = cumulative.map((v, i) => v - (i > 0 ? cumulative[i - 1]! : 0));
  return {
    grid: { left: 56, right: 24, top: 40, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: p.unit },
    series: [
      {
        type: 'bar',
        name: pick({ zh: '当月新增', en: 'In month' }),
        data: perMonth,
        itemStyle: { color: '#91caff' },
      },
      {
        type: 'line',
        name: pick({ zh: '累计完成', en: 'Cumulative' }),
        data: cumulative,
        itemStyle: { color: '#1677ff' },
        markLine: cityTargetLine(p, pick),
      },
    ],
  };
}

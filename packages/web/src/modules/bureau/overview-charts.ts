// The two charts of 部门总览: departments ranked by execution rate, and the distribution of grades.
import type { OverviewRow } from '../../api/types.ts';
import type { Lang, Translate } from '../../i18n/i18n.tsx';
import { gradeText } from '../../ui/grade-tag.tsx';
import type { gradeCounts } from './overview-stats.ts';

const GRADE_COLORS: Record<string, string> = {
  优: '#2e7d32',
  良: '#1d4f9c',
  中: '#d48806',
  差: '#c62828',
  '—': '#bfbfbf',
};

export function gradeOption(grades: ReturnType<typeof gradeCounts>, t: Translate, lang: Lang) {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['36%', '60%'],
        center: ['50%', '44%'],
        label: { formatter: '{b}：{c}' },
        data: grades.map((g) => ({
          name: g.grade === '—' ? t('bureau.noGrade') : gradeText(g.grade, lang),
          value: g.count,
          itemStyle: { color: GRADE_COLORS[g.grade] },
        })),
      },
    ],
  };
}

/** byRate: the departments already sorted by rate, highest first. */
export function rateOption(byRate: OverviewRow[], t: Translate) {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)}%` },
    grid: { left: 8, right: 56, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: byRate.map((r) => r.name.replace(/^广州市/, '')),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: t('bureau.rate'),
        data: byRate.map((r) => r.rate),
        itemStyle: { color: '#1d4f9c' },
        label: { show: true, position: 'right', formatter: '{c}%' },
        barMaxWidth: 22,
      },
    ],
  };
}

// 工作台 (department): budget, execution and 支出进度 against 序时进度 by month and by project; indicator progress
// with warning colours; the self-evaluation score and grade as they stand (scored live from the current data).
import { Card, Statistic, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { DepartmentEvaluation } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useDeptCode } from '../../app/dept-code.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EChart } from '../../ui/echart.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { GradeTag } from '../../ui/grade-tag.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { moneyText } from '../../ui/money-text.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { percentText } from '../../ui/percent-text.tsx';
import { StatusTag } from '../../ui/status-tag.tsx';
import { WarningCounts, WarningTag } from '../../ui/warning-tag.tsx';
import { scored } from '../evaluation/live-score.ts';
import { readExecution, wanValue } from './execution-data.ts';
import {
  monthOf,
  readIndicatorProgress,
  readWarningCounts,
  type IndicatorProgressRow,
} from './monitoring-data.ts';
import './dashboard.css';

export function DashboardPage() {
  const code = useDeptCode();
  const { year, departmentName } = useWorkspace();
  const { t } = useI18n();
  const dept = encodeURIComponent(code);
  const ev = useApi<DepartmentEvaluation>(`/api/departments/${dept}/evaluation`, { year });
  const exec = useApi<unknown>(`/api/departments/${dept}/execution`, { year });
  const mon = useApi<unknown>(`/api/departments/${dept}/monitoring`, { year });

  const series = useMemo(() => readExecution(exec.data), [exec.data]);
  const progressRows = useMemo(
    () => readIndicatorProgress(mon.data, ev.data, t('eval.department')),
    [mon.data, ev.data, t],
  );
  const deptOut = scored(ev.data?.department.output);
  const warn = useMemo(() => readWarningCounts(mon.data), [mon.data]);
  const findingCount = ev.data
    ? [ev.data.department, ...ev.data.projects].reduce(
        (n, s) => n + (scored(s.output)?.findings.length ?? 0),
        0,
      )
    : 0;
  const b = ev.data?.department.input.budget;

  const monthlyOption = useMemo(() => {
    if (!series) {
      return null;
    }
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: series.months.map((m) => `${m.month}${t('dash.month')}`) },
      yAxis: [
        { type: 'value', name: '万元', splitLine: { lineStyle: { type: 'dashed' } } },
        { type: 'value', name: '%', max: 100, min: 0, splitLine: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          name: t('dash.monthlySpend'),
          data: series.months.map((m) => wanValue(m.spentFen)),
          itemStyle: { color: '#8fb3e6' },
          barMaxWidth: 28,
          tooltip: { valueFormatter: (v: unknown) => `${String(v)} 万元` },
        },
        {
          type: 'line',
          name: t('dash.spendProgress'),
          yAxisIndex: 1,
          data: series.months.map((m) => m.progress),
          itemStyle: { color: '#1d4f9c' },
          symbolSize: 6,
          tooltip: { valueFormatter: (v: unknown) => `${String(v)}%` },
        },
        {
          type: 'line',
          name: t('dash.timeProgress'),
          yAxisIndex: 1,
          data: series.months.map((m) => m.timeProgress),
          lineStyle: { type: 'dashed', color: '#c62828' },
          itemStyle: { color: '#c62828' },
          symbol: 'none',
          tooltip: { valueFormatter: (v: unknown) => `${String(v)}%` },
        },
      ],
    };
  }, [series, t]);

  const projectOption = useMemo(() => {
    const projects = ev.data?.projects ?? [];
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
        formatter: (items: { dataIndex: number }[]) => {
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
        },
      },
      grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
      xAxis: {
        type: 'value',
        max: 100,
        axisLabel: { formatter: '{value}%' },
        splitLine: { lineStyle: { type: 'dashed' } },
      },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => name(r.p.name)) },
      series: [
        {
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
        },
      ],
    };
  }, [ev.data, series, t]);

  return (
    <div className="jx-dash">
      <PageHeader
        title={t('dash.title')}
        sub={`${departmentName(code)} · ${year}${t('app.yearSuffix')}`}
      />
      <LoadState loading={ev.loading && !ev.data} error={ev.error} reload={ev.reload} rows={8}>
        <div className="jx-grid jx-grid-4">
          <Card size="small">
            <Statistic title={t('dash.budget')} value={b ? moneyText({ wan: b.adjusted }) : '—'} />
            <div className="jx-stat-foot">
              {t('eval.initial')} {b?.initial ? moneyText({ wan: b.initial }) : '—'}
            </div>
          </Card>
          <Card size="small">
            <Statistic
              title={t('dash.executed')}
              value={b ? moneyText({ wan: b.executed }) : '—'}
            />
            <div className="jx-stat-foot">
              {t('dash.rate')} <strong>{deptOut ? percentText(deptOut.budget.rate) : '—'}</strong>
              {series && (
                <span>
                  · {t('dash.timeProgress')} {series.months.at(-1)?.timeProgress}%
                </span>
              )}
            </div>
          </Card>
          <Card size="small">
            <Statistic
              title={warn ? t('dash.warnings') : t('eval.findings')}
              value={warn ? warn.red + warn.yellow : findingCount}
            />
            <div className="jx-stat-foot">
              {warn ? (
                <WarningCounts red={warn.red} yellow={warn.yellow} />
              ) : (
                <Link to={`/dept/${code}/evaluation`}>{t('menu.evaluation')} →</Link>
              )}
            </div>
          </Card>
          <Card size="small" className="jx-dash-score">
            <Statistic
              title={t('dash.score')}
              value={deptOut ? deptOut.total : '—'}
              suffix={<GradeTag grade={deptOut?.grade} />}
              valueStyle={{ color: '#1d4f9c' }}
            />
            <div className="jx-stat-foot">
              <StatusTag status={ev.data?.department.status} />
              {ev.data?.department.status === 'submitted' ||
              ev.data?.department.status === 'accepted'
                ? t('dash.scoreFrozen')
                : deptOut
                  ? t('dash.scoreLive')
                  : t('dash.invalid')}{' '}
              <Link to={`/dept/${code}/evaluation`}>{t('menu.evaluation')} →</Link>
            </div>
          </Card>
        </div>

        <div className="jx-grid jx-grid-2 jx-section">
          <Card size="small" title={t('dash.monthlyTitle')}>
            {monthlyOption ? (
              <EChart
                option={monthlyOption}
                height={300}
                label={t('dash.monthlyTitle')}
                testId="monthly-chart"
              />
            ) : (
              <LoadState loading={exec.loading} error={null}>
                <EmptyState
                  text={t('dash.noExecution')}
                  action={<Link to={`/dept/${code}/execution`}>{t('menu.execution')} →</Link>}
                />
              </LoadState>
            )}
          </Card>
          <Card size="small" title={t('dash.projectTitle')}>
            {projectOption ? (
              <EChart
                option={projectOption}
                height={300}
                label={t('dash.projectTitle')}
                testId="project-chart"
              />
            ) : (
              <EmptyState text={t('eval.noProjects')} />
            )}
          </Card>
        </div>

        <Card
          size="small"
          title={
            monthOf(mon.data)
              ? `${t('dash.indicatorTitle')}（${t('dash.asOfMonth', { m: monthOf(mon.data) ?? 12 })}）`
              : t('dash.indicatorTitle')
          }
          className="jx-section"
        >
          {progressRows.length === 0 ? (
            <EmptyState
              text={t('dash.noIndicators')}
              action={<Link to={`/dept/${code}/goals`}>{t('menu.goals')} →</Link>}
            />
          ) : (
            <Table<IndicatorProgressRow>
              size="small"
              rowKey="key"
              dataSource={progressRows}
              pagination={progressRows.length > 12 ? { pageSize: 12 } : false}
              columns={[
                {
                  title: t('monitoring.project'),
                  dataIndex: 'subject',
                  width: 200,
                  ellipsis: true,
                },
                { title: t('monitoring.indicator'), dataIndex: 'name', ellipsis: true },
                {
                  title: t('eval.target'),
                  dataIndex: 'target',
                  width: 120,
                  render: (v: string) => <span className="jx-num">{v}</span>,
                },
                {
                  title: t('monitoring.value'),
                  dataIndex: 'value',
                  width: 120,
                  render: (v: string) => <span className="jx-num">{v}</span>,
                },
                {
                  title: t('monitoring.progress'),
                  dataIndex: 'ratio',
                  width: 100,
                  align: 'right',
                  render: (v: string | null) => <span className="jx-num">{v ? `${v}%` : '—'}</span>,
                },
                {
                  title: t('monitoring.level'),
                  dataIndex: 'level',
                  width: 110,
                  filters: (['red', 'yellow', 'green', 'blue'] as const).map((l) => ({
                    text: t(`warning.${l}`),
                    value: l,
                  })),
                  onFilter: (v, r) => r.level === v,
                  render: (_v, r) =>
                    r.level ? (
                      <WarningTag level={r.level} />
                    ) : r.met === null ? (
                      <Tag>—</Tag>
                    ) : (
                      <Tag color={r.met ? 'green' : 'orange'}>
                        {r.met ? t('dash.met') : t('dash.notMet')}
                      </Tag>
                    ),
                },
              ]}
              data-testid="indicator-progress"
            />
          )}
        </Card>
      </LoadState>
    </div>
  );
}

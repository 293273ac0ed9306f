// 工作台 (department): budget, execution and 支出进度 against 序时进度 by month and by project; indicator progress
// with warning colours; the self-evaluation score and grade as they stand (scored live from the current data).
import { Card } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { DepartmentEvaluation } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useDeptCode } from '../../app/dept-code.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EChart } from '../../ui/echart.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { monthlyOption, projectOption } from './dashboard-charts.ts';
import { DashboardStats } from './dashboard-stats.tsx';
import { readExecution, type Execution, type ExecutionSeries } from './execution-data.ts';
import { IndicatorProgressTable } from './indicator-progress-table.tsx';
import {
  monthOf,
  readIndicatorProgress,
  readWarningCounts,
  type Monitoring,
} from './monitoring-data.ts';
import './dashboard.css';
import { YearComparisonCard } from '../linkage/year-comparison.tsx';
import { TodoCentre } from '../todos/todo-centre.tsx';

function useDashboard() {
  const code = useDeptCode();
  const { year } = useWorkspace();
  const { t } = useI18n();
  const dept = encodeURIComponent(code);
  const ev = useApi<DepartmentEvaluation>(`/api/departments/${dept}/evaluation`, { year });
  const exec = useApi<Execution>(`/api/departments/${dept}/execution`, { year });
  const mon = useApi<Monitoring>(`/api/departments/${dept}/monitoring`, { year });
  const series = useMemo(() => readExecution(exec.data), [exec.data]);
  const progressRows = useMemo(
    () => readIndicatorProgress(mon.data, ev.data, t('eval.department')),
    [mon.data, ev.data, t],
  );
  const warn = useMemo(() => readWarningCounts(mon.data), [mon.data]);
  return { ev, exec, mon, series, progressRows, warn };
}

function DashboardCharts({
  ev,
  series,
  execLoading,
}: {
  ev: DepartmentEvaluation | undefined;
  series: ExecutionSeries | null;
  execLoading: boolean;
}) {
  const code = useDeptCode();
  const { t } = useI18n();
  const monthly = useMemo(() => (series ? monthlyOption(series, t) : null), [series, t]);
  const projects = useMemo(() => projectOption(ev?.projects ?? [], series, t), [ev, series, t]);
  return (
    <div className="jx-grid jx-grid-2 jx-section">
      <Card size="small" title={t('dash.monthlyTitle')}>
        {monthly ? (
          <EChart
            option={monthly}
            height={300}
            label={t('dash.monthlyTitle')}
            testId="monthly-chart"
          />
        ) : (
          <LoadState loading={execLoading} error={null}>
            <EmptyState
              text={t('dash.noExecution')}
              action={<Link to={`/dept/${code}/execution`}>{t('menu.execution')} →</Link>}
            />
          </LoadState>
        )}
      </Card>
      <Card size="small" title={t('dash.projectTitle')}>
        {projects ? (
          <EChart
            option={projects}
            height={300}
            label={t('dash.projectTitle')}
            testId="project-chart"
          />
        ) : (
          <EmptyState text={t('eval.noProjects')} />
        )}
      </Card>
    </div>
  );
}

function IndicatorProgressCard({ d }: { d: ReturnType<typeof useDashboard> }) {
  const code = useDeptCode();
  const { t } = useI18n();
  const month = monthOf(d.mon.data);
  return (
    <Card
      size="small"
      title={
        month
          ? `${t('dash.indicatorTitle')}（${t('dash.asOfMonth', { m: month ?? 12 })}）`
          : t('dash.indicatorTitle')
      }
      className="jx-section"
    >
      {d.progressRows.length === 0 ? (
        <EmptyState
          text={t('dash.noIndicators')}
          action={<Link to={`/dept/${code}/goals`}>{t('menu.goals')} →</Link>}
        />
      ) : (
        <IndicatorProgressTable rows={d.progressRows} />
      )}
    </Card>
  );
}

export function DashboardPage() {
  const code = useDeptCode();
  const { year, departmentName } = useWorkspace();
  const { t } = useI18n();
  const d = useDashboard();
  const { ev } = d;
  return (
    <div className="jx-dash">
      <PageHeader
        title={t('dash.title')}
        sub={`${departmentName(code)} · ${year}${t('app.yearSuffix')}`}
      />
      <LoadState loading={ev.loading && !ev.data} error={ev.error} reload={ev.reload} rows={8}>
        <TodoCentre />
        <DashboardStats ev={ev.data} series={d.series} warn={d.warn} month={monthOf(d.mon.data)} />
        <DashboardCharts ev={ev.data} series={d.series} execLoading={d.exec.loading} />
        <IndicatorProgressCard d={d} />
        <YearComparisonCard />
      </LoadState>
    </div>
  );
}

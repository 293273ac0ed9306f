// 部门总览 (finance bureau): every department of the region for the year — status, execution, score, grade,
// warnings — sortable and filterable, with the grade distribution; a row opens the department.
import { CalendarOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Statistic } from 'antd';
import { useMemo, useState } from 'react';
import { TodoCentre } from '../todos/todo-centre.tsx';
import type { OverviewRow } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EChart } from '../../ui/echart.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { OpenYearDialog } from './open-year-dialog.tsx';
import { RegionBudgetImport } from './region-budget-import.tsx';
import { DistrictDownload } from './district-download.tsx';
import { gradeOption, rateOption } from './overview-charts.ts';
import {
  compareDecimal,
  gradeCounts,
  meanOf,
  SUBMITTED_STATUSES,
  weightedRate,
} from './overview-stats.ts';
import { OverviewTable } from './overview-table.tsx';
import './bureau.css';

function OverviewFigures({ all }: { all: OverviewRow[] }) {
  const { t } = useI18n();
  const submitted = all.filter((r) => SUBMITTED_STATUSES.has(r.status)).length;
  return (
    <div className="jx-grid jx-grid-4">
      <Card size="small">
        <Statistic title={t('bureau.departments')} value={all.length} />
      </Card>
      <Card size="small">
        <Statistic title={t('bureau.submitted')} value={submitted} suffix={`/ ${all.length}`} />
      </Card>
      <Card size="small">
        <Statistic title={t('bureau.avgRate')} value={weightedRate(all) ?? '—'} suffix="%" />
        <div className="jx-stat-foot" data-testid="avg-rate-note">
          {t('bureau.avgRateNote')}
        </div>
      </Card>
      <Card size="small">
        <Statistic title={t('bureau.avgScore')} value={meanOf(all.map((r) => r.score)) ?? '—'} />
      </Card>
    </div>
  );
}

function OverviewCharts({ all }: { all: OverviewRow[] }) {
  const { t, lang } = useI18n();
  const grades = gradeCounts(all);
  const grade = useMemo(() => gradeOption(grades, t, lang), [grades, t, lang]);
  const byRate = useMemo(() => [...all].sort((a, b) => compareDecimal(b.rate, a.rate)), [all]);
  const rate = useMemo(() => rateOption(byRate, t), [byRate, t]);
  const height = Math.max(200, all.length * 44 + 40);
  return (
    <div className="jx-grid jx-grid-2-1 jx-section">
      <Card size="small" title={t('bureau.rateChart')}>
        <EChart option={rate} height={height} label={t('bureau.rateChart')} testId="rate-chart" />
      </Card>
      <Card size="small" title={t('bureau.gradeChart')}>
        <EChart
          option={grade}
          height={height}
          label={t('bureau.gradeChart')}
          testId="grade-chart"
        />
      </Card>
    </div>
  );
}

function OpenYear({ opening, setOpening }: { opening: boolean; setOpening: (b: boolean) => void }) {
  const { fiscalYears, reloadYears } = useWorkspace();
  const { t } = useI18n();
  const { message } = App.useApp();
  if (!fiscalYears) {
    return null;
  }
  return (
    <OpenYearDialog
      open={opening}
      listing={fiscalYears}
      onClose={() => setOpening(false)}
      onOpened={(y) => {
        setOpening(false);
        void message.success(t('fiscal.done', { year: y }));
        reloadYears();
      }}
    />
  );
}

export function BureauOverviewPage() {
  const { year, fiscalYears } = useWorkspace();
  const { t } = useI18n();
  const [opening, setOpening] = useState(false);
  const rows = useApi<OverviewRow[]>('/api/overview', { year });
  const all = rows.data ?? [];
  return (
    <div>
      <PageHeader
        title={t('bureau.title')}
        sub={`${year}${t('app.yearSuffix')}`}
        extra={
          fiscalYears && (
            <Space>
              <DistrictDownload year={year} />
              <RegionBudgetImport year={year} onImported={rows.reload} />
              <Button
                icon={<CalendarOutlined />}
                onClick={() => setOpening(true)}
                data-testid="open-fiscal-year"
              >
                {t('fiscal.open')}
              </Button>
            </Space>
          )
        }
      />
      <OpenYear opening={opening} setOpening={setOpening} />
      <TodoCentre />
      <LoadState
        loading={rows.loading && !rows.data}
        error={rows.error}
        reload={rows.reload}
        rows={8}
      >
        {all.length === 0 ? (
          <Card>
            <EmptyState text={t('bureau.empty')} />
          </Card>
        ) : (
          <>
            <OverviewFigures all={all} />
            <OverviewCharts all={all} />
            <OverviewTable all={all} />
          </>
        )}
      </LoadState>
    </div>
  );
}

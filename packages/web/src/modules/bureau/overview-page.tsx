// 部门总览 (finance bureau): every department of the region for the year — status, execution, score, grade,
// warnings — sortable and filterable, with the grade distribution; a row opens the department.
import { CalendarOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { OverviewRow } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EChart } from '../../ui/echart.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { GradeTag, gradeText } from '../../ui/grade-tag.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { MoneyText, toFen } from '../../ui/money-text.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PercentText } from '../../ui/percent-text.tsx';
import { StatusTag, statusLabel } from '../../ui/status-tag.tsx';
import { WarningCounts } from '../../ui/warning-tag.tsx';
import { OpenYearDialog } from './open-year-dialog.tsx';
import {
  compareDecimal,
  gradeCounts,
  meanOf,
  SUBMITTED_STATUSES,
  warningsOf,
} from './overview-stats.ts';
import './bureau.css';

const GRADE_COLORS: Record<string, string> = {
  优: '#2e7d32',
  良: '#1d4f9c',
  中: '#d48806',
  差: '#c62828',
  '—': '#bfbfbf',
};

export function BureauOverviewPage() {
  const { year, fiscalYears, reloadYears } = useWorkspace();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  const rows = useApi<OverviewRow[]>('/api/overview', { year });
  const [q, setQ] = useState('');
  const data = useMemo(() => {
    const all = rows.data ?? [];
    const s = q.trim();
    return s
      ? all.filter((r) => r.name.includes(s) || r.code.toLowerCase().includes(s.toLowerCase()))
      : all;
  }, [rows.data, q]);
  const all = rows.data ?? [];
  const submitted = all.filter((r) => SUBMITTED_STATUSES.has(r.status)).length;
  const grades = gradeCounts(all);

  const gradeOption = useMemo(
    () => ({
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
    }),
    [grades, t, lang],
  );
  const byRate = useMemo(() => [...all].sort((a, b) => compareDecimal(b.rate, a.rate)), [all]);
  const rateOption = useMemo(
    () => ({
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
    }),
    [byRate, t],
  );

  const statusFilters = [...new Set(all.map((r) => r.status))].map((s) => ({
    text: statusLabel(s, t),
    value: s,
  }));
  const gradeFilters = [...new Set(all.map((r) => r.grade ?? '—'))].map((g) => ({
    text: g === '—' ? t('bureau.noGrade') : gradeText(g, lang),
    value: g,
  }));

  const columns: TableColumnsType<OverviewRow> = [
    {
      title: t('bureau.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 240,
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (name: string, r) => (
        <Link to={`/dept/${r.code}/dashboard`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    {
      title: t('bureau.status'),
      dataIndex: 'status',
      width: 110,
      filters: statusFilters,
      onFilter: (v, r) => r.status === v,
      render: (s: string) => <StatusTag status={s} />,
    },
    {
      title: t('bureau.budget'),
      dataIndex: 'budgetYuan',
      align: 'right',
      width: 160,
      sorter: (a, b) => (toFen({ yuan: a.budgetYuan }) ?? 0) - (toFen({ yuan: b.budgetYuan }) ?? 0),
      render: (v: string) => <MoneyText yuan={v} />,
    },
    {
      title: t('bureau.executed'),
      dataIndex: 'executedYuan',
      align: 'right',
      width: 160,
      sorter: (a, b) =>
        (toFen({ yuan: a.executedYuan }) ?? 0) - (toFen({ yuan: b.executedYuan }) ?? 0),
      render: (v: string) => <MoneyText yuan={v} />,
    },
    {
      title: t('bureau.rate'),
      dataIndex: 'rate',
      align: 'right',
      width: 100,
      sorter: (a, b) => compareDecimal(a.rate, b.rate),
      render: (v: string | null) => <PercentText rate={v} />,
    },
    {
      title: t('bureau.score'),
      dataIndex: 'score',
      align: 'right',
      width: 90,
      sorter: (a, b) => compareDecimal(a.score, b.score),
      defaultSortOrder: 'descend',
      render: (v: string | null) => <span className="jx-num">{v ?? '—'}</span>,
    },
    {
      title: t('bureau.grade'),
      dataIndex: 'grade',
      width: 80,
      filters: gradeFilters,
      onFilter: (v, r) => (r.grade ?? '—') === v,
      render: (g: string | null) => <GradeTag grade={g} />,
    },
    {
      title: t('bureau.warnings'),
      key: 'warnings',
      width: 170,
      sorter: (a, b) =>
        warningsOf(a).red * 1000 +
        warningsOf(a).yellow -
        (warningsOf(b).red * 1000 + warningsOf(b).yellow),
      render: (_v, r) => <WarningCounts {...warningsOf(r)} />,
    },
    {
      title: t('bureau.findings'),
      dataIndex: 'findings',
      width: 90,
      align: 'right',
      sorter: (a, b) => (a.findings ?? 0) - (b.findings ?? 0),
      render: (v: number | undefined) =>
        v ? <Tag color="gold">{v}</Tag> : <span className="jx-muted">0</span>,
    },
    {
      title: t('app.actions'),
      key: 'actions',
      width: 170,
      render: (_v, r) => (
        <span className="jx-row-actions" onClick={(e) => e.stopPropagation()}>
          <Link to={`/dept/${r.code}/evaluation`}>{t('menu.evaluation')}</Link>
          <Link to={`/dept/${r.code}/report`}>{t('bureau.report')}</Link>
        </span>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('bureau.title')}
        sub={`${year}${t('app.yearSuffix')}`}
        extra={
          fiscalYears && (
            <Button
              icon={<CalendarOutlined />}
              onClick={() => setOpening(true)}
              data-testid="open-fiscal-year"
            >
              {t('fiscal.open')}
            </Button>
          )
        }
      />
      {fiscalYears && (
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
      )}
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
            <div className="jx-grid jx-grid-4">
              <Card size="small">
                <Statistic title={t('bureau.departments')} value={all.length} />
              </Card>
              <Card size="small">
                <Statistic
                  title={t('bureau.submitted')}
                  value={submitted}
                  suffix={`/ ${all.length}`}
                />
              </Card>
              <Card size="small">
                <Statistic
                  title={t('bureau.avgRate')}
                  value={meanOf(all.map((r) => r.rate)) ?? '—'}
                  suffix="%"
                />
              </Card>
              <Card size="small">
                <Statistic
                  title={t('bureau.avgScore')}
                  value={meanOf(all.map((r) => r.score)) ?? '—'}
                />
              </Card>
            </div>
            <div className="jx-grid jx-grid-2-1 jx-section">
              <Card size="small" title={t('bureau.rateChart')}>
                <EChart
                  option={rateOption}
                  height={Math.max(200, all.length * 44 + 40)}
                  label={t('bureau.rateChart')}
                  testId="rate-chart"
                />
              </Card>
              <Card size="small" title={t('bureau.gradeChart')}>
                <EChart
                  option={gradeOption}
                  height={Math.max(200, all.length * 44 + 40)}
                  label={t('bureau.gradeChart')}
                  testId="grade-chart"
                />
              </Card>
            </div>
            <Card size="small" className="jx-section">
              <div className="jx-table-tools">
                <Input.Search
                  allowClear
                  placeholder={t('bureau.searchPlaceholder')}
                  aria-label={t('app.search')}
                  value={q}
                  onChange={(e) => setQ(e.target.value)}
                  style={{ maxWidth: 320 }}
                />
              </div>
              <Table<OverviewRow>
                className="jx-overview-table"
                rowKey="code"
                size="middle"
                columns={columns}
                dataSource={data}
                pagination={data.length > 20 ? { pageSize: 20, showSizeChanger: true } : false}
                scroll={{ x: 1280 }}
                onRow={(r) => ({ onClick: () => void navigate(`/dept/${r.code}/dashboard`) })}
                data-testid="overview-table"
              />
            </Card>
          </>
        )}
      </LoadState>
    </div>
  );
}

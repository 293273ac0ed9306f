// The departments of 部门总览 as a table: sortable by budget, execution, rate, score, warnings and findings,
// filterable by status and grade, searchable by name or code; a row opens the department's 工作台.
import { Card, Input, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { OverviewRow } from '../../api/types.ts';
import { useI18n, type Lang, type Translate } from '../../i18n/i18n.tsx';
import { GradeTag, gradeText } from '../../ui/grade-tag.tsx';
import { byYuan, MoneyText } from '../../ui/money-text.tsx';
import { PercentText } from '../../ui/percent-text.tsx';
import { StatusTag, statusLabel } from '../../ui/status-tag.tsx';
import { WarningCounts } from '../../ui/warning-tag.tsx';
import { compareDecimal, warningsOf } from './overview-stats.ts';
import { goalGradeColumn } from './goal-grade-column.tsx';

type Columns = TableColumnsType<OverviewRow>;

const warningWeight = (r: OverviewRow) => warningsOf(r).red * 1000 + warningsOf(r).yellow;

function nameColumns(all: OverviewRow[], t: Translate): Columns {
  return [
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
      filters: [...new Set(all.map((r) => r.status))].map((s) => ({
        text: statusLabel(s, t),
        value: s,
      })),
      onFilter: (v, r) => r.status === v,
      render: (s: string) => <StatusTag status={s} />,
    },
  ];
}

function moneyColumns(t: Translate): Columns {
  const money = (v: string) => <MoneyText yuan={v} />;
  return [
    {
      title: t('bureau.budget'),
      dataIndex: 'budgetYuan',
      align: 'right',
      width: 160,
      sorter: byYuan<OverviewRow>((r) => r.budgetYuan),
      render: money,
    },
    {
      title: t('bureau.executed'),
      dataIndex: 'executedYuan',
      align: 'right',
      width: 160,
      sorter: byYuan<OverviewRow>((r) => r.executedYuan),
      render: money,
    },
    {
      title: t('bureau.rate'),
      dataIndex: 'rate',
      align: 'right',
      width: 100,
      sorter: (a, b) => compareDecimal(a.rate, b.rate),
      render: (v: string | null) => <PercentText rate={v} />,
    },
  ];
}

function scoreColumns(all: OverviewRow[], t: Translate, lang: Lang): Columns {
  return [
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
      filters: [...new Set(all.map((r) => r.grade ?? '—'))].map((g) => ({
        text: g === '—' ? t('bureau.noGrade') : gradeText(g, lang),
        value: g,
      })),
      onFilter: (v, r) => (r.grade ?? '—') === v,
      render: (g: string | null) => <GradeTag grade={g} />,
    },
  ];
}

function checkColumns(t: Translate): Columns {
  return [
    {
      title: t('bureau.warnings'),
      key: 'warnings',
      width: 170,
      sorter: (a, b) => warningWeight(a) - warningWeight(b),
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
      fixed: 'right' as const, // on screen at 1280–1440 px, where the table scrolls sideways
      render: (_v, r) => (
        <span className="jx-row-actions" onClick={(e) => e.stopPropagation()}>
          <Link to={`/dept/${r.code}/evaluation`}>{t('menu.evaluation')}</Link>
          <Link to={`/dept/${r.code}/report`}>{t('bureau.report')}</Link>
        </span>
      ),
    },
  ];
}

function useSearch(all: OverviewRow[]) {
  const [q, setQ] = useState('');
  const data = useMemo(() => {
    const s = q.trim();
    return s
      ? all.filter((r) => r.name.includes(s) || r.code.toLowerCase().includes(s.toLowerCase()))
      : all;
  }, [all, q]);
  return { q, setQ, data };
}

export function OverviewTable({ all }: { all: OverviewRow[] }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { q, setQ, data } = useSearch(all);
  const columns = [
    ...nameColumns(all, t),
    ...moneyColumns(t),
    ...scoreColumns(all, t, lang),
    goalGradeColumn(lang),
    ...checkColumns(t),
  ];
  return (
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
  );
}

// 监控预警 (finance bureau): every department's warnings at a cut-off month; a row opens its monitoring page.
import { Card, Table } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useApi } from '../../api/use-api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { percentText } from '../../ui/percent-text.tsx';
import { WarningTag } from '../../ui/warning-tag.tsx';
import {
  readRegionWarnings,
  type RegionMonitoring,
  type RegionWarningRow,
} from '../monitoring/monitoring-data.ts';
import { MonthSelect } from '../monitoring/month-select.tsx';
import './bureau.css';

export function BureauMonitoringPage() {
  const { year } = useWorkspace();
  const { t } = useI18n();
  const navigate = useNavigate();
  // null: the cut-off month that applies today (the server picks it, as on the department's 运行监控 page), until
  // the user picks another month.
  const [picked, setPicked] = useState<number | null>(null);
  const data = useApi<RegionMonitoring>(
    '/api/monitoring/overview',
    picked === null ? { year } : { year, month: picked },
  );
  const month = picked ?? data.data?.month ?? 12;
  const rows = useMemo(() => readRegionWarnings(data.data), [data.data]);
  const count = (level: 'red' | 'yellow' | 'green' | 'blue') => (n: number) =>
    n > 0 ? <WarningTag level={level}>{n}</WarningTag> : <span className="jx-muted">0</span>;

  return (
    <div>
      <PageHeader
        title={t('menu.bureauMonitoring')}
        sub={`${year}${t('app.yearSuffix')}`}
        extra={<MonthSelect value={month} onChange={setPicked} />}
      />
      <Card size="small">
        <LoadState loading={data.loading && !data.data} error={data.error} reload={data.reload}>
          {rows.length === 0 ? (
            <EmptyState text={t('monitoring.empty')} />
          ) : (
            <Table<RegionWarningRow>
              className="jx-overview-table"
              size="middle"
              rowKey="code"
              dataSource={rows}
              pagination={false}
              onRow={(r) => ({ onClick: () => void navigate(`/dept/${r.code}/monitoring`) })}
              columns={[
                {
                  title: t('bureau.name'),
                  dataIndex: 'name',
                  render: (v: string, r) => (
                    <Link to={`/dept/${r.code}/monitoring`} onClick={(e) => e.stopPropagation()}>
                      {v}
                    </Link>
                  ),
                },
                {
                  title: t('dash.spendProgress'),
                  dataIndex: 'rate',
                  align: 'right',
                  width: 110,
                  render: (v: string | null) => percentText(v),
                },
                {
                  title: t('warning.red'),
                  dataIndex: 'red',
                  width: 110,
                  sorter: (a, b) => a.red - b.red,
                  defaultSortOrder: 'descend',
                  render: count('red'),
                },
                {
                  title: t('warning.yellow'),
                  dataIndex: 'yellow',
                  width: 110,
                  sorter: (a, b) => a.yellow - b.yellow,
                  render: count('yellow'),
                },
                {
                  title: t('warning.green'),
                  dataIndex: 'green',
                  width: 110,
                  render: count('green'),
                },
                { title: t('warning.blue'), dataIndex: 'blue', width: 110, render: count('blue') },
              ]}
            />
          )}
        </LoadState>
      </Card>
    </div>
  );
}

// 运行监控 (department): "双监控" at a cut-off month — budget execution against 序时进度 per project and target
// progress per indicator, each with its warning colour (computed by the server from the configured rules).
import { Card, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { useDeptCode } from '../../app/dept-code.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { MoneyText } from '../../ui/money-text.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { percentText } from '../../ui/percent-text.tsx';
import { WarningTag } from '../../ui/warning-tag.tsx';
import { readMonitoringIndicators, type IndicatorProgressRow } from '../dashboard/monitoring-data.ts';
import { readBudgetWarnings, type BudgetWarningRow } from './monitoring-data.ts';
import { defaultMonth, MonthSelect } from './month-select.tsx';

const LEVELS = ['red', 'yellow', 'green', 'blue'] as const;

export function MonitoringPage() {
  const code = useDeptCode();
  const { year, departmentName } = useWorkspace();
  const { t } = useI18n();
  const [month, setMonth] = useState(() => defaultMonth(year));
  const mon = useApi<unknown>(`/api/departments/${encodeURIComponent(code)}/monitoring`, { year, month });
  const budget = useMemo(() => readBudgetWarnings(mon.data), [mon.data]);
  const indicators = useMemo(() => readMonitoringIndicators(mon.data), [mon.data]);
  const levelFilter = LEVELS.map((l) => ({ text: t(`warning.${l}`), value: l }));

  return (
    <div>
      <PageHeader title={t('monitoring.title')} sub={`${departmentName(code)} · ${year}${t('app.yearSuffix')}`} extra={<MonthSelect value={month} onChange={setMonth} />} />
      <LoadState loading={mon.loading && !mon.data} error={mon.error} reload={mon.reload} rows={8}>
        {budget.length === 0 && indicators.length === 0 ? (
          <Card>
            <EmptyState text={t('monitoring.empty')} />
          </Card>
        ) : (
          <>
            <Card size="small" title={t('monitoring.budgetWarn')}>
              <Table<BudgetWarningRow>
                size="small"
                rowKey="key"
                dataSource={budget}
                pagination={false}
                columns={[
                  { title: t('monitoring.project'), dataIndex: 'project' },
                  { title: t('execution.adjusted'), dataIndex: 'budgetYuan', align: 'right', width: 150, render: (v: string | null) => <MoneyText yuan={v} /> },
                  { title: t('execution.executed'), dataIndex: 'executedYuan', align: 'right', width: 150, render: (v: string | null) => <MoneyText yuan={v} /> },
                  { title: t('dash.spendProgress'), dataIndex: 'progress', align: 'right', width: 100, render: (v: string | null) => percentText(v) },
                  { title: t('dash.timeProgress'), dataIndex: 'timeProgress', align: 'right', width: 100, render: (v: string | null) => percentText(v) },
                  { title: t('monitoring.progress'), dataIndex: 'ratio', align: 'right', width: 100, render: (v: string | null) => percentText(v) },
                  { title: t('monitoring.level'), dataIndex: 'level', width: 110, filters: levelFilter, onFilter: (v, r) => r.level === v, render: (v: BudgetWarningRow['level']) => <WarningTag level={v} /> },
                ]}
              />
            </Card>
            <Card size="small" title={t('monitoring.goalWarn')} className="jx-section">
              <Table<IndicatorProgressRow>
                size="small"
                rowKey="key"
                dataSource={indicators}
                pagination={indicators.length > 15 ? { pageSize: 15 } : false}
                columns={[
                  { title: t('monitoring.project'), dataIndex: 'subject', width: 220, ellipsis: true },
                  { title: t('monitoring.indicator'), dataIndex: 'name', ellipsis: true },
                  { title: t('eval.target'), dataIndex: 'target', width: 130 },
                  { title: t('monitoring.value'), dataIndex: 'value', width: 130 },
                  { title: t('monitoring.progress'), dataIndex: 'ratio', align: 'right', width: 100, render: (v: string | null) => percentText(v) },
                  { title: t('monitoring.level'), dataIndex: 'level', width: 110, filters: levelFilter, onFilter: (v, r) => r.level === v, render: (v: IndicatorProgressRow['level']) => <WarningTag level={v} /> },
                ]}
              />
            </Card>
          </>
        )}
      </LoadState>
    </div>
  );
}

// 指标完成进度 on the department's 工作台: each indicator's target, value and progress with its warning level
// (or met / not met when it has none), filterable by level.
import { Table, Tag, type TableColumnsType } from 'antd';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { WarningTag } from '../../ui/warning-tag.tsx';
import type { IndicatorProgressRow } from './monitoring-data.ts';

const num = (v: string) => <span className="jx-num">{v}</span>;

function LevelCell({ r }: { r: IndicatorProgressRow }) {
  const { t } = useI18n();
  if (r.level) {
    return <WarningTag level={r.level} />;
  }
  if (r.met === null) {
    return <Tag>—</Tag>;
  }
  return <Tag color={r.met ? 'green' : 'orange'}>{r.met ? t('dash.met') : t('dash.notMet')}</Tag>;
}

function columnsOf(t: Translate): TableColumnsType<IndicatorProgressRow> {
  return [
    { title: t('monitoring.project'), dataIndex: 'subject', width: 200, ellipsis: true },
    { title: t('monitoring.indicator'), dataIndex: 'name', ellipsis: true },
    { title: t('eval.target'), dataIndex: 'target', width: 120, render: num },
    { title: t('monitoring.value'), dataIndex: 'value', width: 120, render: num },
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
      render: (_v, r) => <LevelCell r={r} />,
    },
  ];
}

export function IndicatorProgressTable({ rows }: { rows: IndicatorProgressRow[] }) {
  const { t } = useI18n();
  return (
    <Table<IndicatorProgressRow>
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={rows.length > 12 ? { pageSize: 12 } : false}
      columns={columnsOf(t)}
      data-testid="indicator-progress"
    />
  );
}

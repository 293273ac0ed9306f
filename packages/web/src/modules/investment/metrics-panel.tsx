// 业务取数: the department's indicators whose actual value is computed from these records (pipeline,
// request ledger, surveys, policy grants), with the live value, the records behind it and the as-of date.
import { Button, Card, Table, Tag, Tooltip } from 'antd';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import {
  deptBase,
  filtersFromLink,
  type IndicatorMetric,
  type PipelineFilters,
} from './investment-api.ts';

export function MetricsPanel({
  code,
  year,
  onShowProjects,
}: {
  code: string;
  year: number;
  onShowProjects: (f: PipelineFilters) => void;
}) {
  const { pick } = useI18n();
  const metrics = useApi<IndicatorMetric[]>(`${deptBase(code)}/metrics`, { year });
  return (
    <Card
      size="small"
      title={pick({
        zh: '绑定业务取数的绩效指标（实际完成值由业务记录实时计算）',
        en: 'Indicators whose actual comes from the records (live)',
      })}
    >
      <LoadState
        loading={metrics.loading && !metrics.data}
        error={metrics.error}
        reload={metrics.reload}
      >
        <Table<IndicatorMetric>
          size="small"
          rowKey="indicatorId"
          pagination={false}
          dataSource={metrics.data ?? []}
          data-testid="metrics-table"
          columns={[
            { title: pick({ zh: '绩效指标', en: 'Indicator' }), dataIndex: 'indicator' },
            {
              title: pick({ zh: '取数口径', en: 'Metric' }),
              key: 'metric',
              render: (_v, m) => (
                <Tooltip title={m.metric.description}>
                  <span>{pick({ zh: m.metric.name, en: m.metric.nameEn })}</span>
                </Tooltip>
              ),
            },
            {
              title: pick({ zh: '年度指标值', en: 'Target' }),
              key: 'target',
              width: 130,
              render: (_v, m) => `${m.target}${m.unit === '%' ? '%' : ` ${m.unit}`}`,
            },
            {
              title: pick({ zh: '实时完成值', en: 'Live value' }),
              dataIndex: 'display',
              width: 150,
              render: (v: string) => (
                <strong className="jx-num" data-testid="metric-value">
                  {v}
                </strong>
              ),
            },
            {
              title: pick({ zh: '依据记录', en: 'Records' }),
              key: 'records',
              width: 140,
              render: (_v, m) =>
                m.numerator !== null && m.denominator !== null
                  ? `${m.numerator} / ${m.denominator}`
                  : String(m.recordCount),
            },
            { title: pick({ zh: '截至', en: 'As of' }), dataIndex: 'asOf', width: 110 },
            {
              title: '',
              key: 'open',
              width: 110,
              render: (_v, m) => {
                const f = filtersFromLink(m.link);
                return f ? (
                  <Button size="small" type="link" onClick={() => onShowProjects(f)}>
                    {pick({ zh: '查看项目', en: 'Show projects' })}
                  </Button>
                ) : (
                  <Tag>
                    {pick({
                      zh:
                        m.recordKind === 'enterprise'
                          ? '政策兑现台账'
                          : m.recordKind === 'satisfactionSurvey'
                            ? '回访记录'
                            : '诉求台账',
                      en: 'Ledger',
                    })}
                  </Tag>
                );
              },
            },
          ]}
        />
      </LoadState>
    </Card>
  );
}

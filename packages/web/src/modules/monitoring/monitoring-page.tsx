// 运行监控 (department): "双监控" at a cut-off month — budget execution against 序时进度 per project and target
// progress per indicator, each with its warning colour (computed by the server from the configured rules);
// red/yellow items are answered (偏差原因, 纠偏措施 …), the 绩效运行监控表 downloaded and the round submitted.
import { DownloadOutlined, FormOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Dropdown, Popconfirm, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { api, downloadFile } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import { useDeptCode } from '../../app/dept-code.ts';
import { canEnterData } from '../../app/home-path.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { MoneyText } from '../../ui/money-text.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { percentText } from '../../ui/percent-text.tsx';
import { StatusTag } from '../../ui/status-tag.tsx';
import { WarningTag } from '../../ui/warning-tag.tsx';
import {
  readMonitoringIndicators,
  readWarningCounts,
  type IndicatorProgressRow,
} from '../dashboard/monitoring-data.ts';
import {
  readBudgetWarnings,
  readIndicatorResponses,
  readRound,
  type Monitoring,
  type BudgetWarningRow,
  type Respondable,
} from './monitoring-data.ts';
import { MonthSelect } from './month-select.tsx';
import { ResponseDrawer, type ResponseTarget } from './response-drawer.tsx';

const LEVELS = ['red', 'yellow', 'green', 'blue'] as const;

export function MonitoringPage() {
  const code = useDeptCode();
  const user = useUser();
  const { year, departmentName } = useWorkspace();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  // null: the cut-off month that applies today (the server picks it), until the user picks another month.
  const [picked, setPicked] = useState<number | null>(null);
  useEffect(() => setPicked(null), [code, year]);
  const base = `/api/departments/${encodeURIComponent(code)}/monitoring`;
  const mon = useApi<Monitoring>(base, picked === null ? { year } : { year, month: picked });
  const month = picked ?? mon.data?.month ?? 6;
  const cutoffMonths = mon.data?.cutoffMonths ?? [];
  const isCutoff = mon.data === undefined || cutoffMonths.includes(mon.data.month);
  const budget = useMemo(() => readBudgetWarnings(mon.data), [mon.data]);
  const indicators = useMemo(() => readMonitoringIndicators(mon.data), [mon.data]);
  const indicatorResponses = useMemo(() => readIndicatorResponses(mon.data), [mon.data]);
  const counts = readWarningCounts(mon.data);
  const round = readRound(mon.data);
  const [target, setTarget] = useState<ResponseTarget | null>(null);
  const [busy, setBusy] = useState(false);
  const levelFilter = LEVELS.map((l) => ({ text: t(`warning.${l}`), value: l }));
  // Answers only for a cut-off month (the server refuses others): no form that would be refused.
  const canRespond = canEnterData(user, code) && round?.status !== 'submitted' && isCutoff;
  const errText = (e: unknown) => (e instanceof ApiError ? e.localized(lang) : String(e));

  const respondCell = (label: string, r: Respondable) => {
    if (!r.subjectKey || (!r.needsResponse && !r.response)) {
      return null;
    }
    const open = () => setTarget({ subjectKey: r.subjectKey ?? '', label, response: r.response });
    return r.response ? (
      <Button size="small" type="link" onClick={open}>
        <Tag color="green">{t('monitoring.responded')}</Tag>
      </Button>
    ) : canRespond ? (
      <Button size="small" icon={<FormOutlined />} onClick={open} data-testid="respond">
        {t('monitoring.respond')}
      </Button>
    ) : (
      <Tag color="orange">{t('monitoring.unanswered')}</Tag>
    );
  };

  const submit = async () => {
    setBusy(true);
    try {
      await api.post(`${base}/${month}/submit`, undefined, { year });
      void message.success(t('monitoring.submitted'));
      mon.reload();
    } catch (e) {
      void message.error(errText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <PageHeader
        title={t('monitoring.title')}
        sub={`${departmentName(code)} · ${year}${t('app.yearSuffix')}`}
        extra={
          <Space wrap>
            <MonthSelect value={month} onChange={setPicked} cutoffMonths={cutoffMonths} />
            {round && <StatusTag status={round.status} />}
            <Dropdown
              menu={{
                items: [
                  { key: 'form.docx', label: 'Word (.docx)' },
                  { key: 'form.xlsx', label: 'Excel (.xlsx)' },
                ],
                onClick: ({ key }) =>
                  void downloadFile(`${base}/${month}/${key}`, { year }, key).catch((e: unknown) =>
                    message.error(errText(e)),
                  ),
              }}
            >
              <Button icon={<DownloadOutlined />}>{t('monitoring.form')}</Button>
            </Dropdown>
            {canRespond && (
              <Popconfirm
                title={t('monitoring.submit')}
                description={t('monitoring.submitConfirm')}
                onConfirm={() => void submit()}
                okText={t('app.confirm')}
                cancelText={t('app.cancel')}
              >
                <Button type="primary" icon={<SendOutlined />} loading={busy}>
                  {t('monitoring.submit')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      {!isCutoff && (
        <Alert
          type="info"
          showIcon
          className="jx-section"
          data-testid="monitoring-not-cutoff"
          message={t('monitoring.notCutoff', {
            m: month,
            months: cutoffMonths.map((c) => `${c}`).join('、'),
          })}
        />
      )}
      <LoadState loading={mon.loading && !mon.data} error={mon.error} reload={mon.reload} rows={8}>
        {budget.length === 0 && indicators.length === 0 ? (
          <Card>
            <EmptyState text={t('monitoring.empty')} />
          </Card>
        ) : (
          <>
            {counts && (
              <div className="jx-monitor-counts" role="status">
                {LEVELS.map((l) => (
                  <WarningTag key={l} level={l}>
                    {t(`warning.${l}`)} {counts[l]}
                  </WarningTag>
                ))}
              </div>
            )}
            <Card size="small" title={t('monitoring.budgetWarn')} className="jx-section">
              <Table<BudgetWarningRow>
                size="small"
                rowKey="key"
                dataSource={budget}
                pagination={false}
                data-testid="budget-warnings"
                columns={[
                  { title: t('monitoring.project'), dataIndex: 'project' },
                  {
                    title: t('execution.adjusted'),
                    dataIndex: 'budgetYuan',
                    align: 'right',
                    width: 150,
                    render: (v: string | null) => <MoneyText yuan={v} />,
                  },
                  {
                    title: t('execution.executed'),
                    dataIndex: 'executedYuan',
                    align: 'right',
                    width: 150,
                    render: (v: string | null) => <MoneyText yuan={v} />,
                  },
                  {
                    title: t('dash.spendProgress'),
                    dataIndex: 'progress',
                    align: 'right',
                    width: 90,
                    render: (v: string | null) => percentText(v),
                  },
                  {
                    title: t('dash.timeProgress'),
                    dataIndex: 'timeProgress',
                    align: 'right',
                    width: 90,
                    render: (v: string | null) => percentText(v),
                  },
                  {
                    title: t('monitoring.progress'),
                    dataIndex: 'ratio',
                    align: 'right',
                    width: 90,
                    render: (v: string | null) => percentText(v),
                  },
                  {
                    title: t('monitoring.level'),
                    dataIndex: 'level',
                    width: 100,
                    filters: levelFilter,
                    onFilter: (v, r) => r.level === v,
                    render: (v: BudgetWarningRow['level']) => <WarningTag level={v} />,
                  },
                  {
                    title: t('monitoring.reason'),
                    key: 'respond',
                    width: 124,
                    render: (_v, r) => respondCell(r.project, r),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('monitoring.goalWarn')} className="jx-section">
              <Table<IndicatorProgressRow>
                size="small"
                rowKey="key"
                dataSource={indicators}
                pagination={indicators.length > 15 ? { pageSize: 15 } : false}
                data-testid="indicator-warnings"
                columns={[
                  {
                    title: t('monitoring.project'),
                    dataIndex: 'subject',
                    width: 200,
                    ellipsis: true,
                  },
                  { title: t('monitoring.indicator'), dataIndex: 'name', ellipsis: true },
                  { title: t('eval.target'), dataIndex: 'target', width: 120 },
                  { title: t('monitoring.value'), dataIndex: 'value', width: 120 },
                  {
                    title: t('monitoring.progress'),
                    dataIndex: 'ratio',
                    align: 'right',
                    width: 90,
                    render: (v: string | null) => percentText(v),
                  },
                  {
                    title: t('monitoring.level'),
                    dataIndex: 'level',
                    width: 100,
                    filters: levelFilter,
                    onFilter: (v, r) => r.level === v,
                    render: (v: IndicatorProgressRow['level']) => <WarningTag level={v} />,
                  },
                  {
                    title: t('monitoring.reason'),
                    key: 'respond',
                    width: 124,
                    render: (_v, r) => {
                      const x = indicatorResponses.get(r.key);
                      return x ? respondCell(`${r.subject}：${r.name}`, x) : null;
                    },
                  },
                ]}
              />
            </Card>
          </>
        )}
      </LoadState>
      <ResponseDrawer
        target={target}
        readOnly={!canRespond}
        onClose={() => setTarget(null)}
        onSave={async (subjectKey, v) => {
          await api.put(
            `${base}/${month}/responses`,
            {
              items: [
                {
                  subjectKey,
                  ...v,
                  deviationNote: v.deviationNote.trim() || null,
                  measures: v.measures.trim() || null,
                  expectedAnnual: v.expectedAnnual.trim() || null,
                },
              ],
            },
            { year },
          );
          setTarget(null);
          void message.success(t('app.saved'));
          mon.reload();
        }}
      />
    </div>
  );
}

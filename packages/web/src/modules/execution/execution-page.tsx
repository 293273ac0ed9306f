// 预算执行: projects with their budgets and execution, the expenditure ledger, and the imports (ledger,
// budgets, indicator progress) with upload progress.
import { Card, Grid, Select, Space, Table, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import { useDeptCode } from '../../app/dept-code.ts';
import { canEnterData } from '../../app/home-path.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { MoneyText, toFen } from '../../ui/money-text.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PercentText, ratioPercent } from '../../ui/percent-text.tsx';
import { StatusTag } from '../../ui/status-tag.tsx';
import {
  readImports,
  readLedger,
  readProjects,
  readTotals,
  type ImportRow,
  type LedgerRow,
  type ProjectRow,
} from './execution-data.ts';
import { ImportPanel } from './import-panel.tsx';

const LEDGER_PAGE = 50;

function importKindLabel(kind: string, t: (k: MessageKey) => string): string {
  return kind === 'ledger'
    ? t('execution.ledger')
    : kind === 'budget' || kind === 'budgets'
      ? t('execution.projects')
      : kind === 'progress'
        ? t('execution.importProgress')
        : kind;
}

export function ExecutionPage() {
  const code = useDeptCode();
  const user = useUser();
  const { year, departmentName } = useWorkspace();
  const { t, lang } = useI18n();
  const dept = `/api/departments/${encodeURIComponent(code)}`;
  // the execution report carries every project with its budget, execution and rate
  const projects = useApi<unknown>(`${dept}/execution`, { year });
  const [page, setPage] = useState(1);
  const [project, setProject] = useState<string | undefined>(undefined);
  const [month, setMonth] = useState<number | undefined>(undefined);
  const ledger = useApi<unknown>(`${dept}/ledger`, {
    year,
    page,
    pageSize: LEDGER_PAGE,
    project,
    month,
  });
  const imports = useApi<unknown>(`${dept}/imports`, { year });
  const projectRows = useMemo(() => readProjects(projects.data), [projects.data]);
  const totals = useMemo(() => readTotals(projects.data), [projects.data]);
  const ledgerData = useMemo(() => readLedger(ledger.data), [ledger.data]);
  const importRows = useMemo(() => readImports(imports.data), [imports.data]);
  const canImport = canEnterData(user, code);
  const screens = Grid.useBreakpoint();
  const refresh = () => {
    projects.reload();
    ledger.reload();
    imports.reload();
  };

  return (
    <div>
      <PageHeader
        title={t('execution.title')}
        sub={`${departmentName(code)} · ${year}${t('app.yearSuffix')}`}
      />
      <Tabs
        items={[
          {
            key: 'projects',
            label: t('execution.projects'),
            children: (
              <Card size="small">
                <LoadState
                  loading={projects.loading && !projects.data}
                  error={projects.error}
                  reload={projects.reload}
                >
                  {projectRows.length === 0 ? (
                    <EmptyState text={t('execution.empty')} />
                  ) : (
                    <Table<ProjectRow>
                      size="small"
                      rowKey="code"
                      dataSource={projectRows}
                      pagination={false}
                      data-testid="projects-table"
                      summary={() =>
                        totals ? (
                          <Table.Summary.Row className="jx-summary-row">
                            <Table.Summary.Cell index={0} colSpan={2}>
                              {t('execution.total')}
                            </Table.Summary.Cell>
                            <Table.Summary.Cell index={2} colSpan={screens.xl ? 2 : 1} />
                            <Table.Summary.Cell index={4} align="right">
                              <MoneyText yuan={totals.initialYuan} />
                            </Table.Summary.Cell>
                            <Table.Summary.Cell index={5} align="right">
                              <MoneyText yuan={totals.adjustedYuan} />
                            </Table.Summary.Cell>
                            <Table.Summary.Cell index={6} align="right">
                              <MoneyText yuan={totals.executedYuan} />
                            </Table.Summary.Cell>
                            <Table.Summary.Cell index={7} align="right">
                              <PercentText rate={totals.rate} />
                            </Table.Summary.Cell>
                          </Table.Summary.Row>
                        ) : null
                      }
                      columns={[
                        { title: t('execution.code'), dataIndex: 'code', width: 140 },
                        { title: t('execution.name'), dataIndex: 'name' },
                        {
                          title: t('execution.fundSource'),
                          dataIndex: 'fundSource',
                          width: 140,
                          responsive: ['xl'],
                          render: (v: string | null) => v ?? '—',
                        },
                        {
                          title: t('execution.kind'),
                          dataIndex: 'kind',
                          width: 100,
                          render: (v: string | null) =>
                            v === 'basic'
                              ? t('execution.basic')
                              : v === 'project'
                                ? t('execution.project')
                                : (v ?? '—'),
                        },
                        {
                          title: t('execution.initial'),
                          dataIndex: 'initialYuan',
                          align: 'right',
                          width: 150,
                          render: (v: string | null) => <MoneyText yuan={v} />,
                        },
                        {
                          title: t('execution.adjusted'),
                          dataIndex: 'adjustedYuan',
                          align: 'right',
                          width: 150,
                          sorter: (a, b) =>
                            (toFen({ yuan: a.adjustedYuan }) ?? 0) -
                            (toFen({ yuan: b.adjustedYuan }) ?? 0),
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
                          title: t('execution.rate'),
                          key: 'rate',
                          align: 'right',
                          width: 100,
                          render: (_v, r) =>
                            r.rate ? (
                              <PercentText rate={r.rate} />
                            ) : (
                              <span className="jx-num">
                                {ratioPercent(r.executedYuan, r.adjustedYuan)}
                              </span>
                            ),
                        },
                      ]}
                    />
                  )}
                </LoadState>
              </Card>
            ),
          },
          {
            key: 'ledger',
            label: t('execution.ledger'),
            children: (
              <Card size="small">
                <div className="jx-table-tools">
                  <Space wrap>
                    <Select
                      allowClear
                      placeholder={t('execution.name')}
                      aria-label={t('execution.name')}
                      value={project}
                      onChange={(v: string | undefined) => {
                        setProject(v);
                        setPage(1);
                      }}
                      options={projectRows.map((p) => ({
                        value: p.code,
                        label: `${p.code} ${p.name}`,
                      }))}
                      style={{ width: 320 }}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                    <Select
                      allowClear
                      placeholder={t('execution.month')}
                      aria-label={t('execution.month')}
                      value={month}
                      onChange={(v: number | undefined) => {
                        setMonth(v);
                        setPage(1);
                      }}
                      options={Array.from({ length: 12 }, (_x, i) => ({
                        value: i + 1,
                        label: lang === 'en' ? `Month ${i + 1}` : `${i + 1}月`,
                      }))}
                      style={{ width: 120 }}
                    />
                  </Space>
                  {ledgerData.totalYuan && (
                    <span>
                      {t('execution.ledgerTotal', { n: ledgerData.total })}{' '}
                      <MoneyText yuan={ledgerData.totalYuan} />
                    </span>
                  )}
                </div>
                <LoadState loading={false} error={ledger.error} reload={ledger.reload}>
                  <Table<LedgerRow>
                    size="small"
                    rowKey="key"
                    loading={ledger.loading}
                    dataSource={ledgerData.rows}
                    locale={{ emptyText: <EmptyState text={t('execution.ledgerEmpty')} /> }}
                    pagination={{
                      current: page,
                      pageSize: LEDGER_PAGE,
                      total: ledgerData.total,
                      showSizeChanger: false,
                      onChange: setPage,
                    }}
                    columns={[
                      { title: t('execution.date'), dataIndex: 'date', width: 110 },
                      { title: t('execution.code'), dataIndex: 'projectCode', width: 130 },
                      { title: t('execution.summary'), dataIndex: 'summary', ellipsis: true },
                      {
                        title: t('execution.economic'),
                        dataIndex: 'economicClass',
                        width: 170,
                        ellipsis: true,
                      },
                      { title: t('execution.voucher'), dataIndex: 'voucher', width: 120 },
                      {
                        title: t('execution.amount'),
                        dataIndex: 'amountYuan',
                        align: 'right',
                        width: 150,
                        render: (v: string) => <MoneyText yuan={v} />,
                      },
                    ]}
                  />
                </LoadState>
              </Card>
            ),
          },
          {
            key: 'imports',
            label: t('execution.imports'),
            children: (
              <>
                <div
                  className="jx-grid jx-grid-2"
                  style={{ gridTemplateColumns: 'repeat(3, minmax(0, 1fr))' }}
                >
                  <ImportPanel
                    title={t('execution.importLedger')}
                    template="ledger"
                    path={`${dept}/imports/ledger`}
                    year={year}
                    departmentCode={code}
                    canImport={canImport}
                    testId="import-ledger"
                    onDone={refresh}
                  />
                  <ImportPanel
                    title={t('execution.importBudgets')}
                    template="budgets"
                    path={`${dept}/imports/budgets`}
                    year={year}
                    departmentCode={code}
                    canImport={canImport}
                    testId="import-budgets"
                    onDone={refresh}
                  />
                  <ImportPanel
                    title={t('execution.importProgress')}
                    template="progress"
                    path={`${dept}/imports/progress`}
                    year={year}
                    departmentCode={code}
                    canImport={canImport}
                    testId="import-progress"
                    onDone={refresh}
                  />
                </div>
                <Card size="small" title={t('execution.history')} className="jx-section">
                  <LoadState
                    loading={imports.loading && !imports.data}
                    error={imports.error}
                    reload={imports.reload}
                  >
                    <Table<ImportRow>
                      size="small"
                      rowKey="key"
                      dataSource={importRows}
                      pagination={importRows.length > 10 ? { pageSize: 10 } : false}
                      locale={{ emptyText: t('execution.noImports') }}
                      columns={[
                        {
                          title: t('execution.at'),
                          dataIndex: 'at',
                          width: 170,
                          render: (v: string) =>
                            v ? new Date(v).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN') : '—',
                        },
                        {
                          title: t('execution.kind'),
                          dataIndex: 'kind',
                          width: 120,
                          render: (v: string) => importKindLabel(v, t),
                        },
                        { title: t('execution.file'), dataIndex: 'fileName', ellipsis: true },
                        {
                          title: t('execution.rows'),
                          dataIndex: 'rows',
                          width: 90,
                          align: 'right',
                        },
                        { title: t('execution.by'), dataIndex: 'by', width: 120 },
                        {
                          title: t('goals.lifecycle'),
                          dataIndex: 'status',
                          width: 100,
                          render: (v: string) => (v ? <StatusTag status={v} /> : '—'),
                        },
                      ]}
                    />
                  </LoadState>
                </Card>
              </>
            ),
          },
        ]}
      />
    </div>
  );
}

// 支出明细: the expenditure ledger, filtered by project and month, paged on the server, with the filtered total.
import { Card, Select, Space, Table, type TableColumnsType } from 'antd';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { MoneyText } from '../../ui/money-text.tsx';
import type { LedgerRow, ProjectRow } from './execution-data.ts';
import { LEDGER_PAGE, type Ledger } from './use-execution.ts';

function LedgerFilters({ ledger, projects }: { ledger: Ledger; projects: ProjectRow[] }) {
  const { t, lang } = useI18n();
  return (
    <Space wrap>
      <Select
        allowClear
        placeholder={t('execution.name')}
        aria-label={t('execution.name')}
        value={ledger.project}
        onChange={(v: string | undefined) => ledger.filter({ project: v })}
        options={projects.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))}
        style={{ width: 320 }}
        showSearch={{ optionFilterProp: 'label' }}
      />
      <Select
        allowClear
        placeholder={t('execution.month')}
        aria-label={t('execution.month')}
        value={ledger.month}
        onChange={(v: number | undefined) => ledger.filter({ month: v })}
        options={Array.from({ length: 12 }, (_x, i) => ({
          value: i + 1,
          label: lang === 'en' ? `Month ${i + 1}` : `${i + 1}月`,
        }))}
        style={{ width: 120 }}
      />
    </Space>
  );
}

function columnsOf(t: Translate): TableColumnsType<LedgerRow> {
  return [
    { title: t('execution.date'), dataIndex: 'date', width: 110 },
    { title: t('execution.code'), dataIndex: 'projectCode', width: 130 },
    { title: t('execution.summary'), dataIndex: 'summary', ellipsis: true },
    { title: t('execution.economic'), dataIndex: 'economicClass', width: 170, ellipsis: true },
    { title: t('execution.voucher'), dataIndex: 'voucher', width: 120 },
    {
      title: t('execution.amount'),
      dataIndex: 'amountYuan',
      align: 'right',
      width: 150,
      render: (v: string) => <MoneyText yuan={v} />,
    },
  ];
}

export function LedgerTab({ ledger, projects }: { ledger: Ledger; projects: ProjectRow[] }) {
  const { t } = useI18n();
  const { data } = ledger;
  return (
    <Card size="small">
      <div className="jx-table-tools">
        <LedgerFilters ledger={ledger} projects={projects} />
        {data.totalYuan && (
          <span>
            {t('execution.ledgerTotal', { n: data.total })} <MoneyText yuan={data.totalYuan} />
          </span>
        )}
      </div>
      <LoadState loading={false} error={ledger.ledger.error} reload={ledger.ledger.reload}>
        <Table<LedgerRow>
          size="small"
          rowKey="key"
          loading={ledger.ledger.loading}
          dataSource={data.rows}
          locale={{ emptyText: <EmptyState text={t('execution.ledgerEmpty')} /> }}
          pagination={{
            current: ledger.page,
            pageSize: LEDGER_PAGE,
            total: data.total,
            showSizeChanger: false,
            onChange: ledger.setPage,
          }}
          columns={columnsOf(t)}
        />
      </LoadState>
    </Card>
  );
}

// The projects of the execution report: code, name, fund source, kind, initial / adjusted budget, executed and
// rate, with the department's totals as the summary row.
import { Grid, Table, type TableColumnsType } from 'antd';
import { useI18n, type Lang, type Translate } from '../../i18n/i18n.tsx';
import { term } from '../../i18n/terms.ts';
import { byYuan, MoneyText } from '../../ui/money-text.tsx';
import { PercentText, ratioPercent } from '../../ui/percent-text.tsx';
import type { ProjectRow, readTotals } from './execution-data.ts';

type Totals = NonNullable<ReturnType<typeof readTotals>>;

function TotalsRow({ totals }: { totals: Totals }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  return (
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
  );
}

function kindText(v: string | null, t: Translate): string {
  return v === 'basic'
    ? t('execution.basic')
    : v === 'project'
      ? t('execution.project')
      : (v ?? '—');
}

const money = (v: string | null) => <MoneyText yuan={v} />;

function moneyColumns(t: Translate): TableColumnsType<ProjectRow> {
  return [
    {
      title: t('execution.initial'),
      dataIndex: 'initialYuan',
      align: 'right',
      width: 150,
      render: money,
    },
    {
      title: t('execution.adjusted'),
      dataIndex: 'adjustedYuan',
      align: 'right',
      width: 150,
      sorter: byYuan<ProjectRow>((r) => r.adjustedYuan),
      render: money,
    },
    {
      title: t('execution.executed'),
      dataIndex: 'executedYuan',
      align: 'right',
      width: 150,
      render: money,
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
          <span className="jx-num">{ratioPercent(r.executedYuan, r.adjustedYuan)}</span>
        ),
    },
  ];
}

function columnsOf(t: Translate, lang: Lang): TableColumnsType<ProjectRow> {
  return [
    { title: t('execution.code'), dataIndex: 'code', width: 140 },
    { title: t('execution.name'), dataIndex: 'name' },
    {
      title: t('execution.fundSource'),
      dataIndex: 'fundSource',
      width: 140,
      responsive: ['xl'],
      render: (v: string | null) => (v ? term(v, lang) : '—'),
    },
    {
      title: t('execution.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (v: string | null) => kindText(v, t),
    },
    ...moneyColumns(t),
  ];
}

export function ProjectBudgetTable({
  rows,
  totals,
}: {
  rows: ProjectRow[];
  totals: Totals | null;
}) {
  const { t, lang } = useI18n();
  return (
    <Table<ProjectRow>
      size="small"
      rowKey="code"
      dataSource={rows}
      pagination={false}
      data-testid="projects-table"
      summary={() => (totals ? <TotalsRow totals={totals} /> : null)}
      columns={columnsOf(t, lang)}
    />
  );
}

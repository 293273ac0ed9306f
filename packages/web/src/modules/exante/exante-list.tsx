// The table of items needing an ex-ante assessment: what each needs, where it stands, its score and
// conclusion, and whether it may receive a 年初 budget line.
import { Table, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { CONCLUSION_COLOR, type ExAnteItem } from './exante-api.ts';

export function ExAnteList({
  rows,
  onOpen,
  showDept,
}: {
  rows: ExAnteItem[];
  onOpen: (id: string) => void;
  showDept: boolean;
}) {
  const { t } = useI18n();
  return (
    <Table<ExAnteItem>
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={false}
      data-testid="exante-list"
      onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
      columns={[
        ...(showDept ? [{ title: t('exante.department'), dataIndex: 'departmentName' }] : []),
        { title: t('exante.projectCode'), dataIndex: 'projectCode', width: 140 },
        { title: t('exante.projectName'), dataIndex: 'projectName' },
        { title: t('exante.amount'), dataIndex: 'amountText', align: 'right', width: 130 },
        {
          title: t('exante.needs'),
          key: 'needs',
          render: (_v, r) => (
            <>
              {r.requires.department && <Tag>{t('exante.needDept')}</Tag>}
              {r.requires.finance && <Tag color="purple">{t('exante.needFinance')}</Tag>}
            </>
          ),
        },
        { title: t('exante.state'), dataIndex: 'stateText', width: 110 },
        {
          title: t('exante.total'),
          dataIndex: 'total',
          align: 'right',
          width: 80,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('exante.conclusion'),
          key: 'conclusion',
          render: (_v, r) =>
            r.conclusion ? (
              <Tag color={CONCLUSION_COLOR[r.conclusion]}>{r.conclusionText}</Tag>
            ) : (
              '—'
            ),
        },
        {
          title: t('exante.budget'),
          key: 'budget',
          render: (_v, r) =>
            r.budgetAllowed ? (
              <Tag color="green">{t('exante.budgetAllowed')}</Tag>
            ) : (
              <Tag color="red">{t('exante.budgetBlocked')}</Tag>
            ),
        },
      ]}
    />
  );
}

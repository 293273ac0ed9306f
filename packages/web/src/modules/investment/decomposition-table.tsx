// 任务分解与完成进度: each responsible unit (department or 街道) with its rank, split target, actual, the month's
// addition, completion rate and status.
import { Table, Tag, type TableColumnsType } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { percentText } from '../../ui/percent-text.tsx';
import { PROGRESS_STATUS, type TargetKind, type UnitProgress } from './investment-api.ts';
import { quantity } from './target-quantity.ts';

type Pick = (text: { zh: string; en: string }) => string;

function UnitName({ u }: { u: UnitProgress }) {
  const { pick } = useI18n();
  return (
    <span>
      {u.unitName}{' '}
      {u.unitKind === 'subdistrict' ? (
        <Tag>{pick({ zh: '街道', en: 'Sub-district' })}</Tag>
      ) : (
        <Tag color="geekblue">{pick({ zh: '部门', en: 'Dept' })}</Tag>
      )}
    </span>
  );
}

function quantityColumns(kind: TargetKind, month: number, pick: Pick) {
  const num = (v: string | null) => <span className="jx-num">{quantity(kind, v)}</span>;
  const columns: TableColumnsType<UnitProgress> = [
    {
      title: pick({ zh: '分解任务', en: 'Target' }),
      dataIndex: 'target',
      align: 'right',
      width: 150,
      render: num,
    },
    {
      title: pick({ zh: '完成', en: 'Actual' }),
      dataIndex: 'actual',
      align: 'right',
      width: 150,
      render: num,
    },
    {
      title: pick({ zh: `${month}月新增`, en: `Month ${month}` }),
      key: 'm',
      align: 'right',
      width: 110,
      render: (_v, u) => num(u.monthly[u.monthly.length - 1] ?? null),
    },
  ];
  return columns;
}

function columnsOf(kind: TargetKind, month: number, pick: Pick): TableColumnsType<UnitProgress> {
  return [
    { title: pick({ zh: '排名', en: 'Rank' }), dataIndex: 'rank', width: 64, align: 'center' },
    {
      title: pick({ zh: '责任单位', en: 'Unit' }),
      dataIndex: 'unitName',
      render: (_v: string, u) => <UnitName u={u} />,
    },
    ...quantityColumns(kind, month, pick),
    {
      title: pick({ zh: '完成率', en: 'Rate' }),
      dataIndex: 'rate',
      align: 'right',
      width: 100,
      render: (v: string | null) => <span className="jx-num">{percentText(v)}</span>,
    },
    {
      title: pick({ zh: '状态', en: 'Status' }),
      dataIndex: 'status',
      width: 130,
      render: (s: UnitProgress['status']) => (
        <Tag color={PROGRESS_STATUS[s].color}>{pick(PROGRESS_STATUS[s])}</Tag>
      ),
    },
  ];
}

export function DecompositionTable({
  kind,
  month,
  units,
}: {
  kind: TargetKind;
  month: number;
  units: UnitProgress[];
}) {
  const { pick } = useI18n();
  return (
    <Table<UnitProgress>
      size="small"
      rowKey="unitCode"
      dataSource={units}
      pagination={false}
      data-testid="decomposition-table"
      columns={columnsOf(kind, month, pick)}
    />
  );
}

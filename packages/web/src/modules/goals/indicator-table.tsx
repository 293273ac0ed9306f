// The three-level indicator tree of a goal set as a table with merged 一级/二级 cells: the target with its approved
// and pending changes, and per indicator edit/delete (while editable) or 申请调整 (once approved or locked).
import { DeleteOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { rowsOf, type IndicatorRow } from './goal-rows.ts';
import type { GoalView, IndicatorView } from './goals-api.ts';

type T = ReturnType<typeof useI18n>['t'];

/** What the actions column offers: edit and delete while editable, a change request once locked. */
export interface IndicatorActions {
  editable: boolean;
  onEdit: (ind: IndicatorView) => void;
  onDelete: (ind: IndicatorView) => void;
  onRequestChange: (ind: IndicatorView) => void;
}

function IndicatorName({ ind }: { ind: IndicatorView }) {
  const { t } = useI18n();
  return (
    <span>
      {ind.name}
      {ind.metricKey && (
        <Tooltip title={ind.metricKey}>
          <Tag color="cyan" style={{ marginLeft: 6 }}>
            {t('eval.auto')}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}

function TargetCell({ ind }: { ind: IndicatorView }) {
  const { t } = useI18n();
  const approved = ind.changes.filter((c) => c.status === 'approved' && c.field === 'target');
  const pending = ind.changes.filter((c) => c.status === 'pending' || c.status === 'deptApproved');
  return (
    <span className="jx-num">
      {ind.operatorSymbol}
      {ind.target} {ind.unit}
      {approved.length > 0 && (
        <Tooltip title={`${t('goals.originally')} ${approved[0]?.originalValue ?? ''}`}>
          <Tag color="purple" style={{ marginLeft: 4 }}>
            △
          </Tag>
        </Tooltip>
      )}
      {pending.length > 0 && (
        <Tooltip title={pending.map((c) => `${c.originalValue} → ${c.newValue}`).join('；')}>
          <Tag color="gold" style={{ marginLeft: 4 }}>
            {t('status.pending')}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}

function EditButtons({ ind, actions }: { ind: IndicatorView; actions: IndicatorActions }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <Button
        size="small"
        type="text"
        icon={<EditOutlined />}
        aria-label={`${t('app.edit')} ${ind.name}`}
        onClick={() => actions.onEdit(ind)}
      />
      <Popconfirm
        title={t('goals.confirmDelete')}
        onConfirm={() => actions.onDelete(ind)}
        okText={t('app.delete')}
        cancelText={t('app.cancel')}
      >
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={`${t('app.delete')} ${ind.name}`}
        />
      </Popconfirm>
    </Space>
  );
}

function RowActions({ ind, actions }: { ind: IndicatorView; actions: IndicatorActions }) {
  const { t } = useI18n();
  if (actions.editable) {
    return <EditButtons ind={ind} actions={actions} />;
  }
  return (
    <Tooltip title={t('goals.requestChangeShort')}>
      <Button
        size="small"
        icon={<SwapOutlined />}
        onClick={() => actions.onRequestChange(ind)}
        aria-label={`${t('goals.requestChangeShort')} ${ind.name}`}
      />
    </Tooltip>
  );
}

function levelColumns(t: T): TableColumnsType<IndicatorRow> {
  return [
    {
      title: t('eval.level1'),
      dataIndex: 'l1Label',
      width: 96,
      onCell: (r) => ({ rowSpan: r.l1Span }),
      render: (v: string, r) => (
        <span className="jx-goal-l1">
          {v}
          <br />
          <span className="jx-muted">（{r.l1Weight}）</span>
        </span>
      ),
    },
    {
      title: t('eval.level2'),
      dataIndex: 'l2Label',
      width: 110,
      onCell: (r) => ({ rowSpan: r.l2Span }),
    },
    { title: t('eval.level3'), key: 'name', render: (_v, r) => <IndicatorName ind={r.ind} /> },
  ];
}

function detailColumns(t: T): TableColumnsType<IndicatorRow> {
  return [
    {
      title: t('eval.target'),
      key: 'target',
      width: 150,
      render: (_v, r) => <TargetCell ind={r.ind} />,
    },
    { title: t('eval.weight'), dataIndex: ['ind', 'weight'], width: 64, align: 'center' },
    {
      title: t('goals.targetBasis'),
      dataIndex: ['ind', 'targetBasis'],
      width: 90,
      responsive: ['xl'],
      render: (v: string | null) => (v ? t(`goals.basis.${v}` as MessageKey) : '—'),
    },
    {
      title: t('goals.dataSource'),
      dataIndex: ['ind', 'dataSource'],
      width: 150,
      ellipsis: true,
      responsive: ['xxl'],
      render: (v: string | null) => v ?? '—',
    },
  ];
}

export function IndicatorTable({
  goal,
  actions,
}: {
  goal: GoalView;
  /** null: a read-only table without the actions column */
  actions: IndicatorActions | null;
}) {
  const { t } = useI18n();
  const columns = [...levelColumns(t), ...detailColumns(t)];
  if (actions) {
    columns.push({
      title: t('app.actions'),
      key: 'actions',
      width: 76,
      align: 'center',
      render: (_v, r) => <RowActions ind={r.ind} actions={actions} />,
    });
  }
  return (
    <Table<IndicatorRow>
      size="small"
      bordered
      rowKey="key"
      columns={columns}
      dataSource={rowsOf(goal)}
      pagination={false}
      scroll={{ x: 760 }}
      data-testid="indicator-tree"
    />
  );
}

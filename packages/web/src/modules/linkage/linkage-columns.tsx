// The columns of the 预算安排建议 table: object, grades (the one used marked), 执行率, open 整改 items, base,
// the proposal and the bureau's decision.
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { GradeTag } from '../../ui/grade-tag.tsx';
import { MoneyText } from '../../ui/money-text.tsx';
import { PercentText } from '../../ui/percent-text.tsx';
import { ACTION_COLOR, BASE_KIND_TEXT, type LinkageRow } from './linkage-api.ts';

function gradeCell(grade: string | null, score: string | null, used: boolean): ReactNode {
  if (!grade) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  return (
    <Tooltip title={used ? '采用此等级' : '未采用（重点评价等级优先）'}>
      <span style={{ whiteSpace: 'nowrap', opacity: used ? 1 : 0.55 }}>
        <GradeTag grade={grade} /> {score ?? ''}
      </span>
    </Tooltip>
  );
}

export function DecisionCell({ row }: { row: LinkageRow }) {
  const d = row.decision;
  if (!d) {
    return <Tag data-testid="linkage-undecided">待确认</Tag>;
  }
  return (
    <Tooltip
      title={`${d.decidedByName} ${d.decidedAt.slice(0, 16).replace('T', ' ')}${d.reason ? `：${d.reason}` : ''}`}
    >
      <Space size={4} direction="vertical" data-testid="linkage-decision">
        <Space size={4}>
          <Tag color={d.decision === 'confirmed' ? 'green' : 'orange'}>
            {d.decision === 'confirmed' ? '已确认' : '已调整'}
          </Tag>
          <span>{d.actionText}</span>
          <MoneyText yuan={d.amountYuan} />
        </Space>
        {d.stale && <Typography.Text type="warning">建议已变化，请复核</Typography.Text>}
      </Space>
    </Tooltip>
  );
}

export function linkageColumns(opts: {
  showDept: boolean;
  actions?: (row: LinkageRow) => ReactNode;
}): ColumnsType<LinkageRow> {
  const cols: ColumnsType<LinkageRow> = [
    {
      title: '评价对象',
      key: 'object',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>{r.projectCode ? r.objectName : '部门整体'}</span>
          <Typography.Text type="secondary">
            {r.projectCode ?? ''} {r.objectTypeText}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '上年自评',
      key: 'self',
      render: (_, r) => gradeCell(r.selfGrade, r.selfScore, r.gradeSource === 'self'),
    },
    {
      title: '重点评价',
      key: 'external',
      render: (_, r) => gradeCell(r.externalGrade, r.externalScore, r.gradeSource === 'external'),
    },
    {
      title: '上年执行率',
      key: 'rate',
      align: 'right',
      render: (_, r) => <PercentText rate={r.executionRate} />,
    },
    {
      title: '未销号整改',
      key: 'open',
      align: 'right',
      render: (_, r) =>
        r.openRectifications > 0 ? <Tag color="red">{r.openRectifications} 项</Tag> : '0',
    },
    {
      title: '测算基数',
      key: 'base',
      align: 'right',
      render: (_, r) => (
        <Tooltip title={BASE_KIND_TEXT[r.baseKind]}>
          <span>
            <MoneyText yuan={r.baseYuan} />
          </span>
        </Tooltip>
      ),
    },
    {
      title: '建议处理',
      key: 'proposed',
      render: (_, r) => (
        <Tag color={ACTION_COLOR[r.proposedAction]} data-testid="linkage-proposed">
          {r.proposedActionText}
        </Tag>
      ),
    },
    {
      title: '建议金额',
      key: 'amount',
      align: 'right',
      render: (_, r) => <MoneyText yuan={r.proposedAmountYuan} />,
    },
    { title: '财政决定', key: 'decision', render: (_, r) => <DecisionCell row={r} /> },
  ];
  if (opts.showDept) {
    cols.unshift({ title: '部门', dataIndex: 'departmentName', key: 'dept', width: 150 });
  }
  if (opts.actions) {
    cols.push({ title: '操作', key: 'actions', render: (_, r) => opts.actions?.(r) });
  }
  return cols;
}

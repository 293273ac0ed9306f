// The 整改清单 table: number, object, problem, owner, deadline and status, 逾期 in red.
import { Table, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { STATUS_COLOR, TEXT, type RectificationItem } from './rectification-api.ts';

export function StatusText({ item }: { item: RectificationItem }) {
  return (
    <Tag color={STATUS_COLOR[item.displayStatus]} data-testid={`rect-status-${item.displayStatus}`}>
      {item.statusText}
    </Tag>
  );
}

export function RectificationList({
  rows,
  onOpen,
  showDept,
}: {
  rows: RectificationItem[];
  onOpen: (id: string) => void;
  showDept: boolean;
}) {
  const { lang } = useI18n();
  const txt = TEXT[lang];
  return (
    <Table<RectificationItem>
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: txt.empty }}
      data-testid="rect-list"
      onRow={(r) => ({
        onClick: () => onOpen(r.id),
        style: { cursor: 'pointer', ...(r.overdue ? { background: '#fff1f0' } : {}) },
      })}
      columns={[
        { title: txt.issueNo, dataIndex: 'issueNo', width: 130 },
        ...(showDept ? [{ title: txt.department, dataIndex: 'departmentName', width: 180 }] : []),
        { title: txt.source, dataIndex: 'sourceText', width: 110 },
        {
          title: txt.subject,
          width: 160,
          render: (_: unknown, r: RectificationItem) => r.projectName ?? txt.whole,
        },
        { title: txt.problem, dataIndex: 'problem' },
        { title: txt.owner, dataIndex: 'owner', width: 110 },
        {
          title: txt.deadline,
          dataIndex: 'deadline',
          width: 110,
          render: (v: string, r: RectificationItem) =>
            r.overdue ? <span style={{ color: '#cf1322', fontWeight: 600 }}>{v}</span> : v,
        },
        {
          title: txt.status,
          width: 110,
          render: (_: unknown, r: RectificationItem) => <StatusText item={r} />,
        },
      ]}
    />
  );
}

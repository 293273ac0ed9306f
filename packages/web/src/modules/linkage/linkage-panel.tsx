// The department's view of its 预算安排建议 while it prepares the year's budget and goals: last year's grades,
// open 整改 items, the proposal and the bureau's decision (read-only). Nothing is shown when the year before has
// no evaluation.
import { Card, Table, Typography } from 'antd';
import { useApi } from '../../api/use-api.ts';
import { linkageColumns } from './linkage-columns.tsx';
import { rowKey, type LinkageTable } from './linkage-api.ts';

export function DepartmentLinkagePanel({ code, year }: { code: string; year: number }) {
  const table = useApi<LinkageTable>('/api/linkage', { year, department: code });
  const rows = table.data?.rows ?? [];
  if (rows.length === 0) {
    return null;
  }
  return (
    <Card
      size="small"
      className="jx-section"
      title={`上年评价结果应用：${year}年度预算安排建议`}
      data-testid="linkage-panel"
    >
      <Typography.Paragraph type="secondary">
        依据{year - 1}
        年度单位自评与财政重点评价等级（重点评价优先）；编制本年预算和绩效目标时请对照，未销号的整改事项须在本年落实。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey={rowKey}
        dataSource={rows}
        columns={linkageColumns({ showDept: false })}
        pagination={false}
      />
    </Card>
  );
}

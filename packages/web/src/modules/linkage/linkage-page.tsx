// 结果应用 (finance bureau): the 预算安排建议 of the budget year — every department (部门整体) and project of the year
// before with its grades, 执行率, open 整改 items, the rule's proposal; the bureau confirms or overrides each line
// (a reason required), exports the table (.xlsx) and edits the region's rules.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, downloadFile } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { OverrideDialog, type OverrideValues } from './decide-dialog.tsx';
import { linkageColumns } from './linkage-columns.tsx';
import { LinkageRulesCard } from './linkage-rules-card.tsx';
import { rowKey, type LinkageRow, type LinkageRules, type LinkageTable } from './linkage-api.ts';

function useDecide(year: number, reload: () => void) {
  const { message } = App.useApp();
  return (
    row: LinkageRow,
    body: { decision: 'confirm' } | ({ decision: 'override' } & OverrideValues),
  ) =>
    api
      .post<LinkageRow>(
        '/api/linkage/decisions',
        { departmentCode: row.departmentCode, projectCode: row.projectCode, ...body },
        { year },
      )
      .then(() => {
        void message.success(body.decision === 'confirm' ? '已确认' : '已保存调整');
        reload();
      })
      .catch((e: unknown) => void message.error((e as Error).message));
}

/** /bureau/linkage. */
export function BureauLinkagePage() {
  const { year } = useWorkspace();
  const table = useApi<LinkageTable>('/api/linkage', { year });
  const rules = useApi<LinkageRules>('/api/linkage/rules', { year });
  const [overriding, setOverriding] = useState<LinkageRow | null>(null);
  const decide = useDecide(year, table.reload);
  const { message } = App.useApp();
  const rows = table.data?.rows ?? [];
  const pending = rows.filter((r) => !r.decision || r.decision.stale).length;
  const columns = linkageColumns({
    showDept: true,
    actions: (r) => (
      <Space>
        <Button
          size="small"
          type="primary"
          onClick={() => void decide(r, { decision: 'confirm' })}
          data-testid="linkage-confirm"
        >
          确认
        </Button>
        <Button size="small" onClick={() => setOverriding(r)} data-testid="linkage-override">
          调整
        </Button>
      </Space>
    ),
  });
  return (
    <div>
      <PageHeader
        title="结果应用 · 预算安排建议"
        sub={`${year}年度预算 · 依据${year - 1}年度绩效评价结果（重点评价等级优先于单位自评）`}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadFile(
                '/api/linkage/export',
                { year },
                `${year}年度预算安排建议.xlsx`,
              ).catch((e: unknown) => void message.error((e as Error).message))
            }
            data-testid="linkage-export"
          >
            导出 Excel
          </Button>
        }
      />
      <Card size="small" data-testid="linkage-table">
        <LoadState loading={table.loading && !table.data} error={table.error} reload={table.reload}>
          <Typography.Paragraph type="secondary">
            共 {rows.length} 行，待确认 {pending}{' '}
            行。系统只提出建议，由财政确认或调整（调整须填写理由，每次决定均留痕）。
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey={rowKey}
            dataSource={rows}
            columns={columns}
            pagination={false}
          />
        </LoadState>
      </Card>
      {rules.data && (
        <LinkageRulesCard
          rules={rules.data}
          year={year}
          canEdit
          onSaved={() => {
            rules.reload();
            table.reload();
          }}
        />
      )}
      <OverrideDialog
        row={overriding}
        onClose={() => setOverriding(null)}
        onSubmit={async (v) => {
          if (overriding) {
            await decide(overriding, { decision: 'override', ...v });
          }
          setOverriding(null);
        }}
      />
    </div>
  );
}

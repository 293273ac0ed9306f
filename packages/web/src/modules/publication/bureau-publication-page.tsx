// 公开与报告人大 (finance bureau): the region's 公开 register (each department's package: prepared, published,
// where and when), the year's evaluations with the 拟报人大 flag, and the yearly summary for the 决算 and the 人大
// (.docx / .xlsx).
import { DownloadOutlined, LinkOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, downloadFile } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import { useYear } from '../../app/workspace.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import {
  STATUS_TEXT,
  publicPagePath,
  type NpcEvaluation,
  type RegisterRow,
} from './publication-api.ts';

function RegisterTable({ rows }: { rows: RegisterRow[] }) {
  return (
    <Table<RegisterRow>
      size="small"
      rowKey="departmentCode"
      pagination={false}
      dataSource={rows}
      data-testid="publication-register"
      columns={[
        { title: '部门', dataIndex: 'departmentName' },
        {
          title: '状态',
          dataIndex: 'status',
          width: 140,
          render: (s: RegisterRow['status']) => (
            <Tag color={STATUS_TEXT[s].color}>{STATUS_TEXT[s].text}</Tag>
          ),
        },
        { title: '材料数', dataIndex: 'fileCount', width: 80 },
        { title: '公开时间', dataIndex: 'publishedOn', width: 120 },
        {
          title: '公开网址',
          dataIndex: 'publicationUrl',
          render: (u: string | null) =>
            u ? (
              <a href={u} target="_blank" rel="noopener noreferrer">
                {u}
              </a>
            ) : null,
        },
        {
          title: '截图',
          dataIndex: 'hasScreenshot',
          width: 70,
          render: (b: boolean) => (b ? '有' : ''),
        },
      ]}
    />
  );
}

function NpcTable({
  rows,
  year,
  reload,
}: {
  rows: NpcEvaluation[];
  year: number;
  reload: () => void;
}) {
  const { message } = App.useApp();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const toggle = (e: NpcEvaluation, flagged: boolean) =>
    api
      .put('/api/npc/flags', {
        kind: e.kind,
        evaluationId: e.evaluationId,
        flagged,
        note: notes[e.evaluationId] ?? e.note ?? null,
      })
      .then(() => {
        void message.success(flagged ? '已标记拟报人大' : '已取消标记');
        reload();
      })
      .catch((err: unknown) => void message.error((err as Error).message));
  return (
    <Table<NpcEvaluation>
      size="small"
      rowKey={(e) => `${e.kind}:${e.evaluationId}`}
      pagination={false}
      dataSource={rows}
      data-testid="npc-evaluations"
      columns={[
        { title: '部门', dataIndex: 'departmentName', width: 200 },
        { title: '评价对象', render: (_: unknown, e) => e.projectName ?? '部门整体' },
        {
          title: '评价方式',
          width: 110,
          render: (_: unknown, e) =>
            e.kind === 'self'
              ? '单位自评'
              : e.evaluator === 'thirdParty'
                ? '第三方评价'
                : '财政评价',
        },
        { title: `${year}年度得分`, dataIndex: 'total', width: 100 },
        { title: '等级', dataIndex: 'grade', width: 70 },
        {
          title: '备注',
          width: 220,
          render: (_: unknown, e) => (
            <Input
              size="small"
              defaultValue={e.note ?? ''}
              placeholder="报送理由（可选）"
              onChange={(ev) => setNotes((n) => ({ ...n, [e.evaluationId]: ev.target.value }))}
            />
          ),
        },
        {
          title: '拟报人大',
          width: 90,
          render: (_: unknown, e) => (
            <Switch
              checked={e.flagged}
              onChange={(v) => void toggle(e, v)}
              data-testid="npc-flag"
            />
          ),
        },
      ]}
    />
  );
}

/** /bureau/publication. */
export function BureauPublicationPage() {
  const year = useYear();
  const user = useUser();
  const { message } = App.useApp();
  const register = useApi<RegisterRow[]>('/api/publication/register', { year });
  const npc = useApi<NpcEvaluation[]>('/api/npc/evaluations', { year });
  const summary = (format: 'docx' | 'xlsx') =>
    void downloadFile(
      '/api/npc/summary',
      { year, format },
      `${year}年度预算绩效评价情况报告.${format}`,
    ).catch((e: unknown) => void message.error((e as Error).message));
  return (
    <div>
      <PageHeader
        title="公开与报告人大"
        sub={`${year}年度 · 绩效信息公开登记、拟报人大的评价、随同决算报送的评价情况报告`}
        extra={
          <Space>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => summary('docx')}
              data-testid="npc-summary-docx"
            >
              评价情况报告 .docx
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => summary('xlsx')}
              data-testid="npc-summary-xlsx"
            >
              汇总表 .xlsx
            </Button>
            <a href={publicPagePath(user.regionCode)} target="_blank" rel="noopener noreferrer">
              <LinkOutlined /> 公开页面
            </a>
          </Space>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card title="公开登记" size="small">
          <LoadState loading={register.loading} error={register.error} reload={register.reload}>
            <RegisterTable rows={register.data ?? []} />
          </LoadState>
        </Card>
        <Card title="拟报人大" size="small">
          <LoadState loading={npc.loading} error={npc.error} reload={npc.reload}>
            <NpcTable rows={npc.data ?? []} year={year} reload={npc.reload} />
          </LoadState>
        </Card>
      </Space>
    </div>
  );
}

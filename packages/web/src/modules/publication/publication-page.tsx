// 绩效信息公开 (department): prepare the year's publication package (自评报告, 自评表 as PDF, 清单), download it,
// publish it on the department's site and record the proof (公开网址, 公开时间, 截图); withdraw to prepare again.
// The bureau sees the same page read-only.
import { DownloadOutlined, FileZipOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, downloadFile } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import { useDeptCode } from '../../app/dept-code.ts';
import { useYear } from '../../app/workspace.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PublishForm } from './publish-form.tsx';
import {
  FILE_KIND_TEXT,
  STATUS_TEXT,
  publicPagePath,
  publicationPath,
  sizeText,
  type Publication,
  type PublicationFile,
} from './publication-api.ts';

function FilesTable({ p, code, year }: { p: Publication; code: string; year: number }) {
  const { message } = App.useApp();
  const get = (f: PublicationFile) =>
    void downloadFile(`${publicationPath(code)}/files/${f.id}`, { year }, f.fileName).catch(
      (e: unknown) => void message.error((e as Error).message),
    );
  return (
    <Table<PublicationFile>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={p.files}
      data-testid="publication-files"
      columns={[
        { title: '序号', dataIndex: 'seq', width: 60 },
        { title: '材料', dataIndex: 'title' },
        {
          title: '类别',
          dataIndex: 'kind',
          width: 180,
          render: (k: PublicationFile['kind']) => FILE_KIND_TEXT[k],
        },
        { title: '大小', dataIndex: 'size', width: 90, render: (n: number) => sizeText(n) },
        {
          title: '',
          width: 80,
          render: (_: unknown, f) => (
            <Button size="small" icon={<DownloadOutlined />} onClick={() => get(f)}>
              下载
            </Button>
          ),
        },
      ]}
    />
  );
}

function ProofCard({ p }: { p: Publication }) {
  return (
    <Descriptions size="small" bordered column={1} data-testid="publication-proof">
      <Descriptions.Item label="公开时间">{p.publishedOn}</Descriptions.Item>
      <Descriptions.Item label="公开网址">
        <a href={p.publicationUrl ?? undefined} target="_blank" rel="noopener noreferrer">
          {p.publicationUrl}
        </a>
      </Descriptions.Item>
      <Descriptions.Item label="公开截图">{p.screenshotName}</Descriptions.Item>
    </Descriptions>
  );
}

function usePublicationActions(code: string, year: number, setData: (p: Publication) => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const act = (what: 'prepare' | 'withdraw', done: string) => {
    setBusy(true);
    api
      .post<Publication>(`${publicationPath(code)}/${what}`, undefined, { year })
      .then((p) => {
        setData(p);
        void message.success(done);
      })
      .catch((e: unknown) => void message.error((e as Error).message))
      .finally(() => setBusy(false));
  };
  return { busy, act };
}

/** /dept/:code/publication. */
export function PublicationPage() {
  const code = useDeptCode();
  const year = useYear();
  const user = useUser();
  const { message } = App.useApp();
  const state = useApi<Publication>(publicationPath(code), { year });
  const p = state.data;
  const canEdit = user.role === 'clerk' || user.role === 'deptHead';
  const { busy, act } = usePublicationActions(code, year, state.setData);
  const status = STATUS_TEXT[p?.status ?? 'none'];
  const zip = () =>
    void downloadFile(
      `${publicationPath(code)}/package`,
      { year },
      `${year}年度公开材料.zip`,
    ).catch((e: unknown) => void message.error((e as Error).message));
  return (
    <div>
      <PageHeader
        title="绩效信息公开"
        sub={`${year}年度 · 随部门决算公开自评结果（谁评价、谁公开）`}
        extra={
          <Space>
            <Tag color={status.color} data-testid="publication-status">
              {status.text}
            </Tag>
            <a href={publicPagePath(user.regionCode)} target="_blank" rel="noopener noreferrer">
              <LinkOutlined /> 公开页面
            </a>
          </Space>
        }
      />
      <LoadState loading={state.loading} error={state.error} reload={state.reload}>
        {p && (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {!p.evaluationSubmitted && (
              <Alert
                type="info"
                showIcon
                message="部门整体支出绩效自评提交后，才能生成公开材料包。"
              />
            )}
            <Card
              title="公开材料包"
              size="small"
              extra={
                <Space>
                  {canEdit && p.status !== 'published' && (
                    <Button
                      type="primary"
                      loading={busy}
                      disabled={!p.evaluationSubmitted}
                      onClick={() => act('prepare', '公开材料包已生成')}
                      data-testid="publication-prepare"
                    >
                      {p.status === 'none' ? '生成公开材料包' : '重新生成'}
                    </Button>
                  )}
                  {p.status !== 'none' && (
                    <Button icon={<FileZipOutlined />} onClick={zip} data-testid="publication-zip">
                      下载 zip
                    </Button>
                  )}
                </Space>
              }
            >
              {p.status === 'none' ? (
                <span>
                  尚未生成。生成时将部门整体支出绩效自评报告、自评表（部门整体及各项目）转为
                  PDF，并附材料清单。
                </span>
              ) : (
                <FilesTable p={p} code={code} year={year} />
              )}
            </Card>
            {p.status === 'published' && (
              <Card
                title="公开记录"
                size="small"
                extra={
                  canEdit && (
                    <Popconfirm
                      title="撤回后公开页面不再列出这些材料，确定撤回？"
                      onConfirm={() => act('withdraw', '已撤回')}
                    >
                      <Button danger loading={busy} data-testid="publication-withdraw">
                        撤回公开
                      </Button>
                    </Popconfirm>
                  )
                }
              >
                <ProofCard p={p} />
              </Card>
            )}
            {p.status === 'prepared' && canEdit && (
              <Card title="登记公开" size="small">
                <PublishForm code={code} year={year} onDone={state.setData} />
              </Card>
            )}
          </Space>
        )}
      </LoadState>
    </div>
  );
}

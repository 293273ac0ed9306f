// 项目列表: the pipeline as a paged table (server-side paging), with the Excel template, export (the
// current filters) and import — all-or-nothing, the server's errors listed row by row.
import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Tag, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { STAGE_LABEL } from '@jixiao/core/investment/index';
import { ApiError } from '../../api/api-error.ts';
import { downloadFile } from '../../api/client.ts';
import type { Schema } from '../../api/schema.ts';
import { uploadFile } from '../../api/upload.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { MoneyText } from '../../ui/money-text.tsx';
import {
  deptBase,
  filterQuery,
  type InvestmentProject,
  type PipelineFilters,
  type ProjectPage,
} from './investment-api.ts';

interface ImportProblem {
  title: string;
  rows: { row: number; column: string | null; message: string }[];
}

function importRows(details: unknown): ImportProblem['rows'] {
  if (
    typeof details !== 'object' ||
    details === null ||
    !Array.isArray((details as { errors?: unknown }).errors)
  ) {
    return [];
  }
  return (
    (details as { errors: unknown[] }).errors as {
      row?: unknown;
      column?: unknown;
      message?: unknown;
    }[]
  ).map((e) => ({
    row: typeof e.row === 'number' ? e.row : 0,
    column: typeof e.column === 'string' ? e.column : null,
    message: typeof e.message === 'string' ? e.message : '',
  }));
}

export function ProjectTable({
  code,
  filters,
  canEdit,
  onOpen,
  refreshKey,
  onImported,
}: {
  code: string;
  filters: PipelineFilters;
  canEdit: boolean;
  onOpen: (p: InvestmentProject) => void;
  refreshKey: number;
  onImported: () => void;
}) {
  const { pick, lang } = useI18n();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [uploading, setUploading] = useState<number | null>(null);
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const filterKey = JSON.stringify(filters);
  useEffect(() => setPage(1), [filterKey]);
  const list = useApi<ProjectPage>(`${deptBase(code)}/investment-projects`, {
    ...filterQuery(filters),
    page,
    pageSize,
  });
  const { reload } = list;
  useEffect(() => {
    if (refreshKey > 0) {
      reload();
    }
  }, [refreshKey, reload]);
  const base = `${deptBase(code)}/investment-projects`;
  const fail = (e: unknown) =>
    void message.error(e instanceof ApiError ? e.localized(lang) : String(e));

  const upload = async (file: File) => {
    setProblem(null);
    setUploading(0);
    try {
      const r = await uploadFile<Schema<'InvestmentImportResult'>>(`${base}/import`, file, {
        onProgress: setUploading,
      }).promise;
      void message.success(
        pick({
          zh: `已导入 ${r.rows} 行：新增 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}`,
          en: `Imported ${r.rows} rows: ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged`,
        }),
      );
      onImported();
    } catch (e) {
      if (e instanceof ApiError) {
        setProblem({ title: e.localized(lang), rows: importRows(e.details) });
      } else {
        setProblem({ title: String(e), rows: [] });
      }
    } finally {
      setUploading(null);
    }
  };

  return (
    <div>
      <div className="jx-table-tools">
        <span className="jx-muted" data-testid="project-total">
          {pick({
            zh: `共 ${list.data?.total ?? '…'} 个项目`,
            en: `${list.data?.total ?? '…'} projects`,
          })}
        </span>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadFile(`${base}/template`, undefined, '招商项目导入模板.xlsx').catch(fail)
            }
          >
            {pick({ zh: '导入模板', en: 'Template' })}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            data-testid="project-export"
            onClick={() =>
              void downloadFile(`${base}/export`, filterQuery(filters), '招商项目库.xlsx').catch(
                fail,
              )
            }
          >
            {pick({ zh: '导出 Excel', en: 'Export' })}
          </Button>
          {canEdit && (
            <Upload
              accept=".xlsx"
              showUploadList={false}
              disabled={uploading !== null}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                loading={uploading !== null}
                data-testid="project-import"
              >
                {uploading !== null ? `${uploading}%` : pick({ zh: '导入 Excel', en: 'Import' })}
              </Button>
            </Upload>
          )}
        </Space>
      </div>
      {problem && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setProblem(null) }}
          className="jx-section"
          title={problem.title}
          data-testid="import-errors"
          description={
            problem.rows.length > 0 && (
              <ul className="jx-inv-errors">
                {problem.rows.slice(0, 50).map((r, i) => (
                  <li key={i}>{r.message}</li>
                ))}
                {problem.rows.length > 50 && (
                  <li>
                    {pick({
                      zh: `…另有 ${problem.rows.length - 50} 处`,
                      en: `…${problem.rows.length - 50} more`,
                    })}
                  </li>
                )}
              </ul>
            )
          }
        />
      )}
      <LoadState loading={false} error={list.error} reload={list.reload}>
        <Table<InvestmentProject>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          data-testid="project-table"
          onRow={(p) => ({ onClick: () => onOpen(p), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
          columns={[
            { title: pick({ zh: '项目编号', en: 'Code' }), dataIndex: 'code', width: 130 },
            {
              title: pick({ zh: '项目名称', en: 'Project' }),
              dataIndex: 'name',
              ellipsis: true,
              render: (v: string, p) => (
                <span>
                  {p.isKeyProject && (
                    <Tag color="red" className="jx-inv-key">
                      {pick({ zh: '重点', en: 'Key' })}
                    </Tag>
                  )}
                  {v}
                </span>
              ),
            },
            {
              title: pick({ zh: '投资方', en: 'Investor' }),
              dataIndex: 'investor',
              ellipsis: true,
              width: 220,
            },
            {
              title: pick({ zh: '行业', en: 'Industry' }),
              key: 'ind',
              width: 160,
              ellipsis: true,
              render: (_v, p) => `${p.industryCode} ${p.industryName}`,
            },
            {
              title: pick({ zh: '计划投资额', en: 'Planned' }),
              dataIndex: 'plannedInvestmentYuan',
              align: 'right',
              width: 150,
              render: (v: string) => <MoneyText yuan={v} />,
            },
            {
              title: pick({ zh: '责任单位', en: 'Unit' }),
              key: 'unit',
              width: 150,
              render: (_v, p) => p.responsibleUnit.name,
            },
            { title: pick({ zh: '招商方式', en: 'Source' }), dataIndex: 'sourceLabel', width: 100 },
            {
              title: pick({ zh: '阶段', en: 'Stage' }),
              key: 'stage',
              width: 100,
              render: (_v, p) => <Tag>{pick(STAGE_LABEL[p.stage])}</Tag>,
            },
            {
              title: pick({ zh: '达到日期', en: 'Reached' }),
              key: 'date',
              width: 110,
              render: (_v, p) => p.stageDates[p.stage] ?? '—',
            },
          ]}
        />
      </LoadState>
    </div>
  );
}

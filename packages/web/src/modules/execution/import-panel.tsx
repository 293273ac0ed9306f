// One import (ledger / budgets / progress): template download, file upload with a progress bar (XHR), then
// the server's verdict — row count, or the rows to fix (nothing is half-imported).
import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Progress, Space, Table, Upload } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { downloadFile } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ColumnMappingForm, headersMissing, type HeadersMissing } from './column-mapping-form.tsx';
import { ReplacePreviewDialog, type ReplacePreview } from './replace-preview-dialog.tsx';
import {
  importErrors,
  importedCount,
  type ImportResult,
  type ImportRowError,
} from './execution-data.ts';

export function ImportPanel({
  title,
  template,
  path,
  year,
  departmentCode,
  canImport,
  testId,
  onDone,
}: {
  title: string;
  template: 'ledger' | 'budgets' | 'progress';
  path: string;
  year: number;
  departmentCode: string;
  canImport: boolean;
  testId: string;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  const [problems, setProblems] = useState<{
    title: string;
    rows: ImportRowError[];
    count: number;
    conflict: File | null;
  } | null>(null);
  const [mapping, setMapping] = useState<{ file: File; missing: HeadersMissing } | null>(null);
  const [preview, setPreview] = useState<{ file: File; data: ReplacePreview } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  /** 替换已导入月份: the ledger's preview first (nothing written), the replacement on confirmation. */
  const askReplace = async (file: File) => {
    if (template !== 'ledger') {
      await upload(file, true);
      return;
    }
    setPreviewing(true);
    try {
      const data = await uploadFile<ReplacePreview>(`${path}/preview`, file, { query: { year } })
        .promise;
      setPreview({ file, data });
    } catch (e) {
      void message.error(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setPreviewing(false);
    }
  };
  const abort = useRef<(() => void) | null>(null);

  const upload = async (file: File, replace = false) => {
    setProblems(null);
    setMapping(null);
    setProgress(0);
    const h = uploadFile<ImportResult>(path, file, {
      query: { year, replace: replace ? 'true' : undefined },
      onProgress: setProgress,
    });
    abort.current = h.abort;
    try {
      const body = await h.promise;
      void message.success(t('execution.imported', { n: importedCount(body) || '✓' }));
      onDone();
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') {
        return;
      }
      const missing = headersMissing(e);
      if (missing) {
        setMapping({ file, missing });
      } else if (e instanceof ApiError) {
        const rows = importErrors(e.details);
        const fieldRows = e.fields.map((f) => ({
          row: 0,
          column: f.field,
          value: '',
          message: f.message,
          messageEn: f.messageEn ?? f.message,
        }));
        setProblems({
          title: e.localized(lang),
          rows: [...rows.errors, ...fieldRows],
          count: rows.count,
          conflict: e.status === 409 ? file : null,
        });
      } else {
        setProblems({ title: String(e), rows: [], count: 0, conflict: null });
      }
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  return (
    <Card
      size="small"
      title={title}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          onClick={() =>
            void downloadFile(
              `/api/templates/${template}.xlsx`,
              template === 'progress' ? { department: departmentCode, year } : undefined,
              `${template}.xlsx`,
            ).catch((e: unknown) =>
              message.error(e instanceof ApiError ? e.localized(lang) : String(e)),
            )
          }
        >
          {t('execution.template')}
        </Button>
      }
    >
      {canImport ? (
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={progress !== null}
          beforeUpload={(file) => {
            void upload(file);
            return Upload.LIST_IGNORE;
          }}
          data-testid={testId}
        >
          <p className="ant-upload-drag-icon">
            <CloudUploadOutlined />
          </p>
          <p className="ant-upload-text">{t('execution.import')}</p>
          <p className="ant-upload-hint">{t('execution.importHint')}</p>
        </Upload.Dragger>
      ) : (
        <p className="jx-muted">{t('eval.readOnly')}</p>
      )}
      {progress !== null && (
        <div className="jx-section" role="status">
          <Progress percent={progress} status="active" />
          <Space>
            <span className="jx-muted">
              {progress < 100
                ? t('execution.uploading', { p: progress })
                : t('execution.processing')}
            </span>
            {progress < 100 && (
              <Button size="small" type="link" onClick={() => abort.current?.()}>
                {t('app.cancel')}
              </Button>
            )}
          </Space>
        </div>
      )}
      {mapping && (
        <ColumnMappingForm
          kind={template}
          departmentCode={departmentCode}
          missing={mapping.missing}
          onSaved={() => void upload(mapping.file)}
          onCancel={() => setMapping(null)}
        />
      )}
      {problems && (
        <Alert
          className="jx-section"
          type="error"
          showIcon
          closable
          onClose={() => setProblems(null)}
          message={problems.conflict ? t('execution.conflictTitle') : t('execution.errorsTitle')}
          action={
            problems.conflict && (
              <Button
                size="small"
                danger
                loading={previewing}
                data-testid="replace-preview-open"
                onClick={() => problems.conflict && void askReplace(problems.conflict)}
              >
                {template === 'ledger' ? t('replace.preview') : t('execution.replace')}
              </Button>
            )
          }
          description={
            <div>
              <div>{problems.title}</div>
              {problems.rows.length > 0 && (
                <Table<ImportRowError>
                  className="jx-import-errors"
                  data-testid="import-errors"
                  tableLayout="fixed"
                  scroll={{ x: 560 }}
                  size="small"
                  rowKey={(r, i) => `${r.row}-${r.column}-${i ?? 0}`}
                  dataSource={problems.rows}
                  pagination={
                    problems.rows.length > 10
                      ? { pageSize: 10, size: 'small', showSizeChanger: false }
                      : false
                  }
                  columns={[
                    {
                      title: t('execution.row'),
                      dataIndex: 'row',
                      width: 56,
                      render: (v: number) => (v > 0 ? v : '—'),
                    },
                    {
                      title: t('execution.column'),
                      dataIndex: 'column',
                      width: 110,
                      ellipsis: true,
                    },
                    { title: t('execution.value'), dataIndex: 'value', width: 110, ellipsis: true },
                    {
                      title: t('monitoring.reason'),
                      key: 'message',
                      // the reason takes the rest (at least 300 px: the table scrolls in a narrow card
                      // rather than wrapping the reason one character per line)
                      width: 300,
                      render: (_v, r) => (
                        <span style={{ whiteSpace: 'normal', wordBreak: 'normal' }}>
                          {lang === 'en' ? r.messageEn : r.message}
                        </span>
                      ),
                    },
                  ]}
                />
              )}
              {problems.count > problems.rows.length && (
                <div className="jx-muted">{t('execution.moreErrors', { n: problems.count })}</div>
              )}
            </div>
          }
          role="alert"
        />
      )}
      <ReplacePreviewDialog
        preview={preview?.data ?? null}
        busy={progress !== null}
        onCancel={() => setPreview(null)}
        onConfirm={() => {
          const file = preview?.file;
          setPreview(null);
          if (file) {
            void upload(file, true);
          }
        }}
      />
    </Card>
  );
}

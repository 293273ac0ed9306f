// 自评报告: preview (HTML from the API), paragraphs edited in place, downloads (.docx / PDF / 自评表 .xlsx / .md)
// with progress while the server renders, and a self-check with the report reviewer.
import {
  DownloadOutlined,
  EditOutlined,
  FileSearchOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Drawer, Dropdown, Space, Switch } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { api, downloadFile } from '../../api/client.ts';
import type { ReviewedReport } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import { useDeptCode } from '../../app/dept-code.ts';
import { canEditDepartment } from '../../app/home-path.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { FindingList } from '../bureau/finding-list.tsx';
import { ReportPreview } from './report-preview.tsx';
import './report.css';

type Format = 'docx' | 'pdf' | 'xlsx' | 'md';

export function ReportPage() {
  const code = useDeptCode();
  const user = useUser();
  const { year, departmentName } = useWorkspace();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const base = `/api/departments/${encodeURIComponent(code)}/report`;
  const html = useApi<string>(base, { year, format: 'html', download: '0' });
  const [editMode, setEditMode] = useState(false);
  const [downloading, setDownloading] = useState<Format | null>(null);
  const [review, setReview] = useState<ReviewedReport | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const canEdit = canEditDepartment(user, code);

  const errorText = (e: unknown) =>
    e instanceof ApiError ? e.localized(lang) : e instanceof Error ? e.message : String(e);

  const download = async (format: Format) => {
    setDownloading(format);
    const hide = message.loading(t('report.generating'), 0);
    try {
      const name = await downloadFile(base, { year, format }, `report-${code}-${year}.${format}`);
      void message.success(t('report.downloaded', { name }));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      hide();
      setDownloading(null);
    }
  };

  const saveParagraph = async (key: string, text: string): Promise<boolean> => {
    try {
      await api.put(`${base}/paragraphs/${encodeURIComponent(key)}`, { text }, { year });
      void message.success(t('report.paragraphSaved'));
      html.reload();
      return true;
    } catch (e) {
      void message.error(errorText(e));
      return false;
    }
  };

  const revertParagraph = async (key: string): Promise<boolean> => {
    try {
      await api.del(`${base}/paragraphs/${encodeURIComponent(key)}`, { year });
      void message.success(t('report.reverted'));
      html.reload();
      return true;
    } catch (e) {
      void message.error(errorText(e));
      return false;
    }
  };

  const runReview = async () => {
    setReviewing(true);
    try {
      setReview(await api.get<ReviewedReport>(`${base}/review`, { year }));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setReviewing(false);
    }
  };

  const formats: { key: Format; label: string }[] = [
    { key: 'docx', label: t('report.docx') },
    { key: 'pdf', label: t('report.pdf') },
    { key: 'xlsx', label: t('report.xlsx') },
    { key: 'md', label: t('report.md') },
  ];

  return (
    <div className="jx-report-page">
      <PageHeader
        title={t('report.title')}
        sub={`${departmentName(code)} · ${year}${t('app.yearSuffix')}`}
        extra={
          <Space wrap>
            {canEdit && (
              <label className="jx-switch-label">
                <Switch
                  checked={editMode}
                  onChange={setEditMode}
                  size="small"
                  data-testid="report-edit-mode"
                />
                <EditOutlined /> {t('report.editMode')}
              </label>
            )}
            <Button icon={<ReloadOutlined />} onClick={html.reload} aria-label={t('app.retry')} />
            <Button
              icon={<FileSearchOutlined />}
              onClick={() => void runReview()}
              loading={reviewing}
              data-testid="report-review"
            >
              {t('report.review')}
            </Button>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              loading={downloading === 'docx'}
              onClick={() => void download('docx')}
              data-testid="download-docx"
            >
              {t('report.docx')}
            </Button>
            <Dropdown
              menu={{
                items: formats
                  .filter((f) => f.key !== 'docx')
                  .map((f) => ({ key: f.key, label: f.label, disabled: downloading !== null })),
                onClick: ({ key }) => void download(key as Format),
              }}
            >
              <Button
                loading={downloading !== null && downloading !== 'docx'}
                data-testid="download-more"
              >
                {t('report.download')} …
              </Button>
            </Dropdown>
          </Space>
        }
      />
      <Card size="small" className="jx-report-card">
        <LoadState
          loading={html.loading && html.data === undefined}
          error={html.error}
          reload={html.reload}
          rows={12}
        >
          {typeof html.data === 'string' && (
            <ReportPreview
              html={html.data}
              editMode={editMode}
              onSave={saveParagraph}
              onRevert={revertParagraph}
            />
          )}
        </LoadState>
      </Card>
      <Drawer
        open={review !== null}
        onClose={() => setReview(null)}
        title={t('review.findings')}
        size={520}
      >
        {review && <FindingList findings={review.result.findings} />}
      </Drawer>
    </div>
  );
}

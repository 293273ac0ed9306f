// 报告审核 (finance bureau): upload a report (progress bar) or pick a department's generated report; the text
// is shown line by line with the findings highlighted beside it; the department can be sent back with comments.
import { FileSearchOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Progress, Select, Space, Upload } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import type { ReviewedReport, ReviewFindingNote } from '../../api/types.ts';
import { uploadFile } from '../../api/upload.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ReturnDialog } from '../evaluation/return-dialog.tsx';
import { FindingList } from './finding-list.tsx';
import { ReviewText } from './review-text.tsx';
import './bureau.css';

const MAX_BYTES = 20 * 1024 * 1024;
const SEVERITY_RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };

export function ReviewPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { departments, year, departmentName } = useWorkspace();
  const [progress, setProgress] = useState<number | null>(null);
  const [analyzing, setAnalyzing] = useState(false);
  const [result, setResult] = useState<ReviewedReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dept, setDept] = useState<string | undefined>(undefined);
  const [returnDept, setReturnDept] = useState<string | undefined>(undefined);
  const [returnOpen, setReturnOpen] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const abort = useRef<(() => void) | null>(null);

  useEffect(() => () => abort.current?.(), []);

  const findings = useMemo(
    () =>
      [...(result?.result.findings ?? [])].sort(
        (a, b) =>
          (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || a.line - b.line,
      ),
    [result],
  );

  const errorText = (e: unknown) =>
    e instanceof ApiError ? e.localized(lang) : e instanceof Error ? e.message : String(e);

  const upload = async (file: File) => {
    if (file.size > MAX_BYTES) {
      setError(lang === 'en' ? 'The file is larger than 20 MB' : '文件超过 20 MB，无法审核');
      return;
    }
    setError(null);
    setResult(null);
    setActive(null);
    setProgress(0);
    const h = uploadFile<ReviewedReport>('/api/reviews', file, {
      onProgress: (p) => {
        setProgress(p);
        if (p >= 100) {
          setAnalyzing(true);
        }
      },
    });
    abort.current = h.abort;
    try {
      setResult(await h.promise);
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) {
        setError(errorText(e));
      }
    } finally {
      abort.current = null;
      setProgress(null);
      setAnalyzing(false);
    }
  };

  const reviewGenerated = async () => {
    if (!dept) {
      return;
    }
    setError(null);
    setResult(null);
    setActive(null);
    setAnalyzing(true);
    try {
      setResult(
        await api.get<ReviewedReport>(
          `/api/departments/${encodeURIComponent(dept)}/report/review`,
          { year },
        ),
      );
      setReturnDept(dept);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setAnalyzing(false);
    }
  };

  const notes: ReviewFindingNote[] = findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    line: f.line,
    message: lang === 'en' ? f.messageEn : f.message,
  }));

  return (
    <div>
      <PageHeader title={t('review.title')} sub={`${year}${t('app.yearSuffix')}`} />
      <Card size="small">
        <div className="jx-grid jx-grid-2">
          <div>
            <Upload.Dragger
              accept=".docx,.pdf,.txt"
              multiple={false}
              showUploadList={false}
              disabled={progress !== null || analyzing}
              beforeUpload={(file) => {
                void upload(file);
                return Upload.LIST_IGNORE;
              }}
              data-testid="review-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('review.upload')}</p>
              <p className="ant-upload-hint">{t('review.uploadHint')}</p>
            </Upload.Dragger>
            {progress !== null && (
              <div className="jx-section" role="status">
                <Progress percent={progress} status={progress < 100 ? 'active' : 'normal'} />
                <span className="jx-muted">
                  {progress < 100 ? t('review.uploading', { p: progress }) : t('review.analyzing')}
                </span>{' '}
                {progress < 100 && (
                  <Button size="small" type="link" onClick={() => abort.current?.()}>
                    {t('app.cancel')}
                  </Button>
                )}
              </div>
            )}
          </div>
          <div className="jx-review-generated">
            <p>{t('review.orGenerated')}</p>
            <Space.Compact style={{ width: '100%' }}>
              <Select
                aria-label={t('review.returnDept')}
                placeholder={t('review.returnDept')}
                value={dept}
                onChange={setDept}
                options={departments.map((d) => ({ value: d.code, label: d.name }))}
                style={{ flex: 1 }}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="review-dept"
              />
              <Button
                type="primary"
                icon={<FileSearchOutlined />}
                disabled={!dept}
                loading={analyzing && progress === null}
                onClick={() => void reviewGenerated()}
                data-testid="review-generated"
              >
                {t('review.reviewGenerated')}
              </Button>
            </Space.Compact>
          </div>
        </div>
        {error && (
          <Alert type="error" showIcon message={error} className="jx-section" role="alert" />
        )}
      </Card>

      {!result && !error && progress === null && !analyzing && (
        <Card className="jx-section">
          <EmptyState text={t('review.empty')} />
        </Card>
      )}

      {result && (
        <div className="jx-review-grid jx-section">
          <Card
            size="small"
            title={`${t('review.text')} · ${result.result.title ?? result.fileName}`}
          >
            <ReviewText text={result.text} findings={findings} active={active} />
          </Card>
          <Card
            size="small"
            className="jx-review-side"
            title={`${t('review.findings')}（${findings.length}）`}
            extra={
              <Space.Compact>
                <Select
                  size="small"
                  aria-label={t('review.returnDept')}
                  placeholder={t('review.returnDept')}
                  value={returnDept}
                  onChange={setReturnDept}
                  options={departments.map((d) => ({
                    value: d.code,
                    label: d.shortName || d.name,
                  }))}
                  style={{ width: 140 }}
                />
                <Button
                  size="small"
                  danger
                  icon={<RollbackOutlined />}
                  disabled={!returnDept}
                  onClick={() => setReturnOpen(true)}
                  data-testid="review-return"
                >
                  {t('eval.return')}
                </Button>
              </Space.Compact>
            }
          >
            <FindingList findings={findings} activeIndex={active} onPick={setActive} />
          </Card>
        </div>
      )}
      {returnDept && (
        <ReturnDialog
          open={returnOpen}
          departmentCode={returnDept}
          departmentName={departmentName(returnDept)}
          year={year}
          findings={notes}
          onClose={() => setReturnOpen(false)}
          onDone={() => {
            setReturnOpen(false);
            void message.success(t('eval.returned'));
          }}
        />
      )}
    </div>
  );
}

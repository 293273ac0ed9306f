// What 报告审核 reviews: a report file dropped or picked (with upload progress and cancel), or the generated
// report of a department chosen from the list.
import { FileSearchOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Select, Space, Upload } from 'antd';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Review } from './use-review.ts';

function UploadProgress({ r }: { r: Review }) {
  const { t } = useI18n();
  const progress = r.progress ?? 0;
  return (
    <div className="jx-section" role="status">
      <Progress percent={progress} status={progress < 100 ? 'active' : 'normal'} />
      <span className="jx-muted">
        {progress < 100 ? t('review.uploading', { p: progress }) : t('review.analyzing')}
      </span>{' '}
      {progress < 100 && (
        <Button size="small" type="link" onClick={() => r.abort.current?.()}>
          {t('app.cancel')}
        </Button>
      )}
    </div>
  );
}

function UploadReport({ r }: { r: Review }) {
  const { t } = useI18n();
  return (
    <div>
      <Upload.Dragger
        accept=".docx,.pdf,.txt"
        multiple={false}
        showUploadList={false}
        disabled={r.progress !== null || r.analyzing}
        beforeUpload={(file) => {
          void r.upload(file);
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
      {r.progress !== null && <UploadProgress r={r} />}
    </div>
  );
}

function GeneratedReport({ r }: { r: Review }) {
  const { t } = useI18n();
  const { departments } = useWorkspace();
  return (
    <div className="jx-review-generated">
      <p>{t('review.orGenerated')}</p>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          aria-label={t('review.returnDept')}
          placeholder={t('review.returnDept')}
          value={r.dept}
          onChange={r.setDept}
          options={departments.map((d) => ({ value: d.code, label: d.name }))}
          style={{ flex: 1 }}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="review-dept"
        />
        <Button
          type="primary"
          icon={<FileSearchOutlined />}
          disabled={!r.dept}
          loading={r.analyzing && r.progress === null}
          onClick={() => void r.reviewGenerated()}
          data-testid="review-generated"
        >
          {t('review.reviewGenerated')}
        </Button>
      </Space.Compact>
    </div>
  );
}

export function ReviewSource({ r }: { r: Review }) {
  return (
    <Card size="small">
      <div className="jx-grid jx-grid-2">
        <UploadReport r={r} />
        <GeneratedReport r={r} />
      </div>
      {r.error && (
        <Alert type="error" showIcon message={r.error} className="jx-section" role="alert" />
      )}
    </Card>
  );
}

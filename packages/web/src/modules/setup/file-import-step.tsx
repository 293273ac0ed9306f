// Upload → preview (dryRun=true: the whole file checked, nothing written) → confirm (the same file, written in
// one transaction). A refused file shows every bad row; nothing is written until the user confirms.
import { CloudUploadOutlined } from '@ant-design/icons';
import { Button, Space, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { uploadFile } from '../../api/upload.ts';
import type { Query } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { RowErrorsAlert } from './row-errors-alert.tsx';

export interface FileImportStepProps<T> {
  path: string;
  query?: Query;
  hint: ReactNode;
  testId: string;
  preview: (r: T) => ReactNode;
  done: (r: T) => ReactNode;
  onDone?: (r: T) => void;
}

export function FileImportStep<T>(props: FileImportStepProps<T>) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [previewed, setPreviewed] = useState<T | null>(null);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const send = async (f: File, dryRun: boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const r = await uploadFile<T>(props.path, f, { query: { ...props.query, dryRun } }).promise;
      if (dryRun) {
        setPreviewed(r);
      } else {
        setResult(r);
        props.onDone?.(r);
      }
    } catch (e) {
      setError(e);
      setPreviewed(null);
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    return <div data-testid={`${props.testId}-done`}>{props.done(result)}</div>;
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(f) => {
          setFile(f);
          setPreviewed(null);
          void send(f, true);
          return Upload.LIST_IGNORE;
        }}
        data-testid={props.testId}
      >
        <p className="ant-upload-drag-icon">
          <CloudUploadOutlined />
        </p>
        <p className="ant-upload-text">{file ? file.name : t('setup.chooseFile')}</p>
        <p className="ant-upload-hint">{props.hint}</p>
      </Upload.Dragger>
      {error !== null && <RowErrorsAlert error={error} />}
      {previewed !== null && file !== null && (
        <div data-testid={`${props.testId}-preview`}>
          {props.preview(previewed)}
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" loading={busy} onClick={() => void send(file, false)}>
              {t('setup.confirmImport')}
            </Button>
            <Button disabled={busy} onClick={() => setPreviewed(null)}>
              {t('setup.cancel')}
            </Button>
          </Space>
        </div>
      )}
    </Space>
  );
}

// 导入绩效目标申报表: the clerk picks the 一体化 grid or a 申报表 form (.xlsx / .csv), sees the goal sets it would
// create as drafts (POST …/goal-imports?preview=true: checked, nothing written) with the goal-set checks as
// warnings, and confirms; a file whose columns cannot be matched opens the column mapping, rows in error are listed.
import { Alert, Button, Checkbox, Modal, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import type { Schema } from '../../api/schema.ts';
import { uploadFile } from '../../api/upload.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  ColumnMappingForm,
  headersMissing,
  type HeadersMissing,
} from '../execution/column-mapping-form.tsx';
import { importErrors } from '../execution/execution-data.ts';

type GoalImportResult = Schema<'GoalImportResult'>;
type ImportedSet = GoalImportResult['sets'][number];

const TEXT = {
  zh: {
    title: '导入绩效目标申报表',
    pick: '选择一体化导出的绩效目标表或绩效目标申报表（.xlsx / .csv）',
    preview: '将新建以下绩效目标（草稿），请确认：',
    subject: '项目',
    whole: '部门整体',
    indicators: '指标数',
    notes: '提示',
    spread: '权重按一级指标默认分值分配',
    replace: '替换已有的草稿',
    confirm: '确认导入',
    done: '已导入绩效目标草稿',
    refused: '文件未导入',
  },
  en: {
    title: 'Import goal declarations',
    pick: 'Choose the 一体化 goals grid or a 申报表 form (.xlsx / .csv)',
    preview: 'These goal sets will be created as drafts:',
    subject: 'Project',
    whole: 'Department as a whole',
    indicators: 'Indicators',
    notes: 'Notes',
    spread: 'weights spread by the preset',
    replace: 'Replace existing drafts',
    confirm: 'Import',
    done: 'Goal sets imported as drafts',
    refused: 'Not imported',
  },
} as const;

export function GoalImportDialog({
  open,
  departmentCode,
  year,
  onClose,
  onImported,
}: {
  open: boolean;
  departmentCode: string;
  year: number;
  onClose: () => void;
  onImported: (message: string) => void;
}) {
  const { lang } = useI18n();
  const txt = TEXT[lang];
  const [file, setFile] = useState<File | null>(null);
  const [replace, setReplace] = useState(false);
  const [preview, setPreview] = useState<GoalImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; rows: string[] } | null>(null);
  const [mapping, setMapping] = useState<HeadersMissing | null>(null);
  const path = `/api/departments/${encodeURIComponent(departmentCode)}/goal-imports`;

  const send = async (f: File, dryRun: boolean, withReplace = replace) => {
    setBusy(true);
    setProblem(null);
    setMapping(null);
    try {
      const r = await uploadFile<GoalImportResult>(path, f, {
        query: {
          year,
          preview: dryRun ? 'true' : undefined,
          replace: withReplace ? 'true' : undefined,
        },
      }).promise;
      if (dryRun) {
        setPreview(r);
      } else {
        onImported(txt.done);
        reset();
      }
    } catch (e) {
      const missing = headersMissing(e);
      if (missing) {
        setMapping(missing);
      } else {
        const rows = e instanceof ApiError ? importErrors(e.details).errors : [];
        setProblem({
          title: e instanceof ApiError ? e.localized(lang) : String(e),
          rows: rows.map(
            (x) =>
              `${x.row > 0 ? `#${x.row} ` : ''}${x.column} ${lang === 'en' ? x.messageEn : x.message}`,
          ),
        });
        setPreview(null);
      }
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setFile(null);
    setPreview(null);
    setProblem(null);
    setMapping(null);
  };

  return (
    <Modal
      open={open}
      title={txt.title}
      width={760}
      onCancel={() => {
        reset();
        onClose();
      }}
      footer={
        <Space>
          <Checkbox
            checked={replace}
            onChange={(e) => {
              setReplace(e.target.checked);
              if (file) {
                void send(file, true, e.target.checked);
              }
            }}
          >
            {txt.replace}
          </Checkbox>
          <Button
            type="primary"
            disabled={!file || !preview}
            loading={busy}
            onClick={() => file && void send(file, false)}
            data-testid="goal-import-confirm"
          >
            {txt.confirm}
          </Button>
        </Space>
      }
      destroyOnHidden
    >
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(f) => {
          setFile(f);
          void send(f, true);
          return Upload.LIST_IGNORE;
        }}
        data-testid="goal-import-file"
      >
        <p className="ant-upload-text">{file ? file.name : txt.pick}</p>
      </Upload.Dragger>
      {mapping && file && (
        <ColumnMappingForm
          kind="goals"
          departmentCode={departmentCode}
          missing={mapping}
          onSaved={() => void send(file, true)}
          onCancel={() => setMapping(null)}
        />
      )}
      {problem && (
        <Alert
          className="jx-section"
          type="error"
          showIcon
          message={txt.refused}
          description={
            <div>
              <div>{problem.title}</div>
              {problem.rows.map((r, i) => (
                <div key={i}>{r}</div>
              ))}
            </div>
          }
        />
      )}
      {preview && (
        <div className="jx-section" data-testid="goal-import-preview">
          <p>{txt.preview}</p>
          <Table<ImportedSet>
            size="small"
            pagination={false}
            rowKey={(s) => s.projectCode ?? ''}
            dataSource={preview.sets}
            columns={[
              {
                title: txt.subject,
                key: 'subject',
                render: (_v, s) =>
                  s.projectCode ? `${s.projectCode} ${s.projectName ?? ''}` : txt.whole,
              },
              { title: txt.indicators, dataIndex: 'indicators', width: 80 },
              {
                title: txt.notes,
                key: 'notes',
                render: (_v, s) => (
                  <Space direction="vertical" size={2}>
                    {s.weightsSpread && <Tag>{txt.spread}</Tag>}
                    {s.warnings.map((w, i) => (
                      <span key={i} className="jx-muted">
                        {lang === 'en' ? w.messageEn : w.message}
                      </span>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}

// 佐证材料 of an ex-ante item: the uploaded files (download) and, for whoever may act on the item now, an upload
// with an optional 评估要点 (the server checks type, size and who may add files).
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Select, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { itemPath, type ExAnteDetail, type ExAnteEvidence } from './exante-api.ts';

const TEXT = {
  zh: {
    title: '佐证材料',
    upload: '上传佐证材料',
    point: '对应评估要点（可不选）',
    file: '文件',
    size: '大小',
    by: '上传人',
    at: '上传时间',
    done: '已上传',
    hint: 'PDF、Word、Excel、JPG/PNG 或文本，不超过 20 MB',
  },
  en: {
    title: 'Evidence',
    upload: 'Upload evidence',
    point: 'Assessment point (optional)',
    file: 'File',
    size: 'Size',
    by: 'Uploaded by',
    at: 'Uploaded',
    done: 'Uploaded',
    hint: 'PDF, Word, Excel, JPG/PNG or text, at most 20 MB',
  },
} as const;

function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

export function EvidencePanel({ detail, canUpload }: { detail: ExAnteDetail; canUpload: boolean }) {
  const { lang } = useI18n();
  const txt = TEXT[lang];
  const { message } = App.useApp();
  const [point, setPoint] = useState<string | undefined>();
  const list = useApi<ExAnteEvidence[]>(`${itemPath(detail.item.id)}/evidence`);
  const points = detail.template.dimensions.flatMap((d) =>
    d.groups.flatMap((g) => g.points.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))),
  );
  const names = new Map(points.map((p) => [p.value, p.label]));
  const send = (file: File) => {
    const extra: Record<string, string> = { versionNo: String(detail.versions.length + 1) };
    if (point) {
      extra['pointCode'] = point;
    }
    uploadFile<ExAnteEvidence>(`${itemPath(detail.item.id)}/evidence`, file, { extraFields: extra })
      .promise.then(() => {
        void message.success(txt.done);
        list.reload();
      })
      .catch((e: unknown) => void message.error((e as Error).message));
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="exante-evidence">
      <strong>{txt.title}</strong>
      {canUpload && (
        <Space wrap>
          <Select
            allowClear
            style={{ width: 360 }}
            placeholder={txt.point}
            value={point}
            onChange={setPoint}
            options={points}
            data-testid="exante-evidence-point"
          />
          <Upload
            showUploadList={false}
            beforeUpload={(f) => {
              send(f);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="exante-evidence-upload">
              {txt.upload}
            </Button>
          </Upload>
          <span className="jx-muted">{txt.hint}</span>
        </Space>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.loading}
        dataSource={list.data ?? []}
        columns={[
          {
            title: txt.file,
            dataIndex: 'fileName',
            render: (name: string, r: ExAnteEvidence) => (
              <a
                onClick={() =>
                  void downloadFile(`${itemPath(detail.item.id)}/evidence/${r.id}`, undefined, name)
                }
              >
                {name}
              </a>
            ),
          },
          {
            title: txt.point,
            dataIndex: 'pointCode',
            render: (c: string | null) => (c ? (names.get(c) ?? c) : '—'),
          },
          { title: txt.size, dataIndex: 'size', render: sizeText, width: 90 },
          { title: txt.by, dataIndex: 'uploadedByName', width: 120 },
          {
            title: txt.at,
            dataIndex: 'createdAt',
            render: (s: string) => s.slice(0, 10),
            width: 110,
          },
        ]}
      />
    </Space>
  );
}

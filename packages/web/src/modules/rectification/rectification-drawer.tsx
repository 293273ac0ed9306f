// One 整改 item: its fields, the department's measures and result, evidence (files and notes), the history, and
// the actions the signed-in user may take now — 开始整改 / 提交复核 (department), 复核 销号 or 退回 (bureau).
import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Input,
  Space,
  Table,
  Timeline,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, downloadFile } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import { canEditDepartment } from '../../app/home-path.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CommentDialog } from '../../ui/comment-dialog.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { StatusText } from './rectification-list.tsx';
import {
  itemPath,
  TEXT,
  type RectificationDetail,
  type RectificationEvidence,
} from './rectification-api.ts';

type Txt = (typeof TEXT)['zh' | 'en'];

function Fields({ d, txt }: { d: RectificationDetail; txt: Txt }) {
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label={txt.issueNo}>{d.issueNo}</Descriptions.Item>
      <Descriptions.Item label={txt.status}>
        <StatusText item={d} />
      </Descriptions.Item>
      <Descriptions.Item label={txt.department}>{d.departmentName}</Descriptions.Item>
      <Descriptions.Item label={txt.subject}>{d.projectName ?? txt.whole}</Descriptions.Item>
      <Descriptions.Item label={txt.source}>{d.sourceText}</Descriptions.Item>
      <Descriptions.Item label={txt.category}>{d.categoryText}</Descriptions.Item>
      <Descriptions.Item label={txt.problem} span={2}>
        {d.problem}
      </Descriptions.Item>
      <Descriptions.Item label={txt.requirement} span={2}>
        {d.requirement || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={txt.finalOn}>{d.finalOn}</Descriptions.Item>
      <Descriptions.Item label={txt.noticedOn}>{d.noticedOn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={txt.owner}>{d.owner || '—'}</Descriptions.Item>
      <Descriptions.Item label={txt.deadline}>
        <span style={d.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>
          {d.deadline}
        </span>
      </Descriptions.Item>
      {d.reviewerOpinion ? (
        <Descriptions.Item label={txt.reviewerOpinion} span={2}>
          {d.reviewerOpinion}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

function Evidence({
  d,
  txt,
  canUpload,
  onChanged,
}: {
  d: RectificationDetail;
  txt: Txt;
  canUpload: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const fail = (e: unknown) => void message.error((e as Error).message);
  const send = (file: File | null) => {
    const done = () => {
      setNote('');
      onChanged();
    };
    // A note alone goes up with an empty file (the server keeps the note only).
    uploadFile<RectificationEvidence>(`${itemPath(d.id)}/evidence`, file ?? new File([], 'note'), {
      extraFields: note ? { note } : {},
    })
      .promise.then(done)
      .catch(fail);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="rect-evidence">
      <strong>{txt.evidence}</strong>
      <Table<RectificationEvidence>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.evidence}
        columns={[
          {
            title: txt.evidence,
            render: (_: unknown, e) =>
              e.fileName ? (
                <a
                  onClick={() =>
                    void downloadFile(
                      `/api/rectifications/evidence/${e.id}`,
                      undefined,
                      e.fileName ?? 'evidence',
                    ).catch(fail)
                  }
                >
                  {e.fileName}
                </a>
              ) : (
                '—'
              ),
          },
          { title: txt.evidenceNote, dataIndex: 'note' },
          { title: txt.uploadedBy, dataIndex: 'uploadedByName', width: 140 },
          { title: '', dataIndex: 'at', width: 110, render: (v: string) => v.slice(0, 10) },
        ]}
      />
      {canUpload && (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            placeholder={txt.evidenceNote}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="rect-evidence-note"
          />
          <Button disabled={!note.trim()} onClick={() => send(null)} data-testid="rect-add-note">
            {txt.addNote}
          </Button>
          <Upload
            showUploadList={false}
            beforeUpload={(f) => {
              send(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{txt.upload}</Button>
          </Upload>
        </Space.Compact>
      )}
    </Space>
  );
}

function Work({
  d,
  txt,
  canEdit,
  onChanged,
}: {
  d: RectificationDetail;
  txt: Txt;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [measures, setMeasures] = useState(d.measures);
  const [result, setResult] = useState(d.resultNote);
  useEffect(() => {
    setMeasures(d.measures);
    setResult(d.resultNote);
  }, [d.measures, d.resultNote]);
  const open = d.status !== 'closed';
  const save = () =>
    api
      .patch(itemPath(d.id), { measures, resultNote: result })
      .then(() => {
        void message.success(txt.saved);
        onChanged();
      })
      .catch((e: unknown) => void message.error((e as Error).message));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <strong>{txt.measures}</strong>
      <Input.TextArea
        rows={2}
        value={measures}
        disabled={!canEdit || !open}
        onChange={(e) => setMeasures(e.target.value)}
        data-testid="rect-measures"
      />
      <strong>{txt.resultNote}</strong>
      <Input.TextArea
        rows={2}
        value={result}
        disabled={!canEdit || !open}
        onChange={(e) => setResult(e.target.value)}
        data-testid="rect-result"
      />
      {canEdit && open && (
        <Button onClick={() => void save()} data-testid="rect-save">
          {txt.save}
        </Button>
      )}
    </Space>
  );
}

function Actions({
  d,
  txt,
  canEdit,
  isBureau,
  onChanged,
}: {
  d: RectificationDetail;
  txt: Txt;
  canEdit: boolean;
  isBureau: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'accept' | 'sendBack' | null>(null);
  const act = (body: Record<string, unknown>) =>
    api
      .post(`${itemPath(d.id)}/actions`, body)
      .then(() => {
        void message.success(txt.done);
        onChanged();
      })
      .catch((e: unknown) => {
        void message.error((e as Error).message);
      });
  return (
    <Space wrap>
      {canEdit && d.status === 'pending' && (
        <Button onClick={() => void act({ action: 'start' })} data-testid="rect-start">
          {txt.start}
        </Button>
      )}
      {canEdit && (d.status === 'pending' || d.status === 'inProgress') && (
        <Button
          type="primary"
          onClick={() => void act({ action: 'submit' })}
          data-testid="rect-submit"
        >
          {txt.submit}
        </Button>
      )}
      {isBureau && d.status === 'awaitingCheck' && (
        <>
          <Button type="primary" onClick={() => setDialog('accept')} data-testid="rect-accept">
            {txt.accept}
          </Button>
          <Button danger onClick={() => setDialog('sendBack')} data-testid="rect-send-back">
            {txt.sendBack}
          </Button>
        </>
      )}
      <CommentDialog
        open={dialog !== null}
        title={dialog === 'sendBack' ? txt.sendBack : txt.accept}
        label={dialog === 'sendBack' ? txt.sendBackLabel : txt.acceptLabel}
        required={dialog === 'sendBack'}
        okText={dialog === 'sendBack' ? txt.sendBack : txt.accept}
        danger={dialog === 'sendBack'}
        onClose={() => setDialog(null)}
        onSubmit={async (comment) => {
          await act({ action: dialog, note: comment ?? undefined });
          setDialog(null);
        }}
      />
    </Space>
  );
}

export function RectificationDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { lang } = useI18n();
  const txt = TEXT[lang];
  const user = useUser();
  const detail = useApi<RectificationDetail>(id ? itemPath(id) : null);
  const d = detail.data;
  const changed = () => {
    detail.reload();
    onChanged();
  };
  const canEdit = d ? canEditDepartment(user, d.departmentCode) : false;
  const isBureau = user.role === 'financeReviewer';
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={880}
      title={d ? `${d.issueNo} ${txt.title}` : txt.title}
      data-testid="rect-drawer"
    >
      <LoadState loading={detail.loading && !d} error={detail.error} reload={detail.reload}>
        {d && (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            {d.overdue && <Alert type="error" showIcon message={txt.overdueHint} />}
            <Fields d={d} txt={txt} />
            <Work d={d} txt={txt} canEdit={canEdit} onChanged={changed} />
            <Evidence
              d={d}
              txt={txt}
              canUpload={canEdit && d.status !== 'closed' && d.status !== 'awaitingCheck'}
              onChanged={changed}
            />
            <Actions d={d} txt={txt} canEdit={canEdit} isBureau={isBureau} onChanged={changed} />
            <div>
              <strong>{txt.history}</strong>
              <Timeline
                style={{ marginTop: 12 }}
                items={d.events.map((e) => ({
                  children: `${e.at.slice(0, 10)} ${e.actorName} ${e.actionText}${e.note ? `：${e.note}` : ''}`,
                }))}
              />
            </div>
          </Space>
        )}
      </LoadState>
    </Drawer>
  );
}

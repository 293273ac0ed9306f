// The actions of the 自评报告 header: edit mode (for who may edit), reload, the self-check, .docx, and the other
// formats in a menu.
import {
  DownloadOutlined,
  EditOutlined,
  FileSearchOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Space, Switch } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Format, Report } from './use-report.ts';

function MoreFormats({ r }: { r: Report }) {
  const { t } = useI18n();
  const formats: { key: Format; label: string }[] = [
    { key: 'pdf', label: t('report.pdf') },
    { key: 'xlsx', label: t('report.xlsx') },
    { key: 'md', label: t('report.md') },
  ];
  return (
    <Dropdown
      menu={{
        items: formats.map((f) => ({
          key: f.key,
          label: f.label,
          disabled: r.downloading !== null,
        })),
        onClick: ({ key }) => void r.download(key as Format),
      }}
    >
      <Button
        loading={r.downloading !== null && r.downloading !== 'docx'}
        data-testid="download-more"
      >
        {t('report.download')} …
      </Button>
    </Dropdown>
  );
}

function EditSwitch({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const { t } = useI18n();
  return (
    <label className="jx-switch-label">
      <Switch checked={on} onChange={onChange} size="small" data-testid="report-edit-mode" />
      <EditOutlined /> {t('report.editMode')}
    </label>
  );
}

export function ReportActions({
  r,
  canEdit,
  editMode,
  setEditMode,
}: {
  r: Report;
  canEdit: boolean;
  editMode: boolean;
  setEditMode: (on: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <Space wrap>
      {canEdit && <EditSwitch on={editMode} onChange={setEditMode} />}
      <Button icon={<ReloadOutlined />} onClick={r.html.reload} aria-label={t('app.retry')} />
      <Button
        icon={<FileSearchOutlined />}
        onClick={() => void r.runReview()}
        loading={r.reviewing}
        data-testid="report-review"
      >
        {t('report.review')}
      </Button>
      <Button
        type="primary"
        icon={<DownloadOutlined />}
        loading={r.downloading === 'docx'}
        onClick={() => void r.download('docx')}
        data-testid="download-docx"
      >
        {t('report.docx')}
      </Button>
      <MoreFormats r={r} />
    </Space>
  );
}

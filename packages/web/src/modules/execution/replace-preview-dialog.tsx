// 替换已导入月份 — the preview before the confirmation: the rows and amounts the file would take out of each month
// already imported and put in, and the department's execution rate before and after (POST …/ledger/preview,
// nothing written); 确认替换 then imports with replace=true. The replaced rows stay restorable from the history.
import { Alert, Descriptions, Modal, Table } from 'antd';
import type { Schema } from '../../api/schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { moneyText } from '../../ui/money-text.tsx';

export type ReplacePreview = Schema<'LedgerReplacePreview'>;

const pct = (v: string | null) => (v === null ? '—' : `${v}%`);

export function ReplacePreviewDialog({
  preview,
  busy,
  onConfirm,
  onCancel,
}: {
  preview: ReplacePreview | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  if (!preview) {
    return null;
  }
  const dropped = Number(preview.rateAfter ?? 0) < Number(preview.rateBefore ?? 0);
  return (
    <Modal
      open
      width={640}
      title={t('replace.title', { file: preview.fileName })}
      okText={t('replace.confirm')}
      okButtonProps={{ danger: true, id: 'replace-confirm' }}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
      onOk={onConfirm}
      onCancel={onCancel}
    >
      <div data-testid="replace-preview">
        <Table
          size="small"
          pagination={false}
          rowKey="month"
          dataSource={preview.removed}
          columns={[
            { title: t('replace.month'), dataIndex: 'month', render: (m: number) => `${m}月` },
            { title: t('replace.removedRows'), dataIndex: 'rows' },
            {
              title: t('replace.removedAmount'),
              dataIndex: 'amountYuan',
              render: (v: string) => moneyText({ yuan: v }),
            },
          ]}
        />
        <Descriptions size="small" column={1} bordered className="jx-section">
          <Descriptions.Item label={t('replace.removed')}>
            {t('replace.rowsAmount', {
              n: preview.removedRows,
              amount: moneyText({ yuan: preview.removedYuan }),
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('replace.added')}>
            {t('replace.rowsAmount', {
              n: preview.addedRows,
              amount: moneyText({ yuan: preview.addedYuan }),
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('replace.rate')}>
            <span data-testid="replace-rate">
              {pct(preview.rateBefore)} → {pct(preview.rateAfter)}
            </span>
          </Descriptions.Item>
        </Descriptions>
        {dropped && (
          <Alert type="warning" showIcon className="jx-section" message={t('replace.rateDrops')} />
        )}
        <Alert type="info" showIcon className="jx-section" message={t('replace.restorable')} />
      </div>
    </Modal>
  );
}

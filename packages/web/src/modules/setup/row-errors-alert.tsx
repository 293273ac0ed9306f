// A refused import file: the one-line reason, then every bad row (row, column, value, reason) as the API listed them.
import { Alert, Table } from 'antd';
import { ApiError } from '../../api/api-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface RowErrorItem {
  row: number;
  column: string;
  value: string;
  message: string;
  messageEn: string;
}

function rowErrorsOf(e: unknown): RowErrorItem[] {
  if (!(e instanceof ApiError) || typeof e.details !== 'object' || e.details === null) {
    return [];
  }
  const list = (e.details as { errors?: unknown }).errors;
  return Array.isArray(list) ? (list as RowErrorItem[]) : [];
}

export function RowErrorsAlert({ error }: { error: unknown }) {
  const { t, lang } = useI18n();
  const rows = rowErrorsOf(error);
  const text =
    error instanceof ApiError
      ? error.localized(lang)
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="row-errors"
      message={text}
      description={
        rows.length > 0 ? (
          <Table<RowErrorItem>
            size="small"
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
            dataSource={rows}
            columns={[
              { title: t('setup.errRow'), dataIndex: 'row', width: 70 },
              { title: t('setup.errColumn'), dataIndex: 'column', width: 130 },
              { title: t('setup.errValue'), dataIndex: 'value', width: 160 },
              {
                title: t('setup.errReason'),
                render: (_: unknown, r) => (lang === 'en' ? r.messageEn : r.message),
              },
            ]}
          />
        ) : undefined
      }
    />
  );
}

// 审计日志 (audit administrator): search the hash-chained log, verify the chain, export.
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Input, Space, Table, Tag, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { api, downloadFile } from '../../api/client.ts';
import type { Schema } from '../../api/schema.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';

const ROLE_KEYS = {
  clerk: 1,
  deptHead: 1,
  financeReviewer: 1,
  systemAdmin: 1,
  securityAdmin: 1,
  auditAdmin: 1,
} as const;
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';

type AuditEntry = Schema<'AuditEntry'>;

const PAGE = 50;

export function AuditPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [user, setUser] = useState('');
  const [action, setAction] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const query = {
    user: user.trim() || undefined,
    action: action.trim() || undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const data = useApi<Schema<'AuditPage'>>('/api/audit', query);
  const rows = data.data?.entries ?? [];
  const errText = (e: unknown) => (e instanceof ApiError ? e.localized(lang) : String(e));

  const verify = async () => {
    try {
      const r = await api.get<Schema<'AuditVerification'>>('/api/audit/verify');
      if (r.intact) {
        void message.success(t('audit.chainOk', { n: r.entries }));
      } else {
        void message.error(
          `${t('audit.chainBroken')}${r.firstBroken ? `（#${r.firstBroken.seq}：${lang === 'en' ? r.firstBroken.messageEn : r.firstBroken.message}）` : ''}`,
        );
      }
    } catch (e) {
      void message.error(errText(e));
    }
  };

  return (
    <div>
      <PageHeader
        title={t('audit.title')}
        extra={
          <Space>
            <Button icon={<SafetyCertificateOutlined />} onClick={() => void verify()}>
              {t('audit.verify')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void downloadFile(
                  '/api/audit/export.csv',
                  { ...query, limit: undefined, offset: undefined },
                  'audit.csv',
                ).catch((e: unknown) => message.error(errText(e)))
              }
            >
              {t('audit.export')}
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <div className="jx-table-tools">
          <Space wrap>
            <Input
              allowClear
              placeholder={t('audit.user')}
              aria-label={t('audit.user')}
              value={user}
              onChange={(e) => {
                setUser(e.target.value);
                setPage(1);
              }}
              style={{ width: 160 }}
            />
            <Input
              allowClear
              placeholder={t('audit.action')}
              aria-label={t('audit.action')}
              value={action}
              onChange={(e) => {
                setAction(e.target.value);
                setPage(1);
              }}
              style={{ width: 200 }}
            />
            <DatePicker.RangePicker
              value={range}
              onChange={(v) => {
                setRange(v as [Dayjs | null, Dayjs | null] | null);
                setPage(1);
              }}
              aria-label={t('audit.range')}
            />
          </Space>
        </div>
        <LoadState loading={false} error={data.error} reload={data.reload}>
          <Table<AuditEntry>
            size="small"
            rowKey="seq"
            loading={data.loading}
            dataSource={rows}
            locale={{ emptyText: t('audit.empty') }}
            pagination={{
              current: page,
              pageSize: PAGE,
              total: data.data?.total ?? 0,
              showSizeChanger: false,
              onChange: setPage,
            }}
            scroll={{ x: 1100 }}
            columns={[
              { title: '#', dataIndex: 'seq', width: 70 },
              {
                title: t('audit.at'),
                dataIndex: 'at',
                width: 170,
                render: (v: string) =>
                  new Date(v).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN'),
              },
              { title: t('audit.user'), dataIndex: 'actorUsername', width: 120 },
              {
                title: t('audit.role'),
                dataIndex: 'actorRole',
                width: 120,
                render: (v: string) => (v in ROLE_KEYS ? t(`role.${v}` as MessageKey) : v),
              },
              {
                title: t('audit.action'),
                dataIndex: 'action',
                width: 190,
                render: (v: string) => (
                  <Tag color={v.startsWith('access.') ? 'red' : 'blue'}>{v}</Tag>
                ),
              },
              {
                title: t('audit.entity'),
                key: 'entity',
                width: 180,
                ellipsis: true,
                render: (_v, r) => `${r.entity} ${r.entityId}`,
              },
              {
                title: t('app.department'),
                dataIndex: 'departmentCode',
                width: 120,
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t('audit.change'),
                key: 'change',
                ellipsis: true,
                render: (_v, r) => {
                  const s = `${JSON.stringify(r.before)} → ${JSON.stringify(r.after)}`;
                  return (
                    <Tooltip title={<pre className="jx-audit-json">{s}</pre>}>
                      <span className="jx-muted">{s}</span>
                    </Tooltip>
                  );
                },
              },
            ]}
          />
        </LoadState>
      </Card>
    </div>
  );
}

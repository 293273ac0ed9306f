// 审计日志 (audit administrator): search the hash-chained log by action name, user and date range; every entry in
// words (action, object, names, Beijing time as in the export) with a before/after view; verify; export.
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Input, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { api, downloadFile } from '../../api/client.ts';
import type { Schema } from '../../api/schema.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n, type Lang } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { actorText, roleName, valueText } from './audit-values.ts';

type AuditEntry = Schema<'AuditEntry'>;

const PAGE = 50;

function ChangeView({ entry, lang }: { entry: AuditEntry; lang: Lang }) {
  const { pick } = useI18n();
  if (entry.changes.length === 0) {
    return <span className="jx-muted">{pick({ zh: '无字段变更', en: 'No field changed' })}</span>;
  }
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="field"
      data-testid="audit-changes"
      dataSource={entry.changes}
      columns={[
        {
          title: pick({ zh: '字段', en: 'Field' }),
          width: 180,
          render: (_v, c) => pick(c.label),
        },
        {
          title: pick({ zh: '变更前', en: 'Before' }),
          render: (_v, c) => valueText(c.before, lang),
        },
        {
          title: pick({ zh: '变更后', en: 'After' }),
          render: (_v, c) => valueText(c.after, lang),
        },
      ]}
    />
  );
}

export function AuditPage() {
  const { t, lang, pick } = useI18n();
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
              data-testid="audit-export"
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
              placeholder={pick({ zh: '登录名或姓名', en: 'Login or name' })}
              aria-label={t('audit.user')}
              data-testid="audit-user"
              value={user}
              onChange={(e) => {
                setUser(e.target.value);
                setPage(1);
              }}
              style={{ width: 160 }}
            />
            <Input
              allowClear
              placeholder={pick({ zh: '操作名称，如：提交、登录', en: 'Action, e.g. submitted' })}
              aria-label={t('audit.action')}
              data-testid="audit-action"
              value={action}
              onChange={(e) => {
                setAction(e.target.value);
                setPage(1);
              }}
              style={{ width: 220 }}
            />
            <DatePicker.RangePicker
              value={range}
              onChange={(v) => {
                setRange(v as [Dayjs | null, Dayjs | null] | null);
                setPage(1);
              }}
              aria-label={t('audit.range')}
            />
            <Typography.Text type="secondary">
              {pick({
                zh: '时间为北京时间（UTC+8），导出文件相同',
                en: 'Times in Beijing time (UTC+8), as in the export',
              })}
            </Typography.Text>
          </Space>
        </div>
        <LoadState loading={false} error={data.error} reload={data.reload}>
          <Table<AuditEntry>
            size="small"
            rowKey="seq"
            loading={data.loading}
            dataSource={rows}
            data-testid="audit-table"
            locale={{ emptyText: t('audit.empty') }}
            pagination={{
              current: page,
              pageSize: PAGE,
              total: data.data?.total ?? 0,
              showSizeChanger: false,
              onChange: setPage,
            }}
            expandable={{
              expandedRowRender: (r) => <ChangeView entry={r} lang={lang} />,
              rowExpandable: (r) => r.changes.length > 0,
            }}
            columns={[
              { title: pick({ zh: '序号', en: 'No.' }), dataIndex: 'seq', width: 80 },
              {
                title: pick({ zh: '时间（北京时间）', en: 'Time (UTC+8)' }),
                dataIndex: 'atLocal',
                width: 170,
              },
              {
                title: t('audit.user'),
                key: 'user',
                width: 170,
                render: (_v, r) => (
                  <span>
                    {actorText(r.actorName, r.actorUsername, lang)}
                    {r.actorName && <span className="jx-muted">（{r.actorUsername}）</span>}
                  </span>
                ),
              },
              {
                title: t('audit.role'),
                dataIndex: 'actorRole',
                width: 120,
                render: (v: string) => roleName(v, lang),
              },
              {
                title: t('audit.action'),
                key: 'action',
                width: 190,
                render: (_v, r) => (
                  <Tag color={r.action.startsWith('access.') ? 'red' : 'blue'}>
                    {pick(r.actionLabel)}
                  </Tag>
                ),
              },
              {
                title: t('audit.entity'),
                key: 'entity',
                render: (_v, r) =>
                  r.objectName ? `${pick(r.entityLabel)}：${r.objectName}` : pick(r.entityLabel),
              },
              {
                title: t('app.department'),
                key: 'department',
                width: 200,
                render: (_v, r) => r.departmentName ?? '—',
              },
            ]}
          />
        </LoadState>
      </Card>
    </div>
  );
}

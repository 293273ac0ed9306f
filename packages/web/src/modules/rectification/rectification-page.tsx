// 整改清单: a department's own items (/dept/:code/rectification) and the bureau's region-wide list
// (/bureau/rectification) with filters by year and status (逾期 in red), the item drawer, the bureau's
// collection of items from a department's evaluation results, and the 整改报告 download.
import { DownloadOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space } from 'antd';
import { useState } from 'react';
import { api, downloadFile } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import { useDeptCode } from '../../app/dept-code.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { RectificationDrawer } from './rectification-drawer.tsx';
import { RectificationList } from './rectification-list.tsx';
import { TEXT, type RectificationItem } from './rectification-api.ts';

const STATUSES = ['pending', 'inProgress', 'awaitingCheck', 'closed', 'overdue'] as const;
const STATUS_ZH: Record<(typeof STATUSES)[number], string> = {
  pending: '待整改',
  inProgress: '整改中',
  awaitingCheck: '已整改待核',
  closed: '已销号',
  overdue: '逾期',
};
const STATUS_EN: Record<(typeof STATUSES)[number], string> = {
  pending: 'To do',
  inProgress: 'In progress',
  awaitingCheck: 'Awaiting check',
  closed: 'Closed',
  overdue: 'Overdue',
};

function Page({ deptCode }: { deptCode: string | null }) {
  const { lang } = useI18n();
  const txt = TEXT[lang];
  const { message } = App.useApp();
  const user = useUser();
  const { years, departments, departmentName } = useWorkspace();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [dept, setDept] = useState<string | undefined>(deptCode ?? undefined);
  const [open, setOpen] = useState<string | null>(null);
  const list = useApi<RectificationItem[]>('/api/rectifications', {
    department: dept,
    year,
    status,
  });
  const isBureau = user.role === 'financeReviewer';
  const fail = (e: unknown) => void message.error((e as Error).message);
  const collect = () =>
    api
      .post<{ created: number }>('/api/rectifications/collect', {
        departmentCode: dept,
        year: year ?? years[0],
      })
      .then((r) => {
        void message.success(txt.collected.replace('{n}', String(r.created)));
        list.reload();
      })
      .catch(fail);
  const reportYear = year ?? years[0];
  return (
    <div>
      <PageHeader
        title={txt.title}
        sub={deptCode ? departmentName(deptCode) : undefined}
        extra={
          <Space wrap>
            {isBureau && (
              <Button
                icon={<SyncOutlined />}
                disabled={!dept}
                onClick={() => void collect()}
                data-testid="rect-collect"
              >
                {txt.collect}
              </Button>
            )}
            <Button
              icon={<DownloadOutlined />}
              disabled={!dept || !reportYear}
              onClick={() =>
                void downloadFile(
                  '/api/rectifications/report',
                  { department: dept, year: reportYear },
                  '整改报告.docx',
                ).catch(fail)
              }
              data-testid="rect-report"
            >
              {txt.report}
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          {deptCode === null && (
            <Select
              allowClear
              style={{ width: 260 }}
              placeholder={txt.collectDept}
              aria-label={txt.collectDept}
              value={dept}
              onChange={setDept}
              options={departments.map((d) => ({ value: d.code, label: d.name }))}
              data-testid="rect-filter-dept"
            />
          )}
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={txt.allYears}
            aria-label={txt.allYears}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            data-testid="rect-filter-year"
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={txt.allStatus}
            aria-label={txt.allStatus}
            value={status}
            onChange={setStatus}
            options={STATUSES.map((s) => ({
              value: s,
              label: lang === 'zh' ? STATUS_ZH[s] : STATUS_EN[s],
            }))}
            data-testid="rect-filter-status"
          />
        </Space>
        <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
          <RectificationList rows={list.data ?? []} onOpen={setOpen} showDept={deptCode === null} />
        </LoadState>
      </Card>
      <RectificationDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />
    </div>
  );
}

/** /dept/:code/rectification. */
export function RectificationPage() {
  return <Page deptCode={useDeptCode()} />;
}

/** /bureau/rectification: the region's items. */
export function BureauRectificationPage() {
  return <Page deptCode={null} />;
}

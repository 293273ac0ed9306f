// 打包下载全区报告 (finance bureau): every department's self-evaluation report of the year in one zip (Word, and PDF
// when the server has LibreOffice). The server builds it in the background (POST /api/reports/district); the page
// polls its progress each second, shows it as a bar, and downloads the zip when it is done.
import { FileZipOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, downloadFile } from '../../api/client.ts';
import { ApiError } from '../../api/api-error.ts';
import type { Schema } from '../../api/schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Job = Schema<'DistrictReportJob'>;

const TEXT = {
  zh: {
    button: '打包下载全部报告',
    word: '正在生成 Word 报告',
    pdf: '正在转换 PDF',
    zip: '正在打包',
    done: '已完成，正在下载',
    saved: '已下载',
    failed: '打包失败',
  },
  en: {
    button: 'Download all reports (zip)',
    word: 'Generating Word reports',
    pdf: 'Converting to PDF',
    zip: 'Packaging',
    done: 'Done, downloading',
    saved: 'Downloaded',
    failed: 'Packaging failed',
  },
} as const;

const POLL_MS = 1000;

export function DistrictDownload({ year }: { year: number }) {
  const { lang } = useI18n();
  const txt = TEXT[lang];
  const { message } = App.useApp();
  const [job, setJob] = useState<Job | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const fail = (e: unknown) => {
    setJob(null);
    void message.error(e instanceof ApiError ? e.localized(lang) : txt.failed);
  };
  const finish = async (j: Job) => {
    await downloadFile(
      `/api/reports/district/${j.id}/file`,
      undefined,
      j.fileName ?? 'reports.zip',
    );
    void message.success(`${txt.saved}：${j.fileName ?? ''}`);
    setJob(null);
  };
  const follow = (j: Job) => {
    setJob(j);
    if (j.state === 'failed') {
      const e = j.error;
      fail(
        new ApiError(503, e?.code ?? 'INTERNAL', e?.zh ?? txt.failed, e?.en ?? txt.failed, null),
      );
    } else if (j.state === 'done') {
      finish(j).catch(fail);
    } else {
      timer.current = setTimeout(() => {
        api.get<Job>(`/api/reports/district/${j.id}`).then(follow, fail);
      }, POLL_MS);
    }
  };
  const start = () => {
    api.post<Job>('/api/reports/district', { year, pdf: true }).then(follow, fail);
  };

  const pct = job ? Math.floor((job.done * 100) / Math.max(1, job.total)) : 0;
  return (
    <Space data-testid="district-download">
      <Button
        icon={<FileZipOutlined />}
        onClick={start}
        loading={job !== null}
        data-testid="district-download-button"
      >
        {txt.button}
      </Button>
      {job && (
        <Space size={4} style={{ minWidth: 220 }}>
          <Progress
            percent={pct}
            size="small"
            style={{ width: 120 }}
            status="active"
            data-testid="district-progress"
          />
          <Typography.Text type="secondary">
            {txt[job.phase]} {job.done}/{job.total}
          </Typography.Text>
        </Space>
      )}
    </Space>
  );
}

// The state of 自评报告: the preview's HTML, downloads in each format (one at a time, with a message while the
// server renders), paragraphs saved or reverted in place, and the self-check with the report reviewer.
import { App } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { api, downloadFile } from '../../api/client.ts';
import type { ReviewedReport } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useDeptCode } from '../../app/dept-code.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';

export type Format = 'docx' | 'pdf' | 'xlsx' | 'md';

function useDownload(base: string) {
  const code = useDeptCode();
  const { year } = useWorkspace();
  const { t } = useI18n();
  const { message } = App.useApp();
  const fail = useErrorMessage();
  const [downloading, setDownloading] = useState<Format | null>(null);
  const download = async (format: Format) => {
    setDownloading(format);
    const hide = message.loading(t('report.generating'), 0);
    try {
      const name = await downloadFile(base, { year, format }, `report-${code}-${year}.${format}`);
      void message.success(t('report.downloaded', { name }));
    } catch (e) {
      fail(e);
    } finally {
      hide();
      setDownloading(null);
    }
  };
  return { downloading, download };
}

function useErrorMessage() {
  const { lang } = useI18n();
  const { message } = App.useApp();
  return (e: unknown) =>
    void message.error(
      e instanceof ApiError ? e.localized(lang) : e instanceof Error ? e.message : String(e),
    );
}

function useSelfCheck(base: string) {
  const { year } = useWorkspace();
  const fail = useErrorMessage();
  const [review, setReview] = useState<ReviewedReport | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const runReview = async () => {
    setReviewing(true);
    try {
      setReview(await api.get<ReviewedReport>(`${base}/review`, { year }));
    } catch (e) {
      fail(e);
    } finally {
      setReviewing(false);
    }
  };
  return { review, setReview, reviewing, runReview };
}

export function useReport() {
  const code = useDeptCode();
  const { year } = useWorkspace();
  const { t } = useI18n();
  const { message } = App.useApp();
  const fail = useErrorMessage();
  const base = `/api/departments/${encodeURIComponent(code)}/report`;
  const html = useApi<string>(base, { year, format: 'html', download: '0' });
  /** A paragraph saved (PUT) or reverted (DELETE); true when it worked. */
  const changeParagraph = async (write: () => Promise<unknown>, done: MessageKey) => {
    try {
      await write();
      void message.success(t(done));
      html.reload();
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };
  const paragraph = (key: string) => `${base}/paragraphs/${encodeURIComponent(key)}`;
  const saveParagraph = (key: string, text: string) =>
    changeParagraph(() => api.put(paragraph(key), { text }, { year }), 'report.paragraphSaved');
  const revertParagraph = (key: string) =>
    changeParagraph(() => api.del(paragraph(key), { year }), 'report.reverted');
  return { html, saveParagraph, revertParagraph, ...useDownload(base), ...useSelfCheck(base) };
}

export type Report = ReturnType<typeof useReport>;

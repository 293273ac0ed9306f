// The state of 报告审核: an uploaded report (with upload progress, cancellable) or a department's generated
// report, reviewed by the server; its findings by severity then line, and which one is picked.
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import type { ReviewedReport } from '../../api/types.ts';
import { uploadFile } from '../../api/upload.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const MAX_BYTES = 20 * 1024 * 1024;
const SEVERITY_RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };

function useSortedFindings(result: ReviewedReport | null) {
  return useMemo(
    () =>
      [...(result?.result.findings ?? [])].sort(
        (a, b) =>
          (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || a.line - b.line,
      ),
    [result],
  );
}

function useReviewState() {
  const [progress, setProgress] = useState<number | null>(null);
  const [analyzing, setAnalyzing] = useState(false);
  const [result, setResult] = useState<ReviewedReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const abort = useRef<(() => void) | null>(null);
  useEffect(() => () => abort.current?.(), []);
  const start = () => {
    setError(null);
    setResult(null);
    setActive(null);
  };
  return {
    ...{ progress, setProgress, analyzing, setAnalyzing, result, setResult },
    ...{ error, setError, active, setActive, abort, start },
  };
}

export function useReview() {
  const { lang } = useI18n();
  const { year } = useWorkspace();
  const s = useReviewState();
  const [dept, setDept] = useState<string | undefined>(undefined);
  const [returnDept, setReturnDept] = useState<string | undefined>(undefined);
  const findings = useSortedFindings(s.result);
  const errorText = (e: unknown) =>
    e instanceof ApiError ? e.localized(lang) : e instanceof Error ? e.message : String(e);

  const upload = async (file: File) => {
    if (file.size > MAX_BYTES) {
      s.setError(lang === 'en' ? 'The file is larger than 20 MB' : '文件超过 20 MB，无法审核');
      return;
    }
    s.start();
    s.setProgress(0);
    const h = uploadFile<ReviewedReport>('/api/reviews', file, {
      onProgress: (p) => {
        s.setProgress(p);
        if (p >= 100) {
          s.setAnalyzing(true);
        }
      },
    });
    s.abort.current = h.abort;
    try {
      s.setResult(await h.promise);
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) {
        s.setError(errorText(e));
      }
    } finally {
      s.abort.current = null;
      s.setProgress(null);
      s.setAnalyzing(false);
    }
  };

  const reviewGenerated = async () => {
    if (!dept) {
      return;
    }
    s.start();
    s.setAnalyzing(true);
    try {
      s.setResult(
        await api.get<ReviewedReport>(
          `/api/departments/${encodeURIComponent(dept)}/report/review`,
          { year },
        ),
      );
      setReturnDept(dept);
    } catch (e) {
      s.setError(errorText(e));
    } finally {
      s.setAnalyzing(false);
    }
  };

  return { ...s, findings, dept, setDept, returnDept, setReturnDept, upload, reviewGenerated };
}

export type Review = ReturnType<typeof useReview>;

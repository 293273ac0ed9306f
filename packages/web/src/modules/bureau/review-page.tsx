// 报告审核 (finance bureau): upload a report (progress bar) or pick a department's generated report; the text
// is shown line by line with the findings highlighted beside it; the department can be sent back with comments.
import { App, Card } from 'antd';
import { useState } from 'react';
import type { ReviewFindingNote } from '../../api/types.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ReturnDialog } from '../evaluation/return-dialog.tsx';
import { ReviewResult } from './review-result.tsx';
import { ReviewSource } from './review-source.tsx';
import { useReview, type Review } from './use-review.ts';
import './bureau.css';

function ReturnWithFindings({
  r,
  open,
  onClose,
}: {
  r: Review;
  open: boolean;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { year, departmentName } = useWorkspace();
  if (!r.returnDept) {
    return null;
  }
  const notes: ReviewFindingNote[] = r.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    line: f.line,
    message: lang === 'en' ? f.messageEn : f.message,
  }));
  return (
    <ReturnDialog
      open={open}
      departmentCode={r.returnDept}
      departmentName={departmentName(r.returnDept)}
      year={year}
      findings={notes}
      onClose={onClose}
      onDone={() => {
        onClose();
        void message.success(t('eval.returned'));
      }}
    />
  );
}

export function ReviewPage() {
  const { t } = useI18n();
  const { year } = useWorkspace();
  const r = useReview();
  const [returnOpen, setReturnOpen] = useState(false);
  const idle = !r.result && !r.error && r.progress === null && !r.analyzing;
  return (
    <div>
      <PageHeader title={t('review.title')} sub={`${year}${t('app.yearSuffix')}`} />
      <ReviewSource r={r} />
      {idle && (
        <Card className="jx-section">
          <EmptyState text={t('review.empty')} />
        </Card>
      )}
      {r.result && <ReviewResult r={r} result={r.result} onReturn={() => setReturnOpen(true)} />}
      <ReturnWithFindings r={r} open={returnOpen} onClose={() => setReturnOpen(false)} />
    </div>
  );
}

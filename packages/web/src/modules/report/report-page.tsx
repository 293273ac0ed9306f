// 自评报告: preview (HTML from the API), paragraphs edited in place, downloads (.docx / PDF / 自评表 .xlsx / .md)
// with progress while the server renders, and a self-check with the report reviewer.
import { Card, Drawer } from 'antd';
import { useState } from 'react';
import { useUser } from '../../app/auth.tsx';
import { useDeptCode } from '../../app/dept-code.ts';
import { canEditDepartment } from '../../app/home-path.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { FindingList } from '../bureau/finding-list.tsx';
import { ReportActions } from './report-actions.tsx';
import { ReportPreview } from './report-preview.tsx';
import { useReport } from './use-report.ts';
import './report.css';

export function ReportPage() {
  const code = useDeptCode();
  const user = useUser();
  const { year, departmentName } = useWorkspace();
  const { t } = useI18n();
  const r = useReport();
  const { html } = r;
  const [editMode, setEditMode] = useState(false);
  return (
    <div className="jx-report-page">
      <PageHeader
        title={t('report.title')}
        sub={`${departmentName(code)} · ${year}${t('app.yearSuffix')}`}
        extra={
          <ReportActions
            r={r}
            canEdit={canEditDepartment(user, code)}
            editMode={editMode}
            setEditMode={setEditMode}
          />
        }
      />
      <Card size="small" className="jx-report-card">
        <LoadState
          loading={html.loading && html.data === undefined}
          error={html.error}
          reload={html.reload}
          rows={12}
        >
          {typeof html.data === 'string' && (
            <ReportPreview
              html={html.data}
              editMode={editMode}
              onSave={r.saveParagraph}
              onRevert={r.revertParagraph}
            />
          )}
        </LoadState>
      </Card>
      <Drawer
        open={r.review !== null}
        onClose={() => r.setReview(null)}
        title={t('review.findings')}
        size={520}
      >
        {r.review && <FindingList findings={r.review.result.findings} kind={r.review.kind} />}
      </Drawer>
    </div>
  );
}

// The notices above the 自评表: the finance bureau's (or the department head's) review comment with its findings, and the indicators whose
// save failed.
import { Alert, Tag } from 'antd';
import type { EvaluationSubject } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { findingLabel } from './finding-labels.ts';

export function ReviewCommentAlert({
  department,
  title,
}: {
  department: EvaluationSubject;
  title: string;
}) {
  const { t, lang } = useI18n();
  const findings = department.reviewFindings ?? [];
  return (
    <Alert
      type={department.status === 'returned' ? 'warning' : 'info'}
      showIcon
      className="jx-section"
      message={title}
      description={
        <div>
          <div className="jx-pre">{department.reviewComment}</div>
          {findings.length > 0 && (
            <ul className="jx-findings">
              {findings.map((f, i) => (
                <li key={i}>
                  <Tag>{findingLabel(f.code, lang)}</Tag>
                  {f.line ? `${t('review.line', { n: f.line })}：` : ''}
                  {f.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      }
      data-testid="review-comment"
    />
  );
}

export function SaveErrorsAlert({ errors, onClose }: { errors: string[]; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      className="jx-section"
      message={t('app.loadFailed')}
      description={
        <ul className="jx-findings">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      }
      closable
      onClose={onClose}
    />
  );
}

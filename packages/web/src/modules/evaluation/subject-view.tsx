// One subject's self-evaluation (the department's or a project's): the live total with its parts and status, the
// 自评表 and the findings beside it.
import { d, dSum, toFixed2 } from '@jixiao/core/decimal';
import type { ScoredOutput } from '@jixiao/core/scoring/index';
import { Card } from 'antd';
import type { EvaluationSubject } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { GradeTag } from '../../ui/grade-tag.tsx';
import { StatusTag } from '../../ui/status-tag.tsx';
import { FindingsPanel } from './findings-panel.tsx';
import { errorsOf, scored, type IndicatorEdit } from './live-score.ts';
import type { SheetDeductions } from './deduction-note.tsx';
import { SelfEvaluationSheet } from './self-evaluation-sheet.tsx';
import { SubjectYearComparison } from '../linkage/year-comparison.tsx';

function ScoreSummary({
  subject,
  sc,
  editable,
}: {
  subject: EvaluationSubject;
  sc: ScoredOutput | null;
  editable: boolean;
}) {
  const { t, lang } = useI18n();
  const indicatorSum = sc ? toFixed2(dSum(sc.indicators.map((i) => d(i.score)))) : null;
  return (
    <div className="jx-eval-summary" role="status" aria-live="polite">
      <div className="jx-eval-total">
        <span className="jx-eval-total-label">{t('eval.total')}</span>
        <span className="jx-eval-total-value" data-testid="live-total">
          {sc ? sc.total : '—'}
        </span>
        <GradeTag grade={sc?.grade} />
      </div>
      <div className="jx-eval-parts">
        <span>
          {t('eval.rate')} {sc ? `${sc.budget.rate}%` : '—'} → {sc ? sc.budget.score : '—'}
        </span>
        <span>
          {t('eval.indicators')} {indicatorSum ?? '—'}
        </span>
        <StatusTag status={subject.status} />
        {subject.frozenAt && (
          <span className="jx-muted">
            {t('eval.frozen', {
              at: new Date(subject.frozenAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN'),
            })}
          </span>
        )}
        {editable && <span className="jx-muted">{t('eval.scoreUpdates')}</span>}
      </div>
    </div>
  );
}

export function SubjectView({
  departmentName,
  subject,
  input,
  output,
  editable,
  goal,
  onEdit,
  deductions,
}: {
  departmentName: string;
  subject: EvaluationSubject;
  input: EvaluationSubject['input'];
  output: unknown;
  editable: boolean;
  goal: { expected: string | null; achieved: string | null } | null;
  onEdit: (id: string, edit: IndicatorEdit) => void;
  deductions: SheetDeductions;
}) {
  const sc = scored(output);
  const flagged = new Set(
    (sc?.findings ?? []).map((f) => f.indicator).filter((x): x is string => x !== null),
  );
  return (
    <div className="jx-eval-body">
      <ScoreSummary subject={subject} sc={sc} editable={editable} />
      <div className="jx-eval-grid">
        <Card size="small" className="jx-eval-sheet-card">
          <SelfEvaluationSheet
            kind={subject.kind}
            title={subject.name}
            competent={departmentName}
            input={input}
            output={sc}
            editable={editable}
            goal={goal}
            flagged={flagged}
            onEdit={onEdit}
            deductions={deductions}
          />
        </Card>
        <Card size="small" className="jx-eval-side">
          <FindingsPanel findings={sc?.findings ?? []} errors={errorsOf(output)} />
        </Card>
      </div>
      <SubjectYearComparison subjectCode={subject.kind === 'department' ? null : subject.code} />
    </div>
  );
}

// 绩效自评: the department's and each project's 自评表, scored live in the browser as values are typed;
// save writes the actuals, submit freezes them; the finance bureau returns or accepts.
import { d, dSum, toFixed2 } from '@jixiao/core/decimal';
import { CheckOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { App, Alert, Badge, Button, Card, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import type {
  ContractIndicator,
  DepartmentEvaluation,
  EvaluationSubject,
} from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import { useDeptCode } from '../../app/dept-code.ts';
import { canEditDepartment, canEnterData } from '../../app/home-path.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { GradeTag } from '../../ui/grade-tag.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { StatusTag } from '../../ui/status-tag.tsx';
import { DeductionDialog } from './deduction-dialog.tsx';
import { FindingsPanel } from './findings-panel.tsx';
import {
  applyEdits,
  changedIndicators,
  errorsOf,
  liveScore,
  scored,
  type IndicatorEdit,
  type SubjectEdits,
} from './live-score.ts';
import { ReturnDialog } from './return-dialog.tsx';
import { SelfEvaluationSheet, type SheetDeductions } from './self-evaluation-sheet.tsx';
import { useGoalListing } from './use-goal-texts.ts';
import './evaluation.css';

const EDITABLE_STATUSES = new Set(['live', 'draft', 'returned']);

function subjectKey(s: EvaluationSubject): string {
  return s.kind === 'department' ? 'department' : `project:${s.code}`;
}

export function EvaluationPage() {
  const code = useDeptCode();
  const user = useUser();
  const { year, departmentName } = useWorkspace();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const ev = useApi<DepartmentEvaluation>(
    `/api/departments/${encodeURIComponent(code)}/evaluation`,
    { year },
  );
  const goalListing = useGoalListing(code, year);
  const goalTexts = goalListing.texts;
  const [deducting, setDeducting] = useState<ContractIndicator | null>(null);
  const [edits, setEdits] = useState<Record<string, SubjectEdits>>({});
  const [active, setActive] = useState('department');
  const [busy, setBusy] = useState<null | 'save' | 'submit' | 'accept'>(null);
  const [returnOpen, setReturnOpen] = useState(false);
  const [saveErrors, setSaveErrors] = useState<string[]>([]);

  useEffect(() => {
    setEdits({});
    setSaveErrors([]);
  }, [code, year]);

  const subjects = useMemo(
    () => (ev.data ? [ev.data.department, ...ev.data.projects] : []),
    [ev.data],
  );
  const canEdit = canEnterData(user, code);
  const canSubmit = canEditDepartment(user, code);
  const computed = useMemo(
    () =>
      subjects.map((s) => {
        const key = subjectKey(s);
        const editable = canEdit && EDITABLE_STATUSES.has(s.status);
        const input = editable ? applyEdits(s.input, edits[key]) : s.input;
        const output = editable ? liveScore(input) : s.output;
        return {
          s,
          key,
          editable,
          input,
          output,
          changed: editable ? changedIndicators(s.input, edits[key]) : [],
        };
      }),
    [subjects, edits, canEdit],
  );
  const totalChanged = computed.reduce((n, c) => n + c.changed.length, 0);

  useEffect(() => {
    if (totalChanged === 0) {
      return undefined;
    }
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [totalChanged]);

  const current = computed.find((c) => c.key === active) ?? computed[0];
  const deptStatus = ev.data?.department.status ?? 'live';

  // 扣分: the department head of this department or the finance bureau (the server checks again), on locked
  // indicators while the self-evaluation is still open
  const mayDeduct =
    (user.role === 'deptHead' && user.departmentCode === code) || user.role === 'financeReviewer';
  const meta = goalListing.meta;
  const deductions = useMemo<SheetDeductions>(
    () => ({
      meta: (ind) => (ind.indicatorId ? meta.get(ind.indicatorId) : undefined),
      canDeduct: (ind) =>
        mayDeduct &&
        current !== undefined &&
        EDITABLE_STATUSES.has(current.s.status) &&
        ind.indicatorId !== undefined &&
        meta.get(ind.indicatorId)?.locked === true,
      onDeduct: (ind) => setDeducting(ind),
    }),
    [meta, mayDeduct, current],
  );

  const onEdit = (key: string) => (id: string, edit: IndicatorEdit) =>
    setEdits((prev) => ({
      ...prev,
      [key]: { ...prev[key], [id]: { ...prev[key]?.[id], ...edit } },
    }));

  const save = async (): Promise<boolean> => {
    const jobs = computed.flatMap((c) => c.changed.map((x) => ({ key: c.key, ...x })));
    if (jobs.length === 0) {
      void message.info(t('eval.nothingChanged'));
      return true;
    }
    setBusy('save');
    setSaveErrors([]);
    const failed: string[] = [];
    let saved = 0;
    const remaining: Record<string, SubjectEdits> = {};
    for (const j of jobs) {
      const id = j.indicator.indicatorId;
      if (!id) {
        continue;
      }
      const merged = { ...j.indicator, ...j.edit };
      try {
        await api.put(`/api/indicators/${encodeURIComponent(id)}/actual`, {
          actual: merged.actual,
          deviationNote: merged.deviationNote ?? null,
          ...(j.indicator.operator === '定性' ? { qualScore: merged.score ?? null } : {}),
        });
        saved += 1;
      } catch (e) {
        const text =
          e instanceof ApiError
            ? [e.localized(lang), ...e.fields.map((f) => f.message)].join('；')
            : String(e);
        failed.push(`${j.indicator.name}：${text}`);
        remaining[j.key] = { ...remaining[j.key], [j.indicator.id]: j.edit };
      }
    }
    setBusy(null);
    setSaveErrors(failed);
    if (saved > 0) {
      void message.success(t('eval.savedN', { n: saved }));
    }
    setEdits(remaining);
    ev.reload();
    return failed.length === 0;
  };

  const submit = async () => {
    if (totalChanged > 0 && !(await save())) {
      return;
    }
    setBusy('submit');
    try {
      await api.post(`/api/departments/${encodeURIComponent(code)}/evaluation/submit`, undefined, {
        year,
      });
      void message.success(t('eval.submitted'));
      ev.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setBusy(null);
    }
  };

  const accept = async () => {
    setBusy('accept');
    try {
      await api.post(`/api/departments/${encodeURIComponent(code)}/evaluation/accept`, undefined, {
        year,
      });
      void message.success(t('eval.accepted'));
      ev.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setBusy(null);
    }
  };

  const deptEditable = ev.data !== undefined && canSubmit && EDITABLE_STATUSES.has(deptStatus);
  const actions = (
    <Space wrap>
      {deptEditable && (
        <>
          {totalChanged > 0 && (
            <Typography.Text type="warning">
              {t('eval.unsaved', { n: totalChanged })}
            </Typography.Text>
          )}
          {canEdit && (
            <Button
              icon={<SaveOutlined />}
              onClick={() => void save()}
              loading={busy === 'save'}
              disabled={totalChanged === 0}
              data-testid="eval-save"
            >
              {t('eval.save')}
            </Button>
          )}
          <Popconfirm
            title={t('eval.submit')}
            description={<div style={{ maxWidth: 320 }}>{t('eval.submitConfirm')}</div>}
            onConfirm={() => void submit()}
            okText={t('app.confirm')}
            cancelText={t('app.cancel')}
          >
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={busy === 'submit'}
              data-testid="eval-submit"
            >
              {t('eval.submit')}
            </Button>
          </Popconfirm>
        </>
      )}
      {user.role === 'financeReviewer' && deptStatus === 'submitted' && (
        <>
          <Button
            danger
            icon={<RollbackOutlined />}
            onClick={() => setReturnOpen(true)}
            data-testid="eval-return"
          >
            {t('eval.return')}
          </Button>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => void accept()}
            loading={busy === 'accept'}
            data-testid="eval-accept"
          >
            {t('eval.accept')}
          </Button>
        </>
      )}
    </Space>
  );

  return (
    <div className="jx-eval">
      <PageHeader
        title={t('eval.title')}
        sub={`${departmentName(code)} · ${year}${t('app.yearSuffix')}`}
        extra={actions}
      />
      <LoadState loading={ev.loading && !ev.data} error={ev.error} reload={ev.reload} rows={10}>
        {ev.data && current && (
          <>
            {ev.data.department.reviewComment && (
              <Alert
                type={deptStatus === 'returned' ? 'warning' : 'info'}
                showIcon
                className="jx-section"
                message={t('eval.reviewComment')}
                description={
                  <div>
                    <div className="jx-pre">{ev.data.department.reviewComment}</div>
                    {(ev.data.department.reviewFindings ?? []).length > 0 && (
                      <ul className="jx-findings">
                        {(ev.data.department.reviewFindings ?? []).map((f, i) => (
                          <li key={i}>
                            <Tag>{f.code}</Tag>
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
            )}
            {saveErrors.length > 0 && (
              <Alert
                type="error"
                showIcon
                className="jx-section"
                message={t('app.loadFailed')}
                description={
                  <ul className="jx-findings">
                    {saveErrors.map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                }
                closable
                onClose={() => setSaveErrors([])}
              />
            )}
            <Tabs
              activeKey={current.key}
              onChange={setActive}
              className="jx-eval-tabs"
              items={computed.map((c) => {
                const sc = scored(c.output);
                return {
                  key: c.key,
                  label: (
                    <span className="jx-eval-tab" data-testid={`eval-tab-${c.key}`}>
                      <Badge dot={c.changed.length > 0} offset={[4, 0]}>
                        <span>{c.s.kind === 'department' ? t('eval.department') : c.s.name}</span>
                      </Badge>
                      <span className="jx-eval-tab-score">
                        {sc ? `${sc.total} ${sc.grade}` : '—'}
                      </span>
                    </span>
                  ),
                };
              })}
            />
            {ev.data.projects.length === 0 && <EmptyState text={t('eval.noProjects')} />}
            <SubjectView
              key={current.key}
              departmentName={ev.data.departmentName}
              subject={current.s}
              input={current.input}
              output={current.output}
              editable={current.editable}
              goal={
                goalTexts.get(
                  current.s.kind === 'department' ? '' : (current.s.projectId ?? current.s.code),
                ) ?? null
              }
              onEdit={onEdit(current.key)}
              deductions={deductions}
            />
          </>
        )}
      </LoadState>
      {current && (
        <DeductionDialog
          input={current.input}
          indicator={deducting}
          onClose={() => setDeducting(null)}
          onSaved={(cleared) => {
            setDeducting(null);
            void message.success(cleared ? t('deduction.cleared') : t('deduction.saved'));
            ev.reload();
            goalListing.reload();
          }}
        />
      )}
      <ReturnDialog
        open={returnOpen}
        departmentCode={code}
        departmentName={departmentName(code)}
        year={year}
        onClose={() => setReturnOpen(false)}
        onDone={() => {
          setReturnOpen(false);
          void message.success(t('eval.returned'));
          ev.reload();
        }}
      />
    </div>
  );
}

function SubjectView({
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
  const { t, lang } = useI18n();
  const sc = scored(output);
  const errors = errorsOf(output);
  const flagged = new Set(
    (sc?.findings ?? []).map((f) => f.indicator).filter((x): x is string => x !== null),
  );
  const indicatorSum = sc ? toFixed2(dSum(sc.indicators.map((i) => d(i.score)))) : null;
  return (
    <div className="jx-eval-body">
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
          <FindingsPanel findings={sc?.findings ?? []} errors={errors} />
        </Card>
      </div>
    </div>
  );
}

// The state of the 绩效自评 page: the department's evaluation, the local edits per subject (department or
// project) re-scored live, the warning before leaving with unsaved edits, and save / submit / accept.
import { App } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import type {
  ContractIndicator,
  DepartmentEvaluation,
  EvaluationSubject,
} from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n, type Lang } from '../../i18n/i18n.tsx';
import {
  applyEdits,
  changedIndicators,
  liveScore,
  validEdits,
  type IndicatorEdit,
  type SubjectEdits,
} from './live-score.ts';

/** The statuses in which a self-evaluation can still be edited (and deducted from). */
export const EDITABLE_STATUSES = new Set(['live', 'draft', 'returned']);

function subjectKey(s: EvaluationSubject): string {
  return s.kind === 'department' ? 'department' : `project:${s.code}`;
}

/** One subject as shown: its input with the local edits and the score of that input while editable. */
export interface SubjectState {
  s: EvaluationSubject;
  key: string;
  editable: boolean;
  input: EvaluationSubject['input'];
  output: unknown;
  changed: { indicator: ContractIndicator; edit: IndicatorEdit }[];
}

function useComputed(
  data: DepartmentEvaluation | undefined,
  edits: Record<string, SubjectEdits>,
  canEdit: boolean,
): SubjectState[] {
  return useMemo(() => {
    const subjects = data ? [data.department, ...data.projects] : [];
    return subjects.map((s) => {
      const key = subjectKey(s);
      const editable = canEdit && EDITABLE_STATUSES.has(s.status);
      const input = editable ? applyEdits(s.input, edits[key]) : s.input;
      // A value that is not a number marks its row and is neither scored nor saved; the other rows keep scoring.
      const valid = editable ? validEdits(s.input, edits[key]) : {};
      const output = editable ? liveScore(applyEdits(s.input, valid)) : s.output;
      return {
        s,
        key,
        editable,
        input,
        output,
        changed: editable ? changedIndicators(s.input, valid) : [],
      };
    });
  }, [data, edits, canEdit]);
}

function useWarnBeforeLeaving(unsaved: number) {
  useEffect(() => {
    if (unsaved === 0) {
      return undefined;
    }
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}

export function useEvaluation(code: string, year: number, canEdit: boolean) {
  const ev = useApi<DepartmentEvaluation>(
    `/api/departments/${encodeURIComponent(code)}/evaluation`,
    { year },
  );
  const [edits, setEdits] = useState<Record<string, SubjectEdits>>({});
  const [saveErrors, setSaveErrors] = useState<string[]>([]);
  useEffect(() => {
    setEdits({});
    setSaveErrors([]);
  }, [code, year]);
  const computed = useComputed(ev.data, edits, canEdit);
  const totalChanged = computed.reduce((n, c) => n + c.changed.length, 0);
  useWarnBeforeLeaving(totalChanged);
  const onEdit = (key: string) => (id: string, edit: IndicatorEdit) =>
    setEdits((prev) => ({
      ...prev,
      [key]: { ...prev[key], [id]: { ...prev[key]?.[id], ...edit } },
    }));
  return { ev, computed, totalChanged, onEdit, setEdits, saveErrors, setSaveErrors };
}

type Evaluation = ReturnType<typeof useEvaluation>;
type Job = SubjectState['changed'][number] & { key: string };

/** Saves one indicator's actual; the failure as the text to show, or null. */
async function saveOne(j: Job, lang: Lang): Promise<string | null> {
  const id = j.indicator.indicatorId;
  if (!id) {
    return null;
  }
  const merged = { ...j.indicator, ...j.edit };
  try {
    await api.put(`/api/indicators/${encodeURIComponent(id)}/actual`, {
      actual: merged.actual,
      deviationNote: merged.deviationNote ?? null,
      ...(j.indicator.operator === '定性' ? { qualScore: merged.score ?? null } : {}),
    });
    return null;
  } catch (e) {
    const text =
      e instanceof ApiError
        ? [e.localized(lang), ...e.fields.map((f) => f.message)].join('；')
        : String(e);
    return `${j.indicator.name}：${text}`;
  }
}

function useSave(e: Evaluation, setBusy: (b: null | 'save') => void) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  return async (): Promise<boolean> => {
    const jobs = e.computed.flatMap((c) => c.changed.map((x) => ({ key: c.key, ...x })));
    if (jobs.length === 0) {
      void message.info(t('eval.nothingChanged'));
      return true;
    }
    setBusy('save');
    e.setSaveErrors([]);
    const failed: string[] = [];
    let saved = 0;
    const remaining: Record<string, SubjectEdits> = {};
    for (const j of jobs) {
      const error = await saveOne(j, lang);
      if (error === null) {
        saved += j.indicator.indicatorId ? 1 : 0;
      } else {
        failed.push(error);
        remaining[j.key] = { ...remaining[j.key], [j.indicator.id]: j.edit };
      }
    }
    setBusy(null);
    e.setSaveErrors(failed);
    if (saved > 0) {
      void message.success(t('eval.savedN', { n: saved }));
    }
    e.setEdits(remaining);
    e.ev.reload();
    return failed.length === 0;
  };
}

/** save, submit (saving first), the head's sign-off and accept, with which of them is running. */
export function useEvaluationActions(e: Evaluation, code: string, year: number) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<null | 'save' | 'submit' | 'accept' | 'head-approve'>(null);
  const save = useSave(e, setBusy);
  const post = async (step: 'submit' | 'accept' | 'head-approve', done: string) => {
    setBusy(step);
    try {
      await api.post(`/api/departments/${encodeURIComponent(code)}/evaluation/${step}`, undefined, {
        year,
      });
      void message.success(done);
      e.ev.reload();
    } catch (err) {
      void message.error(err instanceof ApiError ? err.localized(lang) : String(err));
    } finally {
      setBusy(null);
    }
  };
  const submit = async () => {
    if (e.totalChanged > 0 && !(await save())) {
      return;
    }
    await post(
      'submit',
      e.ev.data?.headReviewRequired ? t('eval.sentToHead') : t('eval.submitted'),
    );
  };
  const accept = () => post('accept', t('eval.accepted'));
  /** 部门负责人审核通过: frozen with the head's deductions and sent to the finance bureau. */
  const headApprove = () => post('head-approve', t('eval.headApproved'));
  return { busy, save, submit, accept, headApprove };
}

export type EvaluationActions = ReturnType<typeof useEvaluationActions>;

// 扣分 (department head / finance reviewer): points off one indicator with a required reason, previewed live by
// core's engine (the indicator's score and the total) before PUT /api/indicators/{id}/deduction; 0 clears it.
import { d, isDecimalString } from '@jixiao/core/decimal';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import type { ContractIndicator, ContractInput } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { applyServerErrors } from '../../ui/form-errors.ts';
import { liveScore, scored } from './live-score.ts';

interface Values {
  deduction: string;
  reason: string;
}

/** "3" / "1.5" within [0, weight] with at most 2 decimals (the server's rule). */
export function validDeduction(text: string, weight: string): boolean {
  const s = text.trim();
  return /^\d{1,3}(\.\d{1,2})?$/.test(s) && isDecimalString(weight) && !d(s).gt(d(weight));
}

/** The input with one indicator's deduction replaced (what the engine scores for the preview). */
export function withDeduction(
  input: ContractInput,
  indicatorId: string,
  deduction: string | null,
  reason: string | null,
): ContractInput {
  return {
    ...input,
    indicators: input.indicators.map((i) =>
      i.id === indicatorId ? { ...i, deduction, deductionReason: reason } : i,
    ),
  };
}

export function DeductionDialog({
  input,
  indicator,
  onClose,
  onSaved,
}: {
  input: ContractInput;
  indicator: ContractIndicator | null;
  onClose: () => void;
  onSaved: (cleared: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const points = Form.useWatch('deduction', form) ?? '';
  const reason = Form.useWatch('reason', form) ?? '';

  useEffect(() => {
    if (indicator) {
      setError(null);
      form.resetFields();
      form.setFieldsValue({
        deduction: indicator.deduction ?? '',
        reason: indicator.deductionReason ?? '',
      });
    }
  }, [indicator, form]);

  const preview = useMemo(() => {
    if (!indicator || !validDeduction(points, indicator.weight)) {
      return null;
    }
    const cleared = d(points.trim()).eq(0);
    const before = scored(
      liveScore(
        withDeduction(
          input,
          indicator.id,
          indicator.deduction ?? null,
          indicator.deductionReason ?? null,
        ),
      ),
    );
    const after = scored(
      liveScore(
        withDeduction(
          input,
          indicator.id,
          cleared ? null : points.trim(),
          cleared ? null : reason.trim() || null,
        ),
      ),
    );
    if (!before || !after) {
      return null;
    }
    const score = (o: typeof before) =>
      o.indicators.find((i) => i.id === indicator.id)?.score ?? '—';
    return {
      before: score(before),
      after: score(after),
      totalBefore: before.total,
      totalAfter: after.total,
    };
  }, [input, indicator, points, reason]);

  return (
    <Modal
      open={indicator !== null}
      title={indicator ? `${t('deduction.title')} · ${indicator.name}` : t('deduction.title')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />
      )}
      <Form
        form={form}
        layout="vertical"
        data-testid="deduction-form"
        onFinish={(v) => {
          if (!indicator?.indicatorId) {
            return;
          }
          const cleared = d(v.deduction.trim()).eq(0);
          setBusy(true);
          setError(null);
          api
            .put(`/api/indicators/${encodeURIComponent(indicator.indicatorId)}/deduction`, {
              deduction: v.deduction.trim(),
              reason: cleared ? null : v.reason.trim(),
            })
            .then(() => onSaved(cleared))
            .catch((e: unknown) => setError(applyServerErrors(form, e, lang)))
            .finally(() => setBusy(false));
        }}
      >
        <Form.Item
          name="deduction"
          label={t('deduction.points')}
          extra={indicator ? t('deduction.pointsHint', { max: indicator.weight }) : undefined}
          rules={[
            {
              validator: (_r, value: string | undefined) =>
                indicator && validDeduction(value ?? '', indicator.weight)
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(t('deduction.pointsInvalid', { max: indicator?.weight ?? '' })),
                    ),
            },
          ]}
        >
          <Input
            inputMode="decimal"
            style={{ width: 160 }}
            autoComplete="off"
            data-testid="deduction-points"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('deduction.reason')}
          dependencies={['deduction']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_r, value: string | undefined) => {
                const p = String(getFieldValue('deduction') ?? '').trim();
                const needs = /^\d+(\.\d+)?$/.test(p) && d(p).gt(0);
                return needs && !(value ?? '').trim()
                  ? Promise.reject(new Error(t('deduction.reasonRequired')))
                  : Promise.resolve();
              },
            }),
            { max: 1000 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="deduction-reason" />
        </Form.Item>
      </Form>
      {preview && (
        <Typography.Paragraph
          className="jx-deduction-preview"
          data-testid="deduction-preview"
          aria-live="polite"
        >
          {t('deduction.preview', preview)}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}

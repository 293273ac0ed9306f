// 偏差说明: the department's answer to a red/yellow warning — reasons (经费/制度/人员/硬件/其他), analysis,
// likelihood of reaching the target, measures (纠偏), expected full-year result. Saved per subject.
import {
  COMPLETION_LIKELIHOODS,
  COMPLETION_LIKELIHOOD_TEXT,
  DEVIATION_REASONS,
  DEVIATION_REASON_TEXT,
} from '@jixiao/core/monitoring/index';
import { Alert, Checkbox, Drawer, Form, Input, Radio, Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { applyServerErrors } from '../../ui/form-errors.ts';
import type { WarningResponse } from './monitoring-data.ts';

export interface ResponseTarget {
  subjectKey: string;
  label: string;
  response: WarningResponse | null;
}

interface Values {
  deviationReasons: string[];
  deviationNote: string;
  completionLikelihood: string | null;
  measures: string;
  expectedAnnual: string;
}

export function ResponseDrawer({
  target,
  readOnly,
  onClose,
  onSave,
}: {
  target: ResponseTarget | null;
  readOnly: boolean;
  onClose: () => void;
  onSave: (subjectKey: string, v: Values) => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (target) {
      const r = target.response;
      form.setFieldsValue({
        deviationReasons: r?.deviationReasons ?? [],
        deviationNote: r?.deviationNote ?? '',
        completionLikelihood: r?.completionLikelihood ?? null,
        measures: r?.measures ?? '',
        expectedAnnual: r?.expectedAnnual ?? '',
      });
      setError(null);
    }
  }, [target, form]);
  const pick = (b: { zh: string; en: string }) => (lang === 'en' ? b.en : b.zh);
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={`${t('monitoring.respond')} · ${target?.label ?? ''}`}
      size={520}
      extra={
        !readOnly && (
          <Space>
            <Button onClick={onClose}>{t('app.cancel')}</Button>
            <Button
              type="primary"
              loading={busy}
              onClick={() => form.submit()}
              data-testid="response-save"
            >
              {t('app.save')}
            </Button>
          </Space>
        )
      }
    >
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={readOnly}
        onFinish={(v) => {
          if (!target) {
            return;
          }
          setBusy(true);
          setError(null);
          onSave(target.subjectKey, v)
            .catch((e: unknown) => setError(applyServerErrors(form, e, lang)))
            .finally(() => setBusy(false));
        }}
      >
        <Form.Item
          name="deviationReasons"
          label={t('monitoring.reasons')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('monitoring.reasonsRequired') },
          ]}
        >
          <Checkbox.Group
            options={DEVIATION_REASONS.map((r) => ({
              value: r,
              label: pick(DEVIATION_REASON_TEXT[r]),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="deviationNote"
          label={t('monitoring.analysis')}
          rules={[
            { required: true, whitespace: true, message: t('monitoring.analysisRequired') },
            { max: 2000 },
          ]}
        >
          <Input.TextArea rows={4} showCount maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="completionLikelihood"
          label={t('monitoring.likelihood')}
          rules={[{ required: true, message: t('monitoring.likelihoodRequired') }]}
        >
          <Radio.Group
            options={COMPLETION_LIKELIHOODS.map((c) => ({
              value: c,
              label: pick(COMPLETION_LIKELIHOOD_TEXT[c]),
            }))}
          />
        </Form.Item>
        <Form.Item name="measures" label={t('monitoring.measures')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} showCount maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="expectedAnnual"
          label={t('monitoring.expectedAnnual')}
          rules={[{ max: 500 }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

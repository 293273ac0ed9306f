// 申请调整: a change to a locked/approved indicator (target, weight …) with a reason; decided by the head, then the bureau.
import { isDecimalString } from '@jixiao/core/decimal';
import { Alert, Descriptions, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { applyServerErrors } from '../../ui/form-errors.ts';
import type { IndicatorView } from './goals-api.ts';

interface Values {
  field: 'target' | 'weight' | 'unit' | 'name';
  newValue: string;
  reason: string;
}

export function ChangeRequestDialog({
  indicator,
  onClose,
  onSubmit,
}: {
  indicator: IndicatorView | null;
  onClose: () => void;
  onSubmit: (indicator: IndicatorView, v: Values) => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = Form.useWatch('field', form);
  useEffect(() => {
    if (indicator) {
      form.setFieldsValue({ field: 'target', newValue: '', reason: '' });
      setError(null);
    }
  }, [indicator, form]);
  if (!indicator) {
    return null;
  }
  const current: Record<Values['field'], string> = {
    target: indicator.target,
    weight: indicator.weight,
    unit: indicator.unit,
    name: indicator.name,
  };
  const numeric = field === 'weight' || (field === 'target' && indicator.operator !== 'QUAL');
  return (
    <Modal
      open
      title={t('goals.newChange')}
      okText={t('goals.sendChange')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />
      )}
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('eval.level3')}>{indicator.name}</Descriptions.Item>
        <Descriptions.Item label={t('eval.target')}>
          {indicator.operatorSymbol}
          {indicator.target} {indicator.unit}
        </Descriptions.Item>
      </Descriptions>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setBusy(true);
          setError(null);
          onSubmit(indicator, v)
            .catch((e: unknown) =>
              setError(
                applyServerErrors(form, e, lang, {
                  'changes.0.newValue': 'newValue',
                  'changes.0.field': 'field',
                }),
              ),
            )
            .finally(() => setBusy(false));
        }}
      >
        <Form.Item name="field" label={t('goals.changeField')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'target', label: t('eval.target') },
              { value: 'weight', label: t('eval.weight') },
              { value: 'unit', label: t('eval.unitCol') },
              { value: 'name', label: t('eval.level3') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="newValue"
          label={`${t('goals.newTarget')}（${t('goals.current')}：${current[field ?? 'target']}）`}
          rules={[
            { required: true, whitespace: true, message: t('goals.targetRequired') },
            {
              validator: (_r, v: string | undefined) =>
                !numeric || !v || isDecimalString(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('eval.numberRequired'))),
            },
          ]}
        >
          <Input inputMode={numeric ? 'decimal' : 'text'} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('goals.changeReason')}
          rules={[{ required: true, whitespace: true, min: 5, message: t('goals.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

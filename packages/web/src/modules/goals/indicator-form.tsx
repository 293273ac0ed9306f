// 新增/编辑指标: level 1 → allowed level 2, name, operator, target, unit, weight, basis, data source.
// Checked in the form before sending; the server's field errors are shown on the fields.
import { isDecimalString } from '@jixiao/core/decimal';
import {
  LEVEL2_OF_LEVEL1,
  LEVEL2_TEXT,
  LEVEL2_TEXT_EN,
  OPERATOR_CODES,
  TARGET_BASIS_CODES,
  TARGET_BASIS_TEXT,
} from '@jixiao/core/indicators/index';
import { LEVEL1_TEXT, LEVEL1_TEXT_EN, OPERATOR_SYMBOL } from '@jixiao/core/scoring/index';
import type { Level1 } from '@jixiao/core/scoring/index';
import { Alert, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { applyServerErrors } from '../../ui/form-errors.ts';
import type { IndicatorInput } from './goals-api.ts';

const LEVEL1S: Level1[] = ['OUTPUT', 'BENEFIT', 'SATISFACTION', 'COST'];

export function IndicatorForm({
  open,
  title,
  initial,
  onClose,
  onSubmit,
}: {
  open: boolean;
  title: string;
  initial: Partial<IndicatorInput> | null;
  onClose: () => void;
  onSubmit: (v: IndicatorInput) => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<IndicatorInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const level1 = Form.useWatch('level1', form) as Level1 | undefined;
  const operator = Form.useWatch('operator', form) as string | undefined;

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ level1: 'OUTPUT', operator: 'GE', targetBasis: 'PLAN', ...initial });
      setError(null);
    }
  }, [open, initial, form]);

  const submit = async (v: IndicatorInput) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        ...v,
        unit: v.unit ?? '',
        target: v.target.trim(),
        weight: v.weight.trim(),
      });
    } catch (e) {
      setError(applyServerErrors(form, e, lang));
    } finally {
      setBusy(false);
    }
  };

  const qual = operator === 'QUAL';
  return (
    <Modal
      open={open}
      title={title}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="level1" label={t('eval.level1')} rules={[{ required: true }]}>
              <Select
                options={LEVEL1S.map((l) => ({
                  value: l,
                  label: lang === 'en' ? LEVEL1_TEXT_EN[l] : LEVEL1_TEXT[l],
                }))}
                onChange={(l: Level1) => {
                  const allowed = LEVEL2_OF_LEVEL1[l];
                  if (!allowed.includes(form.getFieldValue('level2'))) {
                    form.setFieldValue('level2', allowed[0]);
                  }
                }}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="level2"
              label={t('eval.level2')}
              rules={[{ required: true, message: t('goals.level2Required') }]}
            >
              <Select
                options={(LEVEL2_OF_LEVEL1[level1 ?? 'OUTPUT'] ?? []).map((l) => ({
                  value: l,
                  label: lang === 'en' ? LEVEL2_TEXT_EN[l] : LEVEL2_TEXT[l],
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="operator" label={t('eval.operator')} rules={[{ required: true }]}>
              <Select
                options={OPERATOR_CODES.map((o) => ({ value: o, label: OPERATOR_SYMBOL[o] }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="name"
          label={t('eval.level3')}
          rules={[
            { required: true, whitespace: true, message: t('goals.nameRequired') },
            { max: 200 },
          ]}
        >
          <Input autoFocus />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="target"
              label={t('eval.target')}
              rules={[
                { required: true, whitespace: true, message: t('goals.targetRequired') },
                {
                  validator: (_r, v: string | undefined) =>
                    qual || !v || isDecimalString(v)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('eval.numberRequired'))),
                },
              ]}
              extra={qual ? t('goals.qualTargetHint') : undefined}
            >
              <Input inputMode={qual ? 'text' : 'decimal'} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="unit"
              label={t('eval.unitCol')}
              rules={[{ required: !qual, whitespace: true, message: t('goals.unitRequired') }]}
            >
              <Input placeholder="个 / % / 万元" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="weight"
              label={t('eval.weight')}
              rules={[
                { required: true, message: t('goals.weightRequired') },
                {
                  validator: (_r, v: string | undefined) =>
                    !v || (isDecimalString(v) && !v.trim().startsWith('-'))
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('eval.numberRequired'))),
                },
              ]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="targetBasis" label={t('goals.targetBasis')}>
              <Select
                allowClear
                options={TARGET_BASIS_CODES.map((b) => ({ value: b, label: TARGET_BASIS_TEXT[b] }))}
              />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="dataSource" label={t('goals.dataSource')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

// Step 1 of the 初始化向导: the region (6-digit 区划代码, name) and its finance bureau (defaults shown).
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/api-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { RegionView } from './organisation-types.ts';

interface Values {
  code: string;
  name: string;
  financeCode: string;
  financeName: string;
}

export function RegionStep({ onDone }: { onDone: (r: RegionView) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const code = Form.useWatch('code', form) ?? '';
  const name = Form.useWatch('name', form) ?? '';
  const submit = async (v: Values): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<RegionView>('/api/regions', {
        code: v.code.trim(),
        name: v.name.trim(),
        ...(v.financeCode?.trim() ? { financeCode: v.financeCode.trim() } : {}),
        ...(v.financeName?.trim() ? { financeName: v.financeName.trim() } : {}),
      });
      onDone(r);
    } catch (e) {
      setError(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 520 }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item
        name="code"
        label={t('setup.regionCode')}
        extra={t('setup.regionCodeHint')}
        rules={[{ required: true, pattern: /^\d{6}$/, message: t('setup.regionCodeRule') }]}
      >
        <Input placeholder="440111" maxLength={6} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('setup.regionName')}
        rules={[{ required: true, message: t('setup.regionNameRule') }]}
      >
        <Input placeholder="广州市白云区" maxLength={50} />
      </Form.Item>
      <Form.Item name="financeCode" label={t('setup.financeCode')}>
        <Input placeholder={code ? `${code}-CZJ` : '440111-CZJ'} maxLength={32} />
      </Form.Item>
      <Form.Item name="financeName" label={t('setup.financeName')}>
        <Input placeholder={name ? `${name}财政局` : '广州市白云区财政局'} maxLength={60} />
      </Form.Item>
      {error && (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />
      )}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('setup.createRegion')}
      </Button>
    </Form>
  );
}

// 单位管理's dialog: add a department or a unit under one (code, name, 单位类型), or rename one.
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { RequestBody } from '../../api/schema.ts';
import { ApiError } from '../../api/api-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type AgencyDialogMode =
  | { kind: 'add'; regionCode: string; parentCode: string | null; parentName?: string }
  | { kind: 'rename'; code: string; name: string; shortName: string };

/** The form's fields (sent as the bodies of POST …/agencies and PATCH /api/agencies/{code}). */
interface Values {
  code: string;
  name: string;
  shortName: string;
  agencyType: string;
}

export function AgencyDialog({
  mode,
  onClose,
  onSaved,
}: {
  mode: AgencyDialogMode | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (mode) {
      setError(null);
      form.resetFields();
      if (mode.kind === 'rename') {
        form.setFieldsValue({ name: mode.name, shortName: mode.shortName });
      }
    }
  }, [mode, form]);
  const save = async (v: Values): Promise<void> => {
    if (!mode) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (mode.kind === 'add') {
        const body: RequestBody<'/api/regions/{code}/agencies', 'post'> = {
          code: v.code.trim(),
          name: v.name.trim(),
          parentCode: mode.parentCode,
          agencyType: v.agencyType?.trim() || null,
        };
        await api.post(`/api/regions/${mode.regionCode}/agencies`, body);
      } else {
        const body: RequestBody<'/api/agencies/{code}', 'patch'> = {
          name: v.name.trim(),
          shortName: v.shortName.trim(),
        };
        await api.patch(`/api/agencies/${encodeURIComponent(mode.code)}`, body);
      }
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };
  const title =
    mode?.kind === 'rename'
      ? t('org.rename')
      : mode?.parentCode
        ? t('org.addUnitTo', { name: mode.parentName ?? mode.parentCode })
        : t('org.addDepartment');
  return (
    <Modal
      open={mode !== null}
      title={title}
      okText={t('org.save')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        {mode?.kind === 'add' && (
          <Form.Item
            name="code"
            label={t('org.code')}
            extra={t('org.codeHint')}
            rules={[
              { required: true, pattern: /^[A-Za-z0-9.-]{1,32}$/, message: t('org.codeRule') },
            ]}
          >
            <Input maxLength={32} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[{ required: true, message: t('org.nameRule') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        {mode?.kind === 'rename' && (
          <Form.Item
            name="shortName"
            label={t('org.shortName')}
            rules={[{ required: true, message: t('org.nameRule') }]}
          >
            <Input maxLength={50} />
          </Form.Item>
        )}
        {mode?.kind === 'add' && (
          <Form.Item name="agencyType" label={t('org.agencyType')}>
            <Input placeholder="行政单位 / 参公单位 / 事业单位" maxLength={20} />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon role="alert" message={error} />}
      </Form>
    </Modal>
  );
}

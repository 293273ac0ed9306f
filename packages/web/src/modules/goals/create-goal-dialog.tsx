// 新建绩效目标: a goal set for the whole department or for a project that has none yet (POST /api/goals).
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { applyServerErrors } from '../../ui/form-errors.ts';

/**
 * The choice 部门整体 (the goal set of the whole department). Not '' — antd's required rule treats an empty string
 * as nothing chosen, which made 部门整体 always answer 请选择部门整体或项目.
 */
export const DEPARTMENT_SCOPE = 'department';

export interface GoalScopeOption {
  /** DEPARTMENT_SCOPE for the department, else the project's id. */
  value: string;
  label: string;
}

interface Values {
  scope: string;
  targetText: string;
}

export function CreateGoalDialog({
  open,
  departmentCode,
  year,
  options,
  onClose,
  onCreated,
}: {
  open: boolean;
  departmentCode: string;
  year: number;
  options: GoalScopeOption[];
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      form.setFieldsValue({ scope: options[0]?.value, targetText: '' });
      setError(null);
    }
  }, [open, options, form]);
  return (
    <Modal
      open={open}
      title={t('goals.create')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setBusy(true);
          setError(null);
          api
            .post('/api/goals', {
              departmentCode,
              year,
              projectId: v.scope === DEPARTMENT_SCOPE ? null : v.scope,
              targetText: v.targetText.trim(),
            })
            .then(() => onCreated())
            .catch((e: unknown) =>
              setError(applyServerErrors(form, e, lang, { projectId: 'scope' })),
            )
            .finally(() => setBusy(false));
        }}
      >
        <Form.Item
          name="scope"
          label={t('goals.scope')}
          rules={[{ required: true, message: t('goals.scopeRequired') }]}
        >
          <Select options={options} />
        </Form.Item>
        <Form.Item
          name="targetText"
          label={t('goals.goalText')}
          rules={[
            { required: true, whitespace: true, message: t('goals.goalTextRequired') },
            { max: 4000 },
          ]}
        >
          <Input.TextArea
            rows={5}
            showCount
            maxLength={4000}
            placeholder={t('goals.goalTextHint')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// 退回修改: the finance bureau returns a department's self-evaluation with a comment (and review findings); the
// department head returns it to the clerk (step 'head-return') with a comment the same way.
import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { ReviewFindingNote } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { applyServerErrors } from '../../ui/form-errors.ts';

interface Values {
  comment: string;
  attach: boolean;
}

export function ReturnDialog({
  open,
  departmentCode,
  departmentName,
  year,
  findings = [],
  step = 'return',
  onClose,
  onDone,
}: {
  step?: 'return' | 'head-return';
  open: boolean;
  departmentCode: string;
  departmentName: string;
  year: number;
  findings?: ReviewFindingNote[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(
        `/api/departments/${encodeURIComponent(departmentCode)}/evaluation/${step}`,
        { comment: v.comment, findings: v.attach ? findings.slice(0, 200) : [] },
        { year },
      );
      form.resetFields();
      onDone();
    } catch (e) {
      setError(applyServerErrors(form, e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`${step === 'head-return' ? t('eval.headReturnTitle') : t('review.returnTitle')} · ${departmentName}`}
      okText={t('review.returnSubmit')}
      okButtonProps={{ danger: true, id: 'return-confirm' }}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ comment: '', attach: findings.length > 0 }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="comment"
          label={t('eval.returnComment')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('eval.returnCommentRequired') },
            { max: 4000 },
          ]}
        >
          <Input.TextArea rows={5} showCount maxLength={4000} data-testid="return-comment" />
        </Form.Item>
        {findings.length > 0 && (
          <Form.Item name="attach" valuePropName="checked">
            <Checkbox>{t('review.returnAttach', { n: findings.length })}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

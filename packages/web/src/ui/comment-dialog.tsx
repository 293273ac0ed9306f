// A small dialog asking for a comment (required or optional) before an action (return, approve, reject …).
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { applyServerErrors } from './form-errors.ts';

export function CommentDialog({
  open,
  title,
  label,
  required,
  okText,
  danger,
  onClose,
  onSubmit,
}: {
  open: boolean;
  title: string;
  label: string;
  required: boolean;
  okText: string;
  danger?: boolean;
  onClose: () => void;
  onSubmit: (comment: string | null) => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ comment: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('app.cancel')}
      okButtonProps={{ danger }}
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
          onSubmit(v.comment?.trim() ? v.comment.trim() : null)
            .catch((e: unknown) => setError(applyServerErrors(form, e, lang)))
            .finally(() => setBusy(false));
        }}
      >
        <Form.Item
          name="comment"
          label={label}
          rules={
            required
              ? [
                  {
                    required: true,
                    whitespace: true,
                    min: 2,
                    message: t('eval.returnCommentRequired'),
                  },
                ]
              : []
          }
        >
          <Input.TextArea rows={4} maxLength={4000} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

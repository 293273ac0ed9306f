// 修改密码 from the user menu: the shared password form in a dialog.
import { Form, Modal, message } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { PasswordForm, type PasswordValues } from './password-form.tsx';

export function PasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PasswordValues>();
  const [busy, setBusy] = useState(false);

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <PasswordForm
        form={form}
        onBusy={setBusy}
        onChanged={() => {
          void message.success(t('password.changed'));
          onClose();
        }}
      />
    </Modal>
  );
}

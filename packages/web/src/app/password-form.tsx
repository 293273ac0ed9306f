// The password change form (current + new + repeat), shared by the 修改密码 dialog and the forced change after a
// first sign-in or a reset: the rules under the new password, checked in the form before POST /api/auth/password,
// and the server's errors beside the field they name (current → 当前密码, next → 新密码), the rest above the form.
// The rules are the server's (GET /api/auth/password-rules, from the security administrator's policy).
import { Alert, Form, Input, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../api/client.ts';
import type { Schema } from '../api/schema.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { applyServerErrors } from '../ui/form-errors.ts';

export interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** The server names the fields current / next; the form calls them currentPassword / newPassword. */
export const PASSWORD_FIELD_ALIASES: Record<string, string> = {
  current: 'currentPassword',
  next: 'newPassword',
};

export interface PasswordFormProps {
  form: FormInstance<PasswordValues>;
  /** After the server accepted the new password. */
  onChanged: () => void;
  onBusy?: (busy: boolean) => void;
  /** Label of the current password (the forced change says it is the one the administrator gave). */
  currentLabel?: string;
  size?: 'middle' | 'large';
  /** The submit button; without it a hidden one lets Enter submit (the dialog has its own OK button). */
  submit?: ReactNode;
}

export function PasswordForm({
  form,
  onChanged,
  onBusy,
  currentLabel,
  size,
  submit,
}: PasswordFormProps) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const rules = useApi<Schema<'PasswordRules'>>('/api/auth/password-rules').data?.rules;

  const send = async (v: PasswordValues) => {
    onBusy?.(true);
    setError(null);
    try {
      await api.post('/api/auth/password', {
        currentPassword: v.currentPassword,
        newPassword: v.newPassword,
      });
      form.resetFields();
      onChanged();
    } catch (e) {
      setError(applyServerErrors(form, e, lang, PASSWORD_FIELD_ALIASES));
    } finally {
      onBusy?.(false);
    }
  };

  return (
    <>
      {error && (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 16 }}
          role="alert"
          data-testid="password-error"
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void send(v)} requiredMark size={size}>
        <Form.Item
          name="currentPassword"
          label={currentLabel ?? t('password.current')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.next')}
          rules={[{ required: true, min: 12, message: t('password.rule') }]}
          extra={
            rules ? (
              <ul style={{ margin: '4px 0 0', paddingLeft: 18 }} data-testid="password-rules">
                {rules.map((r) => (
                  <li key={r.zh}>{lang === 'en' ? r.en : r.zh}</li>
                ))}
              </ul>
            ) : (
              t('password.rules')
            )
          }
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('password.repeat')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.mismatch') },
            ({ getFieldValue }) => ({
              validator: (_r, value: string) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password
            autoComplete="new-password"
            data-testid="password-repeat"
            onPressEnter={submit ? undefined : () => form.submit()}
          />
        </Form.Item>
        {submit ?? <button type="submit" hidden aria-hidden tabIndex={-1} />}
      </Form>
    </>
  );
}

// 修改初始密码: the only screen of a session whose password an administrator set (the generated first-administrator
// password, a new account, a reset). The server refuses everything else (403 PASSWORD_CHANGE_REQUIRED) until the
// change; afterwards the user continues to the role's start page. Signing out is offered too.
import { LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Form, message } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth, useUser } from '../../app/auth.tsx';
import { homePath } from '../../app/home-path.ts';
import { PasswordForm, type PasswordValues } from '../../app/password-form.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AuthFrame } from './auth-frame.tsx';

export function PasswordChangePage() {
  const { t } = useI18n();
  const user = useUser();
  const { logout, passwordChanged } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordValues>();
  const [busy, setBusy] = useState(false);

  const changed = () => {
    void message.success(t('password.changed'));
    void navigate(homePath(user), { replace: true });
    passwordChanged();
  };

  return (
    <AuthFrame testId="password-change-page">
      <div className="jx-login-card jx-password-card">
        <h1>{t('password.forcedTitle')}</h1>
        <Alert
          type="warning"
          showIcon
          message={t('password.forcedIntro')}
          description={t('password.forcedAccount', {
            name: user.displayName,
            username: user.username,
          })}
          style={{ marginBottom: 16 }}
        />
        <PasswordForm
          form={form}
          onBusy={setBusy}
          onChanged={changed}
          currentLabel={t('password.currentGiven')}
          submit={
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={busy}
              data-testid="password-submit"
            >
              {t('password.forcedSubmit')}
            </Button>
          }
        />
        <Button
          type="link"
          icon={<LogoutOutlined />}
          style={{ marginTop: 12, paddingInline: 0 }}
          onClick={() => void logout().then(() => navigate('/login', { replace: true }))}
        >
          {t('app.logout')}
        </Button>
      </div>
    </AuthFrame>
  );
}

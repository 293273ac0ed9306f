// 修改初始密码: the only screen of a session whose password an administrator set (the generated first-administrator
// password, a new account, a reset). The server refuses everything else (403 PASSWORD_CHANGE_REQUIRED) until the
// change; afterwards the user continues to the role's start page. Signing out is offered too.
import { GlobalOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Form, message } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth, useUser } from '../../app/auth.tsx';
import { homePath } from '../../app/home-path.ts';
import { PasswordForm, type PasswordValues } from '../../app/password-form.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import './login-page.css';

export function PasswordChangePage() {
  const { t, lang, setLang } = useI18n();
  const user = useUser();
  const { logout, passwordChanged } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordValues>();
  const [busy, setBusy] = useState(false);

  const changed = () => {
    void message.success(t('password.changed'));
    navigate(homePath(user), { replace: true });
    passwordChanged();
  };

  return (
    <div className="jx-login" data-testid="password-change-page">
      <div className="jx-login-band">
        <div className="jx-login-brand">
          <span className="jx-login-logo" aria-hidden>
            绩
          </span>
          <div>
            <div className="jx-login-title">{t('app.title')}</div>
            <div className="jx-login-sub">{t('app.subtitle')}</div>
          </div>
        </div>
        <p className="jx-login-intro">{t('login.intro')}</p>
      </div>
      <main className="jx-login-main">
        <Button className="jx-login-lang" size="small" icon={<GlobalOutlined />} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('app.lang')}
        </Button>
        <div className="jx-login-card jx-password-card">
          <h1>{t('password.forcedTitle')}</h1>
          <Alert type="warning" showIcon message={t('password.forcedIntro')} description={t('password.forcedAccount', { name: user.displayName, username: user.username })} style={{ marginBottom: 16 }} />
          <PasswordForm
            form={form}
            onBusy={setBusy}
            onChanged={changed}
            currentLabel={t('password.currentGiven')}
            submit={
              <Button type="primary" htmlType="submit" block loading={busy} data-testid="password-submit">
                {t('password.forcedSubmit')}
              </Button>
            }
          />
          <Button type="link" icon={<LogoutOutlined />} style={{ marginTop: 12, paddingInline: 0 }} onClick={() => void logout().then(() => navigate('/login', { replace: true }))}>
            {t('app.logout')}
          </Button>
        </div>
      </main>
    </div>
  );
}

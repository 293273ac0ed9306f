// 用户登录: username + password, Enter submits, the server's message shown beside the form.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { homePath } from '../../app/home-path.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { applyServerErrors } from '../../ui/form-errors.ts';
import { AuthFrame } from './auth-frame.tsx';

interface Values {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t, lang } = useI18n();
  const { state, login } = useAuth();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (state.status === 'signedIn') {
    return <Navigate to={homePath(state.user)} replace />;
  }

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const user = await login(v.username.trim(), v.password);
      const next = params.get('next');
      void navigate(
        next && next.startsWith('/') && !next.startsWith('//') ? next : homePath(user),
        {
          replace: true,
        },
      );
    } catch (e) {
      setError(applyServerErrors(form, e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame
      band={
        <ul className="jx-login-points" aria-hidden>
          <li>{t('login.point1')}</li>
          <li>{t('login.point2')}</li>
          <li>{t('login.point3')}</li>
          <li>{t('login.point4')}</li>
        </ul>
      }
    >
      <div className="jx-login-card">
        <h1>{t('login.title')}</h1>
        {params.get('expired') === '1' && !error && (
          <Alert
            type="warning"
            showIcon
            message={t('login.expired')}
            style={{ marginBottom: 16 }}
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            message={t('login.failed')}
            description={error}
            style={{ marginBottom: 16 }}
            role="alert"
            data-testid="login-error"
          />
        )}
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          requiredMark={false}
          size="large"
          autoComplete="on"
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <p className="jx-login-foot">{t('login.footer')}</p>
      </div>
    </AuthFrame>
  );
}

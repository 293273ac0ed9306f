// The frame of the signed-out screens (登录, 修改初始密码): the brand band on the left, the language switch and
// the screen's card on the right.
import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import './login-page.css';

export function AuthFrame({
  band,
  testId,
  children,
}: {
  band?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  const { t, lang, setLang } = useI18n();
  return (
    <div className="jx-login" data-testid={testId}>
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
        {band}
      </div>
      <main className="jx-login-main">
        <Button
          className="jx-login-lang"
          size="small"
          icon={<GlobalOutlined />}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t('app.lang')}
        </Button>
        {children}
      </main>
    </div>
  );
}

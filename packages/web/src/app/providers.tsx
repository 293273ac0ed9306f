// antd theme and locale (zh_CN default, en_US on switch) with dayjs following the same language.
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export const THEME = {
  token: {
    colorPrimary: '#1d4f9c',
    colorInfo: '#1d4f9c',
    colorError: '#c62828',
    colorWarning: '#d48806',
    colorSuccess: '#2e7d32',
    borderRadius: 4,
    // Secondary text dark enough for WCAG AA (4.5:1) on white and on the light greys of cards and tables:
    // antd's defaults (45 % black) fail axe's color-contrast check.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: {
      headerBg: '#15396f',
      headerHeight: 56,
      headerPadding: '0 16px',
      siderBg: '#ffffff',
      bodyBg: '#f0f2f5',
    },
    Table: { headerBg: '#f3f6fb', cellPaddingBlockSM: 6 },
  },
} as const;

export function ThemeProviders({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={THEME}>
      {children}
    </ConfigProvider>
  );
}

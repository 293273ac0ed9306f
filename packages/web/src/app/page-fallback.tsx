// Shown while a page's code or data loads.
import { Spin } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

export function PageFallback() {
  const { t } = useI18n();
  return (
    <div className="jx-page-loading" role="status">
      <Spin />
      <span>{t('app.loading')}</span>
    </div>
  );
}

// Placeholder while the page is being built.
import { useI18n } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../ui/page-header.tsx';

export function AdminHomePage() {
  const { t } = useI18n();
  return <PageHeader title={t('admin.title')} />;
}

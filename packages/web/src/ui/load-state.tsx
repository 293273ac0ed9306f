// Loading / error display for a useApi() result; a 404 from a missing endpoint is explained as such.
import { Alert, Button, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/api-error.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function isMissingEndpoint(e: unknown): boolean {
  return e instanceof ApiError && e.status === 404 && e.code === 'ENDPOINT_NOT_FOUND';
}

export function LoadState({
  loading,
  error,
  reload,
  children,
  rows = 4,
}: {
  loading: boolean;
  error: unknown;
  reload?: () => void;
  children: ReactNode;
  rows?: number;
}) {
  const { t, lang } = useI18n();
  if (error) {
    const missing = isMissingEndpoint(error);
    return (
      <Alert
        type={missing ? 'info' : 'error'}
        showIcon
        message={missing ? t('app.endpointMissing') : t('app.loadFailed')}
        description={
          error instanceof ApiError
            ? error.localized(lang)
            : error instanceof Error
              ? error.message
              : String(error)
        }
        action={
          reload && (
            <Button size="small" onClick={reload}>
              {t('app.retry')}
            </Button>
          )
        }
      />
    );
  }
  if (loading) {
    return <Skeleton active paragraph={{ rows }} />;
  }
  return <>{children}</>;
}

import type { ReactNode } from 'react';

import { CLIENT_ERROR_CODES, isApiError } from '@/shared/api/api-error';
import { useI18n } from '@/shared/i18n/i18n-context';

/** Returns a function that words a failed request: the server's own text when it sent one. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => {
    if (isApiError(error)) {
      return error.code === CLIENT_ERROR_CODES.network ? t('error.network') : error.message;
    }
    const message = error instanceof Error ? error.message : String(error);
    return t('error.unexpected', { message });
  };
}

export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: (() => void) | undefined;
  title?: string | undefined;
}) {
  const { t } = useI18n();
  const messageOf = useErrorMessage();
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{title ?? t('error.title')}</p>
      <p className="state__body">{messageOf(error)}</p>
      {requestId && <p className="state__meta">{t('error.requestId', { id: requestId })}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({
  title,
  body,
  action,
}: {
  title: string;
  body?: string | undefined;
  action?: ReactNode;
}) {
  return (
    <div className="state state--empty" role="status">
      <p className="state__title">{title}</p>
      {body && <p className="state__body">{body}</p>}
      {action}
    </div>
  );
}

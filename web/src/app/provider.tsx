import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';

import { isApiError } from '@/shared/api/api-error';
import { sessionStore } from '@/shared/auth/session-store';
import { keepSessionFresh } from '@/shared/auth/token-refresh';
import { I18nProvider } from '@/shared/i18n/i18n-provider';

// Retry only what a retry can fix: a lost connection or a server fault, never a 400.
const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          failures < MAX_RETRIES && (!isApiError(error) || error.isTransient),
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
}

/**
 * Clears every cached response when the session ends, so that the next user of the browser never
 * receives the previous user's data. Renews the access token before it expires.
 */
function useSessionLifecycle(queryClient: QueryClient): void {
  useEffect(() => {
    const stopRenewal = keepSessionFresh(sessionStore);
    const unsubscribe = sessionStore.subscribe(() => {
      if (sessionStore.getState().status === 'signed_out') queryClient.clear();
    });
    return () => {
      stopRenewal();
      unsubscribe();
    };
  }, [queryClient]);
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  useSessionLifecycle(queryClient);
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </I18nProvider>
  );
}

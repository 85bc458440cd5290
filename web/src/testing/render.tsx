import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';

import { routes } from '@/app/router';
import type { Account } from '@/shared/auth/account';
import { I18nProvider } from '@/shared/i18n/i18n-provider';
import type { Language } from '@/shared/i18n/language';

import { signInForTest, superAdmin } from './session';

/**
 * Renders the real app routes at `url`, in memory, with retries off so errors show at once. The
 * user is signed in as `account` (a super admin unless given; null for no user).
 */
export function renderApp(
  url: string,
  language: Language = 'it',
  account: Account | null = superAdmin,
) {
  if (account) signInForTest(account);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const user = userEvent.setup();
  const view = render(
    <I18nProvider initialLanguage={language}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>,
  );
  return { ...view, router, user, queryClient };
}

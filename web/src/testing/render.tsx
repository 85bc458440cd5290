import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';

import { routes } from '@/app/router';
import { I18nProvider } from '@/shared/i18n/i18n-provider';
import type { Language } from '@/shared/i18n/language';

/** Renders the real app routes at `url`, in memory, with retries off so errors show at once. */
export function renderApp(url: string, language: Language = 'it') {
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

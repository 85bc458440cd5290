import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { REFRESH_TOKEN_KEY, sessionStore } from '@/shared/auth/session-store';
import { digitalCard as card } from '@/testing/loyalty-fixtures';
import { mockFetch, sentBodies } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render';
import { customer, sessionBody, superAdmin } from '@/testing/session';

function bodyOf(init: RequestInit | undefined): Record<string, unknown> {
  return JSON.parse(String(init?.body)) as Record<string, unknown>;
}

describe('route guards', () => {
  it('sends a visitor to sign-in and back after it', async () => {
    const fetch = mockFetch({
      '/api/v1/auth/login': () => ({ body: sessionBody(superAdmin) }),
      '/api/v1/stores': () => ({ body: { items: [] } }),
      '/api/v1/members': () => ({ body: { items: [], page: 1, page_size: 50, total: 0 } }),
    });
    const { router, user } = renderApp('/members?q=rossi', 'it', null);
    await screen.findByRole('heading', { name: 'Accedi' });
    expect(router.state.location.pathname).toBe('/sign-in');

    await user.type(screen.getByLabelText('Carta, e-mail o telefono'), 'admin@imagross.example');
    await user.type(screen.getByLabelText('Password'), 'una-password-lunga');
    await user.click(screen.getByRole('button', { name: 'Accedi' }));

    await screen.findByRole('heading', { name: 'Soci', level: 1 });
    expect(router.state.location.search).toBe('?q=rossi');
    expect(bodyOf(fetch.mock.calls[0]?.[1])).toEqual({
      identifier: 'admin@imagross.example',
      password: 'una-password-lunga',
    });
  });

  it('sends a customer to their card instead of the dashboard', async () => {
    mockFetch({ '/api/v1/me/card': () => ({ body: card }) });
    const { router } = renderApp('/', 'it', customer);
    await screen.findByRole('heading', { name: 'La mia carta', level: 1 });
    expect(router.state.location.pathname).toBe('/card');
    const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
    expect(within(nav).queryByText('Cruscotto')).not.toBeInTheDocument();
    expect(within(nav).getByText('Profilo')).toBeInTheDocument();
  });

  it('shows admins the members entry', async () => {
    mockFetch({
      '/api/v1/stores': () => ({ body: { items: [] } }),
      '/api/v1/members': () => ({ body: { items: [], page: 1, page_size: 50, total: 0 } }),
    });
    renderApp('/members');
    const nav = await screen.findByRole('navigation', { name: 'Navigazione principale' });
    expect(within(nav).getByText('Soci')).toBeInTheDocument();
    expect(within(nav).queryByText('La mia carta')).not.toBeInTheDocument();
  });

  it('restores the session of a stored refresh token', async () => {
    window.localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-3');
    // The app's store reads the token when the page loads, long before this test: the state is
    // set to what it would have found.
    Object.assign(sessionStore, { state: { status: 'restoring' } });
    const fetch = mockFetch({
      '/api/v1/auth/refresh': () => ({ body: sessionBody(customer) }),
      '/api/v1/me/card': () => ({ body: card }),
    });
    const { router } = renderApp('/card', 'it', null);
    await screen.findByRole('heading', { name: 'La mia carta', level: 1 });
    expect(router.state.location.pathname).toBe('/card');
    expect(sentBodies(fetch, '/api/v1/auth/refresh')).toEqual([{ refresh_token: 'refresh-3' }]);
  });

  it('offers a retry when the restore fails', async () => {
    window.localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-3');
    Object.assign(sessionStore, { state: { status: 'restoring' } });
    let refreshes = 0;
    mockFetch({
      '/api/v1/auth/refresh': () => {
        refreshes += 1;
        if (refreshes === 1) throw new TypeError('Failed to fetch');
        return { body: sessionBody(customer) };
      },
      '/api/v1/me/card': () => ({ body: card }),
    });
    const { user } = renderApp('/card', 'it', null);
    expect(await screen.findByText('Impossibile ripristinare la sessione')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Riprova' }));
    await screen.findByRole('heading', { name: 'La mia carta', level: 1 });
  });

  it('signs out and revokes the session', async () => {
    const fetch = mockFetch({
      '/api/v1/me/card': () => ({ body: card }),
      '/api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    const { router, user } = renderApp('/card', 'it', customer);
    await user.click(await screen.findByRole('button', { name: 'Esci' }));
    await screen.findByText('Sei uscito.');
    expect(router.state.location.pathname).toBe('/sign-in');
    const logout = fetch.mock.calls.find(([url]) => String(url).endsWith('/auth/logout'));
    expect(bodyOf(logout?.[1])).toEqual({ refresh_token: 'refresh-3' });
  });
});

describe('sign-in page', () => {
  it('says the same for every wrong credential', async () => {
    mockFetch({
      '/api/v1/auth/login': () => ({
        status: 401,
        body: { error: { code: 'invalid_credentials', message: 'invalid credentials' } },
      }),
    });
    const { user } = renderApp('/sign-in', 'it', null);
    await user.type(await screen.findByLabelText('Carta, e-mail o telefono'), '2991000000016');
    await user.type(screen.getByLabelText('Password'), 'sbagliata-123');
    await user.click(screen.getByRole('button', { name: 'Accedi' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Credenziali non valide. Controlla e riprova.',
    );
  });

  it('shows the wait after too many attempts', async () => {
    mockFetch({
      '/api/v1/auth/login': () => ({
        status: 429,
        headers: { 'Retry-After': '120' },
        body: { error: { code: 'too_many_attempts', message: 'too many attempts' } },
      }),
    });
    const { user } = renderApp('/sign-in', 'it', null);
    await user.type(await screen.findByLabelText('Carta, e-mail o telefono'), '2991000000016');
    await user.type(screen.getByLabelText('Password'), 'sbagliata-123');
    await user.click(screen.getByRole('button', { name: 'Accedi' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Troppi tentativi. Riprova tra 2 minuti.',
    );
    expect(screen.getByRole('button', { name: 'Accedi' })).toBeDisabled();
  });

  it('asks for both fields', async () => {
    const fetch = mockFetch({});
    const { user } = renderApp('/sign-in', 'it', null);
    await user.click(await screen.findByRole('button', { name: 'Accedi' }));
    expect(screen.getAllByText('Campo obbligatorio.')).toHaveLength(2);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('sign-up page', () => {
  async function fillForm(user: ReturnType<typeof renderApp>['user']) {
    await user.type(await screen.findByLabelText('Numero della carta'), '2991 0000 0001 6');
    await user.type(screen.getByLabelText('Nome'), 'Maria');
    await user.type(screen.getByLabelText('Cognome'), 'Rossi');
    await user.type(screen.getByLabelText('E-mail'), 'maria.rossi@example.it');
    await user.type(screen.getByLabelText('Password'), 'girasole-di-marzo');
    await user.click(screen.getByLabelText('Ho letto e accetto l’informativa sulla privacy'));
  }

  it('checks the card number while it is typed', async () => {
    const { user } = renderApp('/sign-up', 'it', null);
    const field = await screen.findByLabelText('Numero della carta');
    await user.type(field, '2991000000017');
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('Numero non valido: controlla le cifre, una è sbagliata.'),
    );
    await user.clear(field);
    await user.type(field, '2991000000016');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Numero valido'));
  });

  it('marks every invalid field before sending', async () => {
    const fetch = mockFetch({});
    const { user } = renderApp('/sign-up', 'it', null);
    await user.type(await screen.findByLabelText('Cognome'), '   ');
    await user.click(screen.getByRole('button', { name: 'Crea account' }));
    expect(screen.getByLabelText('Nome')).toHaveAccessibleDescription('Campo obbligatorio.');
    expect(screen.getByLabelText('Cognome')).toHaveAccessibleDescription(
      expect.stringContaining('Campo obbligatorio.'),
    );
    expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription(
      'Inserisci un’e-mail o un telefono, per recuperare la password.',
    );
    expect(
      screen.getByText('Per registrarti devi accettare l’informativa sulla privacy.'),
    ).toBeInTheDocument();
    // The card number comes first in the form, and is empty.
    expect(screen.getByLabelText('Numero della carta')).toHaveFocus();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the form with separate consents', async () => {
    const fetch = mockFetch({
      '/api/v1/auth/signup': () => ({ status: 201, body: sessionBody(customer) }),
      '/api/v1/me/card': () => ({ body: card }),
    });
    const { user, router } = renderApp('/sign-up', 'it', null);
    await fillForm(user);
    await user.click(screen.getByLabelText('Offerte su misura'));
    await user.click(screen.getByRole('button', { name: 'Crea account' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/card'));
    expect(bodyOf(fetch.mock.calls[0]?.[1])).toEqual({
      first_name: 'Maria',
      last_name: 'Rossi',
      email: 'maria.rossi@example.it',
      phone: '',
      password: 'girasole-di-marzo',
      card_number: '2991000000016',
      privacy_accepted: true,
      marketing_consent: false,
      profiling_consent: true,
    });
  });

  it('shows a last-name mismatch on the last name', async () => {
    mockFetch({
      '/api/v1/auth/signup': () => ({
        status: 422,
        body: { error: { code: 'last_name_mismatch', message: 'mismatch', field: 'last_name' } },
      }),
    });
    const { user } = renderApp('/sign-up', 'it', null);
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Crea account' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Cognome')).toHaveAccessibleDescription(
        expect.stringContaining('Il cognome non corrisponde a quello registrato per questa carta.'),
      ),
    );
    expect(screen.getByLabelText('Cognome')).toHaveFocus();
  });

  it('shows a taken card on the card number', async () => {
    mockFetch({
      '/api/v1/auth/signup': () => ({
        status: 409,
        body: { error: { code: 'card_taken', message: 'taken', field: 'card_number' } },
      }),
    });
    const { user } = renderApp('/sign-up', 'it', null);
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Crea account' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Numero della carta')).toHaveAccessibleDescription(
        expect.stringContaining('Questa carta ha già un account. Accedi o reimposta la password.'),
      ),
    );
  });
});

describe('password reset pages', () => {
  it('confirms the request without telling whether the account exists', async () => {
    const fetch = mockFetch({
      '/api/v1/auth/password-reset': () => new Response(null, { status: 202 }),
    });
    const { user } = renderApp('/forgot-password', 'it', null);
    await user.type(await screen.findByLabelText('Carta, e-mail o telefono'), ' 347 123 4567 ');
    await user.click(screen.getByRole('button', { name: 'Invia il link' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Se l’account esiste');
    expect(bodyOf(fetch.mock.calls[0]?.[1])).toEqual({ identifier: '347 123 4567' });
  });

  it('sets a new password with the token of the link', async () => {
    const fetch = mockFetch({
      '/api/v1/auth/password-reset/confirm': () => new Response(null, { status: 204 }),
    });
    const { user } = renderApp('/reset-password?token=abc123', 'it', null);
    await user.type(await screen.findByLabelText('Nuova password'), 'girasole-di-marzo');
    await user.type(screen.getByLabelText('Ripeti la password'), 'girasole-di-aprile');
    await user.click(screen.getByRole('button', { name: 'Salva la password' }));
    expect(screen.getByText('Le due password non coincidono.')).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Ripeti la password'));
    await user.type(screen.getByLabelText('Ripeti la password'), 'girasole-di-marzo');
    await user.click(screen.getByRole('button', { name: 'Salva la password' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Password cambiata.');
    expect(bodyOf(fetch.mock.calls[0]?.[1])).toEqual({
      token: 'abc123',
      password: 'girasole-di-marzo',
    });
  });

  it('offers a new link when the token is spent', async () => {
    mockFetch({
      '/api/v1/auth/password-reset/confirm': () => ({
        status: 400,
        body: { error: { code: 'invalid_reset_token', message: 'spent' } },
      }),
    });
    const { user } = renderApp('/reset-password?token=old', 'it', null);
    await user.type(await screen.findByLabelText('Nuova password'), 'girasole-di-marzo');
    await user.type(screen.getByLabelText('Ripeti la password'), 'girasole-di-marzo');
    await user.click(screen.getByRole('button', { name: 'Salva la password' }));
    expect(await screen.findByRole('link', { name: 'Chiedine uno nuovo' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });
});

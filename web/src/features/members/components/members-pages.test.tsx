import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import * as fixtures from '@/testing/fixtures';
import { member, memberDetail, memberPage } from '@/testing/loyalty-fixtures';
import { mockFetch, requestedUrls, sentBodies, type MockHandler } from '@/testing/mock-fetch';
import { ledgerWindow, pointsView } from '@/testing/points-fixtures';
import { renderApp } from '@/testing/render';
import { storeAdmin } from '@/testing/session';

function mockMembers(list: MockHandler, detail: MockHandler = () => ({ body: memberDetail() })) {
  return mockFetch({
    '/api/v1/stores': () => ({ body: fixtures.stores }),
    '/api/v1/members': list,
    '/api/v1/members/41': detail,
  });
}

function listRequests(fetch: ReturnType<typeof mockFetch>) {
  return requestedUrls(fetch).filter((url) => url.pathname === '/api/v1/members');
}

const twoMembers = memberPage(
  [member(), member({ id: 42, first_name: 'Luca', last_name: 'Bianchi', email: null })],
  1234,
);

describe('members list', () => {
  it('shows a skeleton and no count while loading', async () => {
    mockMembers(() => new Promise(() => {}));
    renderApp('/members');
    await screen.findByRole('heading', { name: 'Soci', level: 1 });
    expect(screen.getByTestId('members-total')).toHaveTextContent('Caricamento…');
    expect(document.querySelector('.table-skeleton')).not.toBeNull();
    expect(screen.queryByText(/\b0 soci\b/)).not.toBeInTheDocument();
  });

  it('lists members with their card and the total', async () => {
    mockMembers(() => ({ body: twoMembers }));
    renderApp('/members');
    await waitFor(() =>
      expect(screen.getByTestId('members-total')).toHaveTextContent('1.234 soci'),
    );
    const table = screen.getByRole('table', { name: 'Soci' });
    const rossi = within(table).getByRole('link', { name: 'Rossi' });
    expect(rossi).toHaveAttribute('href', '/members/41');
    expect(within(table).getAllByText('2991 0000 0001 6')).toHaveLength(2);
    expect(within(table).getByText('n/d')).toBeInTheDocument();
    expect(within(table).getAllByText('02/03/2025')).toHaveLength(2);
    expect(screen.getByText('Pagina 1 di 25')).toBeInTheDocument();
  });

  it('searches and filters through the URL', async () => {
    const fetch = mockMembers(() => ({ body: twoMembers }));
    const { user, router } = renderApp('/members');
    await screen.findByRole('link', { name: 'Rossi' });
    await user.type(screen.getByLabelText('Cerca'), 'rossi{Enter}');
    await waitFor(() => expect(router.state.location.search).toBe('?q=rossi'));
    await user.selectOptions(screen.getByLabelText('Stato'), 'suspended');
    await waitFor(() =>
      expect(listRequests(fetch).at(-1)?.searchParams.get('status')).toBe('suspended'),
    );
    const last = listRequests(fetch).at(-1)!;
    expect(last.searchParams.get('q')).toBe('rossi');
    expect(last.searchParams.get('sort')).toBe('last_name');
    expect(last.searchParams.get('page_size')).toBe('50');
    expect(router.state.location.search).toBe('?q=rossi&status=suspended');
  });

  it('sorts on the server and pages', async () => {
    const fetch = mockMembers(() => ({ body: twoMembers }));
    const { user } = renderApp('/members');
    await user.click(await screen.findByRole('button', { name: /Iscrizione/ }));
    await waitFor(() =>
      expect(listRequests(fetch).at(-1)?.searchParams.get('sort')).toBe('signup_date'),
    );
    await user.click(screen.getByRole('button', { name: 'Pagina successiva' }));
    await waitFor(() => expect(listRequests(fetch).at(-1)?.searchParams.get('page')).toBe('2'));
    expect(listRequests(fetch).at(-1)?.searchParams.get('sort')).toBe('signup_date');
  });

  it('returns from a member to the same list', async () => {
    mockMembers(() => ({ body: twoMembers }));
    const { user } = renderApp('/members?q=ros&status=active');
    await user.click(await screen.findByRole('link', { name: 'Rossi' }));
    const back = await screen.findByRole('link', { name: /Tutti i soci/ });
    expect(back).toHaveAttribute('href', '/members?q=ros&status=active');
  });

  it('says when nothing matches', async () => {
    mockMembers(() => ({ body: memberPage([], 0) }));
    renderApp('/members?q=zzz');
    expect(
      await screen.findByText('Nessun socio corrisponde alla ricerca o ai filtri.'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('members-total')).toHaveTextContent('0 soci');
  });

  it('shows the server error with a retry', async () => {
    let calls = 0;
    mockMembers(() => {
      calls += 1;
      return calls === 1
        ? { status: 500, body: { error: { code: 'internal', message: 'database is locked' } } }
        : { body: twoMembers };
    });
    const { user } = renderApp('/members');
    expect(await screen.findByText('database is locked')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Riprova' }));
    expect(await screen.findByRole('link', { name: 'Rossi' })).toBeInTheDocument();
  });

  it('exports the filtered list', async () => {
    const created = vi.fn(() => 'blob:members');
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }),
    );
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    const fetch = mockFetch({
      '/api/v1/stores': () => ({ body: fixtures.stores }),
      '/api/v1/members': () => ({ body: twoMembers }),
      '/api/v1/members/export': () =>
        new Response('id,last_name\n41,Rossi\n', {
          headers: { 'Content-Disposition': 'attachment; filename="soci.csv"' },
        }),
    });
    const { user } = renderApp('/members?status=active');
    await screen.findByRole('link', { name: 'Rossi' });
    await user.click(screen.getByRole('button', { name: 'Esporta Soci in formato CSV' }));
    await waitFor(() => expect(saved).toEqual(['soci.csv']));
    const exported = requestedUrls(fetch).find((url) => url.pathname.endsWith('/export'))!;
    expect(exported.searchParams.get('format')).toBe('csv');
    expect(exported.searchParams.get('status')).toBe('active');
    expect(exported.searchParams.has('page')).toBe(false);
  });

  it("keeps a store admin's filter inside their stores", async () => {
    const fetch = mockMembers(() => ({ body: twoMembers }));
    renderApp('/members?store=PV02&store=PV01', 'it', storeAdmin);
    await screen.findByRole('link', { name: 'Rossi' });
    expect(listRequests(fetch).at(-1)?.searchParams.getAll('store')).toEqual(['PV01']);
  });
});

describe('member detail', () => {
  it('shows profile, purchases, cards and history', async () => {
    mockMembers(() => ({ body: twoMembers }));
    renderApp('/members/41');
    expect(await screen.findByRole('heading', { name: 'Maria Rossi', level: 1 })).toBeVisible();
    expect(screen.getByText('maria.rossi@example.it')).toBeInTheDocument();
    expect(screen.getByText('17 mag 1980')).toBeInTheDocument();
    const spent = document.querySelector('[data-summary="net_revenue"] dd');
    expect(spent?.textContent?.replace(/\s/g, ' ')).toBe('1.234,50 €');
    expect(screen.getByText('Ortofrutta')).toBeInTheDocument();
    const cards = screen.getByRole('table', { name: 'Carte' });
    expect(within(cards).getByText('2991 0000 0001 6')).toBeInTheDocument();
    expect(screen.getByText('phone: +393470000000 → +393471234567')).toBeInTheDocument();
  });

  it('shows no zeros while the sales data loads', async () => {
    mockMembers(
      () => ({ body: twoMembers }),
      () => ({ body: { ...memberDetail(), purchases: null } }),
    );
    renderApp('/members/41');
    expect(await screen.findByText(/dati di vendita sono in caricamento/)).toBeInTheDocument();
    expect(document.querySelector('[data-summary="net_revenue"]')).toBeNull();
  });

  it('says when the member does not exist', async () => {
    mockMembers(
      () => ({ body: twoMembers }),
      () => ({ status: 404, body: { error: { code: 'not_found', message: 'no member 41' } } }),
    );
    renderApp('/members/41');
    expect(await screen.findByText('Socio non trovato')).toBeInTheDocument();
  });

  it('blocks a card after confirmation', async () => {
    const fetch = mockFetch({
      '/api/v1/stores': () => ({ body: fixtures.stores }),
      '/api/v1/members/41': () => ({ body: memberDetail() }),
      '/api/v1/members/41/cards/2991000000016/block': () => ({
        body: { number: '2991000000016', status: 'blocked' },
      }),
    });
    const { user } = renderApp('/members/41');
    await user.click(await screen.findByRole('button', { name: 'Blocca' }));
    const dialog = screen.getByRole('dialog', { name: 'Bloccare la carta 2991 0000 0001 6?' });
    await user.click(within(dialog).getByRole('button', { name: 'Annulla' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const blockCalls = () =>
      requestedUrls(fetch).filter((url) => url.pathname.endsWith('/block')).length;
    expect(blockCalls()).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Blocca' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Blocca' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(blockCalls()).toBe(1);
    const [, init] = fetch.mock.calls.find(([url]) => String(url).endsWith('/block'))!;
    expect(init?.method).toBe('POST');
  });

  it('replaces a card with a checked new number', async () => {
    const fetch = mockFetch({
      '/api/v1/stores': () => ({ body: fixtures.stores }),
      '/api/v1/members/41': () => ({ body: memberDetail() }),
      '/api/v1/members/41/cards/2991000000016/replace': () => ({
        body: { number: '2991000000023', status: 'active' },
      }),
    });
    const { user } = renderApp('/members/41');
    await user.click(await screen.findByRole('button', { name: 'Sostituisci' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Carta nuova'), '2991000000024');
    await user.click(within(dialog).getByRole('button', { name: 'Sostituisci' }));
    expect(within(dialog).getAllByText(/una è sbagliata/).length).toBeGreaterThan(0);
    expect(sentBodies(fetch, '/api/v1/members/41/cards/2991000000016/replace')).toHaveLength(0);

    await user.clear(within(dialog).getByLabelText('Carta nuova'));
    await user.type(within(dialog).getByLabelText('Carta nuova'), '2991 0000 0002 3');
    await user.click(within(dialog).getByRole('button', { name: 'Sostituisci' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sentBodies(fetch, '/api/v1/members/41/cards/2991000000016/replace')).toEqual([
      { new_number: '2991000000023' },
    ]);
  });

  it('edits with validation and sends only the changes', async () => {
    // The mock routes by path, and the edit shares its path with the detail: this one reads the
    // method too.
    const fetch = mockFetch({});
    fetch.mockImplementation(async (input, init) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/v1/stores') return Response.json(fixtures.stores);
      if (url.pathname === '/api/v1/members/41/points') return Response.json(pointsView());
      if (url.pathname === '/api/v1/members/41/points/ledger') {
        return Response.json(ledgerWindow([]));
      }
      if (url.pathname === '/api/v1/rewards') return Response.json({ rows: [] });
      if (url.pathname === '/api/v1/redemptions') return Response.json({ total: 0, rows: [] });
      if (init?.method === 'PATCH') return Response.json(member({ phone: '+393339998877' }));
      return Response.json(memberDetail());
    });
    const { user } = renderApp('/members/41');
    await user.click(await screen.findByRole('button', { name: 'Modifica' }));
    const lastName = screen.getByLabelText('Cognome');
    await user.clear(lastName);
    await user.click(screen.getByRole('button', { name: 'Salva' }));
    expect(lastName).toHaveAccessibleDescription('Campo obbligatorio.');

    await user.type(lastName, 'Rossi');
    await user.clear(screen.getByLabelText('Telefono'));
    await user.type(screen.getByLabelText('Telefono'), '333 999 8877');
    await user.click(screen.getByRole('button', { name: 'Salva' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Salva' })).toBeNull());
    expect(sentBodies(fetch, '/api/v1/members/41').filter(Boolean)).toEqual([
      { phone: '333 999 8877' },
    ]);
  });
});

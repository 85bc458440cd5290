import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import * as fixtures from '@/testing/fixtures';
import { jsonResponse, mockFetch, requestedUrls, type MockHandler } from '@/testing/mock-fetch';
import { pointsSummary } from '@/testing/points-fixtures';
import { renderApp } from '@/testing/render';

// jsdom has no canvas: the chart is checked in the browser tests.
vi.mock('@/shared/ui/echart', () => ({
  EChart: ({ description }: { description: string }) => <div role="img" aria-label={description} />,
}));

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function mockApi(
  dashboard: MockHandler = () => ({ body: fixtures.dashboard() }),
  coverage = fixtures.coverage,
  summary: MockHandler = () => ({ body: pointsSummary }),
) {
  return mockFetch({
    '/api/v1/analytics/coverage': () => ({ body: coverage }),
    '/api/v1/analytics/dashboard': dashboard,
    '/api/v1/points/summary': summary,
    '/api/v1/stores': () => ({ body: fixtures.stores }),
    '/api/v1/departments': () => ({ body: fixtures.departments }),
  });
}

function dashboardRequests(fetchMock: ReturnType<typeof mockFetch>) {
  return requestedUrls(fetchMock).filter((url) => url.pathname === '/api/v1/analytics/dashboard');
}

const kpiCard = (name: string) => document.querySelector(`[data-kpi="${name}"]`) as HTMLElement;

async function waitForKpis() {
  await screen.findByRole('region', { name: 'Indicatori principali' });
  await waitFor(() => expect(kpiCard('net_revenue')).not.toBeNull());
}

describe('dashboard page', () => {
  it('shows skeletons and never a zero while loading', async () => {
    let release: (reply: Response) => void = () => {};
    const fetchMock = mockApi(
      () => new Promise((resolve) => (release = resolve)),
      fixtures.coverage,
      () => new Promise(() => {}),
    );
    renderApp('/');
    await waitFor(() => expect(dashboardRequests(fetchMock)).toHaveLength(1));
    expect(screen.getAllByText('Caricamento…').length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toMatch(/0,00|€/);
    expect(document.querySelectorAll('[aria-busy="true"]').length).toBeGreaterThan(0);

    release(jsonResponse(fixtures.dashboard()));
    await waitForKpis();
    const value = kpiCard('net_revenue').querySelector('.kpi-card__value');
    expect(plain(value?.textContent ?? null)).toBe('123.456,78 €');
  });

  it('asks for the last 30 days with sales by default', async () => {
    const fetchMock = mockApi();
    renderApp('/');
    await waitForKpis();
    const request = dashboardRequests(fetchMock)[0]!;
    expect(request.searchParams.get('from')).toBe('2026-10-03');
    expect(request.searchParams.get('to')).toBe('2026-11-01');
    expect(screen.getByTestId('dashboard-range')).toHaveTextContent('Dal 3 ott 2026 al 1 nov 2026');
  });

  it('shows changes with direction and n/d', async () => {
    mockApi();
    renderApp('/');
    await waitForKpis();
    const revenue = within(kpiCard('net_revenue'));
    expect(revenue.getByText('In aumento del 5,3% sul periodo precedente')).toBeInTheDocument();
    expect(revenue.getByText(/\+5,3%/).closest('p')).toHaveClass('tone--good');
    expect(plain(revenue.getByText(/Periodo precedente:/).textContent)).toBe(
      'Periodo precedente: 117.245,10 €',
    );

    // More returns than before is bad news.
    expect(
      within(kpiCard('returns'))
        .getByText(/\+33,4%/)
        .closest('p'),
    ).toHaveClass('tone--bad');
    expect(within(kpiCard('receipts')).getByText(/-1,2%/).closest('p')).toHaveClass('tone--bad');

    const customers = within(kpiCard('customers'));
    expect(customers.getByText(/n\/d/)).toBeInTheDocument();
    expect(customers.getByText(/Variazione non disponibile/)).toBeInTheDocument();
    expect(
      within(kpiCard('average_receipt')).getByText('Periodo precedente: n/d'),
    ).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('fills the tables', async () => {
    mockApi();
    renderApp('/');
    await waitForKpis();
    const products = await screen.findByRole('table', { name: 'Prodotti più venduti' });
    expect(within(products).getByText('Latte intero 1 l')).toBeInTheDocument();
    expect(within(products).getByText('812,345')).toBeInTheDocument();
    const stores = screen.getByRole('table', { name: 'Punti vendita' });
    expect(within(stores).getByText('PV07 · Bologna Centro')).toBeInTheDocument();
    const heatmap = screen.getByRole('table', { name: /giorno della settimana/ });
    expect(within(heatmap).getAllByRole('row')).toHaveLength(8);
    expect(
      await screen.findByRole('img', { name: /Grafico di fatturato netto/ }),
    ).toBeInTheDocument();
  });

  it('says when the period has no sales', async () => {
    mockApi(() => ({ body: fixtures.emptyDashboard() }));
    renderApp('/');
    const status = await screen.findByText('Nessuna vendita nel periodo');
    expect(status.closest('[role="status"]')).toHaveTextContent('dal 3 ott 2026 al 1 nov 2026');
    expect(kpiCard('net_revenue')).toBeNull();
  });

  it('points to the import page when nothing was imported', async () => {
    mockApi(undefined, fixtures.emptyCoverage);
    renderApp('/');
    expect(await screen.findByText('Nessuna vendita importata')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Vai alle importazioni' })).toHaveAttribute(
      'href',
      '/imports',
    );
  });

  it('shows the server error and retries', async () => {
    let calls = 0;
    mockApi(() => {
      calls += 1;
      if (calls === 1) {
        return {
          status: 400,
          body: {
            error: {
              code: 'invalid_parameter',
              message: 'unknown store "PV99"',
              parameter: 'store',
            },
          },
        };
      }
      return { body: fixtures.dashboard() };
    });
    const { user } = renderApp('/?store=PV99');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('unknown store "PV99"');
    await user.click(within(alert).getByRole('button', { name: 'Riprova' }));
    await waitForKpis();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('puts a period change in the URL and steps back', async () => {
    const fetchMock = mockApi();
    const { user, router } = renderApp('/');
    await waitForKpis();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Periodo' }), 'last_month');
    expect(router.state.location.search).toBe('?period=last_month');
    await waitFor(() => {
      const last = dashboardRequests(fetchMock).at(-1)!;
      expect(last.searchParams.get('from')).toBe('2026-10-01');
      expect(last.searchParams.get('to')).toBe('2026-10-31');
    });

    await act(() => router.navigate(-1));
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Periodo' })).toHaveValue('last_30_days'),
    );
    expect(router.state.location.search).toBe('');
  });

  it('filters by store, department and cards', async () => {
    const fetchMock = mockApi();
    const { user, router } = renderApp('/');
    await waitForKpis();

    await user.click(screen.getByRole('button', { name: 'Punti vendita: Tutti' }));
    const storeBoxes = within(screen.getByRole('group', { name: 'Punti vendita' }));
    expect(
      storeBoxes.getAllByRole('checkbox').map((box) => box.parentElement?.textContent),
    ).toEqual(['PV01', 'PV07 · Bologna Centro']);
    await user.click(storeBoxes.getByRole('checkbox', { name: 'PV07 · Bologna Centro' }));
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Reparti: Tutti' }));
    await user.click(screen.getByRole('checkbox', { name: 'Latticini' }));
    await user.click(screen.getByRole('switch', { name: 'Solo clienti con carta' }));

    expect(router.state.location.search).toBe('?store=PV07&department=Latticini&cards_only=true');
    await waitFor(() => {
      const last = dashboardRequests(fetchMock).at(-1)!;
      expect(last.searchParams.getAll('store')).toEqual(['PV07']);
      expect(last.searchParams.getAll('department')).toEqual(['Latticini']);
      expect(last.searchParams.get('cards_only')).toBe('true');
      expect(last.searchParams.get('promo_only')).toBe('false');
    });
    expect(
      screen.getByRole('button', { name: 'Punti vendita: PV07 · Bologna Centro' }),
    ).toBeInTheDocument();
  });

  it('opens a shared custom range as it is', async () => {
    const fetchMock = mockApi();
    renderApp('/?from=2026-01-01&to=2026-01-31&promo_only=true');
    await waitForKpis();
    const request = dashboardRequests(fetchMock)[0]!;
    expect(request.searchParams.get('from')).toBe('2026-01-01');
    expect(request.searchParams.get('to')).toBe('2026-01-31');
    expect(request.searchParams.get('promo_only')).toBe('true');
    expect(screen.getByRole('combobox', { name: 'Periodo' })).toHaveValue('custom');
    expect(screen.getByLabelText('Dal')).toHaveValue('2026-01-01');
  });

  it('applies a custom range and rejects a reversed one', async () => {
    mockApi();
    const { user, router } = renderApp('/');
    await waitForKpis();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Periodo' }), 'custom');
    expect(router.state.location.search).toBe('?from=2026-10-03&to=2026-11-01');

    const from = screen.getByLabelText('Dal');
    await user.clear(from);
    await user.type(from, '2026-12-01');
    expect(screen.getByRole('alert')).toHaveTextContent('Inserisci due date valide');
    expect(screen.getByRole('button', { name: 'Applica' })).toBeDisabled();

    await user.clear(from);
    await user.type(from, '2026-10-15');
    await user.click(screen.getByRole('button', { name: 'Applica' }));
    expect(router.state.location.search).toBe('?from=2026-10-15&to=2026-11-01');
  });

  it('switches to English and remembers it', async () => {
    mockApi();
    const { user } = renderApp('/');
    await waitForKpis();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Lingua' }), 'en');
    expect(await screen.findByRole('heading', { name: 'Sales overview' })).toBeInTheDocument();
    expect(within(kpiCard('net_revenue')).getByText('€123,456.78')).toBeInTheDocument();
    expect(within(kpiCard('customers')).getByText(/n\/a/)).toBeInTheDocument();
    expect(window.localStorage.getItem('imagross.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('exports a table with the current filters', async () => {
    const fetchMock = mockApi();
    const handlers = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (input) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname !== '/api/v1/analytics/export') return handlers(input);
      return new Response('code,net_revenue\n', {
        headers: { 'Content-Disposition': 'attachment; filename="stores.csv"' },
      });
    });
    const createObjectURL = vi.fn(() => 'blob:export');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    const { user } = renderApp('/?period=this_month&store=PV07');
    await waitForKpis();
    expect(
      screen.getByRole('button', { name: 'Esporta Indicatori principali in formato Excel' }),
    ).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Esporta Punti vendita in formato CSV' }));

    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const exportUrl = requestedUrls(fetchMock).find(
      (u) => u.pathname === '/api/v1/analytics/export',
    )!;
    expect(exportUrl.searchParams.get('table')).toBe('stores');
    expect(exportUrl.searchParams.get('format')).toBe('csv');
    expect(exportUrl.searchParams.get('from')).toBe('2026-11-01');
    expect(exportUrl.searchParams.getAll('store')).toEqual(['PV07']);
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.download).toBe('stores.csv');
  });
});

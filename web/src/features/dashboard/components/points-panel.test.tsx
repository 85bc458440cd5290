import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import * as fixtures from '@/testing/fixtures';
import { jsonResponse, mockFetch, requestedUrls, type MockHandler } from '@/testing/mock-fetch';
import { pointsSummary } from '@/testing/points-fixtures';
import { renderApp } from '@/testing/render';
import { storeAdmin } from '@/testing/session';
import { plainText, pointsFigureText } from '@/testing/text';

// jsdom has no canvas: the chart is checked in the browser tests.
vi.mock('@/shared/ui/echart', () => ({
  EChart: ({ description }: { description: string }) => <div role="img" aria-label={description} />,
}));

function mockApi(
  summary: MockHandler = () => ({ body: pointsSummary }),
  dashboard: MockHandler = () => ({ body: fixtures.dashboard() }),
) {
  return mockFetch({
    '/api/v1/analytics/coverage': () => ({ body: fixtures.coverage }),
    '/api/v1/analytics/dashboard': dashboard,
    '/api/v1/points/summary': summary,
    '/api/v1/stores': () => ({ body: fixtures.stores }),
    '/api/v1/departments': () => ({ body: fixtures.departments }),
  });
}

function summaryRequests(fetchMock: ReturnType<typeof mockFetch>) {
  return requestedUrls(fetchMock).filter((url) => url.pathname === '/api/v1/points/summary');
}

const findPointsPanel = (name = 'Punti') => screen.findByRole('region', { name });

// Grouped from four digits, as the app groups Italian numbers, but built with Intl directly.
const italianInteger = new Intl.NumberFormat('it-IT', { useGrouping: 'always' });

function sumOfRows(key: 'issued' | 'redeemed' | 'expired' | 'reversed'): number {
  return pointsSummary.flows.rows.reduce((sum, row) => sum + row[key], 0);
}

describe('dashboard points panel', () => {
  it('shows a skeleton and no figures while loading', async () => {
    let release: (reply: Response) => void = () => {};
    mockApi(() => new Promise((resolve) => (release = resolve)));
    renderApp('/');
    const panel = await findPointsPanel();
    expect(panel).toHaveAttribute('aria-busy', 'true');
    expect(within(panel).getByText('Caricamento…')).toBeInTheDocument();
    expect(panel.querySelector('[data-points]')).toBeNull();
    // The subtitle carries the dates, so only the body is checked for digits.
    expect(panel.querySelector('.panel__body')?.textContent).not.toMatch(/\d|€/);

    release(jsonResponse(pointsSummary));
    await waitFor(() => expect(panel).toHaveAttribute('aria-busy', 'false'));
    expect(pointsFigureText('issued')).not.toBe('');
  });

  it('shows the sums of the flow rows and the liability', async () => {
    mockApi();
    renderApp('/');
    await findPointsPanel();
    await waitFor(() => expect(document.querySelector('[data-points="issued"]')).not.toBeNull());

    for (const key of ['issued', 'redeemed', 'expired', 'reversed'] as const) {
      const sum = sumOfRows(key);
      expect(pointsSummary.flows.totals[key]).toBe(sum);
      expect(pointsFigureText(key)).toBe(italianInteger.format(sum));
    }
    const { liability } = pointsSummary;
    expect(pointsFigureText('outstanding')).toBe(
      italianInteger.format(liability.outstanding_points),
    );
    expect(pointsFigureText('owed')).toBe(italianInteger.format(liability.owed_points));
    expect(pointsFigureText('liability-value')).toBe('15.234,00 €');
  });

  it('asks for the period of the filters', async () => {
    const fetchMock = mockApi();
    const { user } = renderApp('/');
    const panel = await findPointsPanel();
    await waitFor(() => expect(summaryRequests(fetchMock)).toHaveLength(1));
    const first = summaryRequests(fetchMock)[0]!;
    expect(first.searchParams.get('from')).toBe('2026-10-03');
    expect(first.searchParams.get('to')).toBe('2026-11-01');
    expect(plainText(panel.querySelector('.panel__subtitle')?.textContent)).toBe(
      'Dal 3 ott 2026 al 1 nov 2026 · tutta la catena, senza i filtri delle vendite',
    );

    await user.selectOptions(screen.getByRole('combobox', { name: 'Periodo' }), 'last_month');
    await waitFor(() => expect(summaryRequests(fetchMock)).toHaveLength(2));
    const second = summaryRequests(fetchMock)[1]!;
    expect(second.searchParams.get('from')).toBe('2026-10-01');
    expect(second.searchParams.get('to')).toBe('2026-10-31');
  });

  it('sends only the days of a filtered custom range', async () => {
    const fetchMock = mockApi();
    renderApp('/?from=2026-01-01&to=2026-01-31&store=PV07&cards_only=true');
    await waitFor(() => expect(summaryRequests(fetchMock)).toHaveLength(1));
    const request = summaryRequests(fetchMock)[0]!;
    expect(request.searchParams.get('from')).toBe('2026-01-01');
    expect(request.searchParams.get('to')).toBe('2026-01-31');
    expect(request.searchParams.has('store')).toBe(false);
    expect(request.searchParams.has('cards_only')).toBe(false);
  });

  it('shows the error and retries', async () => {
    let calls = 0;
    mockApi(() => {
      calls += 1;
      if (calls > 1) return { body: pointsSummary };
      return {
        status: 400,
        headers: { 'X-Request-Id': 'req-7' },
        body: {
          error: {
            code: 'invalid_parameter',
            message: 'the period covers 1200 days; the maximum is 1098',
            parameter: 'to',
          },
        },
      };
    });
    const { user } = renderApp('/');
    const panel = await findPointsPanel();
    const alert = await within(panel).findByRole('alert');
    expect(alert).toHaveTextContent('the period covers 1200 days; the maximum is 1098');
    expect(alert).toHaveTextContent('ID richiesta: req-7');
    expect(panel.querySelector('[data-points]')).toBeNull();
    // The sales figures do not depend on the points.
    expect(document.querySelector('[data-kpi="net_revenue"]')).not.toBeNull();

    await user.click(within(alert).getByRole('button', { name: 'Riprova' }));
    await waitFor(() => expect(pointsFigureText('outstanding')).toBe('1.523.400'));
    expect(within(panel).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('stays when the period has no sales', async () => {
    mockApi(undefined, () => ({ body: fixtures.emptyDashboard() }));
    renderApp('/');
    expect(await screen.findByText('Nessuna vendita nel periodo')).toBeInTheDocument();
    await findPointsPanel();
    await waitFor(() => expect(pointsFigureText('redeemed')).toBe('171.600'));
  });

  it('links to the points section', async () => {
    mockApi();
    renderApp('/');
    const panel = await findPointsPanel();
    expect(within(panel).getByRole('link', { name: 'Apri la sezione Punti' })).toHaveAttribute(
      'href',
      '/points',
    );
  });

  it('shows for a store admin, in English', async () => {
    mockApi();
    renderApp('/', 'en', storeAdmin);
    const panel = await findPointsPanel('Points');
    await waitFor(() => expect(pointsFigureText('issued')).toBe('408,800'));
    expect(pointsFigureText('liability-value')).toBe('€15,234.00');
    expect(within(panel).getByText('In the period')).toBeInTheDocument();
    expect(within(panel).getByText('Issued')).toBeInTheDocument();
    expect(within(panel).getByRole('link', { name: 'Open the Points section' })).toBeVisible();
  });
});

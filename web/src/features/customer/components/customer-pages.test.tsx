import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { digitalCard, member, purchases } from '@/testing/loyalty-fixtures';
import { mockFetch, requestedUrls, sentBodies } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render';
import { customer } from '@/testing/session';

const svg = (label: string) =>
  new Response(`<svg xmlns="http://www.w3.org/2000/svg"><title>${label}</title></svg>`, {
    headers: { 'Content-Type': 'image/svg+xml' },
  });

beforeEach(() => {
  // jsdom has no object URLs: each blob gets a numbered one.
  let count = 0;
  URL.createObjectURL = vi.fn(() => `blob:card-${(count += 1)}`);
  URL.revokeObjectURL = vi.fn();
});

describe('digital card', () => {
  it('shows the number and both codes, fetched with the token', async () => {
    const fetch = mockFetch({
      '/api/v1/me/card': () => ({ body: digitalCard }),
      '/api/v1/me/card/barcode.svg': () => svg('barcode'),
      '/api/v1/me/card/qr.svg': () => svg('qr'),
    });
    renderApp('/card', 'it', customer);
    const barcode = await screen.findByRole('img', {
      name: 'Codice a barre EAN-13 della carta 2991 0000 0001 6',
    });
    expect(barcode.getAttribute('src')).toMatch(/^blob:card-/);
    expect(
      await screen.findByRole('img', { name: 'Codice QR della carta 2991 0000 0001 6' }),
    ).toBeVisible();
    expect(screen.getByLabelText('Numero della carta: 2991 0000 0001 6')).toHaveTextContent(
      '2991 0000 0001 6',
    );
    expect(screen.getByText('Maria Rossi')).toBeInTheDocument();
    for (const [url, init] of fetch.mock.calls) {
      expect(new Headers(init?.headers).get('Authorization'), String(url)).toBe('Bearer access-3');
    }
  });

  it('shows a skeleton, then the error with a retry', async () => {
    let calls = 0;
    mockFetch({
      '/api/v1/me/card': () => {
        calls += 1;
        return calls === 1
          ? { status: 503, body: { error: { code: 'unavailable', message: 'try later' } } }
          : { body: digitalCard };
      },
      '/api/v1/me/card/barcode.svg': () => svg('barcode'),
      '/api/v1/me/card/qr.svg': () => svg('qr'),
    });
    const { user } = renderApp('/card', 'it', customer);
    expect(await screen.findByText('try later')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Riprova' }));
    expect(await screen.findByText('Maria Rossi')).toBeInTheDocument();
  });

  it('warns when the card is blocked and shows no codes', async () => {
    const fetch = mockFetch({
      '/api/v1/me/card': () => ({
        body: { ...digitalCard, status: 'blocked', barcode: null, qr: null },
      }),
    });
    renderApp('/card', 'it', customer);
    expect(await screen.findByRole('alert')).toHaveTextContent('Questa carta è bloccata');
    expect(screen.getByText('Maria Rossi')).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
    expect(requestedUrls(fetch).map((url) => url.pathname)).toEqual(['/api/v1/me/card']);
  });
});

describe('customer purchases and profile', () => {
  it('shows the purchase summary in Italian formats', async () => {
    mockFetch({ '/api/v1/me/purchases/summary': () => ({ body: purchases }) });
    renderApp('/purchases', 'it', customer);
    await screen.findByText('Ortofrutta');
    const spent = document.querySelector('[data-summary="net_revenue"] dd');
    expect(spent?.textContent?.replace(/\s/g, ' ')).toBe('1.234,50 €');
    expect(document.querySelector('[data-summary="last_visit"] dd')).toHaveTextContent(
      '28 nov 2026',
    );
  });

  it('says when there are no purchases yet', async () => {
    mockFetch({
      '/api/v1/me/purchases/summary': () => ({
        body: { net_revenue: 0, receipts: 0, last_visit: null, favourite_departments: [] },
      }),
    });
    renderApp('/purchases', 'it', customer);
    expect(await screen.findByText('Nessun acquisto')).toBeInTheDocument();
    expect(screen.getByText('Nessun reparto, finora.')).toBeInTheDocument();
  });

  it('saves only the changed contacts and consents', async () => {
    const stored = { ...member(), consents: undefined };
    const fetch = mockFetch({});
    fetch.mockImplementation(async (_input, init) =>
      Response.json(init?.method === 'PATCH' ? { ...stored, email: 'maria@rossi.it' } : stored),
    );
    const { user } = renderApp('/profile', 'it', customer);
    const email = await screen.findByLabelText('E-mail');
    await user.clear(email);
    await user.type(email, 'maria@rossi');
    await user.click(screen.getByRole('button', { name: 'Salva' }));
    expect(email).toHaveAccessibleDescription('Indirizzo e-mail non valido.');

    await user.type(email, '.it');
    await user.click(screen.getByLabelText('Offerte e promozioni'));
    await user.click(screen.getByRole('button', { name: 'Salva' }));
    await screen.findByText('Modifiche salvate.');
    await waitFor(() =>
      expect(sentBodies(fetch, '/api/v1/me').filter(Boolean)).toEqual([
        { email: 'maria@rossi.it', marketing_consent: true },
      ]),
    );
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { mockFetch, requestedUrls, sentBodies } from '@/testing/mock-fetch';
import {
  catalogReward,
  ledgerEntry,
  ledgerWindow,
  pointsView,
  redemption,
} from '@/testing/points-fixtures';
import { renderApp } from '@/testing/render';
import { customer } from '@/testing/session';
import { plainText, pointsFigureText } from '@/testing/text';

const ledger = ledgerWindow(
  [
    ledgerEntry(),
    ledgerEntry({
      id: 500,
      kind: 'redemption',
      points: -400,
      expires_on: null,
      source_type: 'reward',
      source_ref: '9',
      remaining: 0,
    }),
    ledgerEntry({
      id: 499,
      kind: 'adjustment',
      points: 50,
      source_type: 'admin',
      source_ref: '',
      reason: 'Scontrino non letto alla cassa',
    }),
  ],
  45,
);

beforeEach(() => {
  let count = 0;
  URL.createObjectURL = vi.fn(() => `blob:voucher-${(count += 1)}`);
  URL.revokeObjectURL = vi.fn();
});

describe('customer points page', () => {
  it('shows skeletons and no zeros while loading', async () => {
    mockFetch({
      '/api/v1/me/points': () => new Promise(() => {}),
      '/api/v1/me/points/ledger': () => new Promise(() => {}),
    });
    renderApp('/my-points', 'it', customer);
    await screen.findByRole('heading', { name: 'I miei punti', level: 1 });
    expect(screen.getAllByText('Caricamento…').length).toBeGreaterThanOrEqual(2);
    expect(document.querySelector('[data-points="balance"]')).toBeNull();
    expect(screen.queryByText(/^0$/)).not.toBeInTheDocument();
  });

  it('shows balance, value, expiring points, tier and season', async () => {
    mockFetch({
      '/api/v1/me/points': () => ({ body: pointsView() }),
      '/api/v1/me/points/ledger': () => ({ body: ledger }),
    });
    renderApp('/my-points', 'it', customer);
    await waitFor(() => expect(pointsFigureText('balance')).toBe('1.234'));
    expect(pointsFigureText('value')).toBe('12,34 €');
    expect(pointsFigureText('expiring-soon')).toBe('120 il 31 dic 2026');
    expect(pointsFigureText('earned')).toBe('2.410');
    expect(pointsFigureText('spent')).toBe('1.050');
    expect(screen.getByText('Silver')).toBeInTheDocument();
    expect(screen.getByText('Punti ×1,25')).toBeInTheDocument();
    const bar = screen.getByLabelText('Avanzamento verso il livello Gold');
    expect(bar).toHaveAttribute('max', '3000');
    expect(bar).toHaveAttribute('value', '2234');
    expect(screen.getByText('Ti mancano 766 punti per il livello Gold.')).toBeInTheDocument();
    expect(document.querySelector('[data-points="season"]')).toHaveTextContent(
      'I punti non usati scadono il 31 gen 2027',
    );
    expect(document.querySelector('[data-points="owed"]')).toBeNull();
  });

  it('shows a member below the first level', async () => {
    mockFetch({
      '/api/v1/me/points': () => ({
        body: pointsView({
          tier: {
            name: null,
            since: null,
            multiplier: '1.00',
            basis: 'spend',
            window_days: 365,
            qualifying_total: '0.00',
            next: { name: 'Bronze', threshold: '0.00', missing: '0.00' },
          },
          season: null,
        }),
      }),
      '/api/v1/me/points/ledger': () => ({ body: ledger }),
    });
    renderApp('/my-points', 'it', customer);
    expect(await screen.findByText('Nessun livello')).toBeInTheDocument();
    expect(screen.getByText(/Hai raggiunto la soglia del livello Bronze/)).toBeInTheDocument();
    const bar = screen.getByLabelText('Avanzamento verso il livello Bronze');
    expect(bar).toHaveAttribute('value', bar.getAttribute('max'));
    expect(plainText(screen.getByText(/di spesa negli ultimi/).textContent)).toBe(
      '0,00 € di spesa negli ultimi 365 giorni',
    );
    expect(screen.queryByText(/Punti ×/)).toBeNull();
    expect(document.querySelector('[data-points="season"]')).toBeNull();
  });

  it('shows a negative balance as points owed', async () => {
    mockFetch({
      '/api/v1/me/points': () => ({
        body: pointsView({ balance: -40, available: 0, owed: 40, value: '-0.40' }),
      }),
      '/api/v1/me/points/ledger': () => ({ body: ledger }),
    });
    renderApp('/my-points', 'it', customer);
    await waitFor(() => expect(pointsFigureText('owed')).toBe('40'));
    expect(document.querySelector('[data-points="balance"]')).toBeNull();
    expect(screen.getByText(/40 punti saranno scalati dai prossimi acquisti/)).toBeInTheDocument();
  });

  it('names ledger kinds and pages by offset', async () => {
    const fetch = mockFetch({
      '/api/v1/me/points': () => ({ body: pointsView() }),
      '/api/v1/me/points/ledger': () => ({ body: ledger }),
    });
    const { user } = renderApp('/my-points', 'it', customer);
    const table = await screen.findByRole('table', { name: 'Movimenti' });
    expect(within(table).getByText('Punti dalla spesa')).toBeInTheDocument();
    expect(within(table).getByText('Scontrino PV01-2026-11-28-0042')).toBeInTheDocument();
    expect(within(table).getByText('Premio richiesto')).toBeInTheDocument();
    expect(within(table).getByText('−400')).toBeInTheDocument();
    expect(within(table).getByText('Scontrino non letto alla cassa')).toBeInTheDocument();
    expect(screen.getByText('Pagina 1 di 3')).toBeInTheDocument();

    const ledgerUrls = () =>
      requestedUrls(fetch).filter((url) => url.pathname === '/api/v1/me/points/ledger');
    await user.click(screen.getByRole('button', { name: 'Pagina successiva' }));
    await waitFor(() => expect(ledgerUrls().at(-1)?.searchParams.get('offset')).toBe('20'));
    expect(ledgerUrls().at(-1)?.searchParams.get('limit')).toBe('20');

    await user.selectOptions(screen.getByLabelText('Mostra'), 'expiry');
    await waitFor(() => expect(ledgerUrls().at(-1)?.searchParams.get('kind')).toBe('expiry'));
    expect(ledgerUrls().at(-1)?.searchParams.get('offset')).toBe('0');
  });

  it('shows the server error with a retry', async () => {
    let calls = 0;
    mockFetch({
      '/api/v1/me/points': () => {
        calls += 1;
        return calls === 1
          ? { status: 503, body: { error: { code: 'unavailable', message: 'ledger busy' } } }
          : { body: pointsView() };
      },
      '/api/v1/me/points/ledger': () => ({ body: ledger }),
    });
    const { user } = renderApp('/my-points', 'it', customer);
    expect(await screen.findByText('ledger busy')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Riprova' }));
    await waitFor(() => expect(pointsFigureText('balance')).toBe('1.234'));
  });

  it('links the points pages in the customer navigation', async () => {
    mockFetch({
      '/api/v1/me/points': () => ({ body: pointsView() }),
      '/api/v1/me/points/ledger': () => ({ body: ledger }),
    });
    renderApp('/my-points', 'it', customer);
    const nav = await screen.findByRole('navigation', { name: 'Navigazione principale' });
    expect(within(nav).getByRole('link', { name: 'I miei punti' })).toHaveAttribute(
      'href',
      '/my-points',
    );
    expect(within(nav).getByRole('link', { name: 'Premi' })).toHaveAttribute('href', '/rewards');
    expect(within(nav).getByRole('link', { name: 'I miei buoni' })).toHaveAttribute(
      'href',
      '/vouchers',
    );
  });
});

const rewardsRoutes = (redeem: () => { status?: number; body: unknown }) => ({
  '/api/v1/me/points': () => ({ body: pointsView({ balance: 500, available: 500 }) }),
  '/api/v1/me/rewards': () => ({
    body: {
      rows: [
        catalogReward(),
        catalogReward({
          id: 4,
          name: 'Set di pentole',
          points_cost: 3200,
          copay: '19.90',
          affordable: false,
        }),
        catalogReward({ id: 5, name: 'Borraccia', points_cost: 150, stock: 0 }),
      ],
    },
  }),
  '/api/v1/me/redemptions': redeem,
});

describe('rewards page', () => {
  it('shows a skeleton and no costs while loading', async () => {
    mockFetch({
      '/api/v1/me/points': () => new Promise(() => {}),
      '/api/v1/me/rewards': () => new Promise(() => {}),
    });
    renderApp('/rewards', 'it', customer);
    await screen.findByRole('heading', { name: 'Premi', level: 1 });
    expect(screen.getByText('Caricamento…')).toBeInTheDocument();
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.queryByText(/Hai \d+ punti/)).toBeNull();
  });

  it('shows cost, co-payment, stock and what is affordable', async () => {
    mockFetch(rewardsRoutes(() => ({ body: { total: 0, rows: [] } })));
    renderApp('/rewards', 'it', customer);
    const mug = await screen.findByRole('article', { name: 'Tazza mug' });
    expect(within(mug).getByText('400 punti')).toBeInTheDocument();
    expect(within(mug).getByText(/Disponibili: 25/)).toBeInTheDocument();
    expect(within(mug).getByText('Hai punti sufficienti')).toBeInTheDocument();
    expect(within(mug).getByRole('button', { name: 'Richiedi Tazza mug' })).toBeEnabled();

    const pans = screen.getByRole('article', { name: 'Set di pentole' });
    expect(plainText(within(pans).getByText(/3.200 punti/).textContent)).toBe(
      '3.200 punti + 19,90 €',
    );
    expect(within(pans).getByText('Ti mancano 2.700 punti')).toBeInTheDocument();
    expect(within(pans).getByRole('button', { name: 'Richiedi Set di pentole' })).toBeDisabled();

    const bottle = screen.getByRole('article', { name: 'Borraccia' });
    expect(within(bottle).getByText('Esaurito')).toBeInTheDocument();
    expect(within(bottle).getByRole('button')).toBeDisabled();
    expect(screen.getByText('Hai 500 punti')).toBeInTheDocument();
  });

  it('redeems after confirmation and shows the voucher', async () => {
    const fetch = mockFetch(rewardsRoutes(() => ({ status: 201, body: redemption() })));
    const { user } = renderApp('/rewards', 'it', customer);
    await user.click(await screen.findByRole('button', { name: 'Richiedi Tazza mug' }));
    const dialog = screen.getByRole('dialog', { name: 'Richiedere «Tazza mug»?' });
    expect(within(dialog).getByText('Dal saldo verranno scalati 400 punti.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Annulla' }));
    expect(sentBodies(fetch, '/api/v1/me/redemptions')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Richiedi Tazza mug' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Conferma la richiesta' }),
    );
    const notice = await screen.findByText(/il buono 9912 3456 7890 9 è in I miei buoni/);
    expect(notice).toHaveAttribute('data-issued-voucher', '9912345678909');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(sentBodies(fetch, '/api/v1/me/redemptions')).toEqual([{ reward_id: 3 }]);
  });

  it('words a 409 insufficient_points in the dialog', async () => {
    mockFetch(
      rewardsRoutes(() => ({
        status: 409,
        body: { error: { code: 'insufficient_points', message: 'balance 380 < cost 400' } },
      })),
    );
    const { user } = renderApp('/rewards', 'it', customer);
    await user.click(await screen.findByRole('button', { name: 'Richiedi Tazza mug' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Conferma la richiesta' }),
    );
    const alert = await within(screen.getByRole('dialog')).findByRole('alert');
    expect(alert).toHaveTextContent('Non hai abbastanza punti per questo premio.');
  });

  it('shows the server message of an unknown refusal', async () => {
    mockFetch(
      rewardsRoutes(() => ({
        status: 409,
        body: { error: { code: 'something_new', message: 'the desk is closed today' } },
      })),
    );
    const { user } = renderApp('/rewards', 'it', customer);
    await user.click(await screen.findByRole('button', { name: 'Richiedi Tazza mug' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Conferma la richiesta' }),
    );
    expect(
      await within(screen.getByRole('dialog')).findByText('the desk is closed today'),
    ).toBeInTheDocument();
  });
});

describe('my vouchers page', () => {
  const svg = () =>
    new Response('<svg xmlns="http://www.w3.org/2000/svg"><title>voucher</title></svg>', {
      headers: { 'Content-Type': 'image/svg+xml' },
    });

  it('shows a skeleton, then the vouchers with their barcode', async () => {
    let release: () => void = () => {};
    const ready = new Promise<void>((resolve) => (release = resolve));
    const fetch = mockFetch({
      '/api/v1/me/redemptions': async () => {
        await ready;
        return {
          body: {
            total: 2,
            rows: [
              redemption(),
              redemption({
                id: 8,
                reward_name: 'Borraccia',
                voucher_code: '9900000000017',
                status: 'used',
                closed_at: '2026-11-20T17:00:00Z',
                barcode_url: '/api/v1/me/redemptions/8/barcode.svg',
              }),
            ],
          },
        };
      },
      '/api/v1/me/redemptions/9/barcode.svg': svg,
    });
    renderApp('/vouchers', 'it', customer);
    expect(await screen.findByText('Caricamento…')).toBeInTheDocument();

    release();
    const image = await screen.findByRole('img', {
      name: 'Codice a barre del buono 9912 3456 7890 9',
    });
    expect(image.getAttribute('src')).toMatch(/^blob:voucher-/);

    const mug = screen.getByRole('article', { name: 'Tazza mug' });
    expect(within(mug).getByText('Da ritirare')).toBeInTheDocument();
    const bottle = screen.getByRole('article', { name: 'Borraccia' });
    expect(within(bottle).getByText('Ritirato')).toBeInTheDocument();
    expect(within(bottle).queryByRole('img')).toBeNull();
    expect(within(bottle).queryByRole('button')).toBeNull();

    const barcodeCall = fetch.mock.calls.find(([url]) => String(url).endsWith('barcode.svg'))!;
    expect(new Headers(barcodeCall[1]?.headers).get('Authorization')).toBe('Bearer access-3');
  });

  it('cancels an issued voucher after confirmation', async () => {
    let cancelled = false;
    const fetch = mockFetch({
      '/api/v1/me/redemptions': () => ({
        body: {
          total: 1,
          rows: [
            cancelled
              ? redemption({ status: 'cancelled', closed_at: '2026-12-01T10:00:00Z' })
              : redemption(),
          ],
        },
      }),
      '/api/v1/me/redemptions/9/barcode.svg': svg,
      '/api/v1/me/redemptions/9/cancel': () => {
        cancelled = true;
        return { body: redemption({ status: 'cancelled' }) };
      },
    });
    const { user } = renderApp('/vouchers', 'it', customer);
    await user.click(await screen.findByRole('button', { name: 'Annulla il buono di Tazza mug' }));
    const dialog = screen.getByRole('dialog', { name: 'Annullare il buono di «Tazza mug»?' });
    expect(within(dialog).getByText(/I 400 punti tornano sul saldo/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Annulla il buono' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Annullato')).toBeInTheDocument();
    const [, init] = fetch.mock.calls.find(([url]) => String(url).endsWith('/cancel'))!;
    expect(init?.method).toBe('POST');
  });

  it('says when there are no vouchers', async () => {
    mockFetch({ '/api/v1/me/redemptions': () => ({ body: { total: 0, rows: [] } }) });
    renderApp('/vouchers', 'it', customer);
    expect(await screen.findByText('Non hai ancora richiesto premi.')).toBeInTheDocument();
  });
});

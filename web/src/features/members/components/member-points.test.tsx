import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as fixtures from '@/testing/fixtures';
import { memberDetail } from '@/testing/loyalty-fixtures';
import { mockFetch, requestedUrls, sentBodies, type MockHandler } from '@/testing/mock-fetch';
import {
  adminReward,
  ledgerEntry,
  ledgerWindow,
  pointsView,
  redemption,
} from '@/testing/points-fixtures';
import { renderApp } from '@/testing/render';
import { storeAdmin } from '@/testing/session';
import { plainText, pointsFigureText } from '@/testing/text';

function mockMember(adjust: MockHandler = () => ({ status: 201, body: ledgerEntry() })) {
  let balance = 1234;
  const fetch = mockFetch({
    '/api/v1/stores': () => ({ body: fixtures.stores }),
    '/api/v1/members/41': () => ({ body: memberDetail() }),
    '/api/v1/members/41/points': () => ({ body: pointsView({ balance, available: balance }) }),
    '/api/v1/members/41/points/ledger': () => ({ body: ledgerWindow([ledgerEntry()]) }),
    '/api/v1/members/41/points/adjustments': async (url) => {
      const reply = await adjust(url);
      if (!(reply instanceof Response) && (reply.status ?? 200) < 300) balance -= 20;
      return reply;
    },
    '/api/v1/rewards': () => ({ body: { rows: [] } }),
    '/api/v1/redemptions': () => ({ body: { total: 0, offset: 0, limit: 500, rows: [] } }),
  });
  return fetch;
}

const balanceText = () => pointsFigureText('balance');

describe('member points panel', () => {
  it('shows the balance, tier and ledger of the member', async () => {
    mockMember();
    renderApp('/members/41');
    await waitFor(() => expect(balanceText()).toBe('1.234'));
    expect(screen.getByText('Silver')).toBeInTheDocument();
    const ledger = screen.getByRole('table', { name: 'Movimenti' });
    expect(within(ledger).getByText('Punti dalla spesa')).toBeInTheDocument();
    expect(within(ledger).getByText('+37')).toBeInTheDocument();
  });

  it('requires a reason and sends the adjustment', async () => {
    const fetch = mockMember();
    const { user } = renderApp('/members/41', 'it', storeAdmin);
    const form = await screen.findByRole('form', { name: 'Rettifica dei punti' });
    await user.type(within(form).getByLabelText('Punti'), '-20');
    await user.click(within(form).getByRole('button', { name: 'Registra la rettifica' }));
    expect(within(form).getByLabelText(/^Motivo/)).toHaveAccessibleDescription(
      'Il motivo è obbligatorio: finisce nello storico modifiche.',
    );
    expect(sentBodies(fetch, '/api/v1/members/41/points/adjustments')).toHaveLength(0);

    await user.type(within(form).getByLabelText(/^Motivo/), 'Reso registrato due volte');
    await user.click(within(form).getByRole('button', { name: 'Registra la rettifica' }));
    expect(await within(form).findByText('Rettifica di -20 punti registrata.')).toBeInTheDocument();
    expect(sentBodies(fetch, '/api/v1/members/41/points/adjustments')).toEqual([
      { points: -20, reason: 'Reso registrato due volte' },
    ]);
    await waitFor(() => expect(balanceText()).toBe('1.214'));
  });

  it('rejects zero points and an expiry on a debit before sending', async () => {
    const fetch = mockMember();
    const { user } = renderApp('/members/41');
    const form = await screen.findByRole('form', { name: 'Rettifica dei punti' });
    await user.type(within(form).getByLabelText('Punti'), '0');
    await user.type(within(form).getByLabelText(/^Motivo/), 'Prova');
    await user.click(within(form).getByRole('button', { name: 'Registra la rettifica' }));
    expect(within(form).getByLabelText('Punti')).toHaveAccessibleDescription(
      /Un numero intero diverso da zero/,
    );
    await user.clear(within(form).getByLabelText('Punti'));
    await user.type(within(form).getByLabelText('Punti'), '-5');
    await user.type(within(form).getByLabelText('Scadenza'), '2027-03-31');
    await user.click(within(form).getByRole('button', { name: 'Registra la rettifica' }));
    expect(within(form).getByLabelText('Scadenza')).toHaveAccessibleDescription(
      /Solo un accredito ha una scadenza/,
    );
    expect(sentBodies(fetch, '/api/v1/members/41/points/adjustments')).toHaveLength(0);
  });

  it('shows a 422 of the server on the field it names', async () => {
    mockMember(() => ({
      status: 422,
      body: {
        error: {
          code: 'invalid_field',
          message: 'expires_on "2020-01-01" is in the past: give a later date',
          parameter: 'expires_on',
        },
      },
    }));
    const { user } = renderApp('/members/41');
    const form = await screen.findByRole('form', { name: 'Rettifica dei punti' });
    await user.type(within(form).getByLabelText('Punti'), '30');
    await user.type(within(form).getByLabelText(/^Motivo/), 'Compensazione');
    await user.type(within(form).getByLabelText('Scadenza'), '2020-01-01');
    await user.click(within(form).getByRole('button', { name: 'Registra la rettifica' }));
    expect(
      await within(form).findByText('expires_on "2020-01-01" is in the past: give a later date'),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText('Scadenza')).toHaveAttribute('aria-invalid', 'true');
  });
});

// The desk's rewards: one the balance of 1,234 points covers, one it does not, one out of stock,
// and one whose limit of one per member the member has reached.
const mug = adminReward();
const bike = adminReward({ id: 4, name: 'Bicicletta', points_cost: 5000, copay: '0.00', stock: 3 });
const umbrella = adminReward({ id: 5, name: 'Ombrello', points_cost: 300, stock: 0 });
const pan = adminReward({ id: 6, name: 'Padella', points_cost: 200, per_member_limit: 1 });
const panVoucher = redemption({
  id: 8,
  reward_id: 6,
  reward_name: 'Padella',
  points: 200,
  voucher_code: '9900000000017',
  status: 'used',
  channel: 'desk',
  barcode_url: '/api/v1/redemptions/8/barcode.svg',
});
const deskVoucher = redemption({
  id: 77,
  copay: '2.50',
  channel: 'desk',
  barcode_url: '/api/v1/redemptions/77/barcode.svg',
});

const svg = () =>
  new Response('<svg xmlns="http://www.w3.org/2000/svg"/>', {
    headers: { 'Content-Type': 'image/svg+xml' },
  });

/**
 * Mocks the member with the desk's routes over one state: a redemption takes its points off the
 * balance and joins the list, a cancel gives them back.
 */
function mockDesk(redeem: MockHandler = () => ({ status: 201, body: deskVoucher })) {
  let balance = 1234;
  let rows = [panVoucher];
  const replace = (changed: typeof deskVoucher) =>
    (rows = rows.map((row) => (row.id === changed.id ? changed : row)));
  return mockFetch({
    '/api/v1/stores': () => ({ body: fixtures.stores }),
    '/api/v1/members/41': () => ({ body: memberDetail() }),
    '/api/v1/members/41/points': () => ({ body: pointsView({ balance, available: balance }) }),
    '/api/v1/members/41/points/ledger': () => ({ body: ledgerWindow([ledgerEntry()]) }),
    '/api/v1/rewards': () => ({ body: { rows: [mug, bike, umbrella, pan] } }),
    '/api/v1/redemptions': () => ({
      body: { total: rows.length, offset: 0, limit: 500, rows },
    }),
    '/api/v1/members/41/redemptions': async (url) => {
      const reply = await redeem(url);
      if (!(reply instanceof Response) && (reply.status ?? 200) === 201) {
        balance -= deskVoucher.points;
        rows = [deskVoucher, ...rows];
      }
      return reply;
    },
    '/api/v1/redemptions/77/barcode.svg': svg,
    '/api/v1/redemptions/77/cancel': () => {
      balance += deskVoucher.points;
      const cancelled = { ...deskVoucher, status: 'cancelled' as const };
      replace(cancelled);
      return { body: cancelled };
    },
  });
}

const requestsTo = (fetch: ReturnType<typeof mockFetch>, pathname: string) =>
  requestedUrls(fetch).filter((url) => url.pathname === pathname);

describe('desk redemption', () => {
  beforeEach(() => {
    let count = 0;
    URL.createObjectURL = vi.fn(() => `blob:voucher-${(count += 1)}`);
    URL.revokeObjectURL = vi.fn();
  });

  it('lists active rewards with cost, co-payment and stock', async () => {
    const fetch = mockDesk();
    renderApp('/members/41');
    const table = await screen.findByRole('table', { name: 'Riscatto al banco' });
    expect(requestsTo(fetch, '/api/v1/rewards')[0]?.searchParams.get('active')).toBe('true');
    const mugRow = within(table).getByRole('row', { name: /Tazza mug/ });
    expect(within(mugRow).getByText('400')).toBeInTheDocument();
    expect(plainText(within(mugRow).getByText(/2,50/).textContent)).toBe('2,50 €');
    expect(within(mugRow).getByText('25')).toBeInTheDocument();
    expect(within(mugRow).getByText('Punti sufficienti')).toBeInTheDocument();
    expect(within(mugRow).getByRole('button', { name: 'Riscatta Tazza mug' })).toBeEnabled();
  });

  it('turns off rewards the member cannot redeem', async () => {
    mockDesk();
    renderApp('/members/41');
    const table = await screen.findByRole('table', { name: 'Riscatto al banco' });
    const bikeRow = within(table).getByRole('row', { name: /Bicicletta/ });
    expect(within(bikeRow).getByRole('button', { name: 'Riscatta Bicicletta' })).toBeDisabled();
    expect(within(bikeRow).getByText('Mancano 3.766 punti')).toBeInTheDocument();
    const umbrellaRow = within(table).getByRole('row', { name: /Ombrello/ });
    expect(within(umbrellaRow).getByRole('button', { name: 'Riscatta Ombrello' })).toBeDisabled();
    expect(within(umbrellaRow).getByText('Esaurito')).toBeInTheDocument();
    // The limit counts the member's used voucher, which the list below reads.
    const panRow = within(table).getByRole('row', { name: /Padella/ });
    await waitFor(() =>
      expect(within(panRow).getByRole('button', { name: 'Riscatta Padella' })).toBeDisabled(),
    );
    expect(within(panRow).getByText('Limite per socio raggiunto (1)')).toBeInTheDocument();
  });

  it('redeems after confirmation and shows the voucher', async () => {
    const fetch = mockDesk();
    const { user } = renderApp('/members/41');
    await waitFor(() => expect(balanceText()).toBe('1.234'));
    const ledgerReads = requestsTo(fetch, '/api/v1/members/41/points/ledger').length;
    await user.click(await screen.findByRole('button', { name: 'Riscatta Tazza mug' }));
    const dialog = screen.getByRole('dialog', { name: 'Riscattare «Tazza mug» per il socio?' });
    expect(
      within(dialog).getByText('Dal saldo del socio verranno scalati 400 punti.'),
    ).toBeInTheDocument();
    expect(plainText(within(dialog).getByText(/contributo/).textContent)).toBe(
      'Alla consegna incassa anche il contributo di 2,50 €.',
    );
    expect(sentBodies(fetch, '/api/v1/members/41/redemptions')).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Conferma il riscatto' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sentBodies(fetch, '/api/v1/members/41/redemptions')).toEqual([{ reward_id: 3 }]);
    expect(
      await screen.findByText('Premio «Tazza mug» riscattato: buono 9912 3456 7890 9.'),
    ).toBeInTheDocument();
    const image = await screen.findByRole('img', {
      name: 'Codice a barre del buono 9912 3456 7890 9',
    });
    expect(image.getAttribute('src')).toMatch(/^blob:voucher-/);
    expect(requestsTo(fetch, '/api/v1/redemptions/77/barcode.svg')).toHaveLength(1);

    await waitFor(() => expect(balanceText()).toBe('834'));
    expect(requestsTo(fetch, '/api/v1/members/41/points/ledger').length).toBeGreaterThan(
      ledgerReads,
    );
    const vouchers = screen.getByRole('table', { name: 'Buoni del socio' });
    expect(await within(vouchers).findByText('9912 3456 7890 9')).toBeInTheDocument();
  });

  it('words a refusal for insufficient points', async () => {
    mockDesk(() => ({
      status: 409,
      body: {
        error: {
          code: 'insufficient_points',
          message: "member 41 has a balance of 120 points, and reward 3 ('Tazza mug') costs 400",
        },
      },
    }));
    const { user } = renderApp('/members/41');
    await user.click(await screen.findByRole('button', { name: 'Riscatta Tazza mug' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Conferma il riscatto' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Il socio non ha abbastanza punti per questo premio.',
    );
    expect(screen.queryByText(/riscattato: buono/)).toBeNull();
  });

  it('words the refusal in English', async () => {
    mockDesk(() => ({
      status: 409,
      body: { error: { code: 'insufficient_points', message: 'member 41 lacks points' } },
    }));
    const { user } = renderApp('/members/41', 'en');
    await user.click(await screen.findByRole('button', { name: 'Redeem Tazza mug' }));
    const dialog = screen.getByRole('dialog', { name: 'Redeem “Tazza mug” for the member?' });
    await user.click(within(dialog).getByRole('button', { name: 'Confirm the redemption' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The member does not have enough points for this reward.',
    );
  });

  it('cancels a voucher, which refunds its points', async () => {
    const fetch = mockDesk();
    const { user } = renderApp('/members/41');
    await user.click(await screen.findByRole('button', { name: 'Riscatta Tazza mug' }));
    await user.click(screen.getByRole('button', { name: 'Conferma il riscatto' }));
    await waitFor(() => expect(balanceText()).toBe('834'));
    const vouchers = screen.getByRole('table', { name: 'Buoni del socio' });
    const row = await within(vouchers).findByRole('row', { name: /9912 3456 7890 9/ });

    await user.click(within(row).getByRole('button', { name: 'Annulla' }));
    const dialog = screen.getByRole('dialog', { name: 'Annullare il buono 9912 3456 7890 9?' });
    expect(within(dialog).getByText(/riceve indietro 400 punti/)).toBeInTheDocument();
    await user.click(within(dialog).getAllByRole('button', { name: 'Annulla' }).at(-1)!);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requestsTo(fetch, '/api/v1/redemptions/77/cancel')).toHaveLength(1);
    expect(await within(row).findByText('Annullato')).toBeInTheDocument();
    expect(within(row).queryByRole('button')).toBeNull();
    await waitFor(() => expect(balanceText()).toBe('1.234'));
    // The voucher issued above loses its barcode once it is cancelled.
    const issued = document.querySelector('[data-issued-voucher="9912345678909"]')!;
    await waitFor(() => expect(within(issued as HTMLElement).queryByRole('img')).toBeNull());
  });

  it('words a refused use of a voucher', async () => {
    // A stale list: the server has the voucher as used already.
    const stale = { ...panVoucher, status: 'issued' as const };
    mockFetch({
      '/api/v1/stores': () => ({ body: fixtures.stores }),
      '/api/v1/members/41': () => ({ body: memberDetail() }),
      '/api/v1/members/41/points': () => ({ body: pointsView() }),
      '/api/v1/members/41/points/ledger': () => ({ body: ledgerWindow([]) }),
      '/api/v1/rewards': () => ({ body: { rows: [] } }),
      '/api/v1/redemptions': () => ({ body: { total: 1, offset: 0, limit: 500, rows: [stale] } }),
      '/api/v1/redemptions/8/use': () => ({
        status: 409,
        body: { error: { code: 'redemption_not_issued', message: 'redemption 8 is used' } },
      }),
    });
    const { user } = renderApp('/members/41');
    expect(await screen.findByText('Nessun premio attivo in catalogo.')).toBeInTheDocument();
    const vouchers = await screen.findByRole('table', { name: 'Buoni del socio' });
    await user.click(within(vouchers).getByRole('button', { name: 'Segna ritirato' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Consegnare il premio del buono 9900 0000 0001 7?',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Segna ritirato' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Il buono è già stato ritirato o annullato.',
    );
  });
});

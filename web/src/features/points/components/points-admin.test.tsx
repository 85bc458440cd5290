import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { mockFetch, requestedUrls, sentBodies, type MockHandler } from '@/testing/mock-fetch';
import {
  adminReward,
  pointsSummary,
  redemption,
  ruleDocument,
  ruleSetVersions,
  simulation,
} from '@/testing/points-fixtures';
import { renderApp } from '@/testing/render';
import { storeAdmin } from '@/testing/session';
import { plainText, pointsFigureText } from '@/testing/text';

// jsdom has no canvas: the charts are checked in the browser.
vi.mock('@/shared/ui/echart', () => ({
  EChart: ({ description }: { description: string }) => <div role="img" aria-label={description} />,
}));

describe('points overview', () => {
  it('shows skeletons and no zeros while loading', async () => {
    mockFetch({ '/api/v1/points/summary': () => new Promise(() => {}) });
    renderApp('/points');
    await screen.findByRole('heading', { name: 'Punti', level: 1 });
    expect(screen.getAllByText('Caricamento…').length).toBeGreaterThanOrEqual(4);
    expect(document.querySelector('[data-points="outstanding"]')).toBeNull();
  });

  it('shows the summary of 12 months', async () => {
    const fetch = mockFetch({ '/api/v1/points/summary': () => ({ body: pointsSummary }) });
    renderApp('/points');
    await waitFor(() => expect(pointsFigureText('outstanding')).toBe('1.523.400'));
    expect(pointsFigureText('liability-value')).toBe('15.234,00 €');
    expect(pointsFigureText('owed')).toBe('860');
    expect(pointsFigureText('members-with-points')).toBe('4.211');
    expect(pointsFigureText('members-owing')).toBe('7');
    expect(pointsFigureText('issued')).toBe('408.800');
    expect(pointsFigureText('redeemed')).toBe('171.600');
    expect(pointsFigureText('expired')).toBe('3.100');
    expect(pointsFigureText('reversed')).toBe('2.150');
    expect(pointsFigureText('redemptions-used')).toBe('1.804');
    expect(
      await screen.findByRole('img', { name: /Grafico a barre dei punti emessi/ }),
    ).toBeInTheDocument();
    const tiers = screen.getByRole('table', { name: 'Soci per livello' });
    expect(within(tiers).getByText('905')).toBeInTheDocument();

    const url = requestedUrls(fetch)[0]!;
    const from = url.searchParams.get('from')!;
    const to = url.searchParams.get('to')!;
    expect(from).toMatch(/^\d{4}-\d{2}-01$/);
    const months =
      (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
      Number(to.slice(5, 7)) -
      Number(from.slice(5, 7));
    expect(months).toBe(11);
  });

  it('asks for another period', async () => {
    const fetch = mockFetch({ '/api/v1/points/summary': () => ({ body: pointsSummary }) });
    const { user } = renderApp('/points');
    await waitFor(() => expect(pointsFigureText('outstanding')).toBe('1.523.400'));
    const from = screen.getByLabelText('Dal');
    await user.clear(from);
    await user.type(from, '2026-10-01');
    const to = screen.getByLabelText('Al');
    await user.clear(to);
    await user.type(to, '2026-09-01');
    await user.click(screen.getByRole('button', { name: 'Applica' }));
    expect(screen.getByText(/la prima non successiva alla seconda/)).toBeInTheDocument();
    expect(requestedUrls(fetch)).toHaveLength(1);

    await user.clear(to);
    await user.type(to, '2026-10-31');
    await user.click(screen.getByRole('button', { name: 'Applica' }));
    await waitFor(() => expect(requestedUrls(fetch)).toHaveLength(2));
    expect(requestedUrls(fetch)[1]!.searchParams.get('from')).toBe('2026-10-01');
    expect(requestedUrls(fetch)[1]!.searchParams.get('to')).toBe('2026-10-31');
  });
});

function rulesRoutes(extra: Record<string, MockHandler> = {}) {
  return {
    '/api/v1/points/rule-sets': () => ({ body: { rows: ruleSetVersions } }),
    '/api/v1/points/rule-sets/2': () => ({
      body: { ...ruleSetVersions[1], document: ruleDocument },
    }),
    '/api/v1/points/rule-sets/3': () => ({
      body: { ...ruleSetVersions[2], document: { ...ruleDocument, name: 'Prova estate' } },
    }),
    ...extra,
  };
}

/** Routes the rule set list and the draft creation, which share a path, by method. */
function mockRulesWithCreate(create: () => Response) {
  const routes = rulesRoutes();
  const fetch = mockFetch(routes);
  const json = (body: unknown) => Response.json(body);
  fetch.mockImplementation(async (input, init) => {
    const path = new URL(String(input), 'http://localhost').pathname;
    if (path === '/api/v1/points/rule-sets' && init?.method === 'POST') return create();
    if (path === '/api/v1/points/rule-sets') return json({ rows: ruleSetVersions });
    if (path === '/api/v1/points/rule-sets/2') {
      return json({ ...ruleSetVersions[1], document: ruleDocument });
    }
    throw new Error(`unexpected request in test: ${path}`);
  });
  return fetch;
}

const editorText = () => screen.getByLabelText('Regole (JSON)') as HTMLTextAreaElement;

describe('rule sets page', () => {
  it('shows skeletons and no editor while loading', async () => {
    mockFetch({ '/api/v1/points/rule-sets': () => new Promise(() => {}) });
    renderApp('/points/rules');
    await screen.findByRole('heading', { name: 'Regole', level: 1 });
    expect(screen.getAllByText('Caricamento…')).toHaveLength(2);
    expect(screen.queryByLabelText('Regole (JSON)')).toBeNull();
  });

  it('lists versions and opens the active one in the editor', async () => {
    mockFetch(rulesRoutes());
    renderApp('/points/rules');
    const table = await screen.findByRole('table', { name: 'Versioni delle regole' });
    expect(within(table).getByText('Raccolta 2025')).toBeInTheDocument();
    expect(within(table).getByText('Ritirata')).toBeInTheDocument();
    expect(within(table).getByText('Bozza')).toBeInTheDocument();
    await waitFor(() => expect(JSON.parse(editorText().value)).toEqual(ruleDocument));
    expect(screen.getByText('Partendo dalla versione 2 «Raccolta 2026».')).toBeInTheDocument();
    expect(screen.getByLabelText('Nome')).toHaveValue('Raccolta 2026');
  });

  it('saves the edited document as a draft', async () => {
    const fetch = mockRulesWithCreate(() =>
      Response.json({ ...ruleSetVersions[2], version: 4, document: {} }, { status: 201 }),
    );
    const { user } = renderApp('/points/rules');
    await waitFor(() => expect(JSON.parse(editorText().value)).toEqual(ruleDocument));
    await user.clear(editorText());
    await user.click(editorText());
    await user.paste('{"name": "Natale", "threshold": "5.00"}');
    await user.clear(screen.getByLabelText('Nome'));
    await user.type(screen.getByLabelText('Nome'), 'Natale');
    await user.click(screen.getByRole('button', { name: 'Salva come bozza' }));
    expect(await screen.findByText('Bozza salvata come versione 4.')).toBeInTheDocument();
    expect(sentBodies(fetch, '/api/v1/points/rule-sets').filter((body) => body !== null)).toEqual([
      { name: 'Natale', document: { name: 'Natale', threshold: '5.00' } },
    ]);
  });

  it('rejects text that is not JSON before sending', async () => {
    const fetch = mockRulesWithCreate(() => Response.json({}, { status: 201 }));
    const { user } = renderApp('/points/rules');
    await waitFor(() => expect(JSON.parse(editorText().value)).toEqual(ruleDocument));
    await user.type(editorText(), ',');
    await user.click(screen.getByRole('button', { name: 'Salva come bozza' }));
    expect(editorText()).toHaveAccessibleDescription(/^JSON non valido: /);
    const posts = fetch.mock.calls.filter(([, init]) => init?.method === 'POST');
    expect(posts).toHaveLength(0);
  });

  it('shows a 422 with its path', async () => {
    mockRulesWithCreate(() =>
      Response.json(
        {
          error: {
            code: 'invalid_rule_set',
            message:
              'rules[0].weekdays: weekday 8 is out of range. Use a whole number from 1 to 7.',
            parameter: 'document.rules[0].weekdays',
          },
        },
        { status: 422 },
      ),
    );
    const { user } = renderApp('/points/rules');
    await waitFor(() => expect(JSON.parse(editorText().value)).toEqual(ruleDocument));
    await user.click(screen.getByRole('button', { name: 'Salva come bozza' }));
    const alert = await screen.findByText('Regole non valide');
    const box = alert.closest('[data-rule-error-path]')!;
    expect(box).toHaveAttribute('data-rule-error-path', 'rules[0].weekdays');
    expect(within(box as HTMLElement).getByText('rules[0].weekdays').tagName).toBe('CODE');
    expect(box).toHaveTextContent('weekday 8 is out of range');
  });

  it('simulates against the current rules', async () => {
    const fetch = mockFetch(
      rulesRoutes({ '/api/v1/points/simulations': () => ({ body: simulation }) }),
    );
    const { user } = renderApp('/points/rules');
    await waitFor(() => expect(JSON.parse(editorText().value)).toEqual(ruleDocument));
    const from = screen.getAllByLabelText('Dal').at(-1)!;
    await user.clear(from);
    await user.type(from, '2026-10-01');
    const to = screen.getAllByLabelText('Al').at(-1)!;
    await user.clear(to);
    await user.type(to, '2026-10-31');
    await user.click(screen.getByRole('button', { name: 'Simula' }));

    const points = await waitFor(() => {
      const cell = document.querySelector('[data-simulation="points"] dd');
      expect(cell).not.toBeNull();
      return cell!;
    });
    expect(points).toHaveTextContent('210.500');
    const value = document.querySelector('[data-simulation="value"] dd');
    expect(plainText(value?.textContent)).toBe('2.105,00 €');
    expect(document.querySelector('[data-simulation="receipts-earning"] dd')).toHaveTextContent(
      '4.870',
    );
    expect(plainText(document.querySelector('[data-simulation="current"]')?.textContent)).toBe(
      'Con le regole in vigore (versione 2): 200.000 punti, 2.000,00 €. Differenza: +10.500 punti (+5,3%).',
    );
    const byRule = screen.getByRole('table', { name: 'Scontrini per regola' });
    expect(within(byRule).getByText('1.432')).toBeInTheDocument();
    expect(screen.getByText(/Mediana 64 · 90° percentile 180/)).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: /Istogramma/ })).toBeInTheDocument();
    expect(sentBodies(fetch, '/api/v1/points/simulations')).toEqual([
      { document: ruleDocument, from: '2026-10-01', to: '2026-10-31' },
    ]);
  });

  it('activates a draft from a date', async () => {
    const fetch = mockFetch(
      rulesRoutes({
        '/api/v1/points/rule-sets/3/activate': () => ({
          body: { ...ruleSetVersions[2], status: 'active' },
        }),
      }),
    );
    const { user } = renderApp('/points/rules');
    const table = await screen.findByRole('table', { name: 'Versioni delle regole' });
    const activate = within(table).getAllByRole('button', { name: 'Attiva' });
    expect(activate).toHaveLength(1);
    await user.click(activate[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Attivare la versione 3 «Prova estate»?' });
    const date = within(dialog).getByLabelText('In vigore dal');
    await user.clear(date);
    await user.type(date, '2027-01-01');
    await user.click(within(dialog).getByRole('button', { name: 'Attiva' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sentBodies(fetch, '/api/v1/points/rule-sets/3/activate')).toEqual([
      { effective_from: '2027-01-01' },
    ]);
  });

  it('shows a store admin no Activate button', async () => {
    mockFetch(rulesRoutes());
    renderApp('/points/rules', 'it', storeAdmin);
    const table = await screen.findByRole('table', { name: 'Versioni delle regole' });
    expect(within(table).getAllByRole('button', { name: 'Apri' })).toHaveLength(3);
    expect(within(table).queryByRole('button', { name: 'Attiva' })).toBeNull();
  });
});

describe('rewards admin', () => {
  it('checks and creates a reward', async () => {
    const fetch = mockFetch({});
    fetch.mockImplementation(async (_input, init) =>
      init?.method === 'POST'
        ? Response.json(adminReward({ id: 7 }), { status: 201 })
        : Response.json({ rows: [adminReward()] }),
    );
    const { user } = renderApp('/points/rewards');
    const table = await screen.findByRole('table', { name: 'Catalogo premi' });
    expect(within(table).getByText('Tazza mug')).toBeInTheDocument();
    expect(plainText(within(table).getByText(/2,50/).textContent)).toBe('2,50 €');

    await user.click(screen.getByRole('button', { name: 'Nuovo premio' }));
    const form = screen.getByRole('form', { name: 'Nuovo premio' });
    await user.click(within(form).getByRole('button', { name: 'Salva' }));
    expect(within(form).getByLabelText('Nome')).toHaveAccessibleDescription('Campo obbligatorio.');
    expect(within(form).getByLabelText('Punti')).toHaveAccessibleDescription(
      'Un numero intero di punti maggiore di zero.',
    );
    expect(fetch.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0);

    await user.type(within(form).getByLabelText('Nome'), 'Borraccia');
    await user.type(within(form).getByLabelText('Categoria'), 'Sport');
    await user.type(within(form).getByLabelText('Punti'), '150');
    await user.type(within(form).getByLabelText('Contributo in euro'), '1,5');
    await user.type(within(form).getByLabelText('Disponibilità'), '40');
    await user.click(within(form).getByRole('button', { name: 'Salva' }));
    await waitFor(() => expect(screen.queryByRole('form')).not.toBeInTheDocument());
    expect(sentBodies(fetch, '/api/v1/rewards').filter((body) => body !== null)).toEqual([
      {
        name: 'Borraccia',
        description: '',
        image_url: null,
        category: 'Sport',
        points_cost: 150,
        copay: '1.50',
        stock: 40,
        per_member_limit: null,
        valid_from: null,
        valid_to: null,
        active: true,
      },
    ]);
  });

  it('shows a server rejection on its field', async () => {
    const fetch = mockFetch({});
    fetch.mockImplementation(async (_input, init) =>
      init?.method === 'PUT'
        ? Response.json(
            {
              error: {
                code: 'invalid_field',
                message: 'valid_to "2025-01-01" is before valid_from',
                parameter: 'valid_to',
              },
            },
            { status: 400 },
          )
        : Response.json({ rows: [adminReward()] }),
    );
    const { user } = renderApp('/points/rewards');
    await user.click(await screen.findByRole('button', { name: 'Modifica Tazza mug' }));
    const form = screen.getByRole('form', { name: 'Modifica «Tazza mug»' });
    expect(within(form).getByLabelText('Punti')).toHaveValue(400);
    await user.click(within(form).getByRole('button', { name: 'Salva' }));
    expect(
      await within(form).findByText('valid_to "2025-01-01" is before valid_from'),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText('Richiedibile fino al')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(String(put[0])).toBe('/api/v1/rewards/3');
  });

  it('shows a store admin the catalogue without edit buttons', async () => {
    mockFetch({ '/api/v1/rewards': () => ({ body: { rows: [adminReward()] } }) });
    renderApp('/points/rewards', 'it', storeAdmin);
    await screen.findByRole('table', { name: 'Catalogo premi' });
    expect(screen.queryByRole('button', { name: 'Nuovo premio' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Modifica Tazza mug' })).toBeNull();
  });
});

describe('vouchers admin', () => {
  const issued = redemption({ barcode_url: '/api/v1/redemptions/9/barcode.svg' });

  it('searches by voucher code and marks one used', async () => {
    let used = false;
    const fetch = mockFetch({
      '/api/v1/redemptions': () => ({
        body: { total: 1, rows: [used ? { ...issued, status: 'used' } : issued] },
      }),
      '/api/v1/redemptions/9/use': () => {
        used = true;
        return { body: { ...issued, status: 'used' } };
      },
    });
    const { user } = renderApp('/points/vouchers');
    const table = await screen.findByRole('table', { name: 'Buoni' });
    expect(within(table).getByText('9912 3456 7890 9')).toBeInTheDocument();
    expect(screen.getByText('1 buono')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Socio n. 41' })).toHaveAttribute(
      'href',
      '/members/41',
    );

    const code = screen.getByLabelText('Codice del buono');
    await user.type(code, '9912 3456 7890 1');
    await user.click(screen.getByRole('button', { name: 'Cerca' }));
    expect(code).toHaveAccessibleDescription('Il codice del buono ha 13 cifre: controllale.');
    await user.clear(code);
    await user.type(code, '9912 3456 7890 9');
    await user.click(screen.getByRole('button', { name: 'Cerca' }));
    await waitFor(() =>
      expect(requestedUrls(fetch).at(-1)?.searchParams.get('voucher')).toBe('9912345678909'),
    );

    await user.click(within(table).getByRole('button', { name: 'Segna ritirato' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Consegnare il premio del buono 9912 3456 7890 9?',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Segna ritirato' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(table).findByText('Ritirato')).toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: 'Segna ritirato' })).toBeNull();
  });

  it('words a refused cancellation in the dialog', async () => {
    mockFetch({
      '/api/v1/redemptions': () => ({ body: { total: 1, rows: [issued] } }),
      '/api/v1/redemptions/9/cancel': () => ({
        status: 409,
        body: { error: { code: 'redemption_closed', message: 'redemption 9 is already used' } },
      }),
    });
    const { user } = renderApp('/points/vouchers', 'it', storeAdmin);
    const table = await screen.findByRole('table', { name: 'Buoni' });
    await user.click(within(table).getByRole('button', { name: 'Annulla' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getAllByRole('button', { name: 'Annulla' }).at(-1)!);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'redemption 9 is already used',
    );
  });

  it('filters by status and says when nothing matches', async () => {
    const fetch = mockFetch({
      '/api/v1/redemptions': (url) => ({
        body: url.searchParams.get('status')
          ? { total: 0, rows: [] }
          : { total: 1, rows: [issued] },
      }),
    });
    const { user } = renderApp('/points/vouchers');
    await screen.findByRole('table', { name: 'Buoni' });
    await user.selectOptions(screen.getByLabelText('Stato'), 'cancelled');
    expect(await screen.findByText('Nessun buono.')).toBeInTheDocument();
    expect(requestedUrls(fetch).at(-1)?.searchParams.get('status')).toBe('cancelled');
  });
});

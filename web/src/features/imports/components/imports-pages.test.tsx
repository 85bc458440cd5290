import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import * as fixtures from '@/testing/fixtures';
import { mockFetch, requestedUrls } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render';

/** Replaces XMLHttpRequest with a fake that records the upload and responds with `reply`. */
function stubUpload(reply: { status: number; body: unknown }) {
  const sent: { method: string; url: string; body: unknown; headers: Record<string, string> }[] =
    [];
  class FakeXhr {
    upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    status = 0;
    statusText = '';
    responseText = '';
    private method = '';
    private url = '';
    private headers: Record<string, string> = {};
    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    getResponseHeader(name: string) {
      return name === 'X-Request-Id' ? 'upload-1' : null;
    }
    abort() {}
    send(body: unknown) {
      sent.push({ method: this.method, url: this.url, body, headers: this.headers });
      setTimeout(() => {
        this.upload.onprogress?.({ loaded: 5, total: 10, lengthComputable: true } as ProgressEvent);
        this.status = reply.status;
        this.responseText = JSON.stringify(reply.body);
        this.onload?.();
      }, 0);
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return sent;
}

const rejects = {
  items: [
    {
      line: 14,
      column: 'card_number',
      value: '8,01E+12',
      reason: 'card number in scientific notation',
    },
    { line: 52, column: 'timestamp', value: '31/02/2026', reason: 'no such day' },
  ],
  page: 1,
  page_size: 50,
  total: 2,
};

describe('import page', () => {
  it('asks for a file before uploading', async () => {
    mockFetch({
      '/api/v1/imports': () => ({ body: { items: [], page: 1, page_size: 20, total: 0 } }),
    });
    const sent = stubUpload({ status: 202, body: fixtures.importRecord() });
    const { user } = renderApp('/imports');
    await user.click(screen.getByRole('button', { name: 'Importa' }));
    expect(screen.getByText('Scegli il file da importare.')).toBeInTheDocument();
    expect(screen.getByLabelText('File')).toHaveAttribute('aria-invalid', 'true');
    expect(sent).toHaveLength(0);
    expect(await screen.findByText('Nessuna importazione finora.')).toBeInTheDocument();
  });

  it('uploads the raw file with its options and opens the import', async () => {
    const record = fixtures.importRecord({ id: 9, source_name: 'vendite.csv' });
    mockFetch({
      '/api/v1/imports': () => ({ body: { items: [], page: 1, page_size: 20, total: 0 } }),
      '/api/v1/imports/9': () => ({ body: record }),
      '/api/v1/imports/9/rejects': () => ({ body: rejects }),
    });
    const sent = stubUpload({ status: 202, body: { ...record, status: 'queued' } });
    const { user, router } = renderApp('/imports');

    const file = new File(['receipt_id;line\n1;1\n'], 'vendite.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('File'), file);
    await user.selectOptions(screen.getByLabelText('Tracciato'), 'online-retail');
    await user.selectOptions(screen.getByLabelText('Formato di numeri e date'), 'it-IT');
    await user.selectOptions(screen.getByLabelText('Separatore'), 'tab');
    await user.type(screen.getByLabelText('Formato data'), '%d/%m/%Y %H:%M');
    await user.click(screen.getByRole('checkbox', { name: 'Solo verifica' }));
    await user.click(screen.getByRole('button', { name: 'Importa' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/imports/9'));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe('POST');
    expect(sent[0]!.body).toBe(file);
    const url = new URL(sent[0]!.url, 'http://localhost');
    expect(url.pathname).toBe('/api/v1/imports');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      filename: 'vendite.csv',
      preset: 'online-retail',
      locale: 'it-IT',
      delimiter: 'tab',
      date_format: '%d/%m/%Y %H:%M',
      dry_run: 'true',
    });
    expect(await screen.findByRole('heading', { name: 'Importazione n. 9' })).toBeInTheDocument();
  });

  it('shows why an upload was rejected', async () => {
    mockFetch({
      '/api/v1/imports': () => ({ body: { items: [], page: 1, page_size: 20, total: 0 } }),
    });
    stubUpload({
      status: 400,
      body: {
        error: {
          code: 'invalid_parameter',
          message: 'unknown preset "retail": use canonical or online-retail',
          parameter: 'preset',
        },
      },
    });
    const { user } = renderApp('/imports');
    await user.upload(screen.getByLabelText('File'), new File(['x'], 'x.csv'));
    await user.click(screen.getByRole('button', { name: 'Importa' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Caricamento non riuscito');
    expect(alert).toHaveTextContent('unknown preset "retail"');
    expect(alert).toHaveTextContent('ID richiesta: upload-1');
  });

  it('lists past imports with links', async () => {
    mockFetch({
      '/api/v1/imports': () => ({
        body: {
          items: [
            fixtures.importRecord({ id: 3, source_name: 'ottobre.csv' }),
            fixtures.importRecord({ id: 2, source_name: 'settembre.xlsx', status: 'failed' }),
          ],
          page: 1,
          page_size: 20,
          total: 2,
        },
      }),
    });
    renderApp('/imports');
    const table = await screen.findByRole('table', { name: 'Importazioni precedenti' });
    expect(within(table).getByRole('link', { name: 'ottobre.csv' })).toHaveAttribute(
      'href',
      '/imports/3',
    );
    expect(within(table).getByText('Non riuscita')).toBeInTheDocument();
    expect(within(table).getAllByText('115')).toHaveLength(2);
  });
});

describe('import detail page', () => {
  it('follows progress, then shows the summary and rejected rows', async () => {
    let polls = 0;
    const fetchMock = mockFetch({
      '/api/v1/imports/7': () => {
        polls += 1;
        if (polls === 1) {
          return {
            body: fixtures.importRecord({
              status: 'running',
              percent: 42.5,
              lines_read: 1234,
              finished_at: null,
            }),
          };
        }
        return { body: fixtures.importRecord() };
      },
      '/api/v1/imports/7/rejects': () => ({ body: rejects }),
    });
    renderApp('/imports/7');

    expect(await screen.findByText('In corso')).toBeInTheDocument();
    expect(screen.getByText('1.234 righe lette')).toBeInTheDocument();
    expect(screen.getByText(/Avanzamento: 42,5%/)).toBeInTheDocument();

    expect(await screen.findByText('Completata', {}, { timeout: 3000 })).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: 'Riepilogo' });
    const figure = (name: string) =>
      summary.querySelector(`[data-summary="${name}"] dd`)?.textContent;
    expect(figure('lines_read')).toBe('120');
    expect(figure('imported')).toBe('115');
    expect(figure('duplicates')).toBe('3');
    expect(figure('rejected')).toBe('2');

    const table = await screen.findByRole('table', { name: 'Righe scartate' });
    expect(within(table).getByText('8,01E+12')).toBeInTheDocument();
    expect(within(table).getByText('card number in scientific notation')).toBeInTheDocument();
    expect(within(table).getByText('52')).toBeInTheDocument();
    const rejectsRequest = requestedUrls(fetchMock).find((u) => u.pathname.endsWith('/rejects'))!;
    expect(rejectsRequest.searchParams.get('page')).toBe('1');
    expect(rejectsRequest.searchParams.get('page_size')).toBe('50');
  });

  it('pages through rejected rows', async () => {
    const fetchMock = mockFetch({
      '/api/v1/imports/7': () => ({ body: fixtures.importRecord({ rejected: 120 }) }),
      '/api/v1/imports/7/rejects': (url) => ({
        body: { ...rejects, page: Number(url.searchParams.get('page')), total: 120 },
      }),
    });
    const { user } = renderApp('/imports/7');
    await screen.findByRole('table', { name: 'Righe scartate' });
    expect(screen.getByText('Pagina 1 di 3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pagina successiva' }));
    expect(await screen.findByText('Pagina 2 di 3')).toBeInTheDocument();
    const pages = requestedUrls(fetchMock)
      .filter((u) => u.pathname.endsWith('/rejects'))
      .map((u) => u.searchParams.get('page'));
    expect(pages).toEqual(['1', '2']);
  });

  it('shows a failed import with its reason and no rejected rows', async () => {
    mockFetch({
      '/api/v1/imports/7': () => ({
        body: fixtures.importRecord({
          status: 'failed',
          rejected: 0,
          error: 'line 1: invalid UTF-8; declare --encoding windows-1252',
        }),
      }),
    });
    renderApp('/imports/7');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Importazione non riuscita: line 1: invalid UTF-8',
    );
    expect(screen.getByText('Nessuna riga scartata.')).toBeInTheDocument();
  });

  it('treats a malformed id as a missing page', async () => {
    mockFetch({});
    renderApp('/imports/abc');
    expect(await screen.findByRole('heading', { name: 'Pagina non trovata' })).toBeInTheDocument();
  });
});

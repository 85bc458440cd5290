import { describe, expect, it, vi } from 'vitest';

import { jsonResponse, mockFetch, requestedUrls } from '@/testing/mock-fetch';

import { ApiError } from './api-error';
import { apiDownload, apiGet, buildUrl, filenameFromDisposition } from './client';

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

describe('buildUrl', () => {
  it('repeats array parameters and skips absent ones', () => {
    expect(
      buildUrl('/analytics/dashboard', {
        from: '2026-10-01',
        store: ['PV01', 'PV 07'],
        cards_only: true,
        q: undefined,
        page: null,
        top: 10,
      }),
    ).toBe(
      '/api/v1/analytics/dashboard?from=2026-10-01&store=PV01&store=PV+07&cards_only=true&top=10',
    );
  });

  it('writes no question mark without parameters', () => {
    expect(buildUrl('/stores')).toBe('/api/v1/stores');
  });
});

describe('apiGet', () => {
  it('returns the JSON body', async () => {
    const fetchMock = mockFetch({ '/api/v1/stores': () => ({ body: { stores: [] } }) });
    await expect(apiGet('/stores', { page: 2 })).resolves.toEqual({ stores: [] });
    expect(requestedUrls(fetchMock)[0]?.searchParams.get('page')).toBe('2');
  });

  it('maps the error envelope with its parameter and request id', async () => {
    mockFetch({
      '/api/v1/analytics/dashboard': () =>
        jsonResponse(
          {
            error: {
              code: 'invalid_parameter',
              message: 'unknown store "PV99": use a code listed by GET /api/v1/stores',
              parameter: 'store',
            },
          },
          400,
          { 'X-Request-Id': 'req-42' },
        ),
    });
    const error = await failureOf(apiGet('/analytics/dashboard'));
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_parameter');
    expect(error.parameter).toBe('store');
    expect(error.message).toContain('PV99');
    expect(error.requestId).toBe('req-42');
    expect(error.isTransient).toBe(false);
  });

  it('maps a body that is not the envelope to an HTTP error', async () => {
    mockFetch({
      '/api/v1/stores': () =>
        new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    });
    const error = await failureOf(apiGet('/stores'));
    expect(error.code).toBe('http_error');
    expect(error.status).toBe(502);
    expect(error.message).toBe('HTTP 502 Bad Gateway: <html>Bad Gateway</html>');
    expect(error.isTransient).toBe(true);
  });

  it('maps an empty error body to the status line', async () => {
    mockFetch({ '/api/v1/stores': () => new Response('', { status: 503 }) });
    const error = await failureOf(apiGet('/stores'));
    expect(error.message).toBe('HTTP 503');
    expect(error.code).toBe('http_error');
  });

  it('maps a refused connection to a network error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await failureOf(apiGet('/stores'));
    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
    expect(error.message).toBe('Failed to fetch');
    expect(error.isTransient).toBe(true);
  });

  it('maps a success body that is not JSON', async () => {
    mockFetch({ '/api/v1/stores': () => new Response('<!doctype html>', { status: 200 }) });
    const error = await failureOf(apiGet('/stores'));
    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain('<!doctype html>');
  });

  it('lets a cancellation through as AbortError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockRejectedValue(new DOMException('The operation was aborted.', 'AbortError')),
    );
    await expect(apiGet('/stores')).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('apiDownload', () => {
  it('takes the server file name', async () => {
    mockFetch({
      '/api/v1/analytics/export': () =>
        new Response('a,b\n1,2\n', {
          headers: { 'Content-Disposition': 'attachment; filename="stores.csv"' },
        }),
    });
    const file = await apiDownload('/analytics/export', { table: 'stores' }, 'fallback.csv');
    expect(file.filename).toBe('stores.csv');
    expect(await file.blob.text()).toBe('a,b\n1,2\n');
  });

  it('fails with the server message instead of saving an error as a file', async () => {
    mockFetch({
      '/api/v1/analytics/export': () =>
        jsonResponse({ error: { code: 'invalid_parameter', message: 'unknown table "x"' } }, 400),
    });
    const error = await failureOf(apiDownload('/analytics/export', { table: 'x' }, 'x.csv'));
    expect(error.message).toBe('unknown table "x"');
  });
});

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 name', () => {
    expect(
      filenameFromDisposition(
        `attachment; filename="vendite.csv"; filename*=UTF-8''vendite%20citt%C3%A0.csv`,
        'x',
      ),
    ).toBe('vendite città.csv');
  });

  it('reads an unquoted name', () => {
    expect(filenameFromDisposition('attachment; filename=kpis.xlsx', 'x')).toBe('kpis.xlsx');
  });

  it('falls back without a header', () => {
    expect(filenameFromDisposition(null, 'fallback.csv')).toBe('fallback.csv');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';

import { apiGet } from '@/shared/api/client';
import { mockFetch } from '@/testing/mock-fetch';
import { customer, sessionBody, signInForTest, superAdmin } from '@/testing/session';

import { REFRESH_TOKEN_KEY, SessionStore, sessionStore } from './session-store';
import { signOut } from './sign-out';
import {
  currentAccessToken,
  EXPIRY_MARGIN_MS,
  keepSessionFresh,
  refreshAccessToken,
  restoreSession,
} from './token-refresh';

function storeAt(time: { now: number }) {
  return new SessionStore(window.localStorage, () => time.now);
}

function bodyOf(init: RequestInit | undefined): unknown {
  return JSON.parse(String(init?.body));
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('SessionStore', () => {
  it('starts signed out without a stored token', () => {
    expect(storeAt({ now: 0 }).getState()).toEqual({ status: 'signed_out', reason: null });
  });

  it('restores from a stored refresh token', () => {
    window.localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-9');
    const store = storeAt({ now: 0 });
    expect(store.getState()).toEqual({ status: 'restoring' });
    expect(store.refreshToken()).toBe('refresh-9');
    expect(store.accessToken()).toBeNull();
  });

  it('keeps the access token in memory only', () => {
    const store = storeAt({ now: 0 });
    store.begin(sessionBody(customer));
    expect(store.getState()).toEqual({ status: 'signed_in', account: customer });
    expect(store.accessToken()).toBe('access-3');
    expect(window.localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-3');
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('access-3');
  });

  it('tracks the expiry of the access token', () => {
    const time = { now: 1_000_000 };
    const store = storeAt(time);
    store.begin(sessionBody(customer, { expires_in: 900 }));
    expect(store.msUntilExpiry()).toBe(900_000);
    expect(store.accessTokenExpiresWithin(EXPIRY_MARGIN_MS)).toBe(false);
    time.now += 900_000 - EXPIRY_MARGIN_MS;
    expect(store.accessTokenExpiresWithin(EXPIRY_MARGIN_MS)).toBe(true);
  });

  it('forgets both tokens when the session ends', () => {
    const store = storeAt({ now: 0 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.begin(sessionBody(customer));
    store.end('expired');
    expect(store.getState()).toEqual({ status: 'signed_out', reason: 'expired' });
    expect(store.accessToken()).toBeNull();
    expect(store.refreshToken()).toBeNull();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('follows a sign-out in another tab', () => {
    const store = storeAt({ now: 0 });
    store.begin(sessionBody(customer));
    const rotated = new StorageEvent('storage', { key: REFRESH_TOKEN_KEY, newValue: 'refresh-4' });
    store.handleStorageEvent(rotated);
    expect(store.getState().status).toBe('signed_in');
    store.handleStorageEvent(
      new StorageEvent('storage', { key: REFRESH_TOKEN_KEY, newValue: null }),
    );
    expect(store.getState()).toEqual({ status: 'signed_out', reason: 'elsewhere' });
  });
});

describe('refreshAccessToken', () => {
  it('rotates the refresh token once for parallel callers', async () => {
    const store = storeAt({ now: 0 });
    store.begin(sessionBody(customer));
    const fetch = mockFetch({
      '/api/v1/auth/refresh': () => ({
        body: sessionBody(customer, { access_token: 'access-new', refresh_token: 'refresh-new' }),
      }),
    });
    const tokens = await Promise.all([refreshAccessToken(store), refreshAccessToken(store)]);
    expect(tokens).toEqual(['access-new', 'access-new']);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(bodyOf(fetch.mock.calls[0]?.[1])).toEqual({ refresh_token: 'refresh-3' });
    expect(store.refreshToken()).toBe('refresh-new');
  });

  it('signs out when the server rejects the token', async () => {
    const store = storeAt({ now: 0 });
    store.begin(sessionBody(customer));
    mockFetch({
      '/api/v1/auth/refresh': () => ({
        status: 401,
        body: { error: { code: 'invalid_refresh_token', message: 'the token was used already' } },
      }),
    });
    await expect(refreshAccessToken(store)).rejects.toMatchObject({
      code: 'invalid_refresh_token',
    });
    expect(store.getState()).toEqual({ status: 'signed_out', reason: 'expired' });
  });

  it('keeps the session when the server is unreachable', async () => {
    const store = storeAt({ now: 0 });
    store.begin(sessionBody(customer));
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(refreshAccessToken(store)).rejects.toMatchObject({ code: 'network_error' });
    expect(store.getState().status).toBe('signed_in');
    expect(store.refreshToken()).toBe('refresh-3');
  });

  it('restores a session after a reload', async () => {
    window.localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-3');
    const store = storeAt({ now: 0 });
    mockFetch({ '/api/v1/auth/refresh': () => ({ body: sessionBody(customer) }) });
    await restoreSession(store);
    expect(store.getState()).toEqual({ status: 'signed_in', account: customer });
  });
});

describe('currentAccessToken', () => {
  it('renews a token about to expire before using it', async () => {
    const time = { now: 0 };
    const store = storeAt(time);
    store.begin(sessionBody(customer));
    const fetch = mockFetch({
      '/api/v1/auth/refresh': () => ({
        body: sessionBody(customer, { access_token: 'access-renewed' }),
      }),
    });
    expect(await currentAccessToken(store)).toBe('access-3');
    time.now = 900_000 - EXPIRY_MARGIN_MS + 1;
    expect(await currentAccessToken(store)).toBe('access-renewed');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('is null when nobody is signed in', async () => {
    expect(await currentAccessToken(storeAt({ now: 0 }))).toBeNull();
  });
});

describe('keepSessionFresh', () => {
  it('renews the token before it expires', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const store = new SessionStore(window.localStorage);
    store.begin(sessionBody(customer, { expires_in: 60 }));
    const fetch = mockFetch({
      '/api/v1/auth/refresh': () => ({
        body: sessionBody(customer, { access_token: 'access-renewed' }),
      }),
    });
    const stop = keepSessionFresh(store);
    await vi.advanceTimersByTimeAsync(60_000 - EXPIRY_MARGIN_MS - 1_000);
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(store.accessToken()).toBe('access-renewed');
    stop();
  });
});

describe('API client with a session', () => {
  it('sends the access token', async () => {
    signInForTest(superAdmin);
    const fetch = mockFetch({ '/api/v1/stores': () => ({ body: { items: [] } }) });
    await apiGet('/stores');
    const headers = new Headers(fetch.mock.calls[0]?.[1]?.headers);
    expect(headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('renews the session once after a 401 and repeats the request', async () => {
    signInForTest(superAdmin);
    let storeCalls = 0;
    const fetch = mockFetch({
      '/api/v1/stores': () => {
        storeCalls += 1;
        return storeCalls === 1
          ? { status: 401, body: { error: { code: 'unauthenticated', message: 'expired' } } }
          : { body: { items: [{ code: 'PV01', name: 'PV01' }] } };
      },
      '/api/v1/auth/refresh': () => ({
        body: sessionBody(superAdmin, { access_token: 'access-renewed' }),
      }),
    });
    await expect(apiGet('/stores')).resolves.toEqual({ items: [{ code: 'PV01', name: 'PV01' }] });
    const retried = new Headers(fetch.mock.calls[2]?.[1]?.headers);
    expect(retried.get('Authorization')).toBe('Bearer access-renewed');
    expect(sessionStore.getState().status).toBe('signed_in');
  });

  it('ends the session after a second 401', async () => {
    signInForTest(superAdmin);
    const fetch = mockFetch({
      '/api/v1/stores': () => ({
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'account disabled' } },
      }),
      '/api/v1/auth/refresh': () => ({ body: sessionBody(superAdmin) }),
    });
    await expect(apiGet('/stores')).rejects.toMatchObject({ status: 401 });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(sessionStore.getState()).toEqual({ status: 'signed_out', reason: 'expired' });
  });
});

describe('signOut', () => {
  it('revokes the refresh token and forgets the session', async () => {
    signInForTest(customer);
    const fetch = mockFetch({ '/api/v1/auth/logout': () => new Response(null, { status: 204 }) });
    await signOut();
    expect(bodyOf(fetch.mock.calls[0]?.[1])).toEqual({ refresh_token: 'refresh-3' });
    expect(sessionStore.getState()).toEqual({ status: 'signed_out', reason: 'signed_out' });
    expect(window.localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('signs out here even when the server is unreachable', async () => {
    signInForTest(customer);
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await signOut();
    expect(sessionStore.getState().status).toBe('signed_out');
  });
});

import { ApiError } from '@/shared/api/api-error';
import { buildUrl, errorOfResponse, fetchResponse, readJson } from '@/shared/api/http';

import type { SessionBody } from './account';
import { sessionStore, type SessionStore } from './session-store';

// A refresh token works once: the server rotates it and treats a second use as theft, revoking
// the whole chain. So this tab never runs two refreshes at once, and tabs that share the stored
// token take turns through a Web Lock, each rotating the newest token it finds.

/** An access token this close to its expiry is renewed before a request instead of after a 401. */
export const EXPIRY_MARGIN_MS = 30_000;

const REFRESH_LOCK = 'imagross.session-refresh';

let inFlight: Promise<string> | null = null;

function sessionExpired(): ApiError {
  return new ApiError({
    status: 401,
    code: 'invalid_refresh_token',
    message: 'the session has ended: sign in again',
  });
}

/** Runs `task` while holding the lock shared by every tab, where the browser has Web Locks. */
async function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !('locks' in navigator) || !navigator.locks) {
    return task();
  }
  // The lock is held until the promise that `task` returns settles.
  return (await navigator.locks.request(REFRESH_LOCK, task)) as T;
}

async function rotate(store: SessionStore): Promise<string> {
  const refreshToken = store.refreshToken();
  if (!refreshToken) {
    store.end('expired');
    throw sessionExpired();
  }
  // NOTE: a page closed or reloaded after the server rotated the token but before the response
  // arrived leaves the used token in storage. The next load presents it, the server takes that
  // for reuse and revokes the chain, and the user has to sign in again.
  const response = await fetchResponse(buildUrl('/auth/refresh'), {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ refresh_token: refreshToken }),
  });
  if (!response.ok) {
    const error = await errorOfResponse(response);
    // A rejected token will not work later either, so it ends the session. A lost connection or
    // a server fault may pass, so the session is kept for the next try.
    if (!error.isTransient) store.end('expired');
    throw error;
  }
  const body = await readJson<SessionBody>(response);
  store.begin(body);
  return body.access_token;
}

/**
 * Renews the session with the stored refresh token and returns the new access token. Calls made
 * while a refresh runs share it. A rejected refresh signs the user out; a network failure
 * keeps the session and rejects with the network error.
 */
export function refreshAccessToken(store: SessionStore = sessionStore): Promise<string> {
  if (!inFlight) {
    inFlight = withRefreshLock(() => rotate(store)).finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
}

/**
 * Returns an access token fit for a request: the current one, or a renewed one when it is
 * missing or about to expire. Null when no user is signed in.
 */
export async function currentAccessToken(
  store: SessionStore = sessionStore,
): Promise<string | null> {
  if (store.getState().status === 'signed_out') return null;
  const token = store.accessToken();
  if (token !== null && !store.accessTokenExpiresWithin(EXPIRY_MARGIN_MS)) return token;
  return refreshAccessToken(store);
}

/**
 * Returns the token to retry a request with after the server rejected `rejected` with a 401.
 * When a parallel request has already renewed the session, its token is reused instead of
 * rotating the refresh token a second time.
 */
export function accessTokenAfterRejection(
  rejected: string,
  store: SessionStore = sessionStore,
): Promise<string> {
  const current = store.accessToken();
  if (current !== null && current !== rejected) return Promise.resolve(current);
  return refreshAccessToken(store);
}

/**
 * Renews the access token EXPIRY_MARGIN_MS before it expires, for as long as the session lasts,
 * so that requests seldom wait for one. Each renewal starts the timer of the next one. A
 * failed renewal sets no new timer: a rejected token has already ended the session, and after a
 * network failure the next request tries again. Returns the function that stops the timer.
 */
export function keepSessionFresh(store: SessionStore = sessionStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const plan = () => {
    clearTimeout(timer);
    timer = undefined;
    if (store.getState().status !== 'signed_in') return;
    const delay = Math.max(0, store.msUntilExpiry() - EXPIRY_MARGIN_MS);
    timer = setTimeout(() => {
      refreshAccessToken(store).catch(() => undefined);
    }, delay);
  };
  plan();
  const unsubscribe = store.subscribe(plan);
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}

/**
 * Restores the session of a stored refresh token, as after a reload. A rejected token signs the
 * user out; a network failure keeps the state "restoring" and rejects, so the caller can offer
 * a retry. Does nothing in any other state.
 */
export async function restoreSession(store: SessionStore = sessionStore): Promise<void> {
  if (store.getState().status !== 'restoring') return;
  await refreshAccessToken(store);
}

import { buildUrl, fetchResponse } from '@/shared/api/http';

import { sessionStore, type SessionStore } from './session-store';

/**
 * Signs out: asks the server to revoke the refresh token's chain, then forgets the tokens here
 * whatever the server replied, so a lost connection never leaves the user signed in.
 */
export async function signOut(store: SessionStore = sessionStore): Promise<void> {
  const refreshToken = store.refreshToken();
  try {
    if (refreshToken) {
      await fetchResponse(buildUrl('/auth/logout'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refresh_token: refreshToken }),
      });
    }
  } catch {
    // NOTE: the chain then stays valid on the server until it expires, but no copy of its
    // token is left in this browser.
  } finally {
    store.end('signed_out');
  }
}

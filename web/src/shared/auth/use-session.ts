import { useSyncExternalStore } from 'react';

import type { Account } from './account';
import { sessionStore, type SessionState } from './session-store';

/** Returns the session of this tab and re-renders when it changes. */
export function useSession(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getState);
}

/** Returns the signed-in account; only for components rendered behind a sign-in check. */
export function useAccount(): Account {
  const session = useSession();
  if (session.status !== 'signed_in') {
    throw new Error('useAccount is only for pages that require a signed-in user');
  }
  return session.account;
}

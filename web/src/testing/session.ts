import type { Account, SessionBody } from '@/shared/auth/account';
import { sessionStore } from '@/shared/auth/session-store';

export const superAdmin: Account = {
  id: 1,
  role: 'super_admin',
  email: 'admin@imagross.example',
  member_id: null,
  stores: [],
  display_name: 'admin@imagross.example',
};

export const storeAdmin: Account = {
  id: 2,
  role: 'store_admin',
  email: 'pv01@imagross.example',
  member_id: null,
  stores: ['PV01'],
  display_name: 'pv01@imagross.example',
};

export const customer: Account = {
  id: 3,
  role: 'customer',
  email: 'maria.rossi@example.it',
  member_id: 41,
  stores: [],
  display_name: 'Maria Rossi',
};

/** A session body as the sign-in route returns it, with tokens that name the account. */
export function sessionBody(account: Account, overrides: Partial<SessionBody> = {}): SessionBody {
  return {
    access_token: `access-${account.id}`,
    token_type: 'Bearer',
    expires_in: 900,
    refresh_token: `refresh-${account.id}`,
    refresh_expires_in: 2_592_000,
    account,
    ...overrides,
  };
}

/** Starts a session in the app's store, as a sign-in would. */
export function signInForTest(account: Account): void {
  sessionStore.begin(sessionBody(account));
}

import { useMutation } from '@tanstack/react-query';

import { apiSend } from '@/shared/api/client';
import type { Account, SessionBody } from '@/shared/auth/account';
import { sessionStore } from '@/shared/auth/session-store';

import type { SignUpValues } from '../validation/sign-up-form';

/**
 * Signs in with a card number, e-mail or phone and the password, and starts the session. A
 * wrong identifier or password is a 401 `invalid_credentials`; too many attempts a 429 whose
 * ApiError carries the wait in `retryAfter`.
 */
export async function signIn(identifier: string, password: string): Promise<Account> {
  const body = await apiSend<SessionBody>(
    'POST',
    '/auth/login',
    { identifier: identifier.trim(), password },
    { authorize: false },
  );
  sessionStore.begin(body);
  return body.account;
}

/** Creates the account with its card and consents, and starts its session. */
export async function signUp(request: SignUpValues): Promise<Account> {
  const body = await apiSend<SessionBody>('POST', '/auth/signup', request, { authorize: false });
  sessionStore.begin(body);
  return body.account;
}

export function useSignIn() {
  return useMutation({
    mutationFn: ({ identifier, password }: { identifier: string; password: string }) =>
      signIn(identifier, password),
  });
}

export function useSignUp() {
  return useMutation({ mutationFn: signUp });
}

import { useMutation } from '@tanstack/react-query';

import { apiSend } from '@/shared/api/client';

/**
 * Asks for a reset link. The server returns 202 whether or not the identifier has an account,
 * so the page shows the same text in both cases.
 */
export async function requestPasswordReset(identifier: string): Promise<void> {
  await apiSend<unknown>(
    'POST',
    '/auth/password-reset',
    { identifier: identifier.trim() },
    { authorize: false },
  );
}

/** Sets a new password with the one-time token of the link; 400 `invalid_reset_token` when spent. */
export async function confirmPasswordReset(token: string, password: string): Promise<void> {
  await apiSend<unknown>(
    'POST',
    '/auth/password-reset/confirm',
    { token, password },
    { authorize: false },
  );
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: ({ token, password }: { token: string; password: string }) =>
      confirmPasswordReset(token, password),
  });
}

import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { isApiError } from '@/shared/api/api-error';
import type { Account } from '@/shared/auth/account';
import { useI18n } from '@/shared/i18n/i18n-context';
import { useCountdown } from '@/shared/lib/use-countdown';
import { useErrorMessage } from '@/shared/ui/states';
import { TextField } from '@/shared/ui/text-field';

import { useSignIn } from '../api/sign-in';

type Field = 'identifier' | 'password';

/** Returns the failure message of a sign-in, which never reveals whether the account exists. */
function useSignInFailure(error: unknown, secondsLeft: number): string | null {
  const { t, format } = useI18n();
  const messageOf = useErrorMessage();
  if (!error) return null;
  if (isApiError(error) && error.status === 429) {
    return secondsLeft > 0
      ? t('signIn.tooManyAttempts', { wait: format.duration(secondsLeft) })
      : t('signIn.tryAgainNow');
  }
  if (isApiError(error) && error.status === 401) return t('signIn.invalidCredentials');
  return messageOf(error);
}

/**
 * Signs in with one identifier, a card number, an e-mail or a phone number, and the password.
 * After too many failures the server makes the user wait; the button stays off until then.
 */
export function SignInForm({ onSignedIn }: { onSignedIn: (account: Account) => void }) {
  const { t } = useI18n();
  const signIn = useSignIn();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Field[]>([]);
  const retryAfter = isApiError(signIn.error) ? signIn.error.retryAfter : undefined;
  const secondsLeft = useCountdown(retryAfter, signIn.error);
  const failure = useSignInFailure(signIn.error, secondsLeft);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const blank: Field[] = [];
    if (identifier.trim() === '') blank.push('identifier');
    if (password === '') blank.push('password');
    setMissing(blank);
    if (blank.length > 0) return;
    signIn.mutate({ identifier, password }, { onSuccess: onSignedIn });
  };

  const required = (field: Field) => (missing.includes(field) ? t('form.required') : null);

  return (
    <form className="auth-form" onSubmit={submit} noValidate aria-busy={signIn.isPending}>
      <TextField
        label={t('signIn.identifier')}
        help={t('signIn.identifier.help')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={identifier}
        error={required('identifier')}
        onChange={(event) => setIdentifier(event.target.value)}
      />
      <TextField
        label={t('signIn.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        error={required('password')}
        onChange={(event) => setPassword(event.target.value)}
      />
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <button
        type="submit"
        className="button button--block"
        disabled={signIn.isPending || secondsLeft > 0}
      >
        {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
      </button>
      <p className="auth-form__links">
        <Link to="/forgot-password">{t('signIn.forgotPassword')}</Link>
        <Link to="/sign-up">{t('signIn.noAccount')}</Link>
      </p>
    </form>
  );
}

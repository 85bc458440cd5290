import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { isApiError } from '@/shared/api/api-error';
import { useI18n } from '@/shared/i18n/i18n-context';
import { ErrorState } from '@/shared/ui/states';
import { TextField } from '@/shared/ui/text-field';

import { useConfirmPasswordReset, useRequestPasswordReset } from '../api/password-reset';
import { MIN_PASSWORD_LENGTH } from '../validation/password';
import { PasswordStrengthHint } from './password-strength';

/**
 * Asks for a reset link by card number, e-mail or phone. The confirmation reads the same
 * whether or not an account matched, so the page reveals to no one who has an account.
 */
export function PasswordResetRequestForm() {
  const { t } = useI18n();
  const request = useRequestPasswordReset();
  const [identifier, setIdentifier] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(identifier.trim() === '');
    if (identifier.trim() !== '') request.mutate(identifier);
  };

  if (request.isSuccess) {
    return (
      <div className="auth-form" role="status">
        <p>{t('passwordReset.sent')}</p>
        <Link to="/sign-in">{t('passwordReset.backToSignIn')}</Link>
      </div>
    );
  }

  return (
    <form className="auth-form" onSubmit={submit} noValidate aria-busy={request.isPending}>
      <p className="muted">{t('passwordReset.intro')}</p>
      <TextField
        label={t('signIn.identifier')}
        help={t('signIn.identifier.help')}
        autoComplete="username"
        autoCapitalize="none"
        value={identifier}
        error={missing ? t('form.required') : null}
        onChange={(event) => setIdentifier(event.target.value)}
      />
      {request.isError && <ErrorState error={request.error} />}
      <button type="submit" className="button button--block" disabled={request.isPending}>
        {t('passwordReset.submit')}
      </button>
      <p className="auth-form__links">
        <Link to="/sign-in">{t('passwordReset.backToSignIn')}</Link>
      </p>
    </form>
  );
}

type ConfirmProblem = 'password_too_short' | 'mismatch' | null;

/** Sets a new password with the one-time token of the reset link. */
export function PasswordResetConfirmForm({ token }: { token: string }) {
  const { t } = useI18n();
  const confirm = useConfirmPasswordReset();
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [problem, setProblem] = useState<ConfirmProblem>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let found: ConfirmProblem = null;
    if (password.length < MIN_PASSWORD_LENGTH) found = 'password_too_short';
    else if (password !== repeated) found = 'mismatch';
    setProblem(found);
    if (!found) confirm.mutate({ token, password });
  };

  if (confirm.isSuccess) {
    return (
      <div className="auth-form" role="status">
        <p>{t('passwordReset.changed')}</p>
        <Link className="button button--block" to="/sign-in">
          {t('signIn.submit')}
        </Link>
      </div>
    );
  }

  const spent = isApiError(confirm.error) && confirm.error.code === 'invalid_reset_token';
  const serverPassword =
    isApiError(confirm.error) && confirm.error.field === 'password' ? confirm.error.message : null;
  return (
    <form className="auth-form" onSubmit={submit} noValidate aria-busy={confirm.isPending}>
      <TextField
        label={t('passwordReset.newPassword')}
        type="password"
        autoComplete="new-password"
        value={password}
        help={<PasswordStrengthHint password={password} personal={[]} />}
        error={
          problem === 'password_too_short'
            ? t('signUp.error.password_too_short', { min: MIN_PASSWORD_LENGTH })
            : serverPassword
        }
        onChange={(event) => setPassword(event.target.value)}
      />
      <TextField
        label={t('passwordReset.repeatPassword')}
        type="password"
        autoComplete="new-password"
        value={repeated}
        error={problem === 'mismatch' ? t('passwordReset.mismatch') : null}
        onChange={(event) => setRepeated(event.target.value)}
      />
      {spent && (
        <p className="form-error" role="alert">
          {t('passwordReset.invalidToken')}{' '}
          <Link to="/forgot-password">{t('passwordReset.requestAgain')}</Link>
        </p>
      )}
      {confirm.isError && !spent && !serverPassword && <ErrorState error={confirm.error} />}
      <button type="submit" className="button button--block" disabled={confirm.isPending}>
        {t('passwordReset.save')}
      </button>
    </form>
  );
}

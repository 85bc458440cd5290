import type { ReactNode } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';

import {
  PasswordResetConfirmForm,
  PasswordResetRequestForm,
} from '@/features/auth/components/password-reset-forms';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { SignUpForm } from '@/features/auth/components/sign-up-form';
import type { Account } from '@/shared/auth/account';
import type { SignOutReason } from '@/shared/auth/session-store';
import { useSession } from '@/shared/auth/use-session';
import { useI18n } from '@/shared/i18n/i18n-context';
import type { MessageKey } from '@/shared/i18n/translate';
import { useDocumentTitle } from '@/shared/lib/use-document-title';

import { homeOf, pageAfterSignIn } from '../guards';

function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  useDocumentTitle(title, t('app.name'));
  return (
    <section className="auth-card" aria-labelledby="auth-title">
      <h1 className="page__title" id="auth-title">
        {title}
      </h1>
      {children}
    </section>
  );
}

const REASON_MESSAGES: Record<SignOutReason, MessageKey> = {
  signed_out: 'session.signedOut',
  expired: 'session.expired',
  elsewhere: 'session.elsewhere',
};

/** Sends a signed-in user from a public page to the page they came for, or their home. */
function useLeaveAfterSignIn(): (account: Account) => void {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (account) =>
    navigate(pageAfterSignIn(params.get('next'), account.role), { replace: true });
}

export function SignInRoute() {
  const { t } = useI18n();
  const session = useSession();
  const leave = useLeaveAfterSignIn();
  const [params] = useSearchParams();
  if (session.status === 'signed_in') {
    return <Navigate to={pageAfterSignIn(params.get('next'), session.account.role)} replace />;
  }
  const reason = session.status === 'signed_out' ? session.reason : null;
  return (
    <AuthCard title={t('signIn.title')}>
      {reason && (
        <p className="notice" role="status">
          {t(REASON_MESSAGES[reason])}
        </p>
      )}
      <p className="muted">{t('signIn.intro')}</p>
      <SignInForm onSignedIn={leave} />
    </AuthCard>
  );
}

export function SignUpRoute() {
  const { t } = useI18n();
  const session = useSession();
  const leave = useLeaveAfterSignIn();
  // The form starts the session itself; until then a signed-in visitor is sent home.
  if (session.status === 'signed_in') return <Navigate to={homeOf(session.account.role)} replace />;
  return (
    <AuthCard title={t('signUp.title')}>
      <SignUpForm onSignedUp={leave} />
    </AuthCard>
  );
}

export function ForgotPasswordRoute() {
  const { t } = useI18n();
  return (
    <AuthCard title={t('passwordReset.title')}>
      <PasswordResetRequestForm />
    </AuthCard>
  );
}

/** The page of the link in a reset message: `?token=` contains the one-time token. */
export function ResetPasswordRoute() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  return (
    <AuthCard title={t('passwordReset.confirmTitle')}>
      {token === '' ? (
        <p className="form-error" role="alert">
          {t('passwordReset.missingToken')}
        </p>
      ) : (
        <PasswordResetConfirmForm token={token} />
      )}
    </AuthCard>
  );
}

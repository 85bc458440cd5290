import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';

import { isAdmin, type Role } from '@/shared/auth/account';
import { restoreSession } from '@/shared/auth/token-refresh';
import { useSession } from '@/shared/auth/use-session';
import { useI18n } from '@/shared/i18n/i18n-context';
import { Skeleton } from '@/shared/ui/skeleton';
import { ErrorState } from '@/shared/ui/states';

/** Returns the page a role starts on: the dashboard for administrators, the card for customers. */
export function homeOf(role: Role): string {
  return isAdmin(role) ? '/' : '/card';
}

/**
 * Returns where to go after signing in: the `next` page the user was sent away from, when it is
 * a path of this app, else the role's home. A `next` of another role's area is left to the
 * route guards, which send the user home.
 */
export function pageAfterSignIn(next: string | null, role: Role): string {
  const local = next !== null && next.startsWith('/') && !next.startsWith('//');
  return local ? next : homeOf(role);
}

/**
 * Restores the session of a stored refresh token before rendering any page, so that a reload
 * stays signed in and no page flashes the sign-in form. A lost connection shows a retry.
 */
export function SessionGate() {
  const { t } = useI18n();
  const session = useSession();
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const restoring = session.status === 'restoring';

  useEffect(() => {
    if (!restoring) return;
    setError(null);
    restoreSession().catch((cause: unknown) => setError(cause));
  }, [restoring, attempt]);

  if (!restoring) return <Outlet />;
  return (
    <main id="main" className="main auth-page" aria-busy={error === null}>
      {error === null ? (
        <div className="auth-card">
          <p role="status">{t('session.restoring')}</p>
          <Skeleton height="8rem" />
        </div>
      ) : (
        <ErrorState
          error={error}
          title={t('session.restoreFailed')}
          onRetry={() => setAttempt((count) => count + 1)}
        />
      )}
    </main>
  );
}

/**
 * Renders its child routes for a signed-in user whose role is one of `roles`. Anyone else goes
 * to sign-in (with the page to return to, unless they signed out themselves), and a user of
 * another role goes to their own home.
 */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'signed_in') {
    const { role } = session.account;
    return roles.includes(role) ? <Outlet /> : <Navigate to={homeOf(role)} replace />;
  }
  if (session.status === 'restoring') return null;
  if (session.reason === 'signed_out') return <Navigate to="/sign-in" replace />;
  const next = new URLSearchParams({ next: `${location.pathname}${location.search}` });
  return <Navigate to={`/sign-in?${next.toString()}`} replace />;
}

import { useState } from 'react';
import { NavLink, Outlet } from 'react-router';

import { isAdmin, type Account } from '@/shared/auth/account';
import { signOut } from '@/shared/auth/sign-out';
import { useAccount } from '@/shared/auth/use-session';
import { useI18n } from '@/shared/i18n/i18n-context';
import type { MessageKey } from '@/shared/i18n/translate';
import { LANGUAGES, type Language } from '@/shared/i18n/language';

function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        value={language}
        onChange={(event) => setLanguage(event.target.value as Language)}
        aria-label={t('language.label')}
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`language.${option}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

function Brand({ area }: { area: string }) {
  const { t } = useI18n();
  return (
    <div className="topbar__brand">
      <span className="topbar__logo" aria-hidden="true">
        IG
      </span>
      <span className="topbar__name">{t('app.name')}</span>
      <span className="topbar__area">{area}</span>
    </div>
  );
}

interface NavItem {
  to: string;
  label: MessageKey;
  end?: boolean;
}

const ADMIN_NAV: NavItem[] = [
  { to: '/', label: 'nav.dashboard', end: true },
  { to: '/members', label: 'nav.members' },
  { to: '/points', label: 'nav.pointsAdmin' },
  { to: '/imports', label: 'nav.imports' },
];

const CUSTOMER_NAV: NavItem[] = [
  { to: '/card', label: 'nav.card' },
  { to: '/my-points', label: 'nav.points' },
  { to: '/rewards', label: 'nav.rewards' },
  { to: '/vouchers', label: 'nav.vouchers' },
  { to: '/purchases', label: 'nav.purchases' },
  { to: '/profile', label: 'nav.profile' },
];

function AccountMenu({ account }: { account: Account }) {
  const { t } = useI18n();
  const [leaving, setLeaving] = useState(false);
  return (
    <div className="account-menu">
      <span className="account-menu__name" data-testid="signed-in-as">
        {t('session.signedInAs', { name: account.display_name || account.email || '' })}
      </span>
      <button
        type="button"
        className="button button--small button--secondary"
        disabled={leaving}
        onClick={() => {
          setLeaving(true);
          void signOut();
        }}
      >
        {t('session.signOut')}
      </button>
    </div>
  );
}

/**
 * Renders the frame of every signed-in page: brand, the navigation of the user's role, the
 * account with its sign-out button, the language, and the page itself.
 */
export function AppLayout() {
  const { t } = useI18n();
  const account = useAccount();
  const admin = isAdmin(account.role);
  const items = admin ? ADMIN_NAV : CUSTOMER_NAV;
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    isActive ? 'nav__link nav__link--active' : 'nav__link';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Brand area={admin ? t('app.area') : t('app.customerArea')} />
        <nav className="nav" aria-label={t('nav.label')}>
          {items.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.end ?? false} className={linkClass}>
              {t(item.label)}
            </NavLink>
          ))}
        </nav>
        <AccountMenu account={account} />
        <LanguageSwitch />
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

/** Renders the frame of the sign-in, sign-up and password pages: brand, language, the form. */
export function PublicLayout() {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar topbar--public">
        <Brand area={t('app.customerArea')} />
        <LanguageSwitch />
      </header>
      <main id="main" className="main auth-page" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

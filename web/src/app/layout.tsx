import { NavLink, Outlet } from 'react-router';

import { useI18n } from '@/shared/i18n/i18n-context';
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

/** Renders the frame of every page: brand, navigation, language, and the page itself. */
export function AppLayout() {
  const { t } = useI18n();
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    isActive ? 'nav__link nav__link--active' : 'nav__link';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar__brand">
          <span className="topbar__logo" aria-hidden="true">
            IG
          </span>
          <span className="topbar__name">{t('app.name')}</span>
          <span className="topbar__area">{t('app.area')}</span>
        </div>
        <nav className="nav" aria-label={t('nav.label')}>
          <NavLink to="/" end className={linkClass}>
            {t('nav.dashboard')}
          </NavLink>
          <NavLink to="/imports" className={linkClass}>
            {t('nav.imports')}
          </NavLink>
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

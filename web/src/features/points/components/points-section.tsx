import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

import { useI18n } from '@/shared/i18n/i18n-context';
import type { MessageKey } from '@/shared/i18n/translate';
import { useDocumentTitle } from '@/shared/lib/use-document-title';

const TABS: { to: string; label: MessageKey; end?: boolean }[] = [
  { to: '/points', label: 'pointsAdmin.tab.overview', end: true },
  { to: '/points/rules', label: 'pointsAdmin.tab.rules' },
  { to: '/points/rewards', label: 'pointsAdmin.tab.rewards' },
  { to: '/points/vouchers', label: 'pointsAdmin.tab.vouchers' },
];

/** Renders a page of the admins' points section: its title, the section's tabs and the page. */
export function PointsSection({ title, children }: { title: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  useDocumentTitle(t(title), t('app.name'));
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    isActive ? 'tabs__link tabs__link--active' : 'tabs__link';
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">{t(title)}</h1>
      </header>
      <nav className="tabs" aria-label={t('pointsAdmin.tabs')}>
        {TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end ?? false} className={linkClass}>
            {t(tab.label)}
          </NavLink>
        ))}
      </nav>
      {children}
    </div>
  );
}
